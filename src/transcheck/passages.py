"""Passages: the stretches of a text that a pattern may match across.

A passage ends at a blank line, as a paragraph does, and also at a line break after the
end of a sentence (``.``, ``!``, ``?`` or ``…``, closing quotes or brackets after it). In
prose laid out in paragraphs nothing changes but for a rare sentence that ends a wrapped
line; a file with one segment or paragraph a line and no blank line (the output of an MT
system, a scraped page) is then a passage a line, not one passage of the whole file. The
prefilter scans a pattern's passages (``prefilter.windows``), and a long text is cut into
blocks at passage ends (``documents.blocks``).
"""

from __future__ import annotations

import re

SENTENCE_ENDS = ".!?…"
CLOSERS = "\"'”’»)]"
_END = re.compile(r"\n\n|[.!?…][\"'”’»)\]]*[ \t]*\n")


def end(text: str, i: int) -> int:
    """Where the passage holding offset ``i`` ends: after the blank lines or the
    sentence-ending line break that follow ``i`` (the text's end when none does)."""
    found = _END.search(text, i)
    return found.end() if found else len(text)


def start(text: str, i: int) -> int:
    """Where the passage holding offset ``i`` starts: after the last blank line or
    sentence-ending line break before ``i`` (0 when there is none)."""
    brk = text.rfind("\n", 0, i)
    while brk != -1:
        if brk > 0 and text[brk - 1] == "\n" or _ends_sentence(text, brk):
            return brk + 1
        brk = text.rfind("\n", 0, brk)
    return 0


def _ends_sentence(text: str, brk: int) -> bool:
    """Whether the line ended by the line break at ``brk`` ends a sentence."""
    k = brk - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    while k >= 0 and text[k] in CLOSERS:
        k -= 1
    return k >= 0 and text[k] in SENTENCE_ENDS


def cut(text: str, begin: int, size: int, complete: bool = True) -> int | None:
    """Where a block of at least ``size`` characters from ``begin`` ends: after the first
    blank lines past ``begin + size`` when they start within another ``size`` characters,
    else after the first passage end past ``begin + size`` (a text without blank lines),
    else at the text's end. With ``complete`` false (more text is to be read), None when
    that depends on text not read yet."""
    reach, n = begin + size, len(text)
    if n <= reach:
        return n if complete else None
    brk = text.find("\n\n", reach, reach + size + 1)
    if brk == -1:
        if not complete and n <= reach + size:
            return None
        passage = _END.search(text, reach)
        if passage is None:
            return n if complete else None
        brk = passage.end() - 1
    after = _newlines_after(text, brk)
    return after if after < n or complete else None


def _newlines_after(text: str, at: int) -> int:
    """The offset after the run of line breaks that starts at ``at``."""
    while at < len(text) and text[at] == "\n":
        at += 1
    return at
