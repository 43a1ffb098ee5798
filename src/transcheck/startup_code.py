"""What the package's modules compile as they load, compiled once and kept on disk.

Two kinds, a third of a one-line check between them: the methods ``@dataclass`` writes
for each class (``__init__``, ``__repr__``, ``__eq__`` …, compiled with ``exec``), and the
regular expressions modules compile at import. ``install``, before the modules are
imported, reads what an earlier run of the same installed package kept
(``<cache>/code/<key>.marshal``, keyed like the rule cache): it gives ``dataclasses`` an
``exec`` that finds each method's source there and compiles only what it does not find, as
``exec`` would (the same code objects, so the same classes), and it puts the patterns into
``re``'s cache (``regex_code.precompile``). ``save``, at exit, writes the file again when
the run compiled a method or loaded a module of the package that the file lacked; the
newest ``KEEP`` files are kept. A missing, stale, unreadable or corrupt file only means
compiling.
"""

import builtins
import marshal
import os
import sys
from pathlib import Path
from types import CodeType
from typing import Any

from transcheck import regex_code

KEEP = 8  # files kept (several checkouts share one cache)
_methods: dict[str, CodeType] = {}  # source -> code: read from the file, or compiled here
_patterns: dict[tuple[str, int], tuple] = {}  # (source, flags) -> re's code, from the file
_modules: set[str] = set()  # the package's modules whose patterns the file holds
_compiled = 0  # methods compiled in this process
_file: Path | None = None
_owner = 0  # the process that installed: its forked workers write nothing


def _exec(source: Any, globals: dict | None = None, locals: Any = None, /, **kwargs: Any) -> None:
    """``exec`` for ``dataclasses``: a source string with its globals given is run from its
    kept code (compiled with no ``__future__`` flags, as ``exec`` compiles it for
    ``dataclasses``); anything else is passed on."""
    global _compiled
    if type(source) is not str or type(globals) is not dict:
        frame = sys._getframe(1)
        if globals is None:  # the caller's namespaces, as exec finds them
            globals, locals = frame.f_globals, frame.f_locals if locals is None else locals
        return builtins.exec(source, globals, locals, **kwargs)
    code = _methods.get(source)
    if code is None:
        code = _methods[source] = compile(source, "<string>", "exec", dont_inherit=True)
        _compiled += 1
    return builtins.exec(code, globals, locals, **kwargs)


def install(folder: Path | None = None) -> None:
    """Read the code kept in ``folder`` (``<cache>/code``) for the installed package, put
    its patterns into ``re``'s cache and give ``dataclasses`` the ``exec`` that uses its
    methods. Done once, before the package's modules are imported."""
    global _file, _owner
    import dataclasses

    from transcheck.cachedir import cache_root, package_digest

    try:
        _file = (cache_root() / "code" if folder is None else folder) / f"{package_digest()[:32]}.marshal"
    except Exception:  # no cache folder can be named (no home): compile as usual
        return
    _owner = os.getpid()
    try:
        methods, patterns, modules = marshal.loads(_file.read_bytes())
        if all(type(code) is CodeType for code in methods.values()):
            _methods.update(methods)
            _patterns.update(((source, flags), sre) for source, flags, sre in patterns)
            _modules.update(modules)
            regex_code.precompile(patterns)
    except Exception:  # missing, unreadable, truncated, or another Python's: compile
        pass
    dataclasses.exec = _exec  # type: ignore[attr-defined]  # module globals come before builtins


def _loaded() -> set[str]:
    return {name for name in sys.modules if name.partition(".")[0] == __name__.partition(".")[0]}


def save() -> None:
    """Write the kept code with what this process compiled and the patterns of the modules
    it loaded, if it compiled a method or loaded a module the file lacked and the folder
    can be written."""
    global _compiled
    loaded = _loaded()
    if _file is None or os.getpid() != _owner or not (_compiled or loaded - _modules):
        return  # nothing new, or a forked worker
    from transcheck.cachedir import keep_newest
    from transcheck.fileio import atomic_write

    try:
        _file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not os.access(_file.parent, os.W_OK):
            return  # before the patterns' code is worked out
        _patterns.update(((source, flags), sre) for source, flags, sre in regex_code.module_patterns())
        patterns = [(source, flags, sre) for (source, flags), sre in _patterns.items()]
        atomic_write(_file, marshal.dumps((_methods, patterns, sorted(_modules | loaded))))
        keep_newest(_file.parent, "*.marshal", KEEP)
    except Exception:  # a full disk, another run's file: compile again next time
        return
    _modules.update(loaded)
    _compiled = 0
