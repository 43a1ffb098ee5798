"""Word frequencies (Zipf scale) for English and German, loaded once and lazily.

The tables are wordfreq's "large" lists, memory-mapped from transcheck's cache folder
(``tables.py``): built from wordfreq's data on first use, rebuilt when that data changes.
"""

from __future__ import annotations

import gzip
import math
from collections.abc import Iterator, Mapping
from functools import lru_cache, partial
from importlib.util import find_spec
from pathlib import Path

from transcheck.tables import grouped_words, word_table


def _source(lang: str) -> Path:
    """wordfreq's data file for ``lang`` (found without importing wordfreq)."""
    spec = find_spec("wordfreq")
    return Path(spec.origin).parent / "data" / f"large_{lang}.msgpack.gz"


def _build(lang: str) -> dict[str, float]:
    import wordfreq  # heavy: imported only when a table is built

    return wordfreq.get_frequency_dict(lang, wordlist="large")


def _buckets(source: Path) -> Iterator[tuple[float, list[str]]]:
    """(frequency, words) of each bucket of a wordfreq "cBpack" file, read one bucket at
    a time (``wordfreq.read_cBpack`` decodes the whole file: some 50 MiB for German).
    Bucket ``n`` holds the words of -n centibels, ``wordfreq.cB_to_freq``'s 10 ** (-n / 100)."""
    import msgpack

    with gzip.open(source, "rb") as infile:
        unpacker = msgpack.Unpacker(infile, raw=False)
        count = unpacker.read_array_header()
        header = unpacker.unpack()
        if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
            raise ValueError(f"{source}: unexpected header {header!r}")
        for index in range(count - 1):
            yield 10 ** (-index / 100), unpacker.unpack()


def version(lang: str) -> str | None:
    """The version of the ``lang`` table's data (what is built from it is stale when it
    changes); None when wordfreq keeps it elsewhere than this version of transcheck knows."""
    source = _source(lang)
    try:
        stat = source.stat()
    except OSError:
        return None
    return f"wordfreq large {lang}|{source}|{stat.st_size}|{stat.st_mtime_ns}"


@lru_cache(maxsize=None)
def _table(lang: str) -> Mapping[str, float]:
    found = version(lang)
    if found is None:  # not where this version of wordfreq keeps it: ask wordfreq itself
        return _build(lang)
    return word_table(f"wordfreq-{lang}", found, partial(grouped_words, partial(_buckets, _source(lang))))


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
