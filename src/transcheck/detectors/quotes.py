"""Quotation-mark detectors: guillemet pairs and mixed straight/curly styles (pairing: quote_pairs)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.models import Match

GERMAN_GUILLEMETS = re.compile(r"»([ \t]*)([^«»\n]{1,500}?)([ \t]*)«")
FRENCH_GUILLEMETS = re.compile(r"«([ \t]*)([^«»\n]{1,500}?)([ \t]*)»")
# single guillemets quote inside a quotation (›…‹ in German, ‹…› in French): English ‘…’;
# they must touch the quoted words (`the › key … and ‹ to go back` are arrows)
GERMAN_SINGLE = re.compile(r"›()([^\s‹›](?:[^‹›\n]{0,498}?[^\s‹›])?)()‹")
FRENCH_SINGLE = re.compile(r"‹()([^\s‹›](?:[^‹›\n]{0,498}?[^\s‹›])?)()›")
STRAIGHT_DOUBLE = re.compile(r'(?<!\d)"')
OPENING_CONTEXT = re.compile(r"[\s(\[{—–-]")
# a title line: one line on its own, no sentence punctuation at its end
TITLE_LINE = re.compile(r'''^(?:\A|(?<=\n\n))[^\n]{1,150}(?<![.!?:;,])(?<![.!?,][”"’])(?=\n\n|\n?\Z)''', re.M)


@detector("guillemets", line_local=True)
@dataclass
class Guillemets:
    """»…« (German) and «…» (French) quotation pairs, replaced by “…”; their single forms
    ›…‹ and ‹…›, by ‘…’."""

    PAIRS = ((GERMAN_GUILLEMETS, "“", "”"), (FRENCH_GUILLEMETS, "“", "”"), (GERMAN_SINGLE, "‘", "’"), (FRENCH_SINGLE, "‘", "’"))

    def find(self, ctx: Context) -> Iterator[Match]:
        for regex, opening, closing in self.PAIRS:
            for m in regex.finditer(ctx.text):
                quoted = m.group(2)
                yield Match(m.start(), m.start() + 1, opening, m.start(), m.end(1), detail=quoted)
                yield Match(m.end() - 1, m.end(), closing, m.start(3), m.end(), detail=quoted)


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
        titles = [m.span() for m in TITLE_LINE.finditer(text) if '"' in m.group()]
        for m in STRAIGHT_DOUBLE.finditer(text):
            i = m.start()
            if any(start <= i < end for start, end in titles):
                continue  # page titles come from another system (the CMS), often with straight quotes
            yield Match(i, i + 1, "“" if _is_opening(text, i) else "”")
