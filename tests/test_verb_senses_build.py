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
