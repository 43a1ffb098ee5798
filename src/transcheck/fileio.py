"""Atomic file writes: a temporary file in the same folder, then an atomic rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TextIO, cast

from transcheck.errors import InputError


def atomic_write(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old or the new file, never half."""
    with _replacing(path) as handle:
        with _naming(path):
            handle.write(data)


@contextmanager
def atomic_writer(path: str | Path) -> Iterator[TextIO]:
    """A UTF-8 text stream whose content replaces ``path`` when the block ends; on an
    error or a signal the temporary file is removed and ``path`` is left as it was.
    Reports are written through it as they are produced, never held whole in memory."""
    with _replacing(path) as handle:
        stream = open(handle.fileno(), "w", encoding="utf-8", newline="", closefd=False)
        try:
            yield cast(TextIO, _WriteErrorsNamed(stream, path))
        finally:
            with _naming(path):
                stream.flush()


class _WriteErrorsNamed:
    """A text stream whose write errors (a full disk, a device that refuses) are one
    InputError naming the file, not an OSError from inside a report writer."""

    def __init__(self, stream: TextIO, path: str | Path):
        self._stream, self._path = stream, path

    def write(self, text: str) -> int:
        with _naming(self._path):
            return self._stream.write(text)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


@contextmanager
def _naming(path: str | Path) -> Iterator[None]:
    """An OSError in the block becomes the InputError ``path: cannot write (reason)``."""
    try:
        yield
    except BrokenPipeError:
        raise  # a reader that stopped early (`-o /dev/stdout | head`): ended quietly, as on standard output
    except OSError as err:
        raise InputError(f"{path}: cannot write ({err.strerror or err})") from None


@contextmanager
def _replacing(path: str | Path) -> Iterator[BinaryIO]:
    """A binary file in ``path``'s folder, synced and renamed over ``path`` at the end. A
    symbolic link stays one: the file it names is replaced. A device or a pipe
    (``/dev/null``, ``/dev/stdout``) is written to as it is, never replaced by a file."""
    given = Path(path)
    if given.is_dir():  # the file could not be renamed over it
        raise InputError(f"{path}: is a folder; name the file to write")
    if given.exists() and not given.is_file():
        with _opened(given, path) as handle:
            yield handle
        return
    target = Path(os.path.realpath(path))
    folder = target.parent if str(target.parent) else Path(".")
    mode = None
    if target.exists():
        mode = target.stat().st_mode & 0o7777
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise InputError(f"{path}: cannot write ({err.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            with _naming(path):
                handle.flush()
                os.fsync(handle.fileno())
        with _naming(path):
            if mode is not None:
                os.chmod(tmp, mode)
            os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def _opened(target: Path, path: str | Path) -> Iterator[BinaryIO]:
    """``target``, a device or a pipe, open for writing as it is (named ``path`` in errors)."""
    try:
        handle = open(target, "wb")
    except OSError as err:
        raise InputError(f"{path}: cannot write ({err.strerror})") from None
    try:
        yield handle
    finally:
        with _naming(path):
            handle.close()
