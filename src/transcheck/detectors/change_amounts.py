"""German `um X auf Y` (by X to Y) after a verb of change, rendered with two `to`s.

German states a change and the new level with two prepositions: `Die Zahl stieg um 4.000
auf 52.000`, `sank um 3 Prozent auf 1,2 Millionen`, `lag um 681.000 über dem Vorjahr`.
`um` is English `by`, but a translation often renders it as `to`, `at` or `on`, which
leaves two amounts each introduced by `to`: `rose to 4,000 to 52,000`. English joins two
amounts with `to` only in a range (`temperatures climb to 5 to 11 degrees`), whose ends are
the same kind of amount and close in size; the change and the new level are not: the
level is usually many times the change, or they differ in unit (`3 percent to 1.2 million`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.models import Match

CHANGE_VERBS = (
    r"(?:rose|risen|rises|rise|rising|fell|fallen|falls|fall|falling|increased|increases|increase|increasing"
    r"|decreased|decreases|decrease|decreasing|grew|grown|grows|grow|growing|dropped|drops|drop|dropping"
    r"|climbed|climbs|climb|climbing|sank|sunk|sinks|sink|sinking|declined|declines|decline|declining"
    r"|shrank|shrunk|shrinks|shrink|shrinking|went\s+(?:up|down)|gone\s+(?:up|down)|jumped|jumps|jump"
    r"|slipped|slips|slip|slumped|slumps|slump|soared|soars|soar|plunged|plunges|plunge)"
)
SCALE = r"(?:thousand|million|billion|trillion|mn|bn|m|bln)"
UNIT = r"(?:%|percent|per\s+cent|percentage\s+points?|points?|euros?|dollars?|francs?|pounds?|people|persons)"
AMOUNT = rf"[$€£]?\s?(?P<{{n}}>\d[\d,]*(?:\.\d+)?)(?:\s?(?P<{{s}}>{SCALE})\b)?(?:\s?(?P<{{u}}>{UNIT})(?!\w))?"
FIRST = AMOUNT.format(n="n1", s="s1", u="u1")
SECOND = AMOUNT.format(n="n2", s="s2", u="u2")
# `to`/`at` + an amount (`to a seasonally adjusted 45,000`) + `to` + an amount.
TWO_AMOUNTS = re.compile(
    rf"\b(?P<verb>{CHANGE_VERBS})\b[^.;:!?\n]{{0,60}}?\b(?P<prep>to|at)\s+"
    rf"(?:(?:a|an)\s+(?:(?:seasonally|calendar|price)[\s-])?adjusted\s+)?{FIRST}\s+to\s+{SECOND}",
    re.IGNORECASE,
)
# German `lag um X über dem Vorjahr` as `was on the previous year to X`: a level, not a
# change, with `to` before the amount.
LEVEL_ON_PREVIOUS = re.compile(
    r"\b(?:was|were|is|are|lay|stood)\s+(?:(?:up|down)\s+)?(?:on|over|above|below|compared\s+(?:with|to))\s+"
    r"(?:the\s+)?(?:previous|prior|preceding)\s+(?:year|month|quarter|week)(?:’s|'s)?\s+(?P<prep>to)\s+\d",
    re.IGNORECASE,
)
# Every match ends in `to` + an amount: the windows worth searching are found by this
# literal-led pattern (a pattern led by the verb alternation scans ten times slower).
TO_AMOUNT = re.compile(r" to [$€£]?\d")
WINDOW = 160  # characters before `to` + amount that a match may span
SCALES = {"thousand": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "bln": 1e9, "trillion": 1e12}
RANGE_RATIO = 10  # the ends of a range are within an order of magnitude


def _value(number: str, scale: str | None) -> float:
    return float(number.replace(",", "")) * SCALES.get((scale or "").lower(), 1)


def _unit(unit: str | None) -> str:
    """`%`, `percent` and `per cent` are one unit; a missing unit is none."""
    unit = (unit or "").lower()
    return "%" if unit in {"%", "percent", "per cent"} else unit.rstrip("s")


def is_change_and_level(m: re.Match[str]) -> bool:
    """The two amounts are a change and a new level, not the ends of a range."""
    if m["u1"] and _unit(m["u1"]) != _unit(m["u2"]):
        # `3 percent to 1.2 million` is a change and a level; `5 euros to 11` a range
        # written with the unit on its first end
        return bool(m["u2"] or m["s2"])
    low, high = _value(m["n1"], m["s1"]), _value(m["n2"], m["s2"])
    if not m["s1"] and low < 1000:
        low = _value(m["n1"], m["s2"])  # `3 to 4 million`: the ends of a range share the scale
    return low > 0 and high / low >= RANGE_RATIO


def _search(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` in the lines around each `to` + amount, each once."""
    done = 0
    for hit in TO_AMOUNT.finditer(text):
        line_start = text.rfind("\n", 0, hit.start()) + 1
        line_end = text.find("\n", hit.end())
        start = max(done, line_start, hit.start() - WINDOW)
        end = min(len(text) if line_end < 0 else line_end, hit.end() + WINDOW)
        for m in pattern.finditer(text, start, end):
            done = max(done, m.end())
            yield m


@detector("change-by-to", line_local=True)
@dataclass
class ChangeByTo:
    """`rose to 4,000 to 52,000`, `fell at 3 percent to 1.2 million`: the first `to`/`at`
    is German `um` (by)."""

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        for m in _search(TWO_AMOUNTS, text):
            if is_change_and_level(m):
                end = m.end("s2") if m["s2"] else m.end("n2")
                yield Match(m.start("prep"), end, replacement="by" + text[m.end("prep") : end], detail=m["prep"])


@detector("level-on-previous-to", line_local=True)
@dataclass
class LevelOnPreviousTo:
    """`was on the previous year to 681,000`: German `lag um X über dem Vorjahr`."""

    def find(self, ctx: Context) -> Iterator[Match]:
        for m in _search(LEVEL_ON_PREVIOUS, ctx.text):
            yield Match(m.start(), m.end("prep"), detail=m["prep"])
