"""Passages: the stretches of a text that a pattern may match across.

A passage ends at a blank line, as a paragraph does, and also at a line break after the
end of a sentence (``.``, ``!``, ``?`` or ``…``, closing quotes or brackets after it). In
prose laid out in paragraphs nothing changes but for a rare sentence that ends a wrapped
line; a file with one segment or paragraph a line and no blank line (the output of an MT
system, a scraped page) is then a passage a line, not one passage of the whole file. The
prefilter scans a pattern's passages (``prefilter.windows``), and a long text is cut into
blocks at passage ends (``documents.blocks``). A text saved without line breaks is one
passage; there a pattern is scanned over the few sentences around each of its hits.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator

SENTENCE_ENDS = ".!?…"
CLOSERS = "\"'”’»)]"
LONG = 20_000  # a line or passage longer than this is a text saved without breaks
MARGIN = 300  # ... of which a window holds the sentences this near the hit, and a little more
_GAP = re.compile(f"[{re.escape(SENTENCE_ENDS)}][{re.escape(CLOSERS)}]*[ \t]+")  # between two sentences on a line


_LINE_BREAK = re.compile("\n")
# The line breaks that end a passage: one that ends a blank line, or one after a sentence's end
# (its closing quotes and brackets, and blanks). Each match starts with a character of one set,
# a line break or a sentence's end, which the engine looks for before it tries the rest: the
# same ends as `(?<=\n)\n|[ENDS][CLOSERS]*[ \t]*\n`, four times as fast as that tried everywhere.
_PASSAGE_BREAK = re.compile(
    f"[\n{re.escape(SENTENCE_ENDS)}](?:(?<=\n\n)|(?<=[{re.escape(SENTENCE_ENDS)}])[{re.escape(CLOSERS)}]*[ \t]*\n)"
)


def offsets_type(text: str) -> str:
    """The ``array`` type code for offsets into ``text``: 4 bytes each unless it is longer."""
    return "I" if len(text) < 1 << 32 and array("I").itemsize == 4 else "q"


def starts(text: str, lines: bool = False) -> array:
    """Where each passage of ``text`` (each line, with ``lines``) starts, in order: the
    passages ``window`` finds, when none is longer than ``LONG``."""
    found = array(offsets_type(text), [0])
    found.extend(map(re.Match.end, (_LINE_BREAK if lines else _PASSAGE_BREAK).finditer(text)))
    return found


def windows(text: str, offsets: Iterable[int], lines: bool, passage_starts: array) -> Iterator[tuple[int, int]]:
    """The merged ``window`` of each of the sorted ``offsets``, one at a time: the passage
    (or line) around it looked up in ``passage_starts`` (from ``starts``), where ``window``
    is asked only within a passage longer than ``LONG`` and, between passages, at a line break."""
    n, last = len(text), len(passage_starts)
    begin = end = -1
    for i in offsets:
        if i < end:
            continue
        k = bisect_right(passage_starts, i)
        start, stop = passage_starts[k - 1], passage_starts[k] if k < last else n
        if stop - start >= LONG - 2 or not lines and text[i] == "\n":
            start, stop = window(text, i, lines)
        if start > end:
            if end >= 0:
                yield begin, end
            begin = start
        end = stop
    if end >= 0:
        yield begin, end


def window(text: str, i: int, lines: bool = False) -> tuple[int, int]:
    """The passage holding offset ``i`` (its line, with ``lines``), with the line break
    that ends it. Within a passage or line longer than ``LONG`` (a text saved without
    breaks), only the sentences around ``i`` (from a sentence end ``MARGIN`` or more before
    it to one as far after it), so that the hits of a long line are not each given all of it."""
    lo, hi = max(0, i - LONG), min(len(text), i + LONG)
    begin = _line_start(text, i, lo) if lines else _start(text, i, lo)
    end = _line_end(text, i, hi) if lines else _end(text, i, hi)
    if end is None and hi == len(text):
        end = hi
    if begin is None:
        begin = _gap_before(text, max(lo, i - MARGIN), lo)
    if end is None:
        end = _gap_after(text, min(hi, i + MARGIN), hi)
    return begin, end


def _start(text: str, i: int, lo: int) -> int | None:
    """After the last blank line or sentence-ending line break in [lo, i), 0 at the text's
    start, None when there is none."""
    brk = text.rfind("\n", lo, i)
    while brk != -1:
        if brk > 0 and text[brk - 1] == "\n" or _ends_sentence(text, brk):
            return brk + 1
        brk = text.rfind("\n", lo, brk)
    return 0 if lo == 0 else None


def _end(text: str, i: int, hi: int) -> int | None:
    """After the first blank line or sentence-ending line break in [i, hi), None when
    there is none."""
    brk = text.find("\n", i, hi)
    while brk != -1:
        if _ends_sentence(text, brk):
            return brk + 1
        if text.startswith("\n", brk + 1):
            return brk + 2
        brk = text.find("\n", brk + 1, hi)
    return None


def _line_start(text: str, i: int, lo: int) -> int | None:
    brk = text.rfind("\n", lo, i)
    return brk + 1 if brk != -1 else (0 if lo == 0 else None)


def _line_end(text: str, i: int, hi: int) -> int | None:
    brk = text.find("\n", i, hi)
    return brk + 1 if brk != -1 else None


def _gap_before(text: str, at: int, lo: int) -> int:
    """After the last gap between sentences that ends by ``at`` (``lo`` when none does)."""
    begin = lo
    for gap in _GAP.finditer(text, max(lo, at - MARGIN), at):
        begin = gap.end()
    return begin


def _gap_after(text: str, at: int, hi: int) -> int:
    """After the first gap between sentences from ``at`` (``hi`` when none comes)."""
    gap = _GAP.search(text, at, hi)
    return gap.end() if gap else hi


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
    else after the first passage end there (a text without blank lines), else after the
    next blank lines, else at the text's end. With ``complete`` false (more text is to be
    read), None when that depends on text not read yet."""
    reach, n = begin + size, len(text)
    if n <= reach:
        return n if complete else None
    brk = text.find("\n\n", reach, reach + size + 1)
    if brk == -1:
        if not complete and n <= reach + size:
            return None
        end = _end(text, reach, min(n, reach + size + 1))
        brk = end - 1 if end is not None else text.find("\n\n", reach + size + 1)
        if brk == -1:
            return n if complete else None
    after = _newlines_after(text, brk)
    return after if after < n or complete else None


def _newlines_after(text: str, at: int) -> int:
    """The offset after the run of line breaks that starts at ``at``."""
    while at < len(text) and text[at] == "\n":
        at += 1
    return at
