"""Python detectors: matchers too subtle for a pattern, registered by name.

A rule file selects one with ``matcher: {kind: detector, detector: NAME, options: {...}}``.
Each detector is a dataclass with ``find(ctx)``; its fields are its options, checked and
converted by ``configure`` (a class may define ``from_options(options, where)`` instead).
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
from functools import partial
from typing import Any, Callable

from transcheck.errors import RuleFileError

_REGISTRY: dict[str, Callable[[dict[str, Any], str], Any]] = {}
_loaded = False


def detector(name: str, line_local: bool = False):
    """Class decorator: register a detector under ``name``. ``line_local``: its findings
    depend on nothing beyond their own line or sentence (no evidence from the rest of the
    document), so a long text may be checked by it a block of paragraphs at a time
    (``engine.line_local``)."""

    def register(cls):
        if name in _REGISTRY:
            raise RuntimeError(f"detector {name!r} registered twice")
        cls.LINE_LOCAL = line_local
        _REGISTRY[name] = getattr(cls, "from_options", None) or partial(configure, cls)
        return cls

    return register


def _convert(value: Any, kind: str, where: str) -> Any:
    """Convert one option to its field's declared type (given as a string annotation)."""
    try:
        if kind == "float" and not isinstance(value, bool):
            return float(value)
        if kind == "int" and not isinstance(value, bool):
            return int(value)
        if kind == "bool" and isinstance(value, bool):
            return value
        if kind == "str" and isinstance(value, str):
            return value
        if kind == "frozenset[str]":
            words = value.split() if isinstance(value, str) else value
            if isinstance(words, list) and all(isinstance(w, str) for w in words):
                return frozenset(words)
    except (TypeError, ValueError):
        pass
    raise RuleFileError(f"{where}: must be {kind.replace('frozenset[str]', 'a list of strings')}")


def configure(cls, options: dict[str, Any], where: str):
    """Build a detector dataclass from rule-file options, refusing unknown ones."""
    fields = {f.name: str(f.type) for f in dataclasses.fields(cls) if f.init}
    unknown = set(options) - set(fields)
    if unknown:
        raise RuleFileError(f"{where}.{sorted(unknown)[0]}: unknown option (known: {', '.join(sorted(fields)) or 'none'})")
    return cls(**{key: _convert(value, fields[key], f"{where}.{key}") for key, value in options.items()})


def _load_all() -> None:
    global _loaded
    if not _loaded:
        for info in pkgutil.iter_modules(__path__):
            importlib.import_module(f"{__name__}.{info.name}")
        _loaded = True


def build_detector(name: Any, options: Any, where: str):
    """Instantiate the detector called ``name`` with its rule-file options."""
    _load_all()
    if name not in _REGISTRY:
        known = ", ".join(sorted(_REGISTRY))
        raise RuleFileError(f"{where}.detector: unknown detector {name!r} (known: {known})")
    if options is None:
        options = {}
    if not isinstance(options, dict):
        raise RuleFileError(f"{where}.options: must be a mapping")
    return _REGISTRY[name](options, f"{where}.options")


def detector_names() -> list[str]:
    _load_all()
    return sorted(_REGISTRY)
