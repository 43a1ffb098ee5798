"""Reading files and stdin into Documents: text plus line/column arithmetic."""

from __future__ import annotations

import codecs
import sys
from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from transcheck import passages
from transcheck.errors import InputError

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
BOM = "\ufeff"
COUNT_CHARS = 1 << 16  # words are counted in stretches of about this many characters (a list of their words: 0.5 MiB, not 6)


@dataclass(frozen=True)
class Document:
    """A text to check. ``text`` has LF line ends; CR positions map back to the file.
    Line starts and CR positions are kept as arrays of machine integers (8 bytes each,
    not a Python int and a pointer: 36)."""

    path: str
    text: str
    bom: bool = False
    crlf: bool = False
    _line_starts: Sequence[int] = field(default=(), repr=False, compare=False)
    _cr_offsets: Sequence[int] = field(default=(), repr=False, compare=False)
    # facts about the whole text that rules compute once and its blocks share (genre cue counts)
    evidence: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def from_text(cls, path: str, raw: str) -> "Document":
        """Build a document from decoded file text (BOM and CRLF are remembered)."""
        bom = raw.startswith(BOM)
        if bom:
            raw = raw[1:]
        cr_offsets: Sequence[int] = ()
        crlf = "\r\n" in raw
        if "\r" in raw:
            cr_offsets = _removed_cr_positions(raw)
            raw = raw.replace("\r\n", "\n")
        starts = array("q", [0])
        find = raw.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return cls(path, raw, bom, crlf, starts, cr_offsets)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a 0-based offset into ``text``."""
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def locate(self, start: int, end: int) -> dict[str, int]:
        """A span's Finding location fields: file offsets and 1-based lines and columns."""
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return {
            "start": self.file_offset(start), "end": self.file_offset(end),
            "line": line, "column": column, "end_line": end_line, "end_column": end_column,
        }

    def file_offset(self, offset: int) -> int:
        """Offset into the decoded file text (before CRLF normalisation, BOM excluded)."""
        if not self._cr_offsets:
            return offset
        return offset + bisect_right(self._cr_offsets, offset - 1)

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its newline."""
        start = self._line_starts[line - 1]
        end = self.text.find("\n", start)
        return self.text[start:] if end == -1 else self.text[start:end]

    @property
    def word_count(self) -> int:
        """Whitespace-separated words, counted a stretch of lines at a time (never a list of them all)."""
        text, start, count = self.text, 0, 0
        while start < len(text):
            cut = text.find("\n", start + COUNT_CHARS)
            end = len(text) if cut == -1 else cut + 1
            count += len(text[start:end].split())
            start = end
        return count


@dataclass(frozen=True)
class Block(Document):
    """A stretch of paragraphs of a larger document, checked on its own: its offsets,
    lines and columns are reported as the whole document's."""

    whole: Document | None = field(default=None, repr=False, compare=False)
    base: int = 0  # where the block starts in the whole document's text

    @classmethod
    def of(cls, whole: Document, start: int, end: int) -> "Block":
        return cls(whole.path, whole.text[start:end], whole.bom, whole.crlf, whole=whole, base=start)

    def position(self, offset: int) -> tuple[int, int]:
        assert self.whole is not None
        return self.whole.position(self.base + offset)

    def locate(self, start: int, end: int) -> dict[str, int]:
        assert self.whole is not None
        return self.whole.locate(self.base + start, self.base + end)

    def file_offset(self, offset: int) -> int:
        assert self.whole is not None
        return self.whole.file_offset(self.base + offset)

    def line_text(self, line: int) -> str:
        assert self.whole is not None
        return self.whole.line_text(line)


def blocks(text: str, size: int) -> list[tuple[int, int]]:
    """(start, end) of consecutive stretches of ``text`` of at least ``size`` characters
    (the last may be shorter), each cut at the end of a passage: after the blank lines that
    end a paragraph or, in a text without them, a line that ends a sentence (``passages.cut``)."""
    spans, start, n = [], 0, len(text)
    while start < n:
        end = passages.cut(text, start, size)
        assert end is not None
        spans.append((start, end))
        start = end
    return spans


def _removed_cr_positions(raw: str) -> Sequence[int]:
    """Positions (in normalised text) of each CR removed from a CRLF pair."""
    out = array("q")
    removed = 0
    i = raw.find("\r\n")
    while i != -1:
        out.append(i - removed)
        removed += 1
        i = raw.find("\r\n", i + 2)
    return out


def decode(data: bytes, path: str) -> str:
    """Decode UTF-8 bytes, refusing binary data and naming the bad byte's offset."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: looks like a binary file (NUL byte), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: invalid UTF-8 at byte offset {err.start}") from None


def read_document(path: str) -> Document:
    """Read one file (or ``-`` for stdin) into a Document."""
    if path == "-":
        return Document.from_text("<stdin>", decode(sys.stdin.buffer.read(), "<stdin>"))
    return Document.from_text(path, decode(read_bytes(path), path))


def read_bytes(path: str) -> bytes:
    """A file's bytes, with one clear InputError for each way reading can fail."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or directory") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None


def expand_paths(paths: list[str]) -> list[str]:
    """Files named directly, plus .txt/.md files found recursively in folders, sorted."""
    out: list[str] = []
    for path in paths:
        if path == "-":
            out.append(path)
            continue
        p = Path(path)
        if p.is_dir():
            found = sorted(str(f) for f in p.rglob("*") if f.suffix.lower() in TEXT_SUFFIXES and f.is_file())
            if not found:
                raise InputError(f"{path}: folder holds no .txt or .md files")
            out.extend(found)
        elif p.exists():
            out.append(path)
        else:
            raise InputError(f"{path}: no such file or directory")
    return out


class StoredDocument:
    """A checked plain-text file kept without its text, so that a run's memory does not grow
    with the number of files: the runner keeps one per file once its findings are filtered.
    The word count is kept; text, lines and positions are read back from the file when a
    report asks for them (the last file read is kept: reports go through files in order)."""

    def __init__(self, doc: Document) -> None:
        self.path, self.bom, self.crlf, self.word_count = doc.path, doc.bom, doc.crlf, doc.word_count

    @property
    def text(self) -> str:
        return _read_again(self.path).text

    def line_text(self, line: int) -> str:
        return _read_again(self.path).line_text(line)

    def position(self, offset: int) -> tuple[int, int]:
        return _read_again(self.path).position(offset)

    def locate(self, start: int, end: int) -> dict[str, int]:
        return _read_again(self.path).locate(start, end)

    def file_offset(self, offset: int) -> int:
        return _read_again(self.path).file_offset(offset)


@lru_cache(maxsize=1)
def _read_again(path: str) -> Document:
    return read_document(path)


# --- Files too long to hold: read a stretch of paragraphs at a time ----------------------

READ_BYTES = 1 << 20  # a long file is read this many bytes at a time
INDEX_LINES = 1024  # a long file's line index keeps the byte offset of every this-many-th line


@dataclass(frozen=True)
class Stretch(Document):
    """Consecutive whole lines of a long file, read on their own: offsets, lines and
    columns are reported as the whole file's (the stretch starts at a line start)."""

    line_base: int = 0  # lines of the file before the stretch
    file_base: int = 0  # characters of the decoded file (CRs included, BOM not) before it

    def position(self, offset: int) -> tuple[int, int]:
        line, column = super().position(offset)
        return self.line_base + line, column

    def file_offset(self, offset: int) -> int:
        return self.file_base + super().file_offset(offset)

    def line_text(self, line: int) -> str:
        return super().line_text(line - self.line_base)


class LongDocument:
    """A plain-text file longer than the engine's evidence stretch, never held whole: the
    engine gets it a stretch of paragraphs at a time (``stretches``), cut where it would cut
    the whole text, and reports read the lines they quote back from the file through a
    sparse line index. The file holds no suppression directive (``read_long``), so no
    suppression applies. ``text`` reads the whole file again, for the few consumers that
    need all of it (HTML report, LanguageTool)."""

    def __init__(self, path: str, bom: bool, crlf: bool, word_count: int, index: array, size: int) -> None:
        self.path, self.bom, self.crlf, self.word_count = path, bom, crlf, word_count
        self._index = index  # byte offset of lines 1, 1 + INDEX_LINES, 1 + 2 * INDEX_LINES, ...
        self._size = size
        self._block: tuple[int, list[str]] = (-1, [])

    @property
    def text(self) -> str:
        return self._whole().text

    def _whole(self) -> Document:
        return Document.from_text(self.path, decode(read_bytes(self.path), self.path))

    def position(self, offset: int) -> tuple[int, int]:
        return self._whole().position(offset)

    def locate(self, start: int, end: int) -> dict[str, int]:
        return self._whole().locate(start, end)

    def file_offset(self, offset: int) -> int:
        return self._whole().file_offset(offset)

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, as ``Document.line_text`` gives it (reports ask in
        file order: each block of ``INDEX_LINES`` lines is read once)."""
        block, k = divmod(line - 1, INDEX_LINES)
        if self._block[0] != block:
            self._block = (block, self._read_lines(block))
        return self._block[1][k]

    def _read_lines(self, block: int) -> list[str]:
        start = self._index[block]
        end = self._index[block + 1] if block + 1 < len(self._index) else self._size
        with open(self.path, "rb") as handle:
            handle.seek(start)
            data = handle.read(end - start)
        lines = data.decode("utf-8").split("\n")
        if end == self._size:  # the last line is not followed by a newline: it keeps a final CR
            return [line[:-1] if line.endswith("\r") else line for line in lines[:-1]] + lines[-1:]
        return [line[:-1] if line.endswith("\r") else line for line in lines[:-1]]

    def stretches(self, size: int) -> Iterator[Stretch]:
        """The file as ``blocks(text, size)`` cuts its whole normalised text, each a Stretch."""
        pending, crs = "", array("q")  # normalised text not yet given out; its removed CRs' offsets
        line_base = file_base = 0
        for chunk, chunk_crs, eof in _normalised_chunks(self.path):
            crs.extend(len(pending) + c for c in chunk_crs)
            pending += chunk
            while pending:
                end = passages.cut(pending, 0, size, complete=eof)
                if end is None:
                    break
                text, pending = pending[:end], pending[end:]
                local = array("q", (c for c in crs if c < end))
                crs = array("q", (c - end for c in crs if c >= end))
                yield Stretch(self.path, text, self.bom, self.crlf, _line_starts(text), local,
                              line_base=line_base, file_base=file_base)
                line_base += text.count("\n")
                file_base += end + len(local)
                del text, local  # not held while the next stretch is read


def _line_starts(text: str) -> array:
    starts = array("q", [0])
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


def _normalised_chunks(path: str) -> Iterator[tuple[str, Sequence[int], bool]]:
    """(text, offsets in it of the CRs removed from CRLF pairs, last chunk?) of the file
    read ``READ_BYTES`` at a time, decoded, BOM dropped, CRLF made LF (a final CR of a
    chunk waits for the next one, which may start with its LF)."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    held, first = "", True
    with open(path, "rb") as handle:
        while True:
            data = handle.read(READ_BYTES)
            eof = not data
            raw = held + decoder.decode(data, final=eof)
            if first:
                raw, first = raw[1:] if raw.startswith(BOM) else raw, False
            held = "" if eof or not raw.endswith("\r") else "\r"
            raw = raw[: len(raw) - len(held)]
            crs = _removed_cr_positions(raw)
            yield (raw.replace("\r\n", "\n") if crs else raw), crs, eof
            if eof:
                return


def read_long(path: str, min_bytes: int) -> LongDocument | None:
    """``path`` as a LongDocument when it is larger than ``min_bytes``, valid UTF-8 text and
    holds no suppression directive (no ``transcheck``); else None (it is read whole, which
    also gives any error its usual message). One pass over the file counts its words (as
    ``Document.word_count`` does) and indexes its lines."""
    try:
        size = Path(path).stat().st_size
    except OSError:
        return None
    if size <= min_bytes:
        return None
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    index, lines, words, offset, carry, tail = array("q", [0]), 0, 0, 0, "", b""
    with open(path, "rb") as handle:
        data = handle.read(READ_BYTES)
        if b"\x00" in data[:8192]:
            return None
        bom = data.startswith(BOM.encode())
        index[0] = len(BOM.encode()) if bom else 0
        crlf = False
        while data:
            joined = tail + data  # a word or CRLF pair cut by the chunk boundary
            if b"transcheck" in joined:
                return None
            crlf = crlf or b"\r\n" in joined
            try:
                text = carry + decoder.decode(data)
            except UnicodeDecodeError:
                return None
            if offset == 0 and bom:
                text = text[1:]
            for i in _newlines(data):
                lines += 1
                if lines % INDEX_LINES == 0:
                    index.append(offset + i + 1)
            cut = text.rfind("\n") + 1
            words += len(text[:cut].split())
            carry, tail, offset = text[cut:], joined[-16:], offset + len(data)
            data = handle.read(READ_BYTES)
    try:
        words += len((carry + decoder.decode(b"", final=True)).split())
    except UnicodeDecodeError:
        return None
    return LongDocument(path, bom, crlf, words, index, size)


def _newlines(data: bytes) -> Iterator[int]:
    find = data.find
    i = find(b"\n")
    while i != -1:
        yield i
        i = find(b"\n", i + 1)
