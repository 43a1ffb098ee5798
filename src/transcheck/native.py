"""The compiled core: the ``transcheck_core`` extension built from ``core/`` (Rust, PyO3).

Each of its parts stands in for Python code kept beside it, for an install without the
extension (a machine without Rust); both give the same results (``tests/test_native.py``
runs them side by side). ``TRANSCHECK_PURE_PYTHON=1`` runs the Python code instead, and so
does a build of other code than this (``ABI``: a checkout updated without ``scripts/setup``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import cache
from types import ModuleType

from transcheck import tables

WORD_PUNCTUATION = "_-’'"  # besides letters and digits (str.isalnum), what a whole word may hold
# The character classes of the tagger's TOKEN pattern, in the order transcheck_core.tokens takes them.
TOKEN_CLASSES = (r"\w", r"\d", r"\s", r"[^\W\d_]", r"(?i:[a-z])")
ABI = 6  # the functions and classes this code expects of the extension (core/src/lib.rs says its own)


@cache
def core() -> ModuleType | None:
    """The extension, or None when it is not installed, is of other code or is turned off."""
    if os.environ.get("TRANSCHECK_PURE_PYTHON"):
        return None
    try:
        import transcheck_core
    except ImportError:
        return None
    return transcheck_core if getattr(transcheck_core, "ABI", None) == ABI else None


def describe() -> str:
    """Which code runs, for ``transcheck --version``."""
    found = core()
    if found is not None:
        return f"compiled core {found.__version__}"
    if os.environ.get("TRANSCHECK_PURE_PYTHON"):
        return "pure Python: TRANSCHECK_PURE_PYTHON is set"
    return "pure Python: the compiled core is not built for this code (scripts/setup builds it)"


def is_word_character(ch: str) -> bool:
    """A character whole words are made of: a letter or digit (``str.isalnum``) or ``_-’'``."""
    return ch.isalnum() or ch in WORD_PUNCTUATION


@cache
def word_characters() -> bytes:
    """``is_word_character`` of every code point as a bitmap (bit ``c % 8`` of byte ``c // 8``,
    up to the last byte with a bit set), built once into the cache folder (it follows this
    Python's Unicode database)."""
    return tables.derived("word-characters", lambda: _bitmap(c for c in range(0x110000) if is_word_character(chr(c))))


@cache
def token_classes() -> tuple[bytes, ...]:
    """``TOKEN_CLASSES`` as bitmaps (as ``word_characters``): each code point that Python's
    ``re`` finds the class at, built once into the cache folder."""
    return tables.derived("token-classes", _token_class_bitmaps)


def _token_class_bitmaps() -> tuple[bytes, ...]:
    every = "".join(map(chr, range(0x110000)))
    return tuple(_bitmap(m.start() for m in re.finditer(pattern, every)) for pattern in TOKEN_CLASSES)


def _bitmap(codes: Iterable[int]) -> bytes:
    """The bitmap of ``codes``; it ends at the last byte with a bit set (the core reads no further)."""
    bitmap = bytearray(0x110000 // 8)
    for code in codes:
        bitmap[code >> 3] |= 1 << (code & 7)
    return bytes(bitmap).rstrip(b"\0")


def whole_words(text: str, words: list[str]) -> list[tuple[int, int]] | None:
    """(start, end) of the occurrences of ``words`` (made of word characters only) in
    ``text`` not inside a longer word, in order (``transcheck_core.whole_words``: one pass
    over the text where it lies, no copy); None without the extension."""
    found = core()
    return None if found is None else found.whole_words(text, words, word_characters())
