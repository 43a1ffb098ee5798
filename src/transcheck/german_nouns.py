"""German nouns by German Wiktionary's translations (data/calques/wiktionary-de-en-nouns.tsv).

A noun whose first English translation is written in lower case is a common noun (Graben:
ditch). One translated with a capital is a name: English keeps some (Allgäu: Allgaeu,
Regensburg) and has its own for others (Bayern: Bavaria, Montag: Monday).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

TABLE = Path(__file__).resolve().parent / "data" / "calques" / "wiktionary-de-en-nouns.tsv"
TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _same_name(german: str, english: str) -> bool:
    """English writes the name as German does, umlauts spelled out or dropped."""
    german, english = german.lower(), english.lower()
    plain = german.translate(TRANSLITERATION)
    return english in (german, plain, plain.replace("ae", "a").replace("oe", "o").replace("ue", "u"))


def _first_translations() -> Iterator[tuple[str, str]]:
    """Each German noun with its first English translation."""
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        noun, _, translations = line.partition("\t")
        yield noun, translations.split(";")[0].split("|")[0]


@cache
def _nouns() -> tuple[frozenset[str], frozenset[str]]:
    """The lower-cased German common nouns, and the names English keeps as they are."""
    common, kept = set(), set()
    for noun, first in _first_translations():
        if first[:1].islower():
            common.add(noun.lower())
        elif first[:1].isupper() and _same_name(noun, first):
            kept.add(noun.lower())
    return frozenset(common), frozenset(kept - common)


@cache
def translated_names() -> dict[str, str]:
    """German names English writes otherwise, one word each, with the English name:
    Mailand: Milan, Thüringen: Thuringia, Rosenmontag: Shrove Monday, Andreas: Andrew."""
    return {noun: first for noun, first in _first_translations()
            if first[:1].isupper() and noun.isalpha() and not _same_name(noun, first)}


def is_common_noun(word: str) -> bool:
    """The word (any case) is a German common noun in Wiktionary."""
    return word.lower() in _nouns()[0]


def is_kept_name(word: str) -> bool:
    """The word (any case) is a German name English writes the same (Allgäu, Regensburg),
    not one English translates (Bayern: Bavaria, Rhein: Rhine)."""
    return word.lower() in _nouns()[1]
