"""German `weniger`/`mehr` after a counted noun: `97.000 Arbeitslose weniger als` →
`97,000 unemployed less than`, `3.000 Stellen mehr als` → `3,000 jobs more than`.

German puts the comparative after the noun it counts; English puts it before (`97,000
fewer unemployed`, `3,000 more jobs`) and uses `fewer`, not `less`, for things counted.
After a measure (`two hours less`, `ten euros more`, `5 percent more than`) English keeps
the German order, so measure nouns stay silent, and so do `more than` + a number (`1,000
firms more than 70 percent of which`) and `more than doubled`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.detectors.amounts import plural_noun
from transcheck.models import Match
from transcheck.tagger import model

NUMBER = (
    r"\d[\d,.]*(?:\s(?:thousand|million|billion))?|hundreds|thousands|millions|dozens"
    r"|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred"
)
COUNTED = re.compile(
    rf"\b(?P<num>{NUMBER})\s+(?P<noun>[a-z]+)\s+(?:(?P<cmp>less|more)\s+than\b(?P<after>\s+[\w$€£]+)?|(?P<end>less)(?=[.,;:!?]))"
)
# `than` + what makes `more than` a bound or a verb: `more than 70 percent`, `more than doubled`.
THAN_BOUND = re.compile(r"\s+(?:[$€£]?\d|once|twice|half|doubled|tripled|quadrupled|halved|tenfold)")
NOMINAL_ADJECTIVE_TAGS = frozenset({"JJ", "VBN"})


def _counted(noun: str, measures: frozenset[str]) -> bool:
    """A plural count noun (`jobs`, `people`) or an adjective used as one (`unemployed`,
    `injured`, German `Arbeitslose`, `Verletzte`), not a unit of measure."""
    if noun in measures:
        return False
    if plural_noun(noun):
        return True
    tags = model().lexicon.get(noun, frozenset())
    return bool(tags) and tags <= NOMINAL_ADJECTIVE_TAGS


@detector("comparative-after-count")
@dataclass
class ComparativeAfterCount:
    """`3,000 jobs more than`, `97,000 unemployed less than`, `That is 500 jobs less.`"""

    measure_nouns: frozenset[str] = frozenset()  # units of time, money, measure: `two hours less`

    def find(self, ctx: Context) -> Iterator[Match]:
        if " than" not in ctx.text and " less" not in ctx.text:
            return
        for m in COUNTED.finditer(ctx.text):
            if m["after"] and THAN_BOUND.match(m["after"]):
                continue
            if not _counted(m["noun"], self.measure_nouns):
                continue
            comparative = "more" if m["cmp"] == "more" else "fewer"
            replacement = f"{m['num']} {comparative} {m['noun']}"
            end = m.end("cmp") if m["cmp"] else m.end("end")
            yield Match(m.start(), end, replacement=replacement, suggestion=replacement + (" than" if m["cmp"] else ""))
