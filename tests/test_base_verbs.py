"""Verb lemmas from WordNet (scripts/build_base_verbs.py) and what the rules make of them."""

from __future__ import annotations

from pathlib import Path

from conftest import assert_wordnet_table_rebuilt, load_script
from transcheck.phrases import base_verbs, may_be_base_verb


def _script():
    return load_script("build_base_verbs")


def test_only_single_word_lemmas_are_kept(tmp_path: Path):
    (tmp_path / "index.verb").write_text(
        "  1 licence line\nsource v 1 1 @ 1 0 02000001\nlevel_off v 1 1 @ 1 0 02000002\nx-ray v 1 1 @ 1 0 02000003\n"
        "damage v 1 1 @ 1 0 02000004\n", encoding="latin-1")
    assert _script().lemmas(tmp_path) == ["damage", "source"]


def test_shipped_list_is_the_script_output():
    assert_wordnet_table_rebuilt(_script(), "index.verb")


def test_verbs_the_treebank_saw_only_as_nouns_may_be_verbs():
    assert {"source", "level", "damage", "spur"} <= base_verbs()
    assert may_be_base_verb("Source") and may_be_base_verb("go")
    assert not may_be_base_verb("poverty") and not may_be_base_verb("the")
