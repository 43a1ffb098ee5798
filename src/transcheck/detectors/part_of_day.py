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
# `in der Nacht zum/auf Samstag`: the night that leads into the day
NIGHT_INTO = re.compile(rf"\b(?:[Ii]n|[Dd]uring|[Oo]n)\s+the\s+night\s+(?:to|on|towards)\s+({DAY})\b")
# `am späten/frühen (Samstag)abend`: a preposition and `the` before late/early and the part of the day
LATE = re.compile(rf"\b(?:[Aa]t|[Oo]n)\s+the\s+(late|early)\s+(?:({DAY})\s+)?({PART})\b")
# `am späten Samstagabend` misread as the end of the day's evening
END_OF = re.compile(rf"\b[Aa]t\s+the\s+end\s+of\s+({DAY})\s+(evening|night)\b")
# after `late evening` these words start a new phrase; any other word makes it a modifier
# of a noun (`on the early morning train`, `at the late evening show`), which is English
PHRASE_STARTS = frozenset(
    "in at on of near when while after before as the a an and but or so to from with without by for until since"
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
        if "night" in vocabulary:
            for m in NIGHT_INTO.finditer(text):
                yield self._match(m, f"overnight into {m.group(1)}")
        if "late" in vocabulary or "early" in vocabulary:
            for m in LATE.finditer(text):
                if not _modifies_noun(text, m.end()):
                    yield self._match(m, _late(m.group(1), m.group(2), m.group(3)))
        if "end" in vocabulary:
            for m in END_OF.finditer(text):
                yield self._match(m, f"late on {m.group(1)} {m.group(2)}")

    @staticmethod
    def _match(m: re.Match[str], suggestion: str) -> Match:
        return Match(m.start(), m.end(), _capitalised(m.group(0), suggestion))
