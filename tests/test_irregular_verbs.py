"""Irregular verb forms (scripts/build_irregular_verbs.py) and what the word-order rules make of them."""

from __future__ import annotations

from pathlib import Path

from conftest import assert_wordnet_table_rebuilt, load_script
from transcheck.phrases import could_be, irregular_verbs, words_tagged
from transcheck.tagger import Token


def _script():
    return load_script("build_irregular_verbs")


def test_forms_are_sorted_into_past_tenses_and_participles():
    tags = _script().classify({
        "rise": ["rose", "risen"], "stand": ["stood"], "come": ["came"], "beat": ["beaten"],
        "sink": ["sank", "sunk", "sunken"], "begin": ["began", "begun"], "spin": ["spun"],
    })
    assert tags["risen"] == {"VBN"} and tags["rose"] == {"VBD"}
    assert tags["stood"] == {"VBD", "VBN"} and tags["spun"] == {"VBD", "VBN"}
    assert tags["came"] == {"VBD"} and tags["beaten"] == {"VBN"}
    assert tags["sunk"] == tags["sunken"] == {"VBN"} and tags["sank"] == {"VBD"}
    assert tags["begun"] == {"VBN"} and tags["began"] == {"VBD"}


def test_nouns_and_regular_looking_forms_stay_out_but_tell_siblings_apart(tmp_path: Path):
    (tmp_path / "verb.exc").write_text("rose rise\nrisen rise\nground grind\nbegged beg\nis be\nstood stand\n", encoding="latin-1")
    (tmp_path / "index.noun").write_text("  header line\nrose n 1 0 0 1 0 00000001\nground n 1 0 0 1 0 00000002\n", encoding="latin-1")
    text = _script().table(tmp_path)
    rows = dict(line.split("\t") for line in text.splitlines() if not line.startswith("#"))
    assert rows == {"risen": "VBN", "stood": "VBD VBN"}  # rose and ground are nouns; begged reads as a verb anyway


def test_shipped_table_is_the_script_output():
    assert_wordnet_table_rebuilt(_script(), "verb.exc")


def test_the_rules_read_forms_the_treebank_never_saw_as_participles():
    assert irregular_verbs()["risen"] == {"VBN"}
    assert could_be(Token(0, 5, "risen", "VBP"), frozenset({"VBN"}))
    assert could_be(Token(0, 5, "stood", "VBD"), frozenset({"VBN"}))
    assert not could_be(Token(0, 4, "came", "VBD"), frozenset({"VBN"}))
    assert {"risen", "stood", "beaten"} <= words_tagged("VBN", "VB")
