"""The party-name word pairs of TC707 (src/transcheck/data/party-names/) and their use."""

from transcheck.context import Context
from transcheck.detectors.party_name_case import PartyNameCase, pairs
from transcheck.documents import Document


def test_pairs_hold_german_party_names_and_leave_out_us_usage():
    table = pairs()
    for first, noun in [("social", "Democrats"), ("free", "Democrats"), ("christian", "Democrats"),
                        ("green", "Party"), ("left", "Party"), ("people's", "Party")]:
        assert noun in table[first], (first, noun)
    assert "Democrats" not in table.get("liberal", ())
    assert "Republican" not in table.get("national", ())
    assert "the" not in table and "japan" in table  # function words out; `japan Communist` never occurs


def test_both_apostrophes_and_both_numbers():
    text = "The people’s Party and a social Democrat met the social Democrats' leader."
    found = [text[m.start : m.end] for m in PartyNameCase().find(Context(Document("t.txt", text)))]
    assert found == ["people’s Party", "social Democrat", "social Democrats"]
