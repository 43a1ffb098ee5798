"""The methods ``dataclasses`` writes for each class, compiled once and kept on disk.

``@dataclass`` writes the source of a class's ``__init__``, ``__repr__``, ``__eq__`` …
and compiles it with ``exec`` each time the class is made: for the package's 150
dataclasses that is a fifth of a one-line check. ``install`` gives ``dataclasses`` an
``exec`` that looks each source up among the code compiled by an earlier run of the same
installed package (``<cache>/code/<key>.marshal``, keyed like the rule cache), and
compiles only what it does not find there, as ``exec`` would: the same code object, so
the same classes. ``save`` (at exit) writes the file again when a run compiled
something new; the newest ``KEEP`` files are kept. A missing, stale, unreadable or
corrupt file only means compiling.
"""

import builtins
import marshal
import os
import sys
from pathlib import Path
from types import CodeType
from typing import Any

_known: dict[str, CodeType] = {}  # source -> code, read from the file
_new: dict[str, CodeType] = {}  # compiled in this process
_file: Path | None = None
_owner = 0  # the process that installed: its forked workers write nothing


def _exec(source: Any, globals: dict | None = None, locals: Any = None, /, **kwargs: Any) -> None:
    """``exec`` for ``dataclasses``: a source string with its globals given is run from its
    kept code (compiled with no ``__future__`` flags, as ``exec`` compiles it for
    ``dataclasses``); anything else is passed on."""
    if type(source) is not str or type(globals) is not dict:
        frame = sys._getframe(1)
        if globals is None:  # the caller's namespaces, as exec finds them
            globals, locals = frame.f_globals, frame.f_locals if locals is None else locals
        return builtins.exec(source, globals, locals, **kwargs)
    code = _known.get(source) or _new.get(source)
    if code is None:
        code = _new[source] = compile(source, "<string>", "exec", dont_inherit=True)
    return builtins.exec(code, globals, locals, **kwargs)


KEEP = 8  # files kept (several checkouts share one cache)


def install(folder: Path | None = None) -> None:
    """Read the code kept in ``folder`` (``<cache>/code``) for the installed package and
    give ``dataclasses`` the ``exec`` that uses it. Done once, before the package's
    modules are imported."""
    global _file, _owner
    import dataclasses

    from transcheck.cachedir import cache_root, package_digest

    try:
        _file = (cache_root() / "code" if folder is None else folder) / f"{package_digest()[:32]}.marshal"
    except Exception:  # no cache folder can be named (no home): compile as usual
        return
    _owner = os.getpid()
    try:
        kept = marshal.loads(_file.read_bytes())
        if isinstance(kept, dict) and all(type(c) is CodeType for c in kept.values()):
            _known.update(kept)
    except Exception:  # missing, unreadable, truncated, or another Python's: compile
        pass
    dataclasses.exec = _exec  # type: ignore[attr-defined]  # module globals come before builtins


def save() -> None:
    """Write the kept code with what this process compiled, if it compiled anything and
    the folder can be written; older files are removed."""
    if not _new or _file is None or os.getpid() != _owner:  # not in a forked worker
        return
    from transcheck.cachedir import keep_newest
    from transcheck.fileio import atomic_write

    try:
        _file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        atomic_write(_file, marshal.dumps({**_known, **_new}))
        keep_newest(_file.parent, "*.marshal", KEEP)
    except Exception:  # an unwritable folder or a full disk: compile again next time
        return
    _known.update(_new)
    _new.clear()
