"""Match scores written with a colon, the German way: ``2:1 (1:0)`` where English writes ``2-1 (1-0)``.

A colon between numbers is also a clock time (``10:30``), a ratio (``a 3:1 majority``),
a scale or a Bible verse, so a colon score is reported only when it is certain: the
half-time score follows in brackets, or the pair cannot be a clock time (a one-digit
right side, or a left side past 24) and the words around it are about a match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.detectors.numbers import paragraph_window
from transcheck.errors import RuleFileError
from transcheck.models import Match

SIDE = r"[0-9]{1,2}"
COLON = r"[ \u00a0]?:[ \u00a0]?"
SCORE_RE = re.compile(
    rf"(?P<home>[0-9](?<![\w.,:/][0-9])[0-9]?)(?P<colon>{COLON})(?P<away>{SIDE})(?![\w:]|[.,][0-9])"
    rf"(?P<half>[ \u00a0]*\((?P<hhome>{SIDE}){COLON}(?P<haway>{SIDE})\))?"
)
SPORT_RE = re.compile(
    r"\b(?:win|wins|won|winning|winner|beat|beats|beaten|defeat|defeats|defeated|lost|lose|loses|loss|"
    r"draw|drew|victory|match|game|games|goal|goals|scored|score|league|cup|final|semi-final|"
    r"quarter-final|half-time|halftime|season|club|team|coach|trainer|stadium|tournament|"
    r"championship|derby|penalty|penalties|bundesliga|(?-i:FC|SC|SV|VfL|VfB|TSG))\b",
    re.IGNORECASE,
)
NOT_SPORT_RE = re.compile(
    r"\b(?:ratio|ratios|odds|scale|majority|proportion|aspect|mix|mixture|dilut\w*|verse|verses|chapter|chance|split)\b",
    re.IGNORECASE,
)
WINDOW = 120


def english_score(m: re.Match) -> str:
    """``2-1`` or ``2-1 (1-0)``: the score with hyphens and the brackets kept."""
    score = f"{m['home']}-{m['away']}"
    if m["half"]:
        gap = m["half"][: m["half"].index("(")]
        score += f"{gap}({m['hhome']}-{m['haway']})"
    return score


@detector("colon-score", line_local=True)
@dataclass
class ColonScore:
    """``0:1 (0:1)`` (mode ``halftime``) or ``won 3:1`` near words about a match (mode ``context``)."""

    mode: str = "halftime"

    @classmethod
    def from_options(cls, options: dict, where: str) -> "ColonScore":
        mode = options.get("mode", "halftime")
        if mode not in ("halftime", "context") or set(options) - {"mode"}:
            raise RuleFileError(f"{where}.mode: must be 'halftime' or 'context' (the only option)")
        return cls(mode)

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        for m in SCORE_RE.finditer(text):
            if m["half"]:
                found = self.mode == "halftime" and not _clock_times(m)
            else:
                found = self.mode == "context" and self._in_context(text, m)
            if found:
                yield Match(m.start(), m.end(), english_score(m))

    @staticmethod
    def _in_context(text: str, m: re.Match) -> bool:
        """A pair that is no clock time (a one-digit right side, or a left side past 24 as in
        handball's ``35:28``) among words about a match, none about ratios."""
        if len(m["away"]) == 2 and int(m["home"]) <= 24:
            return False
        window = text[slice(*paragraph_window(text, m.start(), m.end(), WINDOW))]
        return SPORT_RE.search(window) is not None and NOT_SPORT_RE.search(window) is None


def _clock_times(m: re.Match) -> bool:
    """``20:30 (19:30)``: two clock times (another time zone), not a score and its half-time."""
    return len(m["away"]) == 2 and len(m["haway"]) == 2 and int(m["home"]) <= 24 and int(m["away"]) < 60
