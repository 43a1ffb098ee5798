"""The loaded rule set cached on disk, so that a run starts without parsing YAML or regexes.

The cache file (``<cache>/rules/<key>.pickle``) is keyed by a hash of everything that
shapes the rules: the content of every YAML file under the rule folders, the path,
size and modification time of every file of the installed package (code and data), the
transcheck and Python versions. Any change gives a new key, so a stale file is never read.
A missing, unreadable, corrupt or truncated file is ignored (the rules are built from the
YAML again); a cache folder that cannot be written only costs the time of that build.
Files are written atomically (a temporary file, then a rename), so a concurrent run sees
the old file or the new one, never half.

Compiled regular expressions pickle as their source and recompile when loaded, which costs
as much as building the rules; here they are stored as ``LazyPattern``\\ s that compile on
first use, so a run compiles only the patterns that its text reaches.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import re
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import transcheck
from transcheck.cachedir import cache_root
from transcheck.rules.guard import GuardedPattern

FORMAT = 1  # bump when the layout of the cached objects changes in a way the key misses
KEEP = 8  # cache files kept per folder (several checkouts or rule folders share one cache)
_METHODS = ("finditer", "search", "match", "fullmatch", "findall", "sub", "subn", "split", "scanner")


class LazyPattern:
    """A compiled regular expression restored from the cache: compiled on first use.

    After the first attribute access the compiled pattern's methods are set on the
    instance, so later calls cost what calls on a ``re.Pattern`` cost.
    """

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self.flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        self.groups, self.groupindex = compiled.groups, compiled.groupindex
        return getattr(compiled, name)

    def __reduce__(self):
        return LazyPattern, (self.pattern, self.flags)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, (LazyPattern, re.Pattern)) and (self.pattern, self.flags) == (other.pattern, other.flags)

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


def _guarded(pattern: str, flags: int) -> GuardedPattern:
    return GuardedPattern(re.compile(pattern, flags))


class _Pickler(pickle.Pickler):
    """Pickles compiled patterns as lazy ones."""

    def reducer_override(self, obj: Any):
        if type(obj) is re.Pattern:
            return LazyPattern, (obj.pattern, obj.flags)
        if type(obj) is GuardedPattern:
            return _guarded, (obj.pattern, obj.flags)
        return NotImplemented


def _package_files() -> Iterable[Path]:
    root = Path(transcheck.__file__).resolve().parent
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if not name.endswith((".pyc", ".tmp")):
                yield Path(folder) / name


def key(roots: list[Path], builtin: Path | None) -> str:
    """A hash of the rule folders' YAML files, the package's files and the versions."""
    h = hashlib.sha256(f"{FORMAT}|{transcheck.__version__}|{sys.version}|{sys.implementation.cache_tag}".encode())
    for path in _package_files():
        st = path.stat()
        h.update(f"\0{path}\0{st.st_size}\0{st.st_mtime_ns}".encode())
    for root in roots:
        h.update(f"\1{root.resolve()}\1{root == builtin}".encode())
        for path in sorted(root.rglob("*.y*ml")):
            h.update(f"\2{path.relative_to(root)}\2".encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:32]


def _path(digest: str) -> Path:
    return cache_root() / "rules" / f"{digest}.pickle"


def load(digest: str) -> Any | None:
    """The object cached under ``digest``, or None when there is none or it cannot be read."""
    try:
        data = _path(digest).read_bytes()
        stored, value = pickle.loads(data)
    except Exception:  # missing, unreadable, truncated, garbage, or from other code: rebuild
        return None
    return value if stored == digest else None


def store(digest: str, value: Any) -> None:
    """Write ``value`` under ``digest`` atomically; any failure only means no cache."""
    target = _path(digest)
    try:
        buffer = io.BytesIO()
        _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump((digest, value))
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(buffer.getvalue())
            os.replace(tmp, target)
        finally:
            Path(tmp).unlink(missing_ok=True)
        _prune(target.parent)
    except Exception:  # unwritable folder, full disk, an object that does not pickle
        return


def _prune(folder: Path) -> None:
    """Keep the newest KEEP cache files."""
    files = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in files[KEEP:]:
        old.unlink(missing_ok=True)


def cached(roots: list[Path], builtin: Path | None, build: Callable[[], Any]) -> Any:
    """``build()``'s result, from the cache when the rule files and the code are unchanged."""
    try:
        digest = key(roots, builtin)
    except OSError:
        return build()
    value = load(digest)
    if value is None:
        value = build()
        store(digest, value)
    return value
