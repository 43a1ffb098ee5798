"""German common nouns and kept names from German Wiktionary's translations."""

from __future__ import annotations

from transcheck.detectors.untranslated import rare_german_compound
from transcheck.german_nouns import _same_name, is_common_noun, is_kept_name


def test_common_nouns_translate_in_lower_case():
    assert is_common_noun("Graben") and is_common_noun("amt")
    assert not is_common_noun("Allgäu") and not is_common_noun("Bayern")


def test_names_english_keeps_are_told_from_names_it_translates():
    assert is_kept_name("Allgäu") and is_kept_name("Regensburg")
    assert not is_kept_name("Bayern") and not is_kept_name("Rhein") and not is_kept_name("Graben")
    assert _same_name("Allgäu", "Allgaeu") and _same_name("Fürth", "Furth") and not _same_name("Bayern", "Bavaria")


def test_rare_compounds_need_a_german_common_noun_as_head():
    assert rare_german_compound("oberrheingraben") and rare_german_compound("landesgesundheitsamt")
    assert not rare_german_compound("unterallgäu")  # a name English keeps
    assert not rare_german_compound("websidestory")  # an English head
    assert not rare_german_compound("babenhausen")  # a place name's ending


def test_exonyms_leave_out_given_names_federal_bodies_and_names_english_uses():
    from transcheck.detectors.exonyms import exonyms
    from transcheck.german_nouns import translated_names

    table = exonyms(3.5, 2.5)
    assert table["Mailand"] == "Milan" and table["Thüringen"] == "Thuringia"
    assert translated_names()["Andreas"] == "Andrew" and "Andreas" not in table
    assert "Bundesbank" not in table  # English news keeps the German name
    assert "Wien" not in table  # common enough in English text (names, clubs) to stay out
