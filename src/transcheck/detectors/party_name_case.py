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
def nouns() -> dict[str, frozenset[str]]:
    """Second word (as ``Context.vocabulary`` holds it, split at apostrophes) → its written
    forms: `People` → {`People's`, `People’s`, `Peoples`, …}."""
    found: dict[str, set[str]] = {}
    for forms in pairs().values():
        for form in forms:
            found.setdefault(re.split("['’]", form)[0], set()).add(form)
    return {bare: frozenset(forms) for bare, forms in found.items()}


FIRST_WORD = re.compile(r"(?<![\w’'-])([a-z]+(?:['’]s)?)[ \u00a0]$")


@detector("party-name-case")
@dataclass
class PartyNameCase:
    """`social Democrats`, `green Party`: the first word of a party name left in lower case.
    The second words the text holds are searched for; the word before each is read from
    the few characters before it."""

    def find(self, ctx: Context) -> Iterator[Match]:
        table, text = pairs(), ctx.text
        present = [form for bare in ctx.vocabulary & nouns().keys() for form in nouns()[bare]]
        if not present:
            return
        alternatives = "|".join(re.escape(form) for form in sorted(present, key=len, reverse=True))
        for m in re.finditer(rf"(?:{alternatives})(?![\w-])", text):
            before = FIRST_WORD.search(text, max(0, m.start() - 16), m.start())
            if before and m.group() in table.get(before.group(1).replace("’", "'"), ()):
                first = before.group(1)
                yield Match(before.start(), m.end(), f"{first[0].upper()}{first[1:]} {m.group()}")
