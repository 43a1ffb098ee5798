"""Drop-cap artifacts: "Dhe Russian President" where a German initial replaced the English one."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from string import ascii_lowercase

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.models import Match
from transcheck.wordfreqs import zipf

# the start of the text or of a paragraph (after a blank line, however many)
FIRST_WORD_RE = re.compile(r"(?:\A|\n[ \t]*\n)\s*(?:[\"“‘'„«(]\s*)?([A-ZÄÖÜ][a-zäöüß']{1,14})\b(?!\.)")
SHORT_MAX_ZIPF = 4.0
SHORT_MIN_CANDIDATE = 6.5


@detector("drop-cap")
@dataclass
class DropCap:
    """The first word of a paragraph is not English, but swapping its initial gives a common word."""

    max_word_zipf: float = 2.7
    min_candidate_zipf: float = 5.0
    min_gap: float = 2.5

    def candidate(self, word: str) -> str | None:
        """The common English word that ``word`` becomes with another first letter."""
        own = zipf(word)
        # two- and three-letter remnants ("Tn" for "In") are also abbreviations, so they
        # may be more frequent; the word they become must then be a very common one
        short = len(word) <= 3 and own <= SHORT_MAX_ZIPF
        if (own > self.max_word_zipf and not short) or zipf(word, "de") >= 5.0:
            return None
        rest = word[1:]
        floor = SHORT_MIN_CANDIDATE if own > self.max_word_zipf else self.min_candidate_zipf
        return _with_initial(rest, max(floor, own + self.min_gap), skip=word[0].lower())

    def find(self, ctx: Context) -> Iterator[Match]:
        for m in FIRST_WORD_RE.finditer(ctx.text):
            word = m.group(1)
            fixed = self.candidate(word)
            if fixed:
                yield Match(m.start(1), m.end(1), fixed)


def _with_initial(rest: str, floor: float, skip: str = "") -> str | None:
    """The most frequent English word (Zipf >= floor) that one more initial makes of ``rest``."""
    best, best_zipf = None, floor
    for letter in ascii_lowercase:
        if letter != skip:
            z = zipf(letter + rest)
            if z >= best_zipf:
                best, best_zipf = letter.upper() + rest, z
    return best


LOWER_FIRST_WORD_RE = re.compile(r"(?:\A|\n[ \t]*\n)\s*([a-zäöüß][a-zäöüß']{0,14})\b(?![.’'-])")


@detector("drop-cap-lost-initial")
@dataclass
class LostInitial:
    """A paragraph opens with a word fragment that a missing capital would complete:
    `ccording to the police` (the drop cap `A` was lost in scraping)."""

    max_word_zipf: float = 2.7
    min_candidate_zipf: float = 5.0
    min_gap: float = 2.5

    def candidate(self, fragment: str) -> str | None:
        own = zipf(fragment)
        if own > (SHORT_MAX_ZIPF if len(fragment) <= 2 else self.max_word_zipf):
            return None
        return _with_initial(fragment, max(self.min_candidate_zipf, own + self.min_gap))

    def find(self, ctx: Context) -> Iterator[Match]:
        for m in LOWER_FIRST_WORD_RE.finditer(ctx.text):
            fixed = self.candidate(m.group(1))
            if fixed:
                yield Match(m.start(1), m.end(1), fixed)
