"""The German genitive `-s` left on a name without an apostrophe: `Hartmanns Politik` →
`Hartmanns policy`, where English writes `Hartmann’s policy`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from transcheck import speller
from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.detectors.author_box import person_names
from transcheck.models import Match
from transcheck.wordfreqs import zipf

TITLES = frozenset(
    "Chancellor President Minister Mr Mrs Ms Dr Prof Professor Secretary Mayor Governor Senator Judge Coach "
    "leader chancellor president minister mayor".split()
)
FOLLOWING = re.compile(r"(?:,|\s+[a-z])")


def _genitive_shape(word: str) -> bool:
    """A capitalised word ending in `s` that the English dictionary does not know and that
    is rare in English and no rarer in German (`Hartmanns`; not `Jones`, `Barclays`)."""
    if len(word) < 5 or not word[0].isupper() or not word[1:].islower() or not word.endswith("s"):
        return False
    english = zipf(word.lower(), "en")
    return not speller.known(word) and english < 2.0 and zipf(word.lower(), "de") >= english


def _surname_shape(name: str, given: frozenset[str]) -> bool:
    """Could be a surname: not a given name (`Jeff`), not an English word (`That`), not
    ending in a sibilant (German writes `Scholz'`)."""
    return name not in given and name.lower() not in speller.words() and not name.endswith(("s", "x", "z"))


def _people(ctx: Context, names: set[str]) -> set[str]:
    """The names that somewhere in the document follow a given name or a title (`Angela
    Merkel`, `Chancellor Merkel`): a person's surname, not a shop or a plural (`Mortons`,
    `Tamils`). One pass over the text for all of them; the name is looked ahead at, not
    consumed, so that it can be the word before the next one."""
    given, _ = person_names()
    alternatives = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    found: set[str] = set()
    for m in re.finditer(rf"\b([A-Z][\w.]*)\s+(?=({alternatives})\b)", ctx.text):
        if m.group(1) in given or m.group(1).rstrip(".") in TITLES:
            found.add(m.group(2))
    return found


@detector("name-genitive")
@dataclass
class NameGenitive:
    """`Xs` before a noun or a comma where the document calls a person `X` elsewhere."""

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        stems = {w for w in ctx.words_where(_genitive_shape) if w[:-1] in ctx.vocabulary}
        if not stems:
            return  # the name lists load only for a text that may have such a genitive
        given, _ = person_names()
        candidates = {w for w in stems if _surname_shape(w[:-1], given)}
        # `Warren Jeffs`: the word with its `s` is itself a surname.
        named = _people(ctx, candidates | {w[:-1] for w in candidates}) if candidates else set()
        people = {w for w in candidates if w[:-1] in named and w not in named}
        for start, end in ctx.occurrences(people):
            if text[max(0, start - 4) : start].lower() == "the " or not FOLLOWING.match(text, end):
                continue
            name = text[start : end - 1]
            yield Match(start, end, replacement=f"{name}’s", detail=name)
