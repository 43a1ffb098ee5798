"""Repeated words ("the the"), found with one pass over the lower-cased text.

The regex starts with a literal space (or newline), which Python's ``re`` finds fast,
and a possessive word match that never backtracks; the allowlist of words English
repeats on purpose ("had had", "that that") and doubled names ("Sirhan Sirhan") are
checked only at the rare matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from transcheck import context
from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.errors import RuleFileError
from transcheck.models import Match
from transcheck.wordfreqs import zipf

AFTER_SPACE = re.compile(r" ([a-z]++)((?:[ \t]+\1)+)(?![\w'’-])")
AFTER_NEWLINE = re.compile(r"\n([a-z]++)((?:[ \t]+\1)+)(?![\w'’-])")
NEXT_CHAR = re.compile(r"[ \t]*(.?)", re.DOTALL)  # the first character after blanks, if any
FUNCTION_WORDS = frozenset("the a an in on of to and for it this we he she they i you as at by with from".split())
# Reduplicated names are rare words (wordfreq Zipf: Sirhan 2.0, Pago 2.4, Humbert 2.6,
# Walla 2.9, Bora 3.1); a more frequent name doubled ("Merkel Merkel") is a slip.
NAME_MAX_ZIPF = 3.2


def lower_contains(ctx: Context, needles: Iterable[str]) -> bool:
    """Whether one of the (lower-case) ``needles`` occurs in the lower-cased text."""
    needles = tuple(needles)
    if any("\n" in needle for needle in needles):  # may cross a stretch's end: the whole text
        whole = context.lower(ctx.text)  # not kept on the Context: a long text holds no lower-case copy
        return any(needle in whole for needle in needles)
    return any(needle in lower for _, lower in ctx.lower_stretches() for needle in needles)


@detector("repeated-word", line_local=True)
@dataclass
class RepeatedWord:
    """A word directly followed by itself, ignoring case, minus an allowlist."""

    allow: frozenset[str] = frozenset()

    @classmethod
    def from_options(cls, options: dict, where: str) -> "RepeatedWord":
        allow = options.get("allow", "")
        if not isinstance(allow, str):
            raise RuleFileError(f"{where}.allow: must be a string of space-separated words")
        return cls(frozenset(allow.lower().split()))

    def find(self, ctx: Context) -> Iterator[Match]:
        for base, lower in ctx.lower_stretches():  # a stretch of whole lines at a time
            padded = "\n" + lower
            for regex in (AFTER_SPACE, AFTER_NEWLINE):
                for m in regex.finditer(padded):
                    gap, end = base + m.start(2) - 1, base + m.end(2) - 1  # offsets in the text (padded has one more)
                    if m.group(1) in self.allow or self.is_name(ctx.text, base + m.start(1) - 1, gap):
                        continue
                    word = gap + len(m.group(2)) - len(m.group(2).lstrip(" \t"))
                    yield Match(word, end, "", gap, end, suggestion="delete")

    @staticmethod
    def is_name(text: str, word_start: int, word_end: int) -> bool:
        """A doubled capitalised word rare enough to be a name: "Sirhan Sirhan", "Bora Bora"."""
        word = text[word_start:word_end]
        nxt = NEXT_CHAR.match(text, word_end).group(1)
        if not (word[:1].isupper() and nxt.isupper()) or word.lower() in FUNCTION_WORDS:
            return False
        return zipf(word) <= NAME_MAX_ZIPF
