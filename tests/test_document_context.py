"""Lexicon entries with `document_context`: a genre signal taken from the whole document."""

from __future__ import annotations

from transcheck.context import Context
from transcheck.documents import Document
from transcheck.rules.matchers import PhraseMatcher

ENTRY = {
    "phrase": "northern countries",
    "suggestion": "states",
    "context": [r"^(?i:.*\b(?:Bavaria|Saxony|Hesse)\b.*)$"],
    "document_context": [r"(?i)\b(?:Bavaria|Saxony|Hesse)\b"],
}


def _found(text: str, entry: dict = ENTRY) -> list[str]:
    matcher = PhraseMatcher.from_entries([entry], True, "test")
    return [text[m.start : m.end] for m in matcher.find(Context(Document.from_text("t.txt", text)))]


def test_the_line_cue_or_a_document_of_the_genre_lets_the_entry_fire():
    assert _found("Rain in Bavaria and the northern countries.") == ["northern countries"]
    genre = "Rain in Bavaria.\nSaxony stayed dry.\nHesse had fog.\nThe same in the northern countries."
    assert _found(genre) == ["northern countries"]


def test_a_document_with_few_cues_is_not_of_the_genre():
    assert _found("Rain in Bavaria.\nThe same in the northern countries.") == []
    long_text = "Rain in Bavaria, Saxony and Hesse.\n" + "Other news of the day. " * 200 + "\nThe northern countries."
    assert _found(long_text) == []  # three cues, but under 5 per 1,000 words


def test_without_a_line_context_the_document_context_is_required():
    entry = {key: value for key, value in ENTRY.items() if key != "context"}
    assert _found("Rain in Bavaria and the northern countries.", entry) == []
    assert _found("Bavaria.\nSaxony.\nHesse.\nThe northern countries.", entry) == ["northern countries"]


def test_cue_density_is_counted_once_per_document():
    doc = Document.from_text("t.txt", "Bavaria and Saxony.\nHesse and more words here.")
    import re

    from transcheck import genre_cues

    cue = genre_cues.Cue(re.compile(r"(?i)\b(?:Bavaria|Saxony|Hesse)\b"), 40.0)
    assert genre_cues.density(Context(doc), cue) == (3, 375.0)
    assert doc.evidence["genre-cues"][cue.regex.pattern] == 3
    doc.evidence["genre-cues"][cue.regex.pattern] = 7  # kept on the document: not counted again
    assert genre_cues.density(Context(doc), cue) == (7, 875.0)


def test_an_item_sets_its_own_density():
    text = "Rain in Bavaria, Saxony and Hesse.\n" + "Other news of the day. " * 50 + "\nThe northern countries."
    entry = dict(ENTRY, document_context=[{"cues": ENTRY["document_context"][0], "per_1000": 10}])
    assert _found(text) == []  # 3 cues in 260 words: 11.5 per 1,000, under the default 40
    assert _found(text, entry) == ["northern countries"]
