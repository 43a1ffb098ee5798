"""Regular expressions as the code ``re`` compiles them to, kept so that a later run skips
the parser and the compiler: ``code_of`` a compiled pattern, ``from_code`` to rebuild it,
``module_patterns`` for the patterns the package's modules compile as they load, and
``precompile`` to put those into ``re``'s own cache before the modules are imported (their
``re.compile`` calls then find them there)."""

from __future__ import annotations

import _sre
import re
import re._compiler
import re._parser
import sys
from array import array
from collections.abc import Iterator
from typing import Any


def code_of(compiled: re.Pattern) -> tuple | None:
    """What ``re`` compiles the pattern to (as ``re._compiler.compile`` builds it), when
    rebuilding the pattern from it gives the same pattern; else None."""
    try:
        parsed = re._parser.parse(compiled.pattern, compiled.flags)
        state = parsed.state
        indexgroup = [None] * state.groups
        for name, index in state.groupdict.items():
            indexgroup[index] = name
        code = array("I", re._compiler._code(parsed, compiled.flags)).tobytes()
        sre = (compiled.flags | state.flags, code, state.groups - 1, dict(state.groupdict), tuple(indexgroup))
        return sre if from_code(compiled.pattern, sre) == compiled else None
    except Exception:
        return None


def from_code(pattern: str, sre: tuple) -> re.Pattern:
    flags, code, groups, groupindex, indexgroup = sre
    return _sre.compile(pattern, flags, array("I", code).tolist(), groups, groupindex, indexgroup)


def module_patterns() -> list[tuple[str, int, tuple]]:
    """(source, flags, code) of the regular expressions the package's loaded modules hold
    (module globals and class attributes, and the values of the dicts, lists and tuples
    among them), ``flags`` those that ``re.compile`` may have been given (the pattern's
    flags without its inline ones, or all of them: ``re.compile(p.pattern, p.flags)``),
    when ``re.compile(source, flags)`` gives that pattern."""
    found: dict[tuple[str, int], tuple] = {}

    def add(value: Any) -> None:
        if type(value) is re.Pattern and isinstance(value.pattern, str):
            inline = re._parser.parse(value.pattern, 0).state.flags  # with re.UNICODE
            keys = [(value.pattern, flags) for flags in {value.flags & ~inline, value.flags}]
            keys = [k for k in keys if k not in found and re.compile(*k) == value]
            if keys and (sre := code_of(value)):  # one code object for both keys (pickle keeps it one)
                found.update(dict.fromkeys(keys, sre))

    package = __name__.partition(".")[0]
    for name, module in list(sys.modules.items()):
        if module is not None and name.partition(".")[0] == package:
            for value in _held(module):
                add(value)
    return [(source, flags, sre) for (source, flags), sre in found.items()]


def _held(module: Any) -> Iterator[Any]:
    """What a module holds: its globals, the attributes of its own classes, and the members
    of the dicts, lists and tuples among them."""
    for value in list(vars(module).values()):
        own_class = isinstance(value, type) and value.__module__ == module.__name__
        for item in list(vars(value).values()) if own_class else [value]:
            yield item
            if isinstance(item, dict):
                yield from list(item.values())
            elif isinstance(item, (list, tuple, frozenset)):
                yield from item


RUN_PATTERNS = 64  # room left in ``re``'s cache for the patterns a run compiles itself


def precompile(patterns: list[tuple[str, int, tuple]]) -> None:
    """Put the patterns of ``module_patterns`` into ``re``'s cache of compiled patterns,
    rebuilt from their code, so that ``re.compile(source, flags)`` finds them there. The
    cache's bound is raised to hold them all beside a run's own patterns (``re`` drops its
    oldest entry once the cache is full, which would drop these before their modules load).
    Only where ``re`` keeps that cache as this Python does; anything unexpected stops it."""
    cache = getattr(re, "_cache", None)
    bound = getattr(re, "_MAXCACHE", None)
    if not isinstance(cache, dict) or not isinstance(bound, int):
        return
    re._MAXCACHE = max(bound, len(cache) + len(patterns) + RUN_PATTERNS)
    built: dict[int, re.Pattern] = {}
    try:
        for source, flags, sre in patterns:
            key = (str, source, flags)
            if key not in cache:
                if id(sre) not in built:
                    built[id(sre)] = from_code(source, sre)
                cache[key] = built[id(sre)]
    except Exception:  # another interpreter's code or cache layout: compile as usual
        return
