"""German noun capitalisation leaking into English: `announced new Measures`, `an increase in Prices`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.models import Match
from transcheck.wordfreqs import zipf

MODIFIERS = frozenset(
    "new further higher lower rising falling more fewer additional possible stricter tougher many "
    "several numerous various massive significant strong severe serious great small large first "
    "last next economic political financial social military initial current future high low "
    "considerable urgent drastic concrete clear better worse own faster quicker cheaper stronger "
    "weaker larger smaller bigger longer shorter earlier later".split()
)
PREPOSITIONS = frozenset("in of for with on about against over from to into between without and or".split())
# What may follow a common noun that ends its phrase (a brand or name used as a modifier
# is followed by the noun it modifies instead: `Apple devices`).
FOLLOWERS = re.compile(
    r"\s*(?:[.,;:!?)”’\"]|$|\s(?:against|for|in|of|on|at|to|and|or|but|this|that|which|who|from|with|by|"
    r"as|than|is|are|was|were|will|would|have|has|had|the|a|an|its|their|his|her|over|after|before|"
    r"because|while|since|if|until|under|among)\b)"
)
NEXT_IS_NAME = re.compile(r"\s+(?:[A-Z]|of\s+[A-Z]|&)")
# Shapes of demonyms and languages (American, Germans, Chinese, Polish, Dutch): proper adjectives.
DEMONYM = re.compile(r"(?:an|ans|ese|ish|ch|i|is)$")
DAYS_AND_MONTHS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december".split()
)
MAX_ZIPF = 6.0
TITLE_CASE_LINE = re.compile(r"^(?:[A-Z0-9][\w’'-]*\W*\s*){3,}$")


@detector("german-capitalization")
@dataclass
class GermanCapitalization:
    """A common English noun capitalised mid-sentence after a lower-case modifier or preposition."""

    min_zipf: float = 4.0
    allow: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.allow = frozenset(word.lower() for word in self.allow)

    def common_noun(self, word: str) -> bool:
        """A capitalised word whose lower-case form is a common English word."""
        if len(word) < 3 or not word[0].isupper() or not word[1:].islower():
            return False
        lower = word.lower()
        if lower in self.allow or {lower, _singular(lower)} & DAYS_AND_MONTHS or DEMONYM.search(lower) or lower.endswith("ly"):
            return False
        # above ~6 on the Zipf scale are function words (The, After, When) starting sentences
        frequency = max(zipf(lower), zipf(_singular(lower)) if lower.endswith("s") else 0.0)
        return self.min_zipf <= frequency < MAX_ZIPF

    def plural(self, word: str) -> bool:
        lower = word.lower()
        return lower.endswith("s") and zipf(_singular(lower)) >= self.min_zipf - 1.0

    def find(self, ctx: Context) -> Iterator[Match]:
        candidates = ctx.words_where(self.common_noun)
        if not candidates:
            return
        text = ctx.text
        for start, end in ctx.occurrences(candidates):
            word = text[start:end]
            if self._leaked(text, word, start, end):
                yield Match(start, end, word.lower())

    def _leaked(self, text: str, word: str, start: int, end: int) -> bool:
        words = _two_words_before(text, start)
        if words is None or NEXT_IS_NAME.match(text, end):
            return False
        earlier, previous = words
        if previous in MODIFIERS:
            ok = bool(FOLLOWERS.match(text, end))  # not a brand before its noun ("Apple devices")
        elif previous in PREPOSITIONS:
            ok = self.plural(word) and earlier.islower()
        else:
            return False
        if not ok:
            return False
        if _named_elsewhere(text, word):
            return False
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        return not TITLE_CASE_LINE.match(text, line_start, len(text) if line_end == -1 else line_end)


def _two_words_before(text: str, start: int) -> tuple[str, str] | None:
    """The two words before ``start`` on the same line (commas stripped), if the word
    directly follows a space."""
    window = text[max(0, start - 60) : start]
    if not window.endswith((" ", "\t")):
        return None
    parts = window[window.rfind("\n") + 1 :].split()
    if len(parts) < 2:
        return None
    return parts[-2].rstrip(","), parts[-1].rstrip(",")


def _singular(plural: str) -> str:
    return plural[:-2] if re.search(r"(?:s|x|z|ch|sh)es$", plural) else plural[:-1]


def _named_elsewhere(text: str, word: str) -> bool:
    """The word follows a capitalised name elsewhere in the text (`Lou Williams`)."""
    for m in re.finditer(rf"\b([A-Z][a-z]+)\s+{re.escape(word)}\b", text):
        if zipf(m.group(1)) < 5.8:
            return True
    return False


@detector("mid-sentence-capital")
@dataclass
class MidSentenceCapital:
    """Listed words capitalised after a lower-case word or a comma (`thank You for Your`),
    outside title-case lines and quotations."""

    words: frozenset[str] = frozenset()

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        for start, end in ctx.occurrences(set(self.words)):
            before = text[max(0, start - 2) : start]  # "r " or ", ": mid-sentence
            if not (before.endswith(" ") and (before[:1].islower() or before[:1] in ",;")):
                continue
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            line = text[line_start : len(text) if line_end == -1 else line_end]
            if TITLE_CASE_LINE.match(line) or text.count("“", line_start, start) > text.count("”", line_start, start):
                continue
            yield Match(start, end, text[start:end].lower())
