"""On-disk cache of LanguageTool matches per paragraph, keyed by (LT version, language, profile, text)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from transcheck.cachedir import cache_root

_SCHEMA = "CREATE TABLE IF NOT EXISTS matches (key TEXT PRIMARY KEY, value TEXT NOT NULL)"


def default_cache_path() -> Path:
    return cache_root() / "languagetool" / "matches.sqlite3"


def cache_key(version: str, language: str, profile_digest: str, text: str) -> str:
    """A stable key for one paragraph checked by one LanguageTool setup."""
    raw = "\x1f".join((version, language, profile_digest, text))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class MatchCache:
    """A sqlite3 table from cache key to a JSON list of matches; safe for several processes."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_cache_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(_SCHEMA)
        self._db.commit()

    def get_many(self, keys: Iterable[str]) -> dict[str, list[dict]]:
        """The cached match lists of those keys that are present."""
        found: dict[str, list[dict]] = {}
        keys = list(dict.fromkeys(keys))
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for key, value in self._db.execute(f"SELECT key, value FROM matches WHERE key IN ({marks})", chunk):
                found[key] = json.loads(value)
        return found

    def put_many(self, items: dict[str, list[dict]]) -> None:
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO matches (key, value) VALUES (?, ?)",
                ((k, json.dumps(v, ensure_ascii=False)) for k, v in items.items()),
            )

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "MatchCache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
