"""A run's findings in report order, held in memory up to a limit and past it spilled to an
unnamed temporary file (removed when closed, and by the system when the process ends, even
killed), so that a run's memory does not grow with the number of its findings.

A long file checked in a worker process goes the same way: the worker writes its findings,
past the limit, to a file in a private folder the calling process owns (``spool_folder``),
and hands back a ``SpooledBatches``, which the calling process opens and unlinks at once
(``claim``) and reads back a piece at a time.

Findings come in runs: the sorted findings of one file, given in one or more consecutive
pieces (a long file a stretch at a time). The run's order is the stable sort of all
findings by ``Finding.sort_key``: runs ordered by path, and the runs of one path merged.
"""

from __future__ import annotations

import heapq
import itertools
import os
import pickle
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import BinaryIO

from transcheck.models import Finding

SPILL_VARIABLE = "TRANSCHECK_SPILL_FINDINGS"
SPILL_FINDINGS = 20_000  # findings held in memory before they all go to the temporary file
PIECE = 1_000  # findings pickled together (one piece is read back at a time)

Piece = list[Finding] | tuple[int, int]  # in memory, or (offset, size) in the file


def spill_limit() -> int:
    """``TRANSCHECK_SPILL_FINDINGS`` when set (tests use a small one), else the default."""
    value = os.environ.get(SPILL_VARIABLE, "")
    return int(value) if value.isdigit() else SPILL_FINDINGS


class FindingStore:
    """Collects a run's findings a file at a time; ``findings()`` gives them in report order."""

    def __init__(self, limit: int | None = None) -> None:
        self.limit = spill_limit() if limit is None else limit
        self._runs: list[tuple[str, list[Piece]]] = []
        self._file: BinaryIO | None = None
        self._count = 0

    def start(self, path: str) -> None:
        """Begin the findings of another file."""
        self._runs.append((path, []))

    def extend(self, findings: list[Finding]) -> None:
        """Add sorted findings of the current file, after those it already holds."""
        if not findings:
            return
        self._count += len(findings)
        pieces = self._runs[-1][1]
        if self._file is None and self._count <= self.limit:
            pieces.append(findings)
            return
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="transcheck-findings-")
            for _, held in self._runs:
                held[:] = [self._write(p) for piece in held for p in _slices(piece)]  # type: ignore[arg-type]
        pieces.extend(self._write(p) for p in _slices(findings))

    def _write(self, findings: list[Finding]) -> tuple[int, int]:
        assert self._file is not None
        data = pickle.dumps(findings, protocol=pickle.HIGHEST_PROTOCOL)
        offset = self._file.seek(0, os.SEEK_END)
        self._file.write(data)
        return offset, len(data)

    def findings(self) -> Sequence[Finding]:
        """All findings in report order: a list when they were held in memory, else a
        SpilledFindings that reads them back from the file at each pass."""
        if self._file is None:
            out = [f for _, pieces in self._runs for piece in pieces for f in piece]  # type: ignore[union-attr]
            out.sort(key=Finding.sort_key)
            return out
        self._file.flush()
        return SpilledFindings(self._file, self._runs, self._count)


class SpilledFindings(Sequence[Finding]):
    """Findings in a temporary file, read back a piece at a time on each iteration."""

    def __init__(self, file: BinaryIO, runs: list[tuple[str, list[Piece]]], count: int) -> None:
        self._file, self._count = file, count
        self._runs = sorted((run for run in runs if run[1]), key=lambda run: run[0])  # stable: by path only

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Finding]:
        for _, group in itertools.groupby(self._runs, key=lambda run: run[0]):
            runs = [self._read(pieces) for _, pieces in group]
            yield from runs[0] if len(runs) == 1 else heapq.merge(*runs, key=Finding.sort_key)

    def _read(self, pieces: list[Piece]) -> Iterator[Finding]:
        fd = self._file.fileno()
        for offset, size in pieces:  # type: ignore[misc]
            yield from pickle.loads(os.pread(fd, size, offset))

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return list(self)[index]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(index)
        return next(itertools.islice(self, index, None))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or len(other) != self._count:
            return NotImplemented if not isinstance(other, Sequence) else False
        return all(a == b for a, b in zip(self, other))

    __hash__ = None  # type: ignore[assignment]

    def close(self) -> None:
        self._file.close()


@contextmanager
def spool_folder() -> Iterator[str | None]:
    """A private temporary folder for workers' spooled findings, removed with whatever a
    stopped or failed worker left in it when the block ends (normally, on an error or on
    the ``Stopped`` a signal raises); None when no temporary folder can be made (workers
    then send their findings back whole)."""
    try:
        folder = tempfile.mkdtemp(prefix="transcheck-")
    except OSError:
        yield None
        return
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@dataclass(frozen=True)
class SpooledBatches:
    """A worker's sorted findings of one file in ``path``, pickled in consecutive pieces of
    at most ``PIECE``: what the worker sends back instead of the findings."""

    path: str

    def claim(self) -> Iterator[list[Finding]]:
        """Open the file and unlink it (the open handle keeps it until read or dropped), then
        give its pieces in order."""
        handle = open(self.path, "rb")
        os.unlink(self.path)
        return _pieces(handle)


def _pieces(handle: BinaryIO) -> Iterator[list[Finding]]:
    with handle:
        while handle.peek(1):  # type: ignore[attr-defined]
            yield pickle.load(handle)


def spool(batches: Iterable[list[Finding]], folder: str) -> list[list[Finding]] | SpooledBatches:
    """A worker's sorted ``batches`` of one file: kept as they are up to ``spill_limit()``
    findings, else written to a new file in ``folder`` a piece at a time as they come."""
    batches = iter(batches)
    held, over = _take(batches, spill_limit())
    if not over:
        return held
    with tempfile.NamedTemporaryFile(dir=folder, prefix="findings-", delete=False) as out:
        _dump(held, out)
        held.clear()
        for found in batches:
            _dump([found], out)
            del found  # not held while the next batch is made
    return SpooledBatches(out.name)


def _take(batches: Iterator[list[Finding]], limit: int) -> tuple[list[list[Finding]], bool]:
    """The first batches, up to and including the one that takes their count past ``limit``;
    and whether it went past."""
    held: list[list[Finding]] = []
    count = 0
    for found in batches:
        held.append(found)
        count += len(found)
        if count > limit:
            return held, True
    return held, False


def _dump(batches: list[list[Finding]], out: BinaryIO) -> None:
    for found in batches:
        for piece in _slices(found):
            pickle.dump(piece, out, protocol=pickle.HIGHEST_PROTOCOL)


def _slices(findings: list[Finding]) -> Iterable[list[Finding]]:
    return (findings[i : i + PIECE] for i in range(0, len(findings), PIECE))
