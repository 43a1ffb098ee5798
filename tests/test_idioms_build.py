"""The generated idiom table (TC422): the shipped table is what the build script makes from the shipped inputs."""

from __future__ import annotations


from conftest import load_script

from transcheck.detectors.literal_idiom import load_table


def _script():
    return load_script("build_idioms")


def test_idiom_table_is_rebuilt_from_the_shipped_inputs():
    build = _script()
    assert build.table_text() == build.TABLE.read_text(encoding="utf-8")


def test_set_phrase_keeps_idioms_and_drops_subject_terms():
    build = _script()
    assert build.set_phrase("etwas auf die lange Bank schieben", "nicht zeitnah erledigen")
    assert build.set_phrase("in null Komma nichts", "umgangssprachlich: sehr schnell")
    assert not build.set_phrase("frei variierendes Allomorph", "Linguistik: Allomorphe eines Morphems")


def test_table_pairs_are_known_word_forms():
    table = load_table()
    assert len({idiom for idiom, _ in table.pairs.values()}) >= 200
    assert all(a in table.forms and b in table.forms and a < b for a, b in table.pairs)
