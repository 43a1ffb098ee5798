"""Genre cue counts (``document_context``): found at the literals that open each cue, with
the counts ``finditer`` gives, and a long text's blocks share their whole document's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from transcheck import genre_cues
from transcheck.context import Context
from transcheck.documents import Block, Document
from transcheck.rules import load_rules
from transcheck.rules.prefilter import literal_prefixes

ROOT = Path(__file__).resolve().parents[1]
TEXTS = sorted([*ROOT.glob("samples/*.txt"), *ROOT.glob("tests/data/native/*/*.txt")])


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\b(?:compan(?:y|ies)|S&P|Hang\s+Seng|index)\b", ("compan", "hang", "index", "s&p")),
    (r"(?i)\bpolice\b", ("police",)),
    (r"\b(?:rail|(?:tram|bus)s?)\b", ("bus", "rail", "tram")),
    (r"\w+bar", None),
    (r"\b(?:fire|\d+ degrees)\b", None),
    (r"(?:a|b*)c", None),
])
def test_literal_prefixes(pattern: str, expected) -> None:
    assert literal_prefixes(pattern, re.IGNORECASE) == expected


def _finditer_counts(text: str) -> dict[str, int]:
    return {source: sum(1 for _ in regex.finditer(text)) for source, regex in genre_cues.INDEX.cues.items()}


def test_counts_are_finditers_on_the_rules_cues() -> None:
    load_rules()
    assert len(genre_cues.INDEX.cues) >= 10, "the lexicons' document_context cues are registered"
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in TEXTS)
    counts = genre_cues.INDEX.counts(text)
    assert counts == _finditer_counts(text) and sum(counts.values()) > 100


def test_specially_folded_letters_count_as_finditer_counts_them() -> None:
    """ſ matches s and ı matches i under re.IGNORECASE; İ lower-cases to two characters."""
    load_rules()
    text = ("The POLİCE and the ſtriker: the poLıce said the fıre brigade came.\n"
            "Police officers, police, POLICE; the polices, a police-car.\n") * 3
    counts = genre_cues.INDEX.counts(text)
    assert counts == _finditer_counts(text) and sum(counts.values()) > 10


def test_a_block_gets_its_whole_documents_density() -> None:
    load_rules()
    cue = genre_cues.Cue(re.compile(r"(?i)\b(?:police|officers?)\b"), 40.0)
    text = "Police officers came. The police said officers were hurt.\n\n" * 5 + "A calm day in the park.\n"
    doc = Document.from_text("t.txt", text)
    tail = Block.of(doc, text.index("A calm"), len(text))
    count, per_1000 = genre_cues.density(Context(tail), cue)
    assert count == 20 and per_1000 == 1000 * 20 / doc.word_count
    assert genre_cues.density(Context(doc), cue) == (count, per_1000)
