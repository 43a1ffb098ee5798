"""Compounds translated in part: a German modifier kept before an English head."""

from transcheck.context import Context
from transcheck.documents import Document
from transcheck.detectors.untranslated import GermanModifier, MixedCompound


def spans(detector, text: str) -> list[str]:
    return [text[m.start : m.end] for m in detector.find(Context(Document.from_text("t.txt", text)))]


def test_german_modifier_before_an_english_noun():
    assert spans(GermanModifier(), "Turnout in the Landtag elections rose.") == ["Landtag elections"]
    assert spans(GermanModifier(), "The Landtag in Dresden met.") == []  # used alone, as English media do
    assert spans(GermanModifier(), "Then the Landtag passed it.") == []  # a verb follows, not a noun
    assert spans(GermanModifier(), "The Bundestag elections were held.") == []  # frequent in English
    assert spans(GermanModifier(), "The Landtag met. The Landtag elections follow.") == []  # a term adopted


def test_german_modifier_written_apart_from_a_capitalised_english_noun():
    assert spans(MixedCompound(), "Fans greeted the Schlager Queen at the airport.") == ["Schlager Queen"]
    assert spans(MixedCompound(), "Police in the Rhine-Neckar District said so.") == []
