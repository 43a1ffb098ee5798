"""What a set of rules finds in a sentence of our own: for the tests that list sentences a
group of rules must flag and sentences it must leave alone."""

from __future__ import annotations

from transcheck.documents import Document
from transcheck.engine import check
from transcheck.rules import load_rules


def rules(*ids: str):
    """The built-in rules ``ids``."""
    return load_rules().select(list(ids))


def spans_found(text: str, ruleset) -> list[str]:
    """The text of each finding of ``ruleset`` in ``text`` (en-US)."""
    return [text[f.start : f.end] for f in check(Document.from_text("<test>", text), ruleset, "en-US")]
