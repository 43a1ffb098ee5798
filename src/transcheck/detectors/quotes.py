"""Quotation-mark detectors: guillemet pairs, mixed straight/curly styles, unbalanced pairs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.models import Match

GERMAN_GUILLEMETS = re.compile(r"»([ \t]*)([^«»\n]{1,500}?)([ \t]*)«")
FRENCH_GUILLEMETS = re.compile(r"«([ \t]*)([^«»\n]{1,500}?)([ \t]*)»")
STRAIGHT_DOUBLE = re.compile(r'(?<!\d)"')
OPENING_CONTEXT = re.compile(r"[\s(\[{—–-]")


@detector("guillemets")
@dataclass
class Guillemets:
    """»…« (German) and «…» (French) quotation pairs, replaced by “…”."""

    def find(self, ctx: Context) -> Iterator[Match]:
        for regex in (GERMAN_GUILLEMETS, FRENCH_GUILLEMETS):
            for m in regex.finditer(ctx.text):
                quoted = m.group(2)
                yield Match(m.start(), m.start() + 1, "“", m.start(), m.end(1), detail=quoted)
                yield Match(m.end() - 1, m.end(), "”", m.start(3), m.end(), detail=quoted)


def _is_opening(text: str, i: int) -> bool:
    """A straight quote opens when it starts the text or follows a space or bracket."""
    return i == 0 or bool(OPENING_CONTEXT.match(text[i - 1]))


@detector("mixed-quote-styles")
@dataclass
class MixedQuoteStyles:
    """Straight double quotes in a document that otherwise quotes with curly marks."""

    min_curly: int = 2

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        if text.count("“") + text.count("”") < self.min_curly or '"' not in text:
            return
        for m in STRAIGHT_DOUBLE.finditer(text):
            i = m.start()
            yield Match(i, i + 1, "“" if _is_opening(text, i) else "”")


QUOTE_CHAR = re.compile(r'[“”„"]')


def _role(text: str, i: int) -> str:
    """'open' or 'close' for the double quote at ``i``, judged by its neighbours."""
    ch = text[i]
    if ch == "„":
        return "open"
    if ch == "”":
        return "close"
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch == "“":
        # a German-style closing “ after text and before a space or punctuation
        return "close" if not before.isspace() and before not in "([—–" and (after.isspace() or after in ".,;:!?)") else "open"
    return "open" if before.isspace() or before in "([—–" else "close"


@detector("unbalanced-quotes")
@dataclass
class UnbalancedQuotes:
    """A paragraph whose double quotation marks do not pair up."""

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        paragraphs = ctx.paragraphs
        for n, (start, end) in enumerate(paragraphs):
            open_at: int | None = None
            for m in QUOTE_CHAR.finditer(text, start, end):
                i = m.start()
                if _role(text, i) == "open":
                    if open_at is not None:
                        yield Match(open_at, open_at + 1, detail="opening")
                    open_at = i
                elif open_at is None:
                    yield Match(i, i + 1, detail="closing")
                else:
                    open_at = None
            if open_at is not None and not self._continues(text, paragraphs, n):
                yield Match(open_at, open_at + 1, detail="opening")

    @staticmethod
    def _continues(text: str, paragraphs: list[tuple[int, int]], n: int) -> bool:
        """A quotation may run over paragraphs: the next one then opens with a quote."""
        return n + 1 < len(paragraphs) and text[paragraphs[n + 1][0]] in "“„\""
