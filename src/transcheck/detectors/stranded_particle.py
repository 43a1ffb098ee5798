"""The particle of a German separable verb left at the end of the clause after a
prepositional phrase: `Er wies auf die Risiken hin` → `He pointed to the risks out`, `Die
Feuerwehr löschte den Brand nach zwei Stunden aus` → `put the fire after two hours out`.

Whether the verb and the particle make one English verb is read from WordNet's phrasal
verbs (``data/grammar/phrasal-verbs.tsv``, built by ``scripts/build_phrasal_verbs.py``).
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
from transcheck.phrases import DETERMINERS, MONTHS, NOUNS, TIME_NOUNS, VERBS
from transcheck.tagger import Token, tagged_sentences

# Particles of German separable verbs (aus, ab, auf, zurück, weg, über, auseinander); not
# those that are often adverbs of their own at a clause end (together, ahead, forward).
PARTICLE_AT_CLAUSE_END = re.compile(
    r"(?<=[a-z] )(?:out|off|up|down|back|away|over|apart)(?=[ \t]*[.,;!]|[ \t]*$)", re.MULTILINE
)
HEAD_TAGS = NOUNS | {"POS"}
MODIFIER_TAGS = frozenset("JJ JJR JJS CD".split())
PARTICLE_TAGS = frozenset("RP RB IN".split())
TIME_PREPOSITIONS = frozenset("after before during within until since".split())
PLACE_TIME_PREPOSITIONS = frozenset("on in at".split())
TIME_WORDS = TIME_NOUNS | {w.lower() for w in MONTHS} | frozenset(
    "monday tuesday wednesday thursday friday saturday sunday hours minutes days weeks months years".split())


@cache
def phrasal_particles() -> dict[str, frozenset[str]]:
    """Verb form -> the particles WordNet makes one verb with (`pointed` -> out, up)."""
    text = (files("transcheck") / "data" / "grammar" / "phrasal-verbs.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {form: frozenset(particles.split()) for form, particles in rows}


def _phrase_start(tokens: list[Token], end: int) -> int:
    """Index where the noun phrase ending before ``end`` starts (``end`` when none does): a
    pronoun, or nouns after modifiers after at most one determiner (`the new tenants`),
    so that two phrases side by side stay apart (`to a stop | a few metres away`)."""
    if end > 0 and tokens[end - 1].tag == "PRP":
        return end - 1
    k = end
    while k > 0 and tokens[k - 1].tag in HEAD_TAGS:
        k -= 1
    if k == end:
        return end
    while k > 0 and tokens[k - 1].tag in MODIFIER_TAGS:
        k -= 1
    return k - 1 if k > 0 and tokens[k - 1].tag in DETERMINERS else k


def _timed(tokens: list[Token]) -> bool:
    return any(t.word.lower() in TIME_WORDS or (t.word.isdigit() and len(t.word) == 4) for t in tokens)


@detector("particle-after-phrase", line_local=True)
@dataclass
class ParticleAfterPhrase:
    """A phrasal verb's particle at the end of the clause, after a prepositional phrase
    that follows the verb (`pointed to the risks out`) or after its object and a phrase
    of time (`put the fire after two hours out`)."""

    def find(self, ctx: Context) -> Iterator[Match]:
        starts = {m.start() for m in PARTICLE_AT_CLAUSE_END.finditer(ctx.text)}
        if not starts:
            return
        for sentence in tagged_sentences(ctx, at=starts):
            for p, token in enumerate(sentence):
                if token.start in starts:
                    verb = self._stranding_verb(sentence, p)
                    if verb is not None:
                        yield Match(token.start, token.end, detail=f"{verb.word} … {token.word}")

    @staticmethod
    def _stranding_verb(tokens: list[Token], p: int) -> Token | None:
        """The verb whose particle ``tokens[p]`` is, when a prepositional phrase stands between."""
        if tokens[p].tag not in PARTICLE_TAGS:
            return None  # a noun: `behind my back`, `the former England forward`
        noun_start = _phrase_start(tokens, p)
        preposition = noun_start - 1
        if noun_start == p or preposition < 1 or tokens[preposition].tag != "IN" or tokens[preposition].word == "of":
            return None
        if tokens[preposition].word.lower() == "from" and tokens[p].word in ("up", "down"):
            return None  # a range: `from the ground up`, `from the top down`
        phrase_ok = True
        before = preposition - 1
        if tokens[before].tag not in VERBS:  # an object between the verb and the phrase: the phrase must be one of time
            word = tokens[preposition].word.lower()
            phrase_ok = word in TIME_PREPOSITIONS or (word in PLACE_TIME_PREPOSITIONS and _timed(tokens[noun_start:p]))
            before = _phrase_start(tokens, preposition) - 1
        if not phrase_ok or before < 0 or tokens[before].tag not in VERBS:
            return None
        verb = tokens[before]
        return verb if tokens[p].word in phrasal_particles().get(verb.word.lower(), ()) else None
