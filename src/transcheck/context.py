"""Per-document state shared by matchers: text, locale and lazily computed views."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable

from transcheck.documents import Document

PARAGRAPH_RE = re.compile(r"[^\n]+(?:\n[^\n]+)*")
SEPARATORS = str.maketrans({ch: " " for ch in ".,;:!?()[]{}“”„\"‘’‚'«»—–-…*/|<>=+_#@&%$€£0123456789"})


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_-’'"


@dataclass
class Context:
    """What a matcher sees: the document, the locale, and a cache for shared work."""

    document: Document
    locale: str = "en-US"
    cache: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.document.text

    @cached_property
    def lower_text(self) -> str:
        """The text in lower case (same length: used for literal prefilters)."""
        lower = self.text.lower()
        return lower if len(lower) == len(self.text) else self.text.casefold()[: len(self.text)]

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        """(start, end) of each block of consecutive non-empty lines."""
        return [m.span() for m in PARAGRAPH_RE.finditer(self.text)]

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every distinct word form in the text, as written (split at punctuation,
        apostrophes and hyphens): one ``translate`` and one ``split`` in C."""
        return frozenset(self.text.translate(SEPARATORS).split())

    def words_where(self, test: Callable[[str], bool]) -> set[str]:
        """The words of ``vocabulary`` that pass ``test``. Verdicts are remembered on the
        test's owner, so each distinct word is judged once per run and a document costs
        two set operations in C, not a Python loop over its words."""
        owner = getattr(test, "__self__", test)
        seen, accepted = owner.__dict__.setdefault("_verdicts", {}).setdefault(test.__name__, (set(), set()))
        vocabulary = self.vocabulary
        new = vocabulary - seen
        accepted.update(word for word in new if test(word))
        seen |= new
        return vocabulary & accepted

    def occurrences(self, words: set[str]) -> list[tuple[int, int]]:
        """Sorted spans of whole-word occurrences of ``words`` (``str.find``, no regex to compile)."""
        text = self.text
        spans = []
        for word in words:
            i = text.find(word)
            while i != -1:
                end = i + len(word)
                if not (i and _word_char(text[i - 1])) and not (end < len(text) and _word_char(text[end])):
                    spans.append((i, end))
                i = text.find(word, end)
        spans.sort()
        return spans

    def line_span(self, offset: int) -> tuple[int, int]:
        """(start, end) of the line holding ``offset``, without its newline."""
        text = self.text
        start = text.rfind("\n", 0, offset) + 1
        end = text.find("\n", offset)
        return start, len(text) if end == -1 else end
