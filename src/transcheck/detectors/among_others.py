"""German `unter anderem` before people or places rendered `among other things`
(`sie dankte u. a. den Tänzern` → `she thanked, among other things, the dancers`),
where English says `among others` or `including`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.detectors.author_box import person_names
from transcheck.detectors.name_variants import english_places, german_places
from transcheck.detectors.pronoun_gender import person_nouns, singular
from transcheck.models import Match
from transcheck.tagger import Token, tagged_sentences
from transcheck.wordfreqs import zipf

# the letters first and the word's start after them: else ``re`` tries ``\b`` at every position
PHRASE = re.compile(r"(?:among|Among)(?<!\w[Aa]mong)\s+other\s+things\b")
# words that may stand between the phrase and the listed item: `among other things, with the …`
LEAD_IN = frozenset("with by from to for of at in on".split())
DETERMINERS = frozenset("the his her their its our my your these those".split())
NOUN_TAGS = frozenset("NN NNS NNP NNPS".split())
PHRASE_TAGS = NOUN_TAGS | {"JJ", "CD", "HYPH"}
MAX_SURNAME_ZIPF = 4.0  # `Young`, `Brown`, `Mountain` are English words first


def _people(word: str) -> bool:
    """A plural noun naming persons (`dancers`, `firefighters`)."""
    lower = word.lower()
    return lower.endswith(("s", "men")) and any(form in person_nouns() for form in singular(lower)[1:])


def _name_or_place(tokens: list[Token]) -> bool:
    """A person's name (a given name and a surname that is no common English word, `Anna
    Berg`), or a known place name (`Munich`)."""
    words = [t.word for t in tokens]
    places = english_places()
    if any(w in places or w in german_places() for w in words):
        return True
    given, surnames = person_names()
    return (
        2 <= len(words) <= 3
        and words[0] in given
        and words[-1] in surnames
        and zipf(words[-1].lower()) < MAX_SURNAME_ZIPF
    )


def _first_item(after: list[Token]) -> tuple[list[Token], bool]:
    """The noun phrase that follows (punctuation, a preposition and a determiner skipped),
    and whether a determiner stood before it; none when a verb follows it, which makes it
    the subject of the clause (`Among other things, the police used …`)."""
    i, determined = 0, False
    while i < len(after) and (not after[i].word[0].isalnum() or after[i].word.lower() in LEAD_IN):
        i += 1
    if i < len(after) and after[i].word.lower() in DETERMINERS:
        i, determined = i + 1, True
    item = []
    while i < len(after) and after[i].tag in PHRASE_TAGS:
        item.append(after[i])
        i += 1
    if i < len(after) and (after[i].tag.startswith("VB") or after[i].tag == "MD"):
        return [], determined
    return item, determined


def _people_after(after: list[Token]) -> bool:
    item, determined = _first_item(after)
    nouns = [t for t in item if t.tag in NOUN_TAGS]
    if not nouns:
        return False
    return _name_or_place(item) or (determined and _people(nouns[-1].word))


def _people_before(before: list[Token]) -> bool:
    """`her dancers, technicians and, among other things, …`: the phrase inside a list of people."""
    words = [t.word for t in before[-3:]]
    if words[-2:] != ["and", ","] or len(before) < 3:
        return False
    noun = before[-3]
    return noun.tag in NOUN_TAGS and _people(noun.word)


@detector("among-other-things-people")
@dataclass
class AmongOtherThingsPeople:
    """`among other things` where the list it opens (or sits in) names people or places."""

    def find(self, ctx: Context) -> Iterator[Match]:
        hits = [m.start() for m in PHRASE.finditer(ctx.text)]
        if not hits:
            return
        for tokens in tagged_sentences(ctx, at=hits):
            for i in range(len(tokens) - 2):
                if tokens[i].word.lower() != "among" or tokens[i + 2].word != "things" or tokens[i + 1].word != "other":
                    continue
                if _people_after(tokens[i + 3 :]) or _people_before(tokens[:i]):
                    start, end = tokens[i].start, tokens[i + 2].end
                    yield Match(start, end, "among others" if tokens[i].word == "among" else "Among others")
