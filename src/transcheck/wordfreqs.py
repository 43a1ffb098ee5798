"""Word frequencies (Zipf scale) for English and German, loaded once and lazily."""

from __future__ import annotations

import math
from functools import lru_cache


@lru_cache(maxsize=None)
def _table(lang: str) -> dict[str, float]:
    import wordfreq  # heavy: imported only when a rule needs it

    return wordfreq.get_frequency_dict(lang, wordlist="large")


def zipf(word: str, lang: str = "en") -> float:
    """Zipf frequency of ``word`` (0 when unknown); about 7 for 'the', 3 for 'fringe'."""
    freq = _table(lang).get(word.lower())
    return math.log10(freq) + 9 if freq else 0.0


def english() -> dict[str, float]:
    """The English table: lower-cased word -> relative frequency."""
    return _table("en")


def german() -> dict[str, float]:
    """The German table: lower-cased word -> relative frequency."""
    return _table("de")
