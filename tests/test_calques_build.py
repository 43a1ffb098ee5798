"""The generated calque data: the shipped table is what the build script makes from the shipped inputs."""

from __future__ import annotations

import importlib.util

from conftest import ROOT

from transcheck.detectors.compound_gloss import TABLE, load_table


def _script():
    spec = importlib.util.spec_from_file_location("build_calques", ROOT / "scripts" / "build_calques.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_compound_gloss_table_is_rebuilt_from_the_shipped_inputs():
    build = _script()
    text = build.lexicon_text(build.load_dictionary(), build.load_native(), build.load_adjectives())
    assert text == TABLE.read_text(encoding="utf-8")


def test_compound_split_needs_two_dictionary_nouns_and_a_linking_element():
    build = _script()
    nouns = {"Partei": [["party"]], "Spitze": [["point", "peak"]], "Arbeit": [["work"]], "Markt": [["market"]]}
    assert build.split_compound("Parteispitze", nouns) == ("Partei", "Spitze")
    assert build.split_compound("Arbeitsmarkt", nouns) == ("Arbeit", "Markt")
    assert build.split_compound("Parteiwerk", nouns) is None


def test_table_has_thousands_of_entries_each_with_german_and_english():
    table = load_table()
    assert len(table.literals) >= 3000
    assert all(table.german) and all(table.english)
    assert len(set(table.literals)) == len(table.literals)
