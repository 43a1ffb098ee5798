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
as much as building the rules. Here they are stored as ``LazyPattern``\\ s, with the code
``re`` compiled them to: a pattern is rebuilt from that code (no parsing, no compiling)
the first time a run uses it, so a run pays only for the patterns that its text reaches (``regex_code``). The patterns
the modules compile as they load are kept apart (``startup_code``).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType
from typing import Any

from transcheck.cachedir import cache_root, keep_newest, package_digest, run_apart, walk
from transcheck.collector import collector_paused
from transcheck.fileio import atomic_write
from transcheck.regex_code import code_of, from_code

FORMAT = 4  # bump when the layout of the cached objects changes in a way the key misses
KEEP = 8  # cache files kept per folder (several checkouts or rule folders share one cache)
_METHODS = ("finditer", "search", "match", "fullmatch", "findall", "sub", "subn", "split", "scanner")


class LazyPattern:
    """A compiled regular expression restored from the cache: compiled on first use.

    ``sre`` holds what ``re`` compiled the pattern to (its ``_sre`` code), so that compiling
    it again skips the parser and the compiler; without it (or if the interpreter refuses
    it) the pattern is compiled from its source. After the first attribute access the
    compiled pattern's methods are set on the instance, so later calls cost what calls on
    a ``re.Pattern`` cost.
    """

    def __init__(self, pattern: str, flags: int, sre: tuple | None = None) -> None:
        self.pattern = pattern
        self.flags = flags
        self._sre = sre

    def _compile(self):
        if self._sre is not None:
            try:
                return from_code(self.pattern, self._sre)
            except Exception:  # another interpreter's code: compile from the source
                pass
        return re.compile(self.pattern, self.flags)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = self._compile()
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        self.groups, self.groupindex = compiled.groups, compiled.groupindex
        return getattr(compiled, name)

    def __reduce__(self):
        return type(self), (self.pattern, self.flags, self._sre)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, (LazyPattern, re.Pattern)) and (self.pattern, self.flags) == (other.pattern, other.flags)

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.pattern!r})"


class LazyRegex(LazyPattern):
    """The same for a pattern of the ``regex`` module (the guarded patterns of guard.py)."""

    def _compile(self):
        import regex

        return regex.compile(self.pattern, self.flags)


class _Pickler(pickle.Pickler):
    """Pickles compiled patterns as lazy ones (of either regex engine)."""

    def reducer_override(self, obj: Any):
        kind = type(obj)
        if kind is re.Pattern:
            return LazyPattern, (obj.pattern, obj.flags, code_of(obj))
        if kind.__module__ == "_regex" and kind.__name__ == "Pattern":
            return LazyRegex, (obj.pattern, obj.flags)
        if kind is MappingProxyType:  # re.Pattern.groupindex
            return MappingProxyType, (dict(obj),)
        return NotImplemented


def key(roots: list[Path], builtin: Path | None) -> str:
    """A hash of the rule folders' YAML files, the package's files and the versions."""
    h = hashlib.sha256(f"{FORMAT}|{package_digest()}".encode())
    for root in roots:
        h.update(f"\1{root.resolve()}\1{root == builtin}".encode())
        for path in walk(root, (".yaml", ".yml")):
            with open(path, "rb") as handle:
                h.update(f"\2{os.path.relpath(path, root)}\2".encode())
                h.update(handle.read())
    return h.hexdigest()[:32]


def _path(digest: str) -> Path:
    return cache_root() / "rules" / f"{digest}.pickle"


def load(digest: str) -> Any | None:
    """The object cached under ``digest``, or None when there is none or it cannot be read."""
    try:
        stream = io.BytesIO(_path(digest).read_bytes())
        if pickle.load(stream) != digest:
            return None
        with collector_paused():
            return pickle.load(stream)
    except Exception:  # missing, unreadable, truncated, garbage, or from other code: rebuild
        return None


def store(digest: str, value: Any) -> None:
    """Write ``value`` under ``digest`` atomically; any failure only means no cache."""
    target = _path(digest)
    try:
        buffer = io.BytesIO()
        _dump(buffer, digest, value)
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        atomic_write(target, buffer.getvalue())
        keep_newest(target.parent, "*.pickle", KEEP)
    except Exception:  # unwritable folder, full disk, an object that does not pickle
        return


def cached(roots: list[Path], builtin: Path | None, build: Callable[[], Any]) -> Any:
    """``build()``'s result, from the cache when the rule files and the code are unchanged.
    On a miss the rules are built and stored in a fresh process when ``build`` pickles
    (``cachedir.run_apart``), then read from the cache as a later run reads them: this
    process keeps none of the YAML, parsers and compilers the build took."""
    try:
        digest = key(roots, builtin)
    except OSError:
        return build()
    value = load(digest)
    if value is None and _store_apart(digest, build):
        value = load(digest)
    if value is None:
        value = build()
        store(digest, value)
    return value


def _store_apart(digest: str, build: Callable[[], Any]) -> bool:
    """Build and store the rules under ``digest`` in a fresh process; False when that could
    not be done (an unwritable cache folder, a build that fails or does not pickle). The
    child writes a temporary file this process renames, or removes whatever happens."""
    target = _path(digest)
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
    except OSError:
        return False
    try:
        if not run_apart(_write, digest, build, tmp, scratch=tmp):
            return False
        os.replace(tmp, target)
    except OSError:
        return False
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    with contextlib.suppress(OSError):
        keep_newest(target.parent, "*.pickle", KEEP)
    return True


def _write(digest: str, build: Callable[[], Any], path: str) -> None:
    """The child's work: ``build()`` pickled into ``path``."""
    value = build()
    with open(path, "wb") as handle:
        _dump(handle, digest, value)


def _dump(handle: Any, digest: str, value: Any) -> None:
    """The file's two pickles: the key, then the rules."""
    pickle.dump(digest, handle, protocol=pickle.HIGHEST_PROTOCOL)
    _Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
