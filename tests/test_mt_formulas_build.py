"""The mined MT-formula lexicon (TC413): rebuilt from the reviewed entries and the WMT data in ../shared."""

from __future__ import annotations

import re

import pytest

from conftest import SHARED, load_script


def _script():
    return load_script("mine_mt_formulas")


@pytest.mark.heavy
def test_lexicon_is_rebuilt_from_the_reviewed_entries_and_wmt():
    build = _script()
    text = build.lexicon_text(build.load_reviewed(), build.load_wmt(SHARED))
    assert text == build.LEXICON.read_text(encoding="utf-8")


def test_every_entry_is_written_by_several_systems_and_not_by_the_references():
    counts = re.findall(
        r"evidence: WMT21-23 (\d+) systems, (\d+) system lines \((\d+) with the German\), references (\d+)",
        _script().LEXICON.read_text(encoding="utf-8"),
    )
    assert len(counts) == len(_script().load_reviewed())
    for systems, lines, supported, refs in (map(int, c) for c in counts):
        assert systems >= 3 and supported >= 3 and supported >= lines // 2 and refs <= 1


def test_mining_finds_what_systems_share_and_the_references_avoid():
    build = _script()
    source = ["Heute gibt es Hochnebel.", "Morgen droht Hochnebel.", "Im Tal liegt Hochnebel.", "Ein anderer Satz."]
    refs = [["Low cloud today."], ["Fog tomorrow."], ["The valley lies under low cloud."], ["Another sentence."]]
    english = ["Today there is high fog.", "Tomorrow high fog threatens.", "In the valley lies high fog.", "Another sentence."]
    hyps = {name: english for name in "ABC"}
    found = build.mine([build.WmtSet("toy", source, refs, hyps)], native_pairs=set())
    phrases = {c[0]: c for c in found}
    assert "high fog" in phrases and phrases["high fog"][1:4] == (3, 3, 0)
    assert "hochnebel" in phrases["high fog"][4]
    assert "another sentence" not in phrases
    listed = build.mine([build.WmtSet("toy", source, refs, hyps)], native_pairs={"high fog"})
    assert "high fog" not in {c[0] for c in listed}


def test_ngrams_do_not_cross_punctuation_and_numbers_are_one_token():
    grams = _script().ngrams("He scored 12 goals, it was said.")
    assert "scored # goals" in grams and "goals it" not in grams and "it was said" in grams


def test_names_become_one_placeholder_so_formulas_around_names_count_together():
    grams = _script().ngrams(
        "Yesterday the DHB selection lost, the Welt am Sonntag reported.", names=True
    )  # a run of capitalized words is one <n>; lower-case "am" breaks the run
    grams |= _script().ngrams("Then Frankfurter Allgemeine Zeitung reported.", names=True)
    assert "the <n> selection" in grams and "then <n> reported" in grams and "<n> am <n>" in grams


def _toy_lm():
    """A tiny stand-in for CMU Sphinx's model: pairs per billion words, triples per million."""
    build = _script()
    pairs = {"chest of": 300, "of drawers": 100, "two degrees": 5000, "formula one": 3000, "the fog": 2000}
    triples = {"chest of drawers": 200000}
    words = "high fog formula one two ten degrees the chest of drawers crisis in and again"
    seen = {w: 0.1 for w in words.split()} | {"corona": 1e-9}  # each word's probability in the model
    return build.NativeLM(pairs, triples, seen)


def test_the_language_model_tells_an_unattested_junction_from_english():
    lm = _toy_lm()
    assert lm.verdict("high fog") == "improbable"  # two common words the model never put together
    assert lm.verdict("formula one") == "english"
    assert lm.verdict("chest of drawers") == "english"  # "chest of" is weak, the triple attests it
    assert lm.verdict("# degrees") == "english"  # numbers are spelled out for the model


def test_a_word_new_since_the_model_is_unknown_not_improbable():
    lm = _toy_lm()  # corona: common in wordfreq, all but absent from the model
    assert lm.junction(["corona", "crisis"], 0) == "unknown"
    assert lm.verdict("the corona crisis") == "unknown"


def test_mining_with_the_language_model_drops_what_it_finds_english():
    build = _script()
    source = ["Hochnebel in der Formel 1.", "Hochnebel und Formel 1.", "Wieder Hochnebel, Formel 1."]
    refs = [["Low cloud in F1."], ["Fog and F1."], ["Low cloud again, F1."]]
    english = ["High fog in formula one.", "High fog and formula one.", "Again high fog, formula one."]
    wmt = build.WmtSet("toy", source, refs, {name: english for name in "ABC"})
    found = {c[0]: c for c in build.mine([wmt], native_pairs=set(), lm=_toy_lm())}
    assert found["high fog"][5] == "improbable" and "formula one" not in found
