"""Reading files and stdin into Documents: text plus line/column arithmetic."""

from __future__ import annotations

import sys
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from transcheck.errors import InputError

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
BOM = "\ufeff"
COUNT_CHARS = 1 << 20  # words are counted in stretches of about this many characters


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
    (the last may be shorter), each cut after the blank lines that end a paragraph."""
    spans, start, n = [], 0, len(text)
    while start < n:
        cut = text.find("\n\n", start + size) if n - start > size else -1
        if cut == -1:
            spans.append((start, n))
            break
        end = cut + 2
        while end < n and text[end] == "\n":
            end += 1
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
