"""German names English writes otherwise, left in a translation: `in Mailand` (Milan),
`across Thüringen` (Thuringia), `on Rosenmontag` (Shrove Monday).

The names come from German Wiktionary (a noun whose first English translation is a
different capitalised word); a name is kept when German text uses it and English text
hardly ever does, and given names are left out (Andreas Scheuer stays Andreas).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, partial

from transcheck import tables, wordfreqs
from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.detectors.author_box import person_names
from transcheck.detectors.untranslated import NAME_PARTICLES, inside_quotation, used_as_names
from transcheck.german_nouns import translated_names
from transcheck.models import Match
from transcheck.wordfreqs import zipf

FEDERAL_BODIES = ("Federal ", "German Federal ")  # English news keeps their German names
NEXT_WORD = re.compile(r"[ \t]+(\w+)")


@cache
def exonyms(min_german: float, max_english: float) -> dict[str, str]:
    """German name -> English name, for names German uses and English hardly does. People
    keep their given names (Andreas is no Andrew), and English keeps the German names of
    federal bodies (Bundesbank, Bundesrat). Built once into the cache folder (reading
    Wiktionary's nouns takes a fifth of a short check's time)."""
    depends = f"{min_german}|{max_english}|{wordfreqs.version('en')}|{wordfreqs.version('de')}"
    return tables.derived("exonyms", partial(_exonyms, min_german, max_english), depends)


def _exonyms(min_german: float, max_english: float) -> dict[str, str]:
    given = person_names()[0]
    return {
        german: english for german, english in translated_names().items()
        if len(german) >= 4 and not german.isupper() and german not in given
        and not english.startswith(FEDERAL_BODIES)
        and zipf(german.lower(), "de") >= min_german and zipf(german.lower()) < max_english
    }


# German prepositions fused with an article, and linking words, inside a German title
# after a capitalised word: Bild am Sonntag, Frankfurt am Main, Welt im Spiegel.
GERMAN_LINKS = frozenset("am im zum zur vom beim ins der und".split())
LINKED_NAME = re.compile(r"[A-ZÄÖÜ]\w*[ \t]+(\w+)[ \t]+$")


def _in_a_name(text: str, start: int, end: int) -> bool:
    """A given name before a surname's particle (`Lothar de Maizière`), or the end of a
    German title (`Bild am Sonntag`)."""
    following = NEXT_WORD.match(text, end)
    if following and following.group(1) in NAME_PARTICLES:
        return True
    linked = LINKED_NAME.search(text, max(0, start - 40), start)
    return bool(linked) and linked.group(1) in GERMAN_LINKS


@detector("german-exonyms")
@dataclass
class GermanExonyms:
    """A German name of a place, people or feast that English calls otherwise."""

    min_german: float = 3.5
    max_english: float = 2.5

    def find(self, ctx: Context) -> Iterator[Match]:
        table = exonyms(self.min_german, self.max_english)
        words = table.keys() & ctx.vocabulary
        if not words:
            return
        text = ctx.text
        for start, end in ctx.occurrences(words - used_as_names(ctx, words)):
            if not inside_quotation(text, start) and not _in_a_name(text, start, end):
                word = text[start:end]
                yield Match(start, end, replacement=table[word], detail=word)
