"""The verb-sense lexicon (TC424): rebuilt from the reviewed entries and the WMT data in ../shared."""

from __future__ import annotations

import re

import pytest

from conftest import SHARED, load_script


def _script():
    return load_script("mine_verb_senses")


@pytest.mark.heavy
def test_lexicon_is_rebuilt_from_the_reviewed_entries_and_wmt():
    build = _script()
    text = build.lexicon_text(build.load_reviewed(), build.load_wmt(SHARED))
    assert text == build.LEXICON.read_text(encoding="utf-8")


def test_no_entry_matches_a_wmt_reference_and_each_names_its_german_verb():
    build = _script()
    text = build.LEXICON.read_text(encoding="utf-8")
    counts = re.findall(r"evidence: WMT21-23 (\d+) systems, (\d+) system lines \((\d+) with the German\), references (\d+)", text)
    assert len(counts) == len(build.load_reviewed()["entries"])
    for systems, lines, supported, refs in (map(int, c) for c in counts):
        assert refs == 0 and supported == lines  # a system line it matches holds the German verb


def test_object_classes_expand_and_quantifiers_stay():
    build = _script()
    assert build.expand(r"ensure\s+(?:\w+\s+){0,2}(?:{trouble})", {"trouble": "chaos|unrest"}) == r"ensure\s+(?:\w+\s+){0,2}(?:(?:chaos|unrest))"


def test_frames_of_an_english_line():
    frames = _script().english_frames("The storm ensured chaos, and the virus was proven in samples.")
    assert {"ensure > chaos", "virus < prove", "prove in > sample"} <= frames


def test_german_verbs_rejoin_separable_particles():
    assert {"sorgen", "ausfallen"} <= _script().german_verbs("Der Regen sorgte für Chaos, das Spiel fiel aus.")


def test_trie_regex_matches_exactly_its_words():
    words = ["ant", "antelope", "antelopes", "ants", "bee", "bees"]
    regex = re.compile(rf"(?:{_script().trie_regex(words)})\Z")
    assert all(regex.match(w) for w in words)
    assert not any(regex.match(w) for w in ["an", "antel", "be", "beet", "x"])


def test_wordnet_class_is_read_from_its_file():
    build = _script()
    regex = re.compile(rf"(?:{build.expand('{organism_wordnet}', build.load_reviewed()['objects'])})\Z")
    assert regex.match("bloodsuckers") and regex.match("hornet")
    assert not regex.match("glad") and not regex.match("lucy")  # an adjective, a given name


def test_wordnet_class_file_is_the_script_output():
    from pathlib import Path

    import pytest

    script = load_script("wordnet_classes")
    if not (script.WORDNET / "data.noun").exists():
        pytest.skip("WordNet 3.0 (Debian wordnet-base) not installed")
    header = script.HEADER.format(zipf=script.MIN_ZIPF)
    assert script.OUTPUT.read_text(encoding="utf-8") == header + "".join(w + "\n" for w in script.organisms())
    assert Path(script.OUTPUT).name == "wordnet-organisms.txt"
