"""What the score reporters need: scored systems with their texts, CI gates, worst segments."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from transcheck.scoring.significance import Significance
from transcheck.scoring.stats import HIGHER_IS_BETTER, ScoreOptions, SystemScores


@dataclass(frozen=True)
class SystemRun:
    """A scored system with the texts it was scored on."""

    path: str
    result: SystemScores
    hypotheses: Sequence[str]  # a list, or scoring.lines.Lines read from the file on demand
    references: list[Sequence[str]]  # one sequence per reference file
    labels: Sequence[str]  # where each segment comes from: "12" (line) or "5,6 ~ 3" (aligned lines)
    alignment: Any = None  # transcheck.align.Alignment with --align


class LineLabels(Sequence[str]):
    """The labels "1", "2", … of line-aligned segments, without a list of them."""

    def __init__(self, count: int):
        self._count = count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if not -self._count <= index < self._count:
            raise IndexError(index)
        return str(index % self._count + 1)


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
    values = np.fromiter(result.segments[key], dtype=np.float64, count=len(result.segments[key]))
    sign = 1 if HIGHER_IS_BETTER[key] else -1
    order = np.argsort(sign * values, kind="stable")  # ties keep segment order
    return key, order[:n].tolist()
