"""One name, two forms in one text: machine translation renders each sentence on its own,
so a name it anglicises or strips of its diacritics in one sentence stays as it was in
another (`Helene Fischer` ... `Helen Fischer`, `Fürth` ... `Furth`)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ahocorasick_rs import AhoCorasick

from transcheck import speller
from transcheck.context import Context, automaton_matches, matches_at
from transcheck.detectors import detector
from transcheck.detectors.author_box import person_names
from transcheck.models import Match

# a club name in its German form: the ordinal `1.` of the first club of a town (1. FC Köln)
# `1.` first and the word's start after it: else ``re`` tries ``\b`` at every position
GERMAN_CLUB = re.compile(r"1\.(?<!\w1\.)[ \u00a0]?(?:FC|FSV|SC|SV|FFC|VfL|VfB|CfR|BC)[ \u00a0]+([A-Z]\w+)")
MIN_MARKED = 4
GIVEN_BEFORE = re.compile(r"\b([A-Z][\w-]+)[ \u00a0]+\Z")
FOLLOWED_BY_NAME = re.compile(r"[ \u00a0]+[A-Z]")
AFTER_NAME = re.compile(r"\b(?:[A-Z]\w*|St\.)[ \u00a0]+\Z")  # St. Joseph, Queen Mary: part of another name
SPELLED_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})
# a possessive `'s` is no part of the name; `O'Brien` keeps its apostrophe
SURNAME = r"((?:(?:von|van|de|der|zu)\s+)?[A-Z][\w-]*(?:['’][A-Z][\w-]*)?)"


def _table(name: str) -> list[list[str]]:
    data = resources.files("transcheck") / "data" / "name-variants" / name
    return [line.split("\t") for line in data.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]


@lru_cache(maxsize=None)
def variants() -> dict[str, frozenset[str]]:
    """Given name -> the other spellings of the same name (German Wiktionary), both ways."""
    pairs: dict[str, set[str]] = defaultdict(set)
    for german, english, _ in _table("given-name-variants.tsv"):
        pairs[german].add(english)
        pairs[english].add(german)
    return {name: frozenset(others) for name, others in pairs.items()}


@lru_cache(maxsize=None)
def english_places() -> frozenset[str]:
    """English names of German-speaking places (Zurich, Cologne): established, not stripped."""
    return frozenset(english for _, english in _table("toponym-english.tsv"))


@lru_cache(maxsize=None)
def german_places() -> dict[str, str]:
    """English name -> German name of a place, where English has a name of its own
    (Cologne -> Köln; not Zurich, which is Zürich without its diacritics)."""
    return {english: german for german, english in _table("toponym-english.tsv") if english not in plain(german)}


def plain(word: str) -> set[str]:
    """The word without its diacritics: marks dropped (`Fürth` -> `Furth`) and German
    umlauts spelled out (`Müller` -> `Mueller`)."""
    stripped = unicodedata.normalize("NFKD", word.replace("ß", "ss"))
    return {"".join(ch for ch in stripped if not unicodedata.combining(ch)), word.translate(SPELLED_OUT)} - {word}


def _marked_name(word: str) -> bool:
    """A capitalised word of four letters or more with a letter outside ASCII (`Fürth`,
    `Björn`; not `Bø`, whose plain form `Bo` is another name, nor an acronym)."""
    return len(word) >= MIN_MARKED and word[:1].isupper() and not word.isupper() and not word.isascii() and word.isalpha()


def _given(word: str) -> bool:
    """A given name that has other spellings (German Wiktionary: Helene, Helen)."""
    return word in variants()


def _given_before_surname(text: str, given: frozenset[str]) -> Iterator[re.Match]:
    """The matches of one of the ``given`` names, then blanks and a surname, in ``text``, as
    ``finditer`` gives them: tried only where an automaton finds one of the names, not at
    every position (an alternation of hundreds of names has no literal ``re`` looks for first)."""
    pattern = re.compile(rf"\b({'|'.join(sorted(map(re.escape, given), key=len, reverse=True))})[ \u00a0]+{SURNAME}")
    starts = sorted({start for _, start, _ in automaton_matches(AhoCorasick(sorted(given)), text, overlapping=True)})
    return matches_at(pattern, text, starts)


@detector("name-variants")
@dataclass
class NameVariants:
    """A name the text writes in two forms: the form without diacritics, the rarer or
    English spelling of a given name, or a German club name with an English city."""

    def find(self, ctx: Context) -> Iterator[Match]:
        yield from self._stripped(ctx)
        yield from self._given_names(ctx)
        yield from self._club_cities(ctx)

    def _club_cities(self, ctx: Context) -> Iterator[Match]:
        """`1. FC Cologne`: a club name kept in its German form (the ordinal `1.`) with
        the English name of its city; the club's name is `1. FC Köln`."""
        if "1." not in ctx.text:
            return
        places = german_places()
        for m in GERMAN_CLUB.finditer(ctx.text):
            german = places.get(m.group(1))
            if german:
                yield Match(*m.span(1), replacement=german, detail="the club's name is German; its city keeps its German name in it")

    def _stripped(self, ctx: Context) -> Iterator[Match]:
        """`Furth` where the text also writes `Fürth`; not an English word (`Gross`) nor
        the English name of a place (`Zurich`)."""
        vocabulary, common = ctx.vocabulary, speller.words()
        wrong: dict[str, str] = {}
        for word in ctx.words_where(_marked_name):
            for form in plain(word) & vocabulary:
                if form.lower() not in common and form not in english_places():
                    wrong[form] = word
        text = ctx.text
        givens: dict[str, set[str]] = {}
        for start, end in ctx.occurrences(set(wrong)):
            right = wrong[text[start:end]]
            before = _given_before(text, start)
            if before and right not in givens:
                givens[right] = _givens_of(text, right)
            if before and before not in givens[right]:  # Robert Mueller beside Gerd Müller
                continue
            yield Match(start, end, replacement=right, detail=f"the text also writes “{right}”")

    def _given_names(self, ctx: Context) -> Iterator[Match]:
        """`Helen Fischer` where the text also writes `Helene Fischer` (more often, or the
        German form); the two given names are spellings of one name in the Wiktionary
        table (a difference in diacritics only is ``_stripped``'s)."""
        given = ctx.words_where(_given)
        if len(given) < 2:
            return
        mentions: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for m in _given_before_surname(ctx.text, given):
            mentions[m.group(2)].append((m.group(1), m.start(1)))
        for names in mentions.values():
            counts = Counter(name for name, _ in names)
            for name in counts:
                right = self._better(name, counts)
                if right:
                    for other, start in names:
                        if other == name:
                            yield Match(start, start + len(name), replacement=right, detail=f"the text also writes “{right}”")
        yield from self._alone(ctx, {name for names in mentions.values() for name, _ in names})

    def _alone(self, ctx: Context, full: set[str]) -> Iterator[Match]:
        """`Helen` alone where the text writes `Helene Fischer`: the English spelling of a
        German given name the text writes before a surname, used with no surname of its
        own, not part of another name (`Queen Mary`) and not an English word (`Mark`)."""
        common, german = speller.words(), _german_forms()
        wrong = {
            english: name
            for name in full & german
            for english in variants()[name] & ctx.vocabulary
            if english not in full and english not in german and english.lower() not in common
        }
        text = ctx.text
        for start, end in ctx.occurrences(set(wrong)):
            if not FOLLOWED_BY_NAME.match(text, end) and not AFTER_NAME.search(text, max(0, start - 40), start):
                right = wrong[text[start:end]]
                yield Match(start, end, replacement=right, detail=f"the text also writes “{right}”")

    @staticmethod
    def _better(name: str, counts: Counter[str]) -> str | None:
        """The other form of ``name`` in ``counts`` that the text prefers: written more often,
        or as often and as the German spelling (the one MT changes)."""
        table = variants()
        for other in counts:
            if other == name:
                continue
            if other in table.get(name, ()) and (
                counts[other] > counts[name] or (counts[other] == counts[name] and _german_spelling(other, name))
            ):
                return other
        return None


def _given_before(text: str, start: int) -> str | None:
    """The given name right before ``start`` (`Robert` in `Robert Mueller`), if any."""
    m = GIVEN_BEFORE.search(text, max(0, start - 40), start)
    if m and (m.group(1) in person_names()[0] or m.group(1) in variants()):
        return m.group(1)
    return None


def _givens_of(text: str, surname: str) -> set[str]:
    """The given names, with their plain spellings, the text writes before ``surname``:
    searched on the lines that hold it (the name and its given name share a line)."""
    pattern = re.compile(rf"\b([A-Z][\w-]+)[ \u00a0]+{re.escape(surname)}\b")
    names: set[str] = set()
    found = text.find(surname)
    while found != -1:
        start = text.rfind("\n", 0, found) + 1
        end = text.find("\n", found)
        end = len(text) if end == -1 else end
        names.update(pattern.findall(text, start, end))
        found = text.find(surname, end)
    return names | {form for name in names for form in plain(name)}


@lru_cache(maxsize=None)
def _german_forms() -> frozenset[str]:
    """The German given names of the variant table (Helene, Josef)."""
    return frozenset(german for german, _, _ in _table("given-name-variants.tsv"))


def _german_spelling(name: str, other: str) -> bool:
    """``name`` is the German spelling and ``other`` its English one."""
    return name in _german_forms() and other not in _german_forms()
