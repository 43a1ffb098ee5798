"""tables.word_set: the English word list as a memory-mapped trie answers as the frozenset it replaces."""

from __future__ import annotations

import pytest

from transcheck import speller, tables


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache folder and no word list loaded yet."""
    monkeypatch.setenv("TRANSCHECK_CACHE_DIR", str(tmp_path))
    speller.words.cache_clear()
    yield tmp_path
    speller.words.cache_clear()


def test_word_set_holds_the_word_list(fresh) -> None:
    reference = speller._read_words()
    for attempt in ("built", "read back"):
        words = speller.words()
        assert isinstance(words, tables.WordSet), attempt
        assert len(words) == len(reference) and set(words) == reference, attempt
        assert {"simply", "Germany", "xqzzy", ""} & words == frozenset({"simply", "Germany"})
        assert 3 not in words and "germany" not in words
        speller.words.cache_clear()


def test_a_damaged_word_set_is_built_again(fresh) -> None:
    speller.words()
    speller.words.cache_clear()
    (path,) = fresh.glob("tables/english-words-trie-*/words.marisa")
    path.write_bytes(path.read_bytes()[:100])
    assert speller.known("situation") and speller.capital_only("October")
    assert len(speller.words()) == len(speller._read_words())


def test_person_names_are_word_sets_of_the_list(fresh) -> None:
    from transcheck.detectors.author_box import _read_names, person_names

    person_names.cache_clear()
    given, surnames = person_names()
    person_names.cache_clear()
    assert isinstance(given, tables.WordSet) and isinstance(surnames, tables.WordSet)
    assert set(given) == set(_read_names(given=True)) and set(surnames) == set(_read_names(given=False))
    assert "Oliver" in given and "Schmidt" in surnames and "Xqzzyk" not in surnames


def test_word_table_codes_give_wordfreqs_values(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("TRANSCHECK_CACHE_DIR", str(tmp_path))
    table = {"the": 0.05, "fringe": 1e-6, "quay": 1e-6, "zzyzx": 2.5e-9}
    for attempt in ("built", "read back"):
        ours = tables.word_table("test-words", "1", lambda: table)
        assert isinstance(ours, tables.WordTable), attempt
        assert dict(ours.items()) == table and ours.get("nope", 0.0) == 0.0, attempt
    (codes,) = tmp_path.glob("tables/test-words-*/codes.u16")
    codes.write_bytes(b"\0")
    assert dict(tables.word_table("test-words", "1", lambda: table).items()) == table
