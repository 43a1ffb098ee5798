"""The German definite article kept before an abstract noun named in general: `Die
Erwerbstätigkeit stieg` → `The employment rose`, where English says `Employment rose`.

The nouns (``data/grammar/bare-mass-nouns.txt``, built by
``scripts/build_bare_mass_nouns.py``) are abstract nouns that LanguageTool's dictionary
calls uncountable, that WordNet files under acts, states and processes, and that native
English never shows as `the` + noun ending its noun phrase. The article is flagged at the start of a sentence, before the noun as the whole
subject: followed by a finite verb (`The inflation slowed`) or by `and` + another
determined noun (`The employment and the number of jobs grew`); `The employment of
women`, `The inflation rate` and `The immigration office` stay silent.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.models import Match
from transcheck.tagger import Token, model, tagged_sentences

SUBJECT_END = frozenset("VBD VBZ VBP MD".split())
# `The` opening a sentence: at a line start or after a sentence mark (and a closing quote).
SENTENCE_THE = re.compile(r"(?:^|\n|[.!?][”\"’')]?\s+)(The)\s+$")
DETERMINERS = frozenset("the a an its their this these".split())


@cache
def bare_mass_nouns() -> frozenset[str]:
    text = (files("transcheck") / "data" / "grammar" / "bare-mass-nouns.txt").read_text(encoding="utf-8")
    return frozenset(text.split())


def _ends_subject(tokens: list[Token], i: int) -> bool:
    """The noun at ``tokens[i]`` is the whole subject: a finite verb follows, or `and` +
    a determiner (a second subject)."""
    if i + 1 >= len(tokens):
        return False
    after = tokens[i + 1]
    if after.tag in SUBJECT_END or _past_verb_read_as_noun(tokens, i + 1):
        return True
    return after.word == "and" and i + 2 < len(tokens) and tokens[i + 2].word.lower() in DETERMINERS


VERB_FOLLOWERS = frozenset("IN TO RB RBR CD".split())


def _past_verb_read_as_noun(tokens: list[Token], j: int) -> bool:
    """`rose`, `fell` tagged as the second noun of a compound (`The inflation rose/NN to`):
    a word the treebank saw as a past tense, before a preposition, an adverb or a number."""
    word = tokens[j].word
    if tokens[j].tag not in ("NN", "NNS") or "VBD" not in model().lexicon.get(word, frozenset()):
        return False
    return j + 1 < len(tokens) and tokens[j + 1].tag in VERB_FOLLOWERS


@detector("article-mass-noun")
@dataclass
class ArticleMassNoun:
    """`The employment rose`, `The inflation and the wages grew`."""

    def find(self, ctx: Context) -> Iterator[Match]:
        nouns = bare_mass_nouns() & ctx.vocabulary
        if not nouns:
            return
        text = ctx.text
        starts = {}
        for m in re.finditer(rf"The ({'|'.join(sorted(nouns))})\b(?! of\b)", text):
            if SENTENCE_THE.search(text, max(0, m.start() - 4), m.start(1)):
                starts[m.start(1)] = m.start()
        if not starts:
            return
        for tokens in tagged_sentences(ctx, at=starts):
            for i, token in enumerate(tokens):
                if token.start in starts and _ends_subject(tokens, i):
                    begin = starts[token.start]
                    noun = token.word
                    yield Match(begin, token.end, replacement=noun[0].upper() + noun[1:], detail=noun)
