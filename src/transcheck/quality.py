"""An MQM-style quality score: penalty points per 1,000 words from severity weights.

As in MQM's scoring model, every finding costs the weight of its severity (default
minor 1, major 5, critical 10); the absolute penalty total of a file, divided by its
word count and scaled to 1,000 words, is its normed penalty. Lower is better; 0 means
no findings. The overall score sums the penalties and the words of all files.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from transcheck.models import Finding, Severity

PER_WORDS = 1000


@dataclass(frozen=True)
class Weights:
    """Penalty points of one finding of each severity (``[quality]`` in the configuration)."""

    minor: float = 1.0
    major: float = 5.0
    critical: float = 10.0

    def of(self, severity: Severity) -> float:
        return getattr(self, severity.label)

    def to_dict(self) -> dict[str, float]:
        return {sev.label: self.of(sev) for sev in Severity}


@dataclass(frozen=True)
class Score:
    """The score of one file, or of all files together (``path`` None)."""

    path: str | None
    words: int
    counts: dict[str, int]  # findings by severity label
    penalty: float  # absolute penalty total

    @property
    def per_1000_words(self) -> float:
        """Normed penalty: points per 1,000 words (a text without words counts as one word)."""
        return round(self.penalty * PER_WORDS / max(self.words, 1), 2)

    def exceeds(self, limit: float | None) -> bool:
        return limit is not None and self.per_1000_words > limit

    def to_dict(self) -> dict:
        return {"words": self.words, "penalty": self.penalty, "penalty_per_1000_words": self.per_1000_words}


@dataclass(frozen=True)
class QualityReport:
    """Scores per file, in report order, and overall."""

    weights: Weights
    files: list[Score]
    overall: Score

    def file(self, path: str) -> Score | None:
        return next((s for s in self.files if s.path == path), None)

    def over_limit(self, limit: float | None) -> list[Score]:
        """Files whose normed penalty is above ``limit`` (none when there is no limit)."""
        return [s for s in self.files if s.exceeds(limit)]


def _score(path: str | None, words: int, counts: Counter[Severity], weights: Weights) -> Score:
    penalty = sum(weights.of(sev) * n for sev, n in counts.items())
    return Score(path, words, {sev.label: counts[sev] for sev in Severity}, round(penalty, 4))


def score(files: Sequence[tuple[str, int]], findings: Iterable[Finding], weights: Weights | None = None) -> QualityReport:
    """Score ``files`` (path, word count) from their ``findings``, counted in one pass
    (severities in the order they first occur, per file and overall: the same sums)."""
    weights = weights or Weights()
    by_path: dict[str, Counter[Severity]] = {}
    overall: Counter[Severity] = Counter()
    for f in findings:
        by_path.setdefault(f.path, Counter())[f.severity] += 1
        overall[f.severity] += 1
    scores = [_score(path, words, by_path.get(path, Counter()), weights) for path, words in files]
    return QualityReport(weights, scores, _score(None, sum(words for _, words in files), overall, weights))


def score_documents(documents: Sequence, findings: Iterable[Finding], weights: Weights | None = None) -> QualityReport:
    """:func:`score` for checked Documents (their whitespace-separated word counts)."""
    return score([(d.path, d.word_count) for d in documents], findings, weights)
