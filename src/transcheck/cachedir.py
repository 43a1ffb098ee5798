"""Where transcheck keeps what it builds once: compiled rules, word tables, LanguageTool."""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path

CACHE_ENV = "TRANSCHECK_CACHE_DIR"


def cache_root() -> Path:
    """transcheck's cache folder: $TRANSCHECK_CACHE_DIR, else $XDG_CACHE_HOME/transcheck, else ~/.cache/transcheck."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV]).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg).expanduser() if xdg else Path.home() / ".cache") / "transcheck"


def walk(root: Path, suffixes: tuple[str, ...] = ("",)) -> Iterable[str]:
    """Files under ``root`` ending in one of ``suffixes``, in a fixed order (``os.walk`` is
    many times faster than ``Path.rglob``, and this runs on every start)."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(suffixes) and not name.endswith((".pyc", ".tmp")):
                yield os.path.join(folder, name)


@cache
def package_digest() -> str:
    """A hash of the path, size and modification time of every file of the installed
    package (code and data) and of the transcheck and Python versions: what is built from
    them is stale when it changes."""
    import transcheck

    h = hashlib.sha256(f"{transcheck.__version__}|{sys.version}|{sys.implementation.cache_tag}".encode())
    for path in walk(Path(transcheck.__file__).resolve().parent):
        st = os.stat(path)
        h.update(f"\0{path}\0{st.st_size}\0{st.st_mtime_ns}".encode())
    return h.hexdigest()
