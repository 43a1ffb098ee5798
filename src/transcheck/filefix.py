"""Fixing files on disk: read a snapshot, fix it, and write it back only if it is unchanged.

Bytes go out as UTF-8 exactly as they came in apart from the fixed spans: a BOM and the
line endings (LF or CRLF) are kept because fixes edit the decoded file text itself.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from transcheck.documents import decode, read_bytes
from transcheck.errors import InputError
from transcheck.fileio import atomic_write
from transcheck.fixer import MAX_ROUNDS, Find, FixResult, Load, fix_text
from transcheck.rules.loader import RuleSet

BACKUP_SUFFIX = ".orig"


@dataclass(frozen=True)
class Stamp:
    """What identifies one version of a file: modification time, size and content hash."""

    mtime_ns: int
    size: int
    sha256: str


@dataclass(frozen=True)
class FilePlan:
    """A file as read, and the fix computed for it."""

    path: str
    data: bytes
    stamp: Stamp
    result: FixResult


def _read(path: str) -> tuple[bytes, Stamp]:
    data = read_bytes(path)  # one clear error if the file cannot be read
    try:
        stat = Path(path).stat()
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    # the hash in the stamp catches a change between the read and the stat
    return data, Stamp(stat.st_mtime_ns, stat.st_size, hashlib.sha256(data).hexdigest())


def plan_file(
    path: str,
    ruleset: RuleSet | None = None,
    locale: str = "en-US",
    unsafe: bool = False,
    max_rounds: int = MAX_ROUNDS,
    find: Find | None = None,
    load: Load | None = None,
) -> FilePlan:
    """Read ``path`` and compute its fixed text (nothing is written); ``find`` and ``load`` as in fix_text."""
    data, stamp = _read(path)
    result = fix_text(decode(data, path), ruleset, locale, unsafe, max_rounds, path, find, load)
    return FilePlan(path, data, stamp, result)


def backup_path(path: str) -> str:
    """The first of FILE.orig, FILE.orig.1, FILE.orig.2, ... that does not exist yet."""
    target, n = path + BACKUP_SUFFIX, 0
    while os.path.exists(target):
        n += 1
        target = f"{path}{BACKUP_SUFFIX}.{n}"
    return target


def write_plan(plan: FilePlan, backup: bool = False) -> None:
    """Write the fixed text atomically; refuse when the file changed since it was read.

    With ``backup`` the original bytes are kept beside the file as ``FILE.orig`` (or
    ``FILE.orig.1``, ``.2``... when that exists: an earlier backup is never overwritten).
    """
    if not plan.result.changed:
        return
    try:
        _, now = _read(plan.path)
    except InputError as err:
        raise InputError(f"{err}; not fixed") from None
    if now != plan.stamp:
        raise InputError(f"{plan.path}: changed on disk while it was being fixed; not written (run fix again)")
    if backup:
        target = backup_path(plan.path)
        atomic_write(target, plan.data)
        os.chmod(target, os.stat(plan.path).st_mode & 0o7777)
    atomic_write(plan.path, plan.result.text.encode("utf-8"))
