"""A case-keeping English dictionary (SCOWL, American and British): is a word English,
and how does English capitalise it?

The word list ships in ``data/english-words.txt.gz`` (see ``data/README.md``; rebuilt by
``scripts/build_english_words.py``). It keeps case, so it tells a common noun
(`situation`), a name (`Germany`, `October`) and a word known both ways (`Bill`, `bill`)
apart. A dictionary is one signal only: it does not know most names of people and places.
"""

from __future__ import annotations

import gzip
from collections.abc import Set
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def words() -> Set[str]:
    """Every word form of the dictionary, as English writes it (kept in the cache folder
    as a memory-mapped trie, ``tables.word_set``: it opens at once and takes a quarter of
    a frozenset's memory)."""
    from transcheck import tables

    return tables.word_set("english-words-trie", _read_words)


def _read_words() -> frozenset[str]:
    data = resources.files("transcheck") / "data" / "english-words.txt.gz"
    return frozenset(gzip.decompress(data.read_bytes()).decode("utf-8").split("\n")) - {""}


def known(word: str) -> bool:
    """The word is English in some case: as written, in lower case or capitalised
    (a capitalised common noun at a sentence start is known; `germany` is known too)."""
    vocabulary = words()
    return word in vocabulary or word.lower() in vocabulary or word.capitalize() in vocabulary


def lower_only(word: str) -> bool:
    """English knows the word only in lower case (`situation`, not `Situation`)."""
    vocabulary = words()
    lower = word.lower()
    return lower in vocabulary and lower.capitalize() not in vocabulary


def capital_only(word: str) -> bool:
    """English knows the word only capitalised: a name, month, weekday or demonym
    (`Germany`, `October`, `European`)."""
    vocabulary = words()
    lower = word.lower()
    return lower.capitalize() in vocabulary and lower not in vocabulary


def adjective(word: str) -> bool:
    """A lower-case word that forms an adverb in -ly (hopeless, federal, simple, basic): an adjective."""
    if not word.islower():
        return False
    vocabulary = words()
    adverbs = {word + "ly", word[:-1] + "y" if word.endswith("le") else "", word + "ally" if word.endswith("ic") else ""}
    return bool(adverbs & vocabulary)
