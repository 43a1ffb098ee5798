"""The prepositional-phrase calque lexicon (TC423): rebuilt from the shipped inputs; its generation steps."""

from __future__ import annotations

import gzip

from conftest import load_script


def _script():
    return load_script("build_prepositional_phrases")


def test_lexicon_is_rebuilt_from_the_shipped_inputs():
    build = _script()
    assert build.lexicon_text(build.load_reviewed()) == build.LEXICON.read_text(encoding="utf-8")


def test_only_situation_compounds_headed_by_fall_are_kept(tmp_path):
    glosses = tmp_path / "glosses.txt.gz"
    with gzip.open(glosses, "wt", encoding="utf-8") as out:
        out.write("Idealfall\tEintreten eines Zustandes, wie er besser nicht sein könnte\n")
        out.write("Mordfall\tSachverhalt, bei dem die Polizei wegen eines Mordes ermittelt\n")
        out.write("Unfall\tVorfall, bei dem Sachen zu Schaden kommen\n")
        out.write("Autounfall\tSituation, in der ein Auto verunglückt\n")  # head Unfall, not Fall
        out.write("Betrugsfall\tFall von Betrug\n")
    assert _script().situation_compounds(glosses) == ["Idealfall"]


def test_modifier_glosses_use_nouns_adjectives_and_the_english_adjective_of_a_noun():
    build = _script()
    nouns = {"Ausnahme": ["exception"], "Zweifel": ["doubt"], "Sonderfall": ["special case"], "Notfall": ["emergency"], "Not": ["need"]}
    adjectives = {"ideal": ["ideal"], "sonder": ["special"]}
    english = {"exceptional", "doubtful", "ideal", "special"}
    assert build.modifier_glosses("Ausnahmefall", nouns, adjectives, english) == ["exception", "exceptional"]
    assert build.modifier_glosses("Zweifelsfall", nouns, adjectives, english) == ["doubt", "doubtful"]
    assert build.modifier_glosses("Idealfall", nouns, adjectives, english) == ["ideal"]
    assert build.modifier_glosses("Notfall", nouns, adjectives, english) == ["need", "emergency"]
    # Wiktionary gives "special case" as English for a German noun: not a calque
    assert build.modifier_glosses("Sonderfall", nouns, adjectives, english) == []


def test_suggestion_is_an_adverb_or_plural_for_adjectives_and_in_the_event_of_for_nouns():
    build = _script()
    assert build.suggestion(["ideal"], {"ideal"}) == "ideally / in ideal cases"
    assert build.suggestion(["fire", "blaze"], set()) == "in the event of fire"
