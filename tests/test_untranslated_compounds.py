"""Compounds translated in part: a German modifier kept before an English head."""

import random

from transcheck.context import Context
from transcheck.detectors import untranslated
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


def test_hyphenated_pairs_are_those_finditer_finds() -> None:
    pieces = ["Öl", "preis", "x", "-", "--", "_", "9", "²", "½", " ", "\n", "’", "Preis", "-Preis", "a-b", "Klima-Gipfel"]
    draw, found = random.Random(9), 0
    for _ in range(5_000):
        text = "".join(draw.choice(pieces) for _ in range(draw.randint(1, 12)))
        expected = [(m.span(), m.groups()) for m in untranslated.HYPHENATED.finditer(text)]
        assert [(m.span(), m.groups()) for m in untranslated.hyphenated_pairs(text)] == expected, text
        found += len(expected)
    assert found > 500
