"""The common model of every input format: segments of target text mapped back into the file.

A reader turns a file into a :class:`MappedDocument`: the checked text is the target
segments joined by blank lines (inline codes replaced by ``PLACEHOLDER``), and a list of
*pieces* maps each run of checked text to its place in the raw file text (decoded, BOM
excluded). A piece is either an identity run (``text[t0:t1] == raw[r0:r1]``) or an opaque
one (an entity, a collapsed space or an inline code standing for ``raw[r0:r1]``). Findings
get their offsets, lines and columns in the original file and the id of their unit; a fix
is kept only when its span is one identity run in the file, and its replacement is escaped
for the format, so ``fix --write`` changes target text and nothing else.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from operator import attrgetter, itemgetter
from typing import NamedTuple

from transcheck.documents import Document
from transcheck.models import Finding

PLACEHOLDER = "\ufffc"  # OBJECT REPLACEMENT CHARACTER: an inline code in the checked text
SEPARATOR = "\n\n"
Escape = Callable[[str], str]
Piece = tuple[int, int, int, int, bool]  # text t0, t1; raw r0, r1; identity run or opaque


class Segment(NamedTuple):
    """One translation unit's target in the checked text, with its source when known (a
    tuple: a big file has tens of thousands)."""

    unit: str | None
    start: int  # offsets of the target in the checked text
    end: int
    raw_start: int  # offsets of the target in the raw file text
    raw_end: int
    source: str | None = None
    source_codes: tuple[str, ...] = ()  # inline code ids, in order
    target_codes: tuple[str, ...] = ()
    state: str | None = None  # "fuzzy" for a PO entry marked fuzzy


@dataclass(frozen=True)
class Omission:
    """Source sentences with no counterpart in an aligned target (``--align``), and where to report them."""

    start: int  # the target text reported: the segment before the gap (or after, at the start)
    end: int
    sentences: tuple[str, ...]
    line: int  # the source line of the first sentence
    after: bool  # the sentences belong after the reported text (else before it)


@dataclass(frozen=True)
class Glossary:
    """Approved terms: German term (lower case) -> English renderings."""

    terms: tuple[tuple[str, tuple[str, ...]], ...] = ()


def verbatim(text: str) -> str:
    """The escape of formats whose text is written as is (Markdown, plain text)."""
    return text


class Builder:
    """Accumulates checked text, pieces and segments while a reader walks a file."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.parts: list[str] = []
        self.length = 0
        self.pieces: list[Piece] = []
        self.segments: list[Segment] = []
        self._seg_start = 0
        self._seg_raw_start = 0

    def text(self, text: str, raw_start: int) -> None:
        """Text that stands in the file exactly as written at ``raw_start`` (CRLF in the file allowed)."""
        if "\n" not in text or self.raw.startswith(text, raw_start):
            self._piece(text, raw_start, raw_start + len(text))
            return
        r = raw_start
        lines = text.split("\n")
        for i, line in enumerate(lines):
            self._piece(line, r, r + len(line))
            r += len(line)
            if i < len(lines) - 1:
                width = 2 if self.raw.startswith("\r\n", r) else 1
                self._opaque("\n", r, r + width) if width == 2 else self._piece("\n", r, r + 1)
                r += width

    def opaque(self, text: str, raw_start: int, raw_end: int) -> None:
        """Text that stands for ``raw[raw_start:raw_end]`` without being it (entity, code, space)."""
        self._opaque(text, raw_start, raw_end)

    def _piece(self, text: str, r0: int, r1: int) -> None:
        if text:
            self.pieces.append((self.length, self.length + len(text), r0, r1, True))
            self.parts.append(text)
            self.length += len(text)

    def _opaque(self, text: str, r0: int, r1: int) -> None:
        t0 = self.length
        self.parts.append(text)
        self.length += len(text)
        self.pieces.append((t0, self.length, r0, r1, False))

    @property
    def last_char(self) -> str:
        return self.parts[-1][-1] if self.parts and self.parts[-1] else ""

    def begin(self, raw_start: int) -> None:
        """Start a segment (a separator first when text precedes it)."""
        if self.length:
            self.parts.append(SEPARATOR)
            self.length += len(SEPARATOR)
        self._seg_start, self._seg_raw_start = self.length, raw_start

    def segment(self, text: str, raw_start: int, unit: str | None, source: str | None = None, state: str | None = None) -> None:
        """A whole segment that stands in the file exactly as written, on one line (the
        common case): ``begin``, ``text`` and ``end`` in one step."""
        if not text:
            return
        if self.length:
            self.parts.append(SEPARATOR)
            self.length += len(SEPARATOR)
        t0, t1, r1 = self.length, self.length + len(text), raw_start + len(text)
        self.parts.append(text)
        self.pieces.append((t0, t1, raw_start, r1, True))
        self.segments.append(Segment(unit, t0, t1, raw_start, r1, source, (), (), state))
        self.length = t1

    def end(self, raw_end: int, unit: str | None, **extra) -> None:
        """Close the segment begun last; an empty one leaves no trace but its separator."""
        if self.length == self._seg_start:
            if self.parts and self.parts[-1] == SEPARATOR:
                self.parts.pop()
                self.length -= len(SEPARATOR)
            return
        self.segments.append(Segment(unit, self._seg_start, self.length, self._seg_raw_start, raw_end, **extra))

    def document(self, path: str, format: str, escape: Escape, bom: bool) -> "MappedDocument":
        base = Document.from_text(path, "".join(self.parts))
        return MappedDocument(
            path, base.text, bom, False, base._line_starts, (),
            raw=self.raw, format=format, escape=escape, segments=tuple(self.segments),
            pieces=tuple(self.pieces), raw_line_starts=_line_starts(self.raw),
            t0s=tuple(map(itemgetter(0), self.pieces)), r0s=tuple(map(itemgetter(2), self.pieces)),
            seg_starts=tuple(map(attrgetter("raw_start"), self.segments)),
        )


NEWLINE_RE = re.compile("\n")
LINE_END_RE = re.compile(r"\r\n|\n|\r(?!\n)")


def _line_starts(raw: str) -> tuple[int, ...]:
    """Where each line of ``raw`` begins (every line end's end, taken in C)."""
    return (0, *map(re.Match.end, (LINE_END_RE if "\r" in raw else NEWLINE_RE).finditer(raw)))


@dataclass(frozen=True)
class MappedDocument(Document):
    """A document whose checked text is extracted from a file in another format."""

    raw: str = field(default="", repr=False, compare=False)
    format: str = "text"
    escape: Escape | None = field(default=None, repr=False, compare=False)
    segments: tuple[Segment, ...] = field(default=(), repr=False, compare=False)
    pieces: tuple[Piece, ...] = field(default=(), repr=False, compare=False)
    raw_line_starts: tuple[int, ...] = field(default=(0,), repr=False, compare=False)
    glossary: Glossary | None = field(default=None, repr=False, compare=False)
    t0s: tuple[int, ...] = field(default=(), repr=False, compare=False)  # pieces' first text offsets
    r0s: tuple[int, ...] = field(default=(), repr=False, compare=False)  # pieces' first raw offsets
    seg_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)
    omitted: tuple[Omission, ...] = field(default=(), repr=False, compare=False)  # --align: unaligned source

    # -- offsets -----------------------------------------------------------------
    def _raw(self, offset: int, end: bool) -> int:
        """Raw offset of a text offset; ``end`` maps a span's end (exclusive) side."""
        pieces = self.pieces
        if not pieces:
            return 0
        keys = self.t0s
        i = (bisect_left(keys, offset) if end else bisect_right(keys, offset)) - 1
        if i < 0:
            return pieces[0][2]
        t0, t1, r0, r1, identity = pieces[i]
        if offset > t1 or (offset == t1 and not end):
            return r1
        if not identity:
            return r1 if end else r0
        return r0 + (offset - t0)

    def raw_position(self, raw_offset: int) -> tuple[int, int]:
        """1-based (line, column) of a raw offset in the original file."""
        line = bisect_right(self.raw_line_starts, raw_offset)
        return line, raw_offset - self.raw_line_starts[line - 1] + 1

    def position(self, offset: int) -> tuple[int, int]:
        return self.raw_position(self._raw(offset, False))

    def file_offset(self, offset: int) -> int:
        return self._raw(offset, False)

    def locate(self, start: int, end: int) -> dict[str, int]:
        s = self._raw(start, False)
        e = max(s, self._raw(end, True)) if end > start else s
        return self._located(s, e)

    def _located(self, s: int, e: int) -> dict[str, int]:
        line, column = self.raw_position(s)
        end_line, end_column = self.raw_position(e)
        return {"start": s, "end": e, "line": line, "column": column, "end_line": end_line, "end_column": end_column}

    def line_text(self, line: int) -> str:
        start = self.raw_line_starts[line - 1]
        end = self.raw_line_starts[line] if line < len(self.raw_line_starts) else len(self.raw)
        return self.raw[start:end].rstrip("\r\n")

    # -- segments ------------------------------------------------------------------
    def segment_at(self, raw_offset: int) -> Segment | None:
        i = bisect_right(self.seg_starts, raw_offset) - 1
        if i >= 0 and raw_offset <= self.segments[i].raw_end:
            return self.segments[i]
        return None

    def finish(self, findings: list[Finding]) -> list[Finding]:
        """Findings with file lines and columns, the unit id, and only fixes that are safe here."""
        out = []
        for f in findings:
            seg = self.segment_at(f.start)
            fix = f.fix and self._fix(f.fix)
            unit = None if seg is None else seg.unit
            if seg is not None and seg.state:
                unit = f"{unit} ({seg.state})"
            out.append(replace(f, **self._located(f.start, max(f.start, f.end)), fix=fix, unit=unit))
        return out

    def _fix(self, fix):
        """The fix in raw offsets with an escaped replacement, or None if it would touch markup."""
        start, end = fix.start, fix.end
        covered = self._identity_run(start, end)
        if covered is None:
            return None
        return replace(fix, start=start, end=covered, replacement=self.escape(fix.replacement) if self.escape else fix.replacement)

    def _identity_run(self, start: int, end: int) -> int | None:
        """``end`` (snapped back over a gap) when ``raw[start:end]`` is text of one identity run."""
        i = bisect_right(self.r0s, start) - 1
        if i < 0:
            return None
        pos = start
        while True:
            t0, t1, r0, r1, identity = self.pieces[i]
            if not identity or not (r0 <= pos <= r1):
                return None
            if end <= r1:
                return end
            nxt = self.pieces[i + 1] if i + 1 < len(self.pieces) else None
            if nxt is None or nxt[0] != t1:
                return None
            if end == nxt[2]:  # the end was mapped to the start of the next run: snap it back
                return r1
            if nxt[2] != r1:
                return None
            pos, i = r1, i + 1
