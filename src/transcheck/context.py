"""Per-document state shared by matchers: text, locale and lazily computed views."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from transcheck.documents import Document

PARAGRAPH_RE = re.compile(r"[^\n]+(?:\n[^\n]+)*")
WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


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
    def paragraphs(self) -> list[tuple[int, int]]:
        """(start, end) of each block of consecutive non-empty lines."""
        return [m.span() for m in PARAGRAPH_RE.finditer(self.text)]

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every distinct word form in the text (letters and inner apostrophes)."""
        return frozenset(WORD_RE.findall(self.text))

    def line_span(self, offset: int) -> tuple[int, int]:
        """(start, end) of the line holding ``offset``, without its newline."""
        text = self.text
        start = text.rfind("\n", 0, offset) + 1
        end = text.find("\n", offset)
        return start, len(text) if end == -1 else end
