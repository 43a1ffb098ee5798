"""German `Union und SPD` rendered `Union and the SPD`: the article dropped before the
first of two coordinated names.

German leaves out the articles of coordinated names (`Union und SPD einigten sich`), and a
translation that restores only the second leaves the first bare: `Union and the SPD
agreed`. English keeps `the` before a name made of a common noun (`the Union`, `the
Greens`, `the Left`, `the Council`). The rule asks for such a name, capitalised, a common
noun in lower case, that the same document writes with `the` elsewhere, standing bare at
the start of a sentence or after a lower-case word, before `and the` + a capitalised name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.models import Match
from transcheck.tagger import model

COORDINATED = re.compile(r"(?<![\w’'-])(?P<name>[A-Z][a-z]+) and the [A-Z]")
# What may stand before the bare name: a sentence start, or a lower-case word that is
# no determiner (`with Union and the SPD`), not a comma (a list: `SPD, Greens and the Left`).
BEFORE = re.compile(r"(?:^|[.!?:][”\"’)]?\s+|\b(?P<word>[a-z]+)\s+)$")
DETERMINERS = frozenset("the a an this that its their our his her whose".split())
COMMON_NOUN_TAGS = frozenset({"NN", "NNS"})
NOUN_TAGS = frozenset("NN NNS NNP NNPS".split())


def _common_noun(name: str) -> bool:
    """`Union`, `Greens`: the lower-case form is an English common noun."""
    lexicon, word = model().lexicon, name.lower()
    forms = (word, word[:-1]) if word.endswith("s") else (word,)
    return any(lexicon.get(form, frozenset()) & COMMON_NOUN_TAGS for form in forms)


def _with_article_elsewhere(text: str, name: str) -> bool:
    """The document writes `the Union` with the name standing alone (not `the Union
    politicians`). Every match holds `he <name>`: without it, the text is not searched.
    (`the` after a word boundary, written to start with its first letter, whose look-behind
    then tests the character before it: the engine looks for a T instead of trying every
    position.)"""
    if f"he {name}" not in text:
        return False
    for m in re.finditer(rf"[Tt](?<!\w[Tt])he {name}\b[^\S\n]*([\w’'-]*)", text):
        after = m.group(1)
        if not after or not (after[0].isupper() or model().lexicon.get(after.lower(), frozenset()) & NOUN_TAGS):
            return True
    return False


@detector("coordinated-name-article")
@dataclass
class CoordinatedNameArticle:
    """`Union and the SPD have agreed`, where the document says `the Union` elsewhere."""

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        if " and the " not in text:
            return
        for m in COORDINATED.finditer(text):
            name = m["name"]
            before = BEFORE.search(text, max(0, m.start() - 20), m.start())
            if before is None or (before["word"] or "") in DETERMINERS or not _common_noun(name):
                continue
            if _with_article_elsewhere(text, name):
                article = "The" if before["word"] is None else "the"
                yield Match(m.start(), m.end("name"), replacement=f"{article} {name}", detail=name)
