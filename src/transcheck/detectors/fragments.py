"""Stray fragments of German word order: a finite verb left at the end of a clause."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.models import Match

AUXILIARIES = "was|were|is|are|has|have|had|would|will|can|could|became|becomes"
# A clause-final auxiliary: followed by the end of a sentence, a semicolon, a dash, or a
# comma that opens a new clause (in English an embedded clause rarely ends this way).
FINAL_AUX = re.compile(
    rf"\b({AUXILIARIES})(?=\s*[.!?;](?:\s|$)|\s*$|\s+[–—]\s|\s*,\s+(?:but|and|or|while|whereas|although|though|because|since|so)\b)",
    re.MULTILINE,
)
CLAUSE_START = re.compile(r"[,.;:!?()\[\]–—\n“”\"]")
WORD = re.compile(r"[\w’'-]+")
FINITE = frozenset(
    "is are was were has have had will would can could may might must shall should does did "
    "said says say told tells announced declared stressed added explained".split()
)
# English puts a verb last in embedded questions, comparatives and relative clauses.
EMBEDDING = frozenset(
    "than as what how who whom whose which where when why whether if whatever whoever "
    "wherever however though although unless whichever such so".split()
)
# Words after which a final auxiliary is ordinary English ("as he was", "it never did").
NOT_BEFORE = frozenset(
    "i you he she it we they there this that these those one ones who what which so too also "
    "not never still already just really always indeed certainly probably is are was were "
    "has have had will would can could should may might must be been being to do does did "
    "else all both".split()
)


@detector("verb-final")
@dataclass
class VerbFinal:
    """A clause that already has a finite verb ends in another auxiliary: `… ready to cooperate with the US was – but`."""

    min_words: int = 5

    @classmethod
    def from_options(cls, options: dict, where: str) -> "VerbFinal":
        return cls(int(options.get("min_words", 5)))

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        for m in FINAL_AUX.finditer(text):
            start = self._clause_start(text, m.start())
            words = [w.lower() for w in WORD.findall(text, start, m.start())]
            if self._suspicious(words):
                yield Match(m.start(), m.end(), "", _delete_start(text, m.start()), m.end())

    @staticmethod
    def _clause_start(text: str, end: int) -> int:
        window_start = max(0, end - 300)
        starts = [c.end() for c in CLAUSE_START.finditer(text, window_start, end)]
        return starts[-1] if starts else window_start

    def _suspicious(self, words: list[str]) -> bool:
        if len(words) < self.min_words or words[-1] in NOT_BEFORE or words[-1].endswith("ly"):
            return False
        if EMBEDDING.intersection(words):
            return False
        return bool(FINITE.intersection(words[:-1]))


def _delete_start(text: str, start: int) -> int:
    """Deleting a word takes the space before it too."""
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    return start
