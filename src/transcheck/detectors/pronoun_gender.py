"""Pronouns that keep the gender of a German noun: "the railway ... she" (die Bahn ... sie).

German pronouns agree with the grammatical gender of the noun they stand for, so machine
translation turns `sie` for die Zeitung into "she"/"her" and `ihn` for der Platz into
"him". The detector flags he/she and their forms whose window (the sentence up to the
pronoun and ``window`` sentences before it) names no person who could be meant, while it
does hold an inanimate singular noun whose usual German translation has that gender.
No person means: no person noun of that sex or of either sex (``person-nouns.tsv``, from
WordNet), no earlier pronoun of the same gender, and no capitalised word that may be a
name (a given name or surname of the census lists, or a word English rarely writes).
Both tables are built by ``scripts/build_pronoun_gender.py`` (German Wiktionary genders,
WordNet 3.0 animacy); see ``data/pronoun-gender/README.md``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.detectors.author_box import person_names
from transcheck.models import Match
from transcheck.tagger import Token, model, sentence_spans, tag
from transcheck.wordfreqs import zipf

DATA = Path(__file__).resolve().parent.parent / "data" / "pronoun-gender"
PRONOUNS = {
    "she": "f", "her": "f", "hers": "f", "herself": "f",
    "he": "m", "him": "m", "his": "m", "himself": "m",
}  # fmt: skip
PRONOUN_RE = re.compile(r"\b(?:[Ss]he|[Hh]ers?|[Hh]erself|[Hh]e|[Hh]im|[Hh]is|[Hh]imself)\b")
GERMAN_PRONOUN = {"f": "sie/ihr", "m": "er/ihn/sein"}
SINGULAR_NOUN = frozenset({"NN"})
AFTER_QUOTE = re.compile(r"[’”\"'»«]\s*$")  # ‘…,’ she says: the speaker of a quotation
NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "POS"})
COMPLEMENT = frozenset({"that", "of"})
DETERMINER = frozenset({"DT", "PRP$", "WP$"})
DEFINITE = frozenset({"the", "this", "that", "its", "our", "their", "his", "her", "my", "your"})
MODIFIER = frozenset({"JJ", "JJR", "JJS", "NN", "NNP", "VBN", "VBG", "CD", "HYPH", "POS"})
NEXT_WORDS = re.compile(r"((?:\s+[\w-]+){1,3})")
# "..., he says": the pronoun names a speaker or thinker, a person even when unnamed nearby
SPEAKER = re.compile(
    r"\s+(?:\w+ly\s+)?(?:say|said|add|explain|recall|tell|told|stress|think|thought|believe|feel|felt|laugh|admit|"
    r"insist|smile|sigh|write|wrote|remember|hope|wonder)(?:s|ed|es)?\b"
)
ADJECTIVE = frozenset({"JJ", "JJR", "JJS", "CD", "VBN"})
PLURAL = frozenset({"NNS", "NNPS"})
QUOTE_OPENERS = frozenset('"“„‘\'«»')
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our", "you", "your"})


@lru_cache(maxsize=1)
def inanimate_genders() -> dict[str, tuple[str, str]]:
    """English inanimate noun -> (German gender m/f, its main German nouns)."""
    rows = _rows(DATA / "inanimate-gender.tsv")
    return {r[0]: (r[1], r[3].replace("|", ", ")) for r in rows}


@lru_cache(maxsize=1)
def person_nouns() -> dict[str, str]:
    """English noun naming a person -> sex (f, m, or x for either)."""
    return {r[0]: r[1] for r in _rows(DATA / "person-nouns.tsv")}


def _rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]


def singular(word: str) -> list[str]:
    """Candidate singular forms of an English plural (regular endings only)."""
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    if word.endswith("men"):
        forms.append(word[:-3] + "man")
    return forms


@detector("pronoun-gender")
@dataclass
class PronounGender:
    """He/she (and forms) for an inanimate noun whose German translation has that gender."""

    window: int = 2  # sentences before the pronoun's own that must name no person
    max_name_zipf: float = 4.5  # a capitalised word rarer than this in English may be a name
    max_first_zipf: float = 3.0  # the same at a sentence start
    max_surname_zipf: float = 4.0  # "Young", "Brown", "Bank" are words first

    def find(self, ctx: Context) -> Iterator[Match]:
        if not ctx.vocabulary & _FORMS:
            return
        text = ctx.text
        spans = ctx.cache.get("sentences")
        if spans is None:
            spans = ctx.cache["sentences"] = sentence_spans(text)
        starts = [s for s, _ in spans]
        tagged: dict[int, list[Token]] = ctx.cache.setdefault("pos", {})
        flagged_sentences: set[int] = set()
        for m in PRONOUN_RE.finditer(text):
            index = bisect_right(starts, m.start()) - 1
            if index < 0 or index in flagged_sentences or AFTER_QUOTE.search(text, max(0, m.start() - 4), m.start()):
                continue
            gender = PRONOUNS[m.group().lower()]
            if owns_person(m.group(), text, m.end()) or SPEAKER.match(text, m.end()):
                continue
            window = []
            for n in range(max(0, index - self.window), index + 1):
                start, end = spans[n]
                if start not in tagged:
                    tagged[start] = tag(text, start, end)
                window.extend((t, k == 0) for k, t in enumerate(tagged[start]) if t.start < m.start())
            antecedent = self.antecedent(window, gender, spans[max(0, index - 1)][0])
            if antecedent is not None:
                flagged_sentences.add(index)
                german, noun = antecedent
                yield Match(m.start(), m.end(), suggestion=_it(m.group()), detail=f"{noun} (German {german})")

    def antecedent(self, window: list[tuple[Token, bool]], gender: str, near: int) -> tuple[str, str] | None:
        """The German noun and English noun the pronoun may stand for, or None when a
        person of that sex may be meant or no inanimate noun of that gender is near."""
        genders, persons = inanimate_genders(), person_nouns()
        found, candidate, previous, definite = None, None, "", False
        for token, first in window:
            word, after = token.word, previous
            previous = word
            lower = word.lower()
            if PRONOUNS.get(lower) == gender or lower in FIRST_PERSON:
                return None
            if token.tag not in PLURAL and (persons.get(lower) in (gender, "x") or lower.endswith("-old")):
                return None  # a person noun, or "the 17-year-old" 
            if word[:1].isupper() and self.may_be_name(word, first or after in QUOTE_OPENERS or after == ":"):
                return None
            if candidate is not None and token.tag not in NOUN_TAGS and lower not in COMPLEMENT:
                found = candidate  # the head of its noun phrase, not "the fact that ..."
            candidate = None
            if token.tag in DETERMINER:
                definite = lower in DEFINITE
            elif token.tag not in MODIFIER:
                definite = False
            if definite and token.tag in SINGULAR_NOUN and token.start >= near and genders.get(lower, ("",))[0] == gender:
                candidate = (genders[lower][1], word)
        return found

    def may_be_name(self, word: str, first: bool) -> bool:
        """A capitalised word that may name a person: a census given name or surname that is
        not a common English word, or a word English rarely writes (rarer still at a
        sentence start, where every word is capitalised)."""
        if not word.isalpha():
            return False
        given, surnames = person_names()
        frequency = zipf(word)
        if (word in given or word in surnames) and frequency < self.max_surname_zipf:
            return True
        return frequency < (self.max_first_zipf if first else self.max_name_zipf)


def owns_person(pronoun: str, text: str, end: int) -> bool:
    """``his wife``, ``her fans``, ``his 17-year-old son``: only a person has them."""
    following = NEXT_WORDS.match(text, end) if pronoun.lower() in ("his", "her") else None
    if following is None:
        return False
    persons, lexicon = person_nouns(), model().lexicon
    for word in following.group(1).split():
        lower = word.lower()
        if lower in persons or lower.rstrip("s") in persons or lower.endswith("-old"):
            return True
        if not (lexicon.get(lower, frozenset()) & ADJECTIVE or word[0].isdigit()):
            return False
    return False


_FORMS = frozenset(f for p in PRONOUNS for f in (p, p.capitalize()))


def _it(pronoun: str) -> str:
    """The English neuter form of a he/she pronoun, in the pronoun's case."""
    lower = pronoun.lower()
    word = {"she": "it", "he": "it", "him": "it", "her": "it/its", "his": "its", "hers": "its", "herself": "itself", "himself": "itself"}[lower]
    return word.capitalize() if pronoun[0].isupper() else word
