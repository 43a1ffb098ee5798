"""Segment files read as the ``sacrebleu`` command reads them, streamed and never held whole.

A file is one segment a line: split at LF, each line decoded as UTF-8 and ``rstrip()``-ed (a
BOM stays on the first line, as sacrebleu keeps it). :func:`open_lines` checks the file once
in blocks (UTF-8, no NUL byte) and notes where each line starts, so that :class:`Lines` can
stream the segments in chunks or read any one of them by seeking; stdin is spooled to an
anonymous temporary file first.
"""

from __future__ import annotations

import codecs
import sys
import tempfile
from collections.abc import Iterator, Sequence
from itertools import islice
from typing import BinaryIO

import numpy as np

from transcheck.documents import read_bytes
from transcheck.errors import InputError

BLOCK = 1 << 20


class Lines(Sequence[str]):
    """The segments of one file: ``len``, iteration, chunks and random access by index."""

    def __init__(self, label: str, handle: BinaryIO, offsets: np.ndarray):
        self.path = label  # the name used in messages and reports
        self._handle = handle
        self._offsets = offsets  # start of each line, then the end of the last one

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        start, end = int(self._offsets[index]), int(self._offsets[index + 1])
        self._handle.seek(start)
        return self._handle.read(end - start).decode("utf-8").rstrip()

    def __iter__(self) -> Iterator[str]:
        self._handle.seek(0)
        for raw in islice(self._handle, len(self)):
            yield raw.decode("utf-8").rstrip()

    def chunks(self, size: int) -> Iterator[list[str]]:
        """The segments in lists of ``size`` (the last may be shorter)."""
        lines = iter(self)
        while chunk := list(islice(lines, size)):
            yield chunk

    def close(self) -> None:
        self._handle.close()


def open_lines(path: str) -> Lines:
    """Check a file (or ``-``: stdin) and index its lines; InputError names what is wrong."""
    label = "<stdin>" if path == "-" else path
    handle = _spool_stdin() if path == "-" else _open(path)
    try:
        offsets = _index(handle, label)
    except BaseException:
        handle.close()
        raise
    return Lines(label, handle, offsets)


def _open(path: str) -> BinaryIO:
    try:
        return open(path, "rb")
    except OSError:
        read_bytes(path)  # raises the InputError that names the problem, as other commands do
        raise


def _spool_stdin() -> BinaryIO:
    spool = tempfile.TemporaryFile()
    while block := sys.stdin.buffer.read(BLOCK):
        spool.write(block)
    return spool  # type: ignore[return-value]


def _index(handle: BinaryIO, label: str) -> np.ndarray:
    """Line start offsets plus the end offset; refuses NUL bytes at the start and invalid UTF-8."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    starts = [np.zeros(1, dtype=np.int64)]
    position = 0
    handle.seek(0)
    while block := handle.read(BLOCK):
        if position == 0 and b"\x00" in block[:8192]:
            raise InputError(f"{label}: looks like a binary file (NUL byte), not text")
        _decode(decoder, block, position, label)
        newlines = np.flatnonzero(np.frombuffer(block, dtype=np.uint8) == 10)
        starts.append(newlines.astype(np.int64) + position + 1)
        position += len(block)
    _decode(decoder, b"", position, label, final=True)
    offsets = np.concatenate(starts)
    if offsets[-1] != position:  # the last line has no LF: it ends at the end of the file
        offsets = np.append(offsets, position)
    return offsets


def _decode(decoder, block: bytes, position: int, label: str, final: bool = False) -> None:
    pending = len(decoder.getstate()[0])
    try:
        decoder.decode(block, final)
    except UnicodeDecodeError as err:
        raise InputError(f"{label}: invalid UTF-8 at byte offset {position - pending + err.start}") from None
