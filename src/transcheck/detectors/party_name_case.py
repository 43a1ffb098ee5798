"""A party name split from a German compound and capitalised only on its noun:
`Sozialdemokraten` → `social Democrats`, `Linkspartei` → `left Party`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.models import Match


def _forms(noun: str) -> set[str]:
    """The noun and its other number: `Democrats` → {`Democrats`, `Democrat`}."""
    if noun.endswith(("’s", "'s")):
        return {noun.replace("’", "'"), noun.replace("'", "’")}
    return {noun, noun[:-1]} if noun.endswith("s") else {noun, noun + "s"}


@cache
def pairs() -> dict[str, frozenset[str]]:
    """Lower-case first word of a party name → the capitalised words that follow it in
    some name (``data/party-names/party-word-pairs.tsv``, from ParlGov's English names)."""
    table = (files("transcheck") / "data" / "party-names" / "party-word-pairs.tsv").read_text(encoding="utf-8")
    found: dict[str, set[str]] = {}
    for line in table.splitlines():
        if not line.startswith("#"):
            first, second, _ = line.split("\t", 2)
            found.setdefault(first.lower(), set()).update(_forms(second))
    return {first: frozenset(nouns) for first, nouns in found.items()}


@cache
def bare_firsts() -> frozenset[str]:
    """The first words as ``Context.vocabulary`` holds them (split at apostrophes)."""
    return frozenset(re.split("['’]", first)[0] for first in pairs())


@cache
def pattern() -> re.Pattern[str]:
    """A lower-case first word and a capitalised second one of any pair."""
    table = pairs()
    firsts = "|".join(re.escape(f).replace("'", "['’]") for f in sorted(table, key=len, reverse=True))
    nouns = "|".join(sorted({n for ns in table.values() for n in ns}, key=len, reverse=True))
    return re.compile(rf"(?<![\w’'-])({firsts})[ \u00a0]({nouns})(?![\w’'-])")


@detector("party-name-case")
@dataclass
class PartyNameCase:
    """`social Democrats`, `green Party`: the first word of a party name left in lower case."""

    def find(self, ctx: Context) -> Iterator[Match]:
        table = pairs()
        if ctx.vocabulary.isdisjoint(bare_firsts()):
            return
        for m in pattern().finditer(ctx.text):
            first, noun = m.group(1), m.group(2)
            if noun in table[first.replace("’", "'")]:
                yield Match(m.start(), m.end(), f"{first[0].upper()}{first[1:]} {noun}")
