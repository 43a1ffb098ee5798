"""The German article kept before a broadcaster's acronym: `des NDR`, `im ZDF` → `by
the NDR`, `on the ZDF`, where English names the broadcaster bare (`NDR`, `ZDF`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.models import Match
from transcheck.tagger import model

BROADCASTING = re.compile(r"Rundfunk|Fernsehen|Radio")
NOUN_TAGS = frozenset("NN NNS NNP NNPS JJ CD".split())
FUNCTION_TAGS = frozenset("IN TO CC DT MD PRP WDT WRB".split())


@cache
def broadcasters() -> frozenset[str]:
    """Acronyms of German, Austrian and Swiss public broadcasters in the fundus publisher
    list (``data/calques/media-names.tsv``): `Norddeutscher Rundfunk (NDR)`, `ZDF`."""
    found = set()
    table = (files("transcheck") / "data" / "calques" / "media-names.tsv").read_text(encoding="utf-8")
    for line in table.splitlines():
        if line.startswith("#") or line.count("\t") < 2:
            continue
        name = line.split("\t")[1]
        full, _, acronym = name.partition(" (")
        if acronym and BROADCASTING.search(full) and acronym.rstrip(")").isupper():
            found.add(acronym.rstrip(")"))
        elif full.isupper() and full.isalpha():
            found.add(full)
    return frozenset(found)


def _modifies(word: str) -> bool:
    """The acronym is a modifier of the next word (`the NDR reporter`, `the ZDF Morning
    Show`): a capitalised word, a number, or a word the treebank saw as a noun or adjective."""
    if not word or not word[0].isalpha():
        return False
    seen = model().lexicon.get(word.lower(), frozenset({"NN"}))
    if seen & FUNCTION_TAGS:
        return False  # `by the NDR in Hamburg`, `the ZDF and`
    return word[0].isupper() or bool(seen & NOUN_TAGS)


@detector("broadcaster-article")
@dataclass
class BroadcasterArticle:
    """`the` before a broadcaster acronym that stands alone (`asked by the NDR,`)."""

    def find(self, ctx: Context) -> Iterator[Match]:
        acronyms = broadcasters() & ctx.vocabulary
        if not acronyms:
            return
        text = ctx.text
        for start, end in ctx.occurrences(acronyms):
            article = re.search(r"\b([Tt]he)\s+$", text[max(0, start - 5) : start])
            if article is None:
                continue
            following = re.match(r"\s*([\w’'-]*)", text[end : end + 40]).group(1)
            if not _modifies(following):
                begin = start - len(article.group())
                name = text[start:end]
                yield Match(begin, end, replacement=name, detail=name)
