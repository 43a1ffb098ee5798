"""Where transcheck keeps what it builds once: compiled rules, word tables, LanguageTool."""

from __future__ import annotations

import os
from pathlib import Path

CACHE_ENV = "TRANSCHECK_CACHE_DIR"


def cache_root() -> Path:
    """transcheck's cache folder: $TRANSCHECK_CACHE_DIR, else $XDG_CACHE_HOME/transcheck, else ~/.cache/transcheck."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV]).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg).expanduser() if xdg else Path.home() / ".cache") / "transcheck"
