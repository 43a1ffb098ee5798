"""German phrases for a part of the day rendered word for word: `in der Nacht zum
Samstag` → `in the night to Saturday`, `am späten Abend` → `at the late evening`,
`am späten Samstagabend` → `at the end of Saturday night`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.models import Match

DAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
PART = r"morning|afternoon|evening|night"
# Each pattern starts with a literal (fast to search for); the words before it are checked
# on the few characters before the match (`BEFORE_*`).
# `in der Nacht zum/auf Samstag`: the night that leads into the day
NIGHT_INTO = re.compile(rf"the\s+night\s+(?:to|on|towards)\s+({DAY})\b")
BEFORE_NIGHT = re.compile(r"\b(?:[Ii]n|[Dd]uring|[Oo]n)\s+$")
# `am späten/frühen (Samstag)abend`: `at`/`on` and `the` before late/early and the part of the day
LATE = re.compile(rf"the\s+(late|early)\s+(?:({DAY})\s+)?({PART})\b")
BEFORE_LATE = re.compile(r"\b(?:[Aa]t|[Oo]n)\s+$")
# `am späten Samstagabend` misread as the end of the day's evening
END_OF = re.compile(rf"the\s+end\s+of\s+({DAY})\s+(evening|night)\b")
BEFORE_END = re.compile(r"\b[Aa]t\s+$")
# after `late evening` these words start a new phrase; any other word makes it a modifier
# of a noun (`on the early morning train`, `at the late evening show`) or, with `of`, names
# a date (`on the early morning of 6 June`): English
PHRASE_STARTS = frozenset(
    "in at on near when while after before as the a an and but or so to from with without by for until since"
    " into through around outside inside under over against because then again too already there here that which"
    " who where he she it they we his her their".split()
)
NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")


def _late(when: str, day: str | None, part: str) -> str:
    """`late`, `Saturday`, `evening` → `late on Saturday evening`; without a day `late in
    the evening` (`late at night`)."""
    if day:
        return f"{when} on {day} {part}"
    return f"{when} at night" if part == "night" else f"{when} in the {part}"


def _with_preposition(text: str, pattern: re.Pattern[str], before: re.Pattern[str]) -> Iterator[tuple[int, re.Match[str]]]:
    """Each match of ``pattern`` that ``before`` precedes, with the start of the preposition."""
    for m in pattern.finditer(text):
        lead = before.search(text, max(0, m.start() - 12), m.start())
        if lead and (m.start() == 0 or text[m.start() - 1].isspace()):
            yield lead.start(), m


def _capitalised(found: str, suggestion: str) -> str:
    return suggestion[0].upper() + suggestion[1:] if found[:1].isupper() else suggestion


def _modifies_noun(text: str, end: int) -> bool:
    """The phrase is followed by a lower-case word that is not the start of a new phrase."""
    m = NEXT_WORD.match(text, end)
    return bool(m) and m.group(1)[0].islower() and m.group(1) not in PHRASE_STARTS


@detector("part-of-day")
@dataclass
class PartOfDay:
    """German time-of-day phrases kept word for word, each with the English phrase."""

    def find(self, ctx: Context) -> Iterator[Match]:
        text, vocabulary = ctx.text, ctx.vocabulary
        found: list[Match] = []
        if "night" in vocabulary:
            for start, m in _with_preposition(text, NIGHT_INTO, BEFORE_NIGHT):
                found.append(self._match(text, start, m.end(), f"overnight into {m.group(1)}"))
        if "late" in vocabulary or "early" in vocabulary:
            for start, m in _with_preposition(text, LATE, BEFORE_LATE):
                if not _modifies_noun(text, m.end()):
                    found.append(self._match(text, start, m.end(), _late(m.group(1), m.group(2), m.group(3))))
        if "end" in vocabulary:
            for start, m in _with_preposition(text, END_OF, BEFORE_END):
                found.append(self._match(text, start, m.end(), f"late on {m.group(1)} {m.group(2)}"))
        yield from sorted(found, key=lambda match: match.start)

    @staticmethod
    def _match(text: str, start: int, end: int, suggestion: str) -> Match:
        return Match(start, end, _capitalised(text[start:end], suggestion))
