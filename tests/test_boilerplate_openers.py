"""The boilerplate detector looks for blocks only at the lines that may start one (a line
holding a literal of a shape, or one the shapes without a literal match); it must find the
same blocks as its regex scanning every line."""

from __future__ import annotations

import pytest

from transcheck.context import Context
from transcheck.detectors.boilerplate import BoilerplateLines, line_blocks
from transcheck.documents import Document

OPTIONS = {
    "lines": [r"share on (?:facebook|x)", r"read (?:more|also)", r"\d{1,2}[.:]\d\d"],  # the last holds no literal
    "follow": [r"ok"],
}

TEXTS = [
    "Share on Facebook\nRead more\nThe mayor opened the bridge.\n",  # a block on the first line
    "The mayor opened the bridge.\n10:45\nshare on X\n\nOK\nHe said more was to come.\n",  # opened by the shape without a literal
    "We read more books.\nRead also\nOK\nOK\n",  # a literal in prose, then a block with its follow lines
    "Nothing here to share on a Facebook page, she said.\n",
    "Read more",  # no final line break
    "",
]


@pytest.mark.parametrize("ignore_case", [True, False])
@pytest.mark.parametrize("text", TEXTS)
def test_blocks_are_those_of_a_full_scan(text: str, ignore_case: bool):
    rule = BoilerplateLines.from_options({**OPTIONS, "ignore_case": ignore_case}, "test")
    assert rule.starts is not None and len(rule.starts) == 3  # a scanner for each literal shape, one for the others
    ctx = Context(Document.from_text("t.txt", text))
    assert list(rule.blocks(ctx)) == list(line_blocks(rule.regex, ctx, rule.first))


def test_blocks_found():
    rule = BoilerplateLines.from_options(OPTIONS, "test")
    text = TEXTS[1]
    blocks = list(rule.blocks(Context(Document.from_text("t.txt", text))))
    assert [text[start:end] for start, end in blocks] == ["10:45\nshare on X\n\nOK"]


def test_shapes_without_literals_scan_every_line():
    rule = BoilerplateLines.from_options({"lines": [r"\d{1,2}:\d\d"]}, "test")
    assert rule.starts is None
    assert list(rule.blocks(Context(Document.from_text("t.txt", "Time:\n10:45\n")))) == [(6, 11)]
