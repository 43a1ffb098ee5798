"""Drop-cap shapes: the judgements of the split, doubled and translated initial detectors
(at the start of a line of prose, also after a single line break)."""

from __future__ import annotations

import pytest

from transcheck.context import Context
from transcheck.detectors.dropcap import DoubledInitial, SplitInitial, TranslatedInitial
from transcheck.documents import Document


def found(detector, text: str) -> list[tuple[str, str | None]]:
    ctx = Context(Document.from_text("<test>", text))
    return [(text[m.start : m.end], m.replacement) for m in detector.find(ctx)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Title\n\nD.he council met on Monday to vote on it.", [("D.he", "The")]),
    ("Title\nD.he council met on Monday to vote on it.", [("D.he", "The")]),
    ("Title\n\nS that is settled now, the mayor said.", [("S that", "That")]),
    ("Title\n\nA man was arrested.", []),
    ("Title\n\nE.coli spreads in warm water.", []),
    ("The council met. D.he word sits in the middle of a line.", []),
])
def test_split_initial(text, expected):
    assert found(SplitInitial(), text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Title\nFHealth officials warned of a new wave.", [("FHealth", "Health")]),
    ("Title\n\nTHe officials warned of a new wave.", []),   # a slipped shift key
    ("Title\n\nNGOs warned of a new wave.", []),
])
def test_doubled_initial(text, expected):
    assert found(DoubledInitial(max_token_zipf=2.0), text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Title\n\nwestDuring the night, snow fell on the hills.", [("westDuring", "During")]),
    ("Title\n\niPhone sales rose.", []),
    ("Menu\nmailNewsletter\nstarFavourites", []),   # icon names glued to menu labels
    ("Title\n\nyouTube removed the video.", []),
])
def test_translated_initial(text, expected):
    assert found(TranslatedInitial(), text) == expected
