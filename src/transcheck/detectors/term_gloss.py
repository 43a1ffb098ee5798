"""German fixed terms and adjective compounds glossed word by word ("big coalition"), from a generated table.

The table (``data/calques/term-gloss.tsv``, built by ``scripts/build_calque_terms.py``
from German Wiktionary) holds the word-by-word glosses of German "adjective noun" terms
(Große Koalition) and of compounds whose modifier is an adjective (Kleingeld). Such a
gloss is often ordinary English in another sense ("a great coalition of charities"), so
a hit counts only in a document about German-speaking countries (a capitalised word far
more frequent in German than in English: Bundestag, CDU, Merkel), not in title case (a
name), and not after "a"/"an" (the indefinite, descriptive use English makes of the words).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from transcheck.context import Context, automaton_matches, lower
from transcheck.detectors import detector
from transcheck.detectors.compound_gloss import GlossTable, _bounded, _title_case, read_gloss_table
from transcheck.models import Match
from transcheck.wordfreqs import zipf

TABLE = Path(__file__).resolve().parent.parent / "data" / "calques" / "term-gloss.tsv"
INDEFINITE = re.compile(r"\ban?\s+$")
MIN_GERMAN_ZIPF = 3.5  # a capitalised word this common in German text ...
MIN_GERMAN_LEAD = 1.0  # ... and this much more common there than in English marks a German topic


@lru_cache(maxsize=None)
def load_table() -> GlossTable:
    """The term-gloss table: literal gloss, German term, English term, and their automaton."""
    return read_gloss_table("term-gloss", TABLE)


def german_word(word: str) -> bool:
    """A capitalised word that German text uses far more than English (Bundestag, CDU, Merkel)."""
    if not word[:1].isupper():
        return False
    german = zipf(word, "de")
    return german >= MIN_GERMAN_ZIPF and german - zipf(word, "en") >= MIN_GERMAN_LEAD


def _indefinite(text: str, start: int) -> bool:
    """`a` or `an` in the four characters before ``start`` (and a word boundary before it)."""
    window = max(0, start - 5)  # one character more: what lies before the article
    return INDEFINITE.search(lower(text[window:start]), max(0, start - 4) - window) is not None


@detector("term-gloss")
@dataclass
class TermGloss:
    """A word-by-word gloss of a German adjective + noun term or adjective compound."""

    def find(self, ctx: Context) -> Iterator[Match]:
        table = load_table()
        hits = [(i, base + s, base + e) for base, text in ctx.lower_stretches()
                for i, s, e in automaton_matches(table.automaton, text) if _bounded(text, s, e)]
        if not hits or not ctx.words_where(german_word):
            return
        for index, start, end in hits:
            if _title_case(ctx.text[start:end]) or _indefinite(ctx.text, start):
                continue
            english = table.english[index]
            detail = f"German: {table.german[index]}" + (f"; Wiktionary: {english}" if english else "")
            yield Match(start, end, suggestion=english or None, detail=detail)
