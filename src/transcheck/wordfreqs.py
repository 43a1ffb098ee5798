"""Word frequencies (Zipf scale) for English and German, loaded once and lazily.

The tables are wordfreq's "large" lists, memory-mapped from transcheck's cache folder
(``tables.py``): built from wordfreq's data on first use, rebuilt when that data changes.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import lru_cache, partial
from importlib.util import find_spec
from pathlib import Path

from transcheck.tables import word_table


def _source(lang: str) -> Path:
    """wordfreq's data file for ``lang`` (found without importing wordfreq)."""
    spec = find_spec("wordfreq")
    return Path(spec.origin).parent / "data" / f"large_{lang}.msgpack.gz"


def _build(lang: str) -> dict[str, float]:
    import wordfreq  # heavy: imported only when a table is built

    return wordfreq.get_frequency_dict(lang, wordlist="large")


@lru_cache(maxsize=None)
def _table(lang: str) -> Mapping[str, float]:
    source = _source(lang)
    try:
        stat = source.stat()
        version = f"wordfreq large {lang}|{source}|{stat.st_size}|{stat.st_mtime_ns}"
    except OSError:  # not where this version of wordfreq keeps it: ask wordfreq itself
        return _build(lang)
    return word_table(f"wordfreq-{lang}", version, partial(_build, lang))


def zipf(word: str, lang: str = "en") -> float:
    """Zipf frequency of ``word`` (0 when unknown); about 7 for 'the', 3 for 'fringe'."""
    freq = _table(lang).get(word.lower())
    return math.log10(freq) + 9 if freq else 0.0


def english() -> Mapping[str, float]:
    """The English table: lower-cased word -> relative frequency."""
    return _table("en")


def german() -> Mapping[str, float]:
    """The German table: lower-cased word -> relative frequency."""
    return _table("de")
