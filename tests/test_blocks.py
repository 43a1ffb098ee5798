"""A long document checked in blocks of paragraphs reports what the whole document reports,
at the whole file's offsets, lines and columns (block size set by TRANSCHECK_BLOCK_CHARS)."""

from __future__ import annotations

import pytest

from transcheck.documents import Document, blocks
from transcheck.engine import BLOCK_CHARS_VARIABLE, check
from transcheck.rules import load_rules

FIRST = (
    "The minister announced new Measures in germany on 3.5.2021.\n"
    "She said „we will see“ and left the room.\n\n"
    "After the holidays rose in May the number of bookings by ten percent.\n\n\n"
)
SECOND = (
    "The company wants the in May decided reform quickly implement.\n"
    "He spoke with the Chancellor about the 2,5 percent increase.\n\n"
    "Thank You for Your attention, said the chairman.\n"
)


@pytest.fixture(scope="module")
def ruleset():
    return load_rules()


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_blocks_report_what_the_whole_document_reports(ruleset, monkeypatch, newline: str) -> None:
    whole = Document.from_text("long.txt", (FIRST + SECOND).replace("\n", newline))
    expected = check(whole, ruleset)
    assert expected, "the texts hold findings"
    monkeypatch.setenv(BLOCK_CHARS_VARIABLE, str(len(FIRST) - 10))
    assert check(whole, ruleset) == expected


def test_a_document_under_the_block_size_is_checked_whole(ruleset, monkeypatch) -> None:
    doc = Document.from_text("short.txt", FIRST + SECOND)
    whole = check(doc, ruleset)
    monkeypatch.setenv(BLOCK_CHARS_VARIABLE, str(len(doc.text)))
    assert check(doc, ruleset) == whole


def test_blocks_are_cut_after_blank_lines() -> None:
    text = "a b\nc\n\nd e\n\n\nf\n\ng"
    spans = blocks(text, 3)
    assert [text[s:e] for s, e in spans] == ["a b\nc\n\n", "d e\n\n\n", "f\n\ng"]
    assert blocks(text, 100) == [(0, len(text))]
