"""German noun capitalisation leaking into English: `announced new Measures`, `an increase in Prices`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.models import Match
from transcheck.wordfreqs import zipf

MODIFIERS = (
    "new|further|higher|lower|rising|falling|more|fewer|additional|possible|stricter|tougher|many|"
    "several|numerous|various|massive|significant|strong|severe|serious|great|small|large|first|"
    "last|next|economic|political|financial|social|military|initial|current|future|high|low|"
    "considerable|urgent|drastic|massive|concrete|clear|better|worse|own"
)
PREPOSITIONS = "in|of|for|with|on|about|against|over|from|to|into|between|without|and|or"
# modifier + Word, or (lowercase word) preposition + Words (a plural)
CANDIDATE = re.compile(
    rf"(?:\b(?:{MODIFIERS})\s+(?P<after_modifier>[A-Z][a-z]{{2,}})"
    rf"|(?:(?<=[a-z] )|(?<=[a-z], ))(?:{PREPOSITIONS})\s+(?P<plural>[A-Z][a-z]{{2,}}s))"
    r"(?![\w’'-])(?!\s+(?:[A-Z]|of\s+[A-Z]|&))"
)
# What may follow a common noun that ends its phrase (a brand or name used as a modifier
# is followed by the noun it modifies instead: `Apple devices`).
FOLLOWERS = re.compile(
    r"\s*(?:[.,;:!?)”’\"]|$|\s(?:against|for|in|of|on|at|to|and|or|but|this|that|which|who|from|with|by|"
    r"as|than|is|are|was|were|will|would|have|has|had|the|a|an|its|their|his|her|over|after|before|"
    r"because|while|since|if|until|under|among)\b)"
)
# Shapes of demonyms and languages (American, Germans, Chinese, Polish, Dutch): proper adjectives.
DEMONYM = re.compile(r"(?:an|ans|ese|ish|ch|i|is)$")
DAYS_AND_MONTHS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december".split()
)
TITLE_CASE_LINE = re.compile(r"^(?:[A-Z0-9][\w’'-]*\W*\s*){3,}$")


def _previous_word_lower(text: str, start: int) -> bool:
    """The word before the preposition is lower case (not `Ministers of Sports`)."""
    words = text[max(0, start - 40) : start].split()
    return bool(words) and words[-1].rstrip(",").islower()


def _named_elsewhere(text: str, word: str) -> bool:
    """The word follows a capitalised name elsewhere in the text (`Lou Williams`)."""
    for m in re.finditer(rf"\b([A-Z][a-z]+)\s+{re.escape(word)}\b", text):
        if zipf(m.group(1)) < 5.8:
            return True
    return False


@detector("german-capitalization")
@dataclass
class GermanCapitalization:
    """A common English noun capitalised mid-sentence after a lower-case modifier or preposition."""

    min_zipf: float = 4.0
    allow: frozenset[str] = frozenset()

    @classmethod
    def from_options(cls, options: dict, where: str) -> "GermanCapitalization":
        return cls(float(options.get("min_zipf", 4.0)), frozenset(w.lower() for w in options.get("allow", [])))

    def common_noun(self, word: str, plural: bool) -> bool:
        lower = word.lower()
        if lower in self.allow or lower in DAYS_AND_MONTHS or DEMONYM.search(lower) or zipf(lower) < self.min_zipf:
            return False
        if not plural:
            return True
        singular = lower[:-2] if re.search(r"(?:s|x|z|ch|sh)es$", lower) else lower[:-1]
        return zipf(singular) >= self.min_zipf - 0.5

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        for m in CANDIDATE.finditer(text):
            group = "after_modifier" if m.group("after_modifier") else "plural"
            word = m.group(group)
            if not self.common_noun(word, group == "plural") or word.endswith("ly") or _named_elsewhere(text, word):
                continue
            start, end = m.span(group)
            if not FOLLOWERS.match(text, end) or (group == "plural" and not _previous_word_lower(text, m.start())):
                continue
            line_start, line_end = ctx.line_span(start)
            if TITLE_CASE_LINE.match(text, line_start, line_end):
                continue
            yield Match(start, end, word.lower())
