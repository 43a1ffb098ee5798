"""Rule TC414's name tables and the pieces of its detector."""

from __future__ import annotations


from conftest import load_script

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
