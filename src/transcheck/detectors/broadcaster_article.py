"""The German article kept before a broadcaster's acronym: `des NDR`, `im ZDF` → `of
the NDR`, `on the ZDF`, where English names the broadcaster bare (`NDR`, `ZDF`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.detectors.said_outlet import media_names
from transcheck.models import Match
from transcheck.tagger import model

BROADCASTING = re.compile(r"Rundfunk|Fernsehen|Radio")
NOUN_TAGS = frozenset("NN NNS NNP NNPS JJ CD".split())
FUNCTION_TAGS = frozenset("IN TO CC DT MD PRP WDT WRB".split())


@cache
def broadcasters() -> frozenset[str]:
    """Acronyms of German, Austrian and Swiss public broadcasters in the fundus publisher
    list: `Norddeutscher Rundfunk (NDR)`, `ZDF`."""
    found = {acronym for full, acronym in media_names() if acronym.isupper() and BROADCASTING.search(full)}
    return frozenset(found | {full for full, acronym in media_names() if full.isupper() and full.isalpha()})


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
    """`the` before a broadcaster acronym that stands alone (`an interview with the NDR,`)."""

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
