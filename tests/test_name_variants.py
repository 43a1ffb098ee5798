"""Rule TC414's name tables and the pieces of its detector."""

from __future__ import annotations

import random
import re

from conftest import load_script

from transcheck.detectors import name_variants
from transcheck.detectors.name_variants import english_places, german_places, plain, variants


def _script():
    return load_script("build_name_variants")


def test_build_keeps_spellings_of_one_name_and_drops_other_names():
    build = _script()
    assert build.close("Helene", "Helen") and build.close("Karl", "Carl") and build.close("Andreas", "Andrew")
    assert not build.close("Erika", "Heather") and not build.close("Hans", "Jack")


def test_build_reads_given_names_and_toponyms_from_wiktionary_entries():
    build = _script()
    entries = {
        "Helene": {"u1": {"spec_word_type": ["Vorname"], "gen_case_num": {"genus": {"sg1": ["f"]}},
                          "translations": {"en": {"m1": ["Helen", "Ellen"]}}}},
        "Köln": {"u1": {"spec_word_type": ["Toponym"], "translations": {"en": {"m1": ["Cologne"]}}}},
    }
    assert build.pairs(entries) == {("Helene", "Helen", "f")}
    assert build.exonyms(entries) == {("Köln", "Cologne")}


def test_tables_load_both_ways():
    assert "Helen" in variants()["Helene"] and "Helene" in variants()["Helen"]
    assert "Zurich" in english_places()
    assert german_places()["Cologne"] == "Köln" and "Zurich" not in german_places()


def test_plain_strips_marks_and_spells_out_umlauts():
    assert plain("Müller") == {"Muller", "Mueller"}
    assert plain("Björn") == {"Bjorn", "Bjoern"}
    assert plain("Strauß") == {"Strauss"}
    assert plain("Berlin") == set()


def test_given_names_before_a_surname_are_those_finditer_finds() -> None:
    given = frozenset({"Anna", "Annabel", "Ann", "Peter", "Paul", "Helene", "Helen"})
    pattern = re.compile(rf"\b({'|'.join(sorted(given, key=len, reverse=True))})[ \u00a0]+{name_variants.SURNAME}")
    pieces = ["Anna", "Annabel", "Ann", "Peter", "Paul", "Helene", "Helen", "Müller", "von", "de", "Weber", "O’Neill",
              "Savannah", "Joanna", " ", " ", "\u00a0", "\n", "-", "'", "’", "‘", ".", ",", "x", "(", "Anna-Lena"]
    draw = random.Random(7)
    for _ in range(3_000):
        text = "".join(draw.choice(pieces) for _ in range(draw.randint(1, 14)))
        expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groups()) for m in name_variants._given_before_surname(text, given)] == expected, text


def test_german_club_names_are_found_where_the_one_starts_a_word() -> None:
    plain = re.compile(r"\b1\.[ \u00a0]?(?:FC|FSV|SC|SV|FFC|VfL|VfB|CfR|BC)[ \u00a0]+([A-Z]\w+)")
    pieces = ["1. FC Cologne", "1.FC Nuremberg", "11. FC Union", "x", "_", " ", "\u00a0", "1", ".", "FC", " Mainz"]
    draw, found = random.Random(8), 0
    for _ in range(3_000):
        text = "".join(draw.choice(pieces) for _ in range(draw.randint(1, 10)))
        expected = [m.span(1) for m in plain.finditer(text)]
        assert [m.span(1) for m in name_variants.GERMAN_CLUB.finditer(text)] == expected, text
        found += len(expected)
    assert found > 300
