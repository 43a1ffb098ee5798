"""Rules that read the lower case a stretch of lines or a window at a time find what they
found in the whole text's lower case, wherever the stretches are cut."""

from __future__ import annotations

import pytest

from transcheck import context
from transcheck.context import Context
from transcheck.detectors.repeated import lower_contains
from transcheck.documents import Document
from transcheck.engine import check
from transcheck.rules import RuleSet, load_rules

KINDS = {"since-present", "for-duration-present", "so-far-past", "compound-gloss", "term-gloss",
         "literal-idiom", "repeated-word", "boilerplate-lines"}
RULES = [rule for rule in load_rules() if rule.spec.matcher.get("detector") in KINDS]


def _text(rules, extra: str = "") -> str:
    """The rules' own examples, one a paragraph, twice (with an emoji, Greek capitals and `extra`)."""
    examples = [e.text for rule in rules for e in rule.spec.flag + rule.spec.passes]
    return "\n\n".join(examples + ["ΟΔΟΣ ΚΑΙ 🙂 " + extra] + examples) + "\n"


def _found(rules, text: str) -> list[tuple[str, int, int]]:
    return [(f.rule, f.start, f.end) for f in check(Document.from_text("t.txt", text), RuleSet(rules))]


@pytest.mark.parametrize("extra", ["", "İstanbul"])
def test_findings_do_not_depend_on_where_stretches_are_cut(monkeypatch, extra):
    assert {rule.spec.matcher["detector"] for rule in RULES} == KINDS
    text = _text(RULES, extra)
    monkeypatch.setattr(context, "LOWER_CHUNK_CHARS", len(text))  # one stretch: the whole lower case
    whole = _found(RULES, text)
    assert len({rule for rule, _, _ in whole}) > len(KINDS)
    for size in (1, 40, 300):
        monkeypatch.setattr(context, "LOWER_CHUNK_CHARS", size)
        assert _found(RULES, text) == whole


def test_repeated_lower_stretches_keep_offsets(monkeypatch):
    monkeypatch.setattr(context, "LOWER_CHUNK_CHARS", 4)
    text = "One İstanbul LINE\nΣ ΟΔΟΣ\nThe END\n"
    ctx = Context(Document.from_text("t.txt", text))
    pieces = list(ctx.lower_stretches())
    assert len(pieces) == 3 and "".join(p for _, p in pieces) == "one istanbul line\nσ οδος\nthe end\n"
    assert [base for base, _ in pieces] == [0, text.index("Σ"), text.index("The")]
    assert lower_contains(ctx, ["the end"]) and not lower_contains(ctx, ["line the"])
    assert lower_contains(ctx, ["line\nσ"])  # a needle across lines: searched in the whole lower case


@pytest.mark.parametrize("extra", ["", "İstanbul"])
def test_literal_prefilters_do_not_depend_on_where_stretches_are_cut(monkeypatch, extra):
    """Patterns and phrase lists run where their literals occur in the lower case, found a
    stretch of lines at a time (and the literals of scanners without a trigger with them)."""
    rules = [rule for rule in load_rules() if rule.spec.matcher.get("kind") in ("pattern", "phrases")]
    text = _text(rules, extra)
    monkeypatch.setattr(context, "LOWER_CHUNK_CHARS", len(text))
    whole = _found(rules, text)
    assert len({rule for rule, _, _ in whole}) > 50
    monkeypatch.setattr(context, "LOWER_CHUNK_CHARS", 200)
    assert _found(rules, text) == whole


def test_sentences_are_tagged_the_same_in_batches(monkeypatch):
    """``tagged_spans`` tags a batch of sentences at a time: the tags do not depend on its size."""
    from transcheck import tagger

    text = " ".join(e.text for rule in list(load_rules())[:40] for e in rule.spec.flag)
    spans = tagger.sentence_spans(text)
    whole = tagger.tagged_spans(Context(Document.from_text("t.txt", text)), spans)
    monkeypatch.setattr(tagger, "TAG_BATCH", 3)
    assert len(spans) > 6 and tagger.tagged_spans(Context(Document.from_text("t.txt", text)), spans) == whole


def test_document_sentences_are_found_a_stretch_at_a_time(monkeypatch):
    from transcheck import tagger

    text = _text(RULES)
    monkeypatch.setattr(context, "LOWER_CHUNK_CHARS", 100)
    spans = tagger.document_sentences(Context(Document.from_text("t.txt", text)))
    assert list(spans) == tagger.sentence_spans(text) and spans[3] == tagger.sentence_spans(text)[3]
    assert spans[2:5] == tagger.sentence_spans(text)[2:5] and len(spans) == len(tagger.sentence_spans(text))


def test_a_dotted_capital_i_shifts_no_finding_after_it():
    """İ lower-cases to two characters and ß case-folds to two: the lower case keeps the
    text's length all the same, so what is found after them is found where it stands."""
    opening = "Die Straße nach İzmir war gesperrt, sagte die Fußgängerin.\n\n"
    text = _text(RULES)
    with_dot = _found(RULES, opening + text)
    without = _found(RULES, opening.replace("İ", "I") + text)
    assert with_dot == without and {rule for rule, _, _ in with_dot} >= {"TC350", "TC351", "TC352"}
