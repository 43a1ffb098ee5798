"""Python detectors: matchers too subtle for a pattern, registered by name.

A rule file selects one with ``matcher: {kind: detector, detector: NAME, options: {...}}``.
Each detector is a class with ``from_options(options, where)`` and ``find(ctx)``.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any, Callable

from transcheck.errors import RuleFileError

_REGISTRY: dict[str, Callable[[dict[str, Any], str], Any]] = {}
_loaded = False


def detector(name: str):
    """Class decorator: register a detector under ``name``."""

    def register(cls):
        if name in _REGISTRY:
            raise RuntimeError(f"detector {name!r} registered twice")
        _REGISTRY[name] = cls.from_options
        return cls

    return register


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
