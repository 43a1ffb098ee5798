"""A long plain document is checked in blocks of paragraphs with the same findings, at the
same positions, as when it is checked whole: line-local rules run a block at a time, the
rules that take evidence from the whole document run on all of it (engine.line_local)."""

from __future__ import annotations

from pathlib import Path

import pytest

from transcheck.documents import Document
from transcheck.engine import BLOCK_CHARS_VARIABLE, check, line_local
from transcheck.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]
TEXTS = sorted([*ROOT.glob("samples/*.txt"), *ROOT.glob("tests/data/native/*/*.txt")])
# Evidence spread over paragraphs: a curly-quoted paragraph and a straight-quoted one far
# apart, a name written with its capital once and in lower case later, a repeated line.
SPREAD = (
    "Critics called the plan “a gamble” on Monday.\n\n"
    "The Greens met in Munich. The firm posted a video on YouTube about it.\n\n"
    + "The council met again and the talks went on until late in the evening.\n\n" * 12
    + 'A spokesman said the plan was "on track" after all.\n\n'
    "Later the firm posted another clip on youtube, and the greens applauded.\n\n"
    "Read more: the budget in figures\n\n"
    "The council met again and the talks went on until late in the evening.\n"
)


@pytest.fixture(scope="module")
def ruleset():
    return load_rules()


def _blocked(doc: Document, ruleset, size: int, monkeypatch) -> list:
    monkeypatch.setenv(BLOCK_CHARS_VARIABLE, str(size))
    try:
        return check(doc, ruleset)
    finally:
        monkeypatch.delenv(BLOCK_CHARS_VARIABLE)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_spread_evidence_gives_the_same_findings_in_blocks(ruleset, monkeypatch, newline: str) -> None:
    doc = Document.from_text("spread.txt", SPREAD.replace("\n", newline))
    whole = check(doc, ruleset)
    assert {f.rule for f in whole} & {"TC207"}, "the straight quotes are flagged by the curly evidence"
    for size in (60, 200, 700):
        assert _blocked(doc, ruleset, size, monkeypatch) == whole


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_texts_give_the_same_findings_in_small_blocks(ruleset, monkeypatch, path: Path) -> None:
    doc = Document.from_text(path.name, path.read_text(encoding="utf-8"))
    assert _blocked(doc, ruleset, 300, monkeypatch) == check(doc, ruleset)


@pytest.mark.parametrize("path", TEXTS[:4], ids=lambda p: p.name)
def test_texts_without_blank_lines_give_the_same_findings_in_small_blocks(ruleset, monkeypatch, path: Path) -> None:
    """A paragraph a line and no blank line (a scraped page, an MT system's output): the
    blocks are cut after lines that end a sentence."""
    text = path.read_text(encoding="utf-8").replace("\n\n", "\n").replace("\n\n", "\n")
    doc = Document.from_text(path.name, text)
    whole = check(doc, ruleset)
    assert _blocked(doc, ruleset, 300, monkeypatch) == whole and whole


def test_heavy_sentence_rules_are_line_local(ruleset) -> None:
    """The tagged word-order rules and the regular expressions run per block; the
    document-evidence detectors (quote style, house-style capitals, repeated lines) do not."""
    by_id = {rule.spec.id: rule for rule in ruleset}
    assert all(line_local(by_id[i]) for i in ("TC310", "TC314", "TC301", "TC610", "TC904"))
    assert not any(line_local(by_id[i]) for i in ("TC207", "TC703", "TC704", "TC706", "TC812"))
    assert line_local(next(r for r in ruleset if r.spec.matcher.get("kind") == "pattern"))


def test_evidence_is_a_stretchs_beyond_the_evidence_size(ruleset, monkeypatch) -> None:
    """Past EVIDENCE_CHARS the document-evidence rules see one stretch at a time (bounded
    memory): straight quotes after the stretch that holds the curly ones are not flagged."""
    from transcheck import engine

    doc = Document.from_text("spread.txt", SPREAD)
    assert any(f.rule == "TC207" for f in check(doc, ruleset))
    monkeypatch.setattr(engine, "EVIDENCE_CHARS", SPREAD.index("A spokesman") - 5)  # cut just before it
    assert not any(f.rule == "TC207" for f in _blocked(doc, ruleset, 60, monkeypatch))


def test_line_local_detectors_find_in_blocks_what_they_find_in_the_whole(ruleset, monkeypatch) -> None:
    """Every detector registered as line-local, on every rule's examples laid out four to a
    paragraph: blocks of a few paragraphs give the findings of the whole text."""
    import random

    from transcheck.rules import RuleSet

    detectors = RuleSet([rule for rule in ruleset if rule.spec.matcher.get("kind") == "detector" and line_local(rule)])
    lines = [example.text for rule in ruleset for example in (*rule.spec.flag, *rule.spec.passes)]
    random.Random(3).shuffle(lines)
    text = "\n\n".join("\n".join(lines[i : i + 4]) for i in range(0, len(lines), 4)) + "\n"
    doc = Document.from_text("examples.txt", text)
    whole = check(doc, detectors)
    assert len({f.rule for f in whole}) > 30, "the line-local detectors find their examples"
    assert _blocked(doc, detectors, 2000, monkeypatch) == whole
