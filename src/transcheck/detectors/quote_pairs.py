"""Pairing double quotation marks paragraph by paragraph: unbalanced and nested pairs.

One scan per document (cached on the context) reads every double mark (“ ” „ ") as
opening or closing from its neighbours and the running quotation, and records what
does not pair up. English conventions that look unbalanced but are not: a quotation
that runs on into the next paragraph (the next paragraph opens with a quotation mark
and the first has no closing mark), and a quotation cut by the end of the text (pages
and drafts are checked in pieces).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.models import Match

QUOTE_CHAR = re.compile(r'[“”„"]')
OPENERS = "“„\""
AFTER_OPENING = "([{<=:—–-/"  # an opening mark may follow these directly
SENTENCE_END = re.compile(r"[.!?…:;][”’\"')\]]*\s*\Z")
WRAPPED_LINE = 100  # a block whose lines are all this short is one hard-wrapped paragraph


@dataclass
class Pairing:
    """What did not pair up in one document, as offsets of quotation marks."""

    unclosed: list[int] = field(default_factory=list)  # an opening mark never closed
    unopened: list[int] = field(default_factory=list)  # a closing mark never opened
    stray: list[int] = field(default_factory=list)  # a second opening mark inside an open quotation
    detached: list[int] = field(default_factory=list)  # a closing mark on the far side of a space
    nested: list[tuple[int, int]] = field(default_factory=list)  # a double pair inside a double pair


def _paragraphs(ctx: Context) -> list[tuple[int, int]]:
    """Paragraphs: blocks of lines. In a block of long lines (not hard-wrapped) each line
    is a paragraph, unless a quotation is open at its end and the next line goes on
    inside it (its first mark closes, or it has none): text with a sentence a line."""
    spans = []
    text = ctx.text
    for start, end in ctx.paragraphs:
        lines = text[start:end].split("\n")
        if len(lines) == 1 or max(map(len, lines)) <= WRAPPED_LINE:
            spans.append((start, end))
            continue
        unit, depth = start, 0
        for line in lines:
            line_end = start + len(line)
            if start > unit and not (depth and _first_role(text, start, line_end) in (None, "close")):
                spans.append((unit, start - 1))
                unit, depth = start, 0
            depth = _depth_after(text, start, line_end, depth)
            start = line_end + 1
        spans.append((unit, end))
    return spans


def _first_role(text: str, start: int, end: int) -> str | None:
    """The role of the first mark in ``text[start:end]`` inside an open quotation, if any."""
    m = QUOTE_CHAR.search(text, start, end)
    return _role(text, m.start(), end, True) if m else None


def _depth_after(text: str, start: int, end: int, depth: int) -> int:
    """How many quotations are open after ``text[start:end]``, given ``depth`` before."""
    for m in QUOTE_CHAR.finditer(text, start, end):
        role = _role(text, m.start(), end, depth > 0)
        if role == "open":
            depth += 1
        elif role in ("close", "detached") and depth:
            depth -= 1
    return depth


def _role(text: str, i: int, end: int, inside: bool) -> str:
    """'open', 'close', 'detached' (a closing mark after a space) or 'inch' (``12"``) for
    the mark at ``i``; ``inside``: a quotation is open."""
    ch = text[i]
    before = text[i - 1] if i else "\n"
    after = text[i + 1] if i + 1 < end else "\n"
    if ch == "„":
        return "open"
    if ch in "”\"" and before.isdigit() and not inside:
        return "inch"  # a 55” screen
    if ch == "”":
        return "close"
    if not before.isspace() and before not in AFTER_OPENING:
        # a closing mark, or a German closing “ (TC203 reports the character)
        if ch == '"' or after.isspace() or after in ".,;:!?)":
            return "close"
        return "open"
    if inside and (after.isspace() or (after.islower() and text[i - 2 : i - 1] in tuple(",.!?…;:"))):
        return "detached"  # `day, “said`, `ready “ and`, `interesting. “` at the paragraph end
    return "open"


def _continues(text: str, paragraphs: list[tuple[int, int]], n: int) -> bool:
    """The quotation runs on: the next paragraph opens with a quotation mark, or the
    text ends here, cut mid-sentence or inside a paragraph that opened with a quote."""
    if n + 1 < len(paragraphs):
        return text[paragraphs[n + 1][0]] in OPENERS
    start, end = paragraphs[n]
    return not SENTENCE_END.search(text, start, end) or text[start] in OPENERS


def _pair_paragraph(text: str, start: int, end: int, runs_on: bool, out: Pairing, cut_before: bool = False) -> None:
    """Pair the marks of one paragraph, adding what does not pair up to ``out``; a
    paragraph that ``runs_on`` may leave its last quotation open, one ``cut_before``
    (the text starts mid-sentence) may close a quotation opened before it."""
    stack: list[int] = []
    inner: dict[int, None] = {}  # opening marks that came while another quotation was open, in order
    closed_inner: list[tuple[int, int]] = []
    role = "close"
    for m in QUOTE_CHAR.finditer(text, start, end):
        i = m.start()
        role = _role(text, i, end, bool(stack))
        if role == "open":
            if stack:
                inner[i] = None
            stack.append(i)
        elif role in ("close", "detached"):
            if role == "detached":
                out.detached.append(i)
            if not stack:
                if role == "close" and not cut_before:
                    out.unopened.append(i)
                cut_before = False
                continue
            opener = stack.pop()
            if opener in inner:
                closed_inner.append((opener, i))
    excess = len(stack) - (1 if runs_on and role == "open" else 0)
    strays = list(inner)[: max(excess, 0)]
    stray_set = set(strays)
    out.stray.extend(strays)
    out.nested.extend(pair for pair in closed_inner if pair[0] not in stray_set)
    if excess > len(strays):
        out.unclosed.extend([i for i in stack if i not in stray_set][: excess - len(strays)])


def pairing(ctx: Context) -> Pairing:
    """The document's quotation-mark pairing, computed once and cached."""
    if "quote_pairs" not in ctx.cache:
        out = Pairing()
        text = ctx.text
        if QUOTE_CHAR.search(text):
            paragraphs = _paragraphs(ctx)
            for n, (start, end) in enumerate(paragraphs):
                if QUOTE_CHAR.search(text, start, end):
                    cut_before = n == 0 and text[start].islower()
                    _pair_paragraph(text, start, end, _continues(text, paragraphs, n), out, cut_before)
        ctx.cache["quote_pairs"] = out
    return ctx.cache["quote_pairs"]


@detector("unbalanced-quotes")
@dataclass
class UnbalancedQuotes:
    """Double quotation marks that do not pair up within their paragraph."""

    def find(self, ctx: Context) -> Iterator[Match]:
        found = pairing(ctx)
        details = (
            (found.unclosed, "this opening mark is never closed"),
            (found.unopened, "this closing mark was never opened"),
            (found.stray, "a second opening mark while a quotation is still open (a stray mark, or the first quotation lost its closing mark)"),
        )
        for offsets, detail in details:
            for i in offsets:
                yield Match(i, i + 1, detail=detail)
        text = ctx.text
        for i in found.detached:
            start = i
            while start and text[start - 1] in " \t":
                start -= 1
            yield Match(start, i + 1, detail="this closing mark stands after the space; it belongs directly after the quoted text")


@detector("nested-double-quotes")
@dataclass
class NestedDoubleQuotes:
    """A quotation inside a quotation marked with double marks: English nests ‘…’ in “…”."""

    def find(self, ctx: Context) -> Iterator[Match]:
        for opening, closing in pairing(ctx).nested:
            straight = ctx.text[opening] == '"'
            yield Match(opening, opening + 1, "'" if straight else "‘")
            yield Match(closing, closing + 1, "'" if straight else "’")
