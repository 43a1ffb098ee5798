"""Paired significance of each system against the first: sacrebleu's own bootstrap and AR tests.

sacrebleu's ``_paired_bs_test`` and ``_paired_ar_test`` run unchanged, with an explicit seed,
on the statistics already extracted for every system (an adapter hands them over instead of
re-reading the hypotheses).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from sacrebleu.metrics.base import Metric
from sacrebleu.significance import Result, _paired_ar_test, _paired_bs_test

from transcheck.scoring.stats import ScoreOptions, SystemScores


@dataclass(frozen=True)
class PairedResult:
    """A system compared with the baseline on one metric."""

    system: str
    key: str
    score: float
    p_value: float | None
    mean: float | None = None
    ci_half_width: float | None = None


@dataclass(frozen=True)
class Significance:
    test: str  # bs | ar
    samples: int
    seed: int
    baseline: str
    results: list[PairedResult] = field(default_factory=list)


class _Precomputed:
    """A metric whose segment statistics are already known, for sacrebleu's paired tests."""

    def __init__(self, metric: Metric, stats: list):
        self._metric, self._stats = metric, stats

    def _extract_corpus_statistics(self, hypotheses, references) -> list:
        return self._stats

    def __getattr__(self, name: str):
        return getattr(self._metric, name)


def paired_significance(systems: list[tuple[str, dict[str, np.ndarray]]], baseline: SystemScores,
                        metrics: dict[str, Metric], options: ScoreOptions) -> Significance:
    """Compare every system with the first by sacrebleu's paired bootstrap or AR test.

    ``systems`` pairs each name with its segment statistics, the baseline first.
    """
    test = options.paired
    samples = options.paired_samples or (1000 if test == "bs" else 10000)
    names = {key: baseline.scores[key].name for key in metrics}
    baseline_stats = systems[0][1]
    # sacrebleu's tests take the statistics as lists of rows, as its metrics return them
    info = {names[key]: (baseline_stats[key].tolist(), Result(baseline.scores[key].score)) for key in metrics}
    by_name = {names[key]: metric for key, metric in metrics.items()}
    run = _paired_bs_test if test == "bs" else _paired_ar_test
    key_of = {name: key for key, name in names.items()}
    results: list[PairedResult] = []
    placeholder = [None] * len(baseline_stats[next(iter(metrics))])  # hypotheses are not re-read
    for name, stats in systems[1:]:
        cached = {n: _Precomputed(m, stats[key_of[n]].tolist()) for n, m in by_name.items()}
        _, per_metric = run(info, name, placeholder, None, cached, n_samples=samples, seed=options.seed)
        for metric_name, res in per_metric.items():
            results.append(PairedResult(name, key_of[metric_name], float(res.score), _float(res.p_value),
                                        _float(res.mean), _float(res.ci)))
    return Significance(test, samples, options.seed, systems[0][0], results)


def _float(value) -> float | None:
    return None if value is None else float(value)
