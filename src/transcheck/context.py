"""Per-document state shared by matchers: text, locale and lazily computed views."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from transcheck.documents import Document

PARAGRAPH_RE = re.compile(r"[^\n]+(?:\n[^\n]+)*")
TOKEN_EDGES = ".,;:!?()[]{}“”„\"‘’‚'«»—–-…*/"
INNER_BREAKS = re.compile(r"[-/–—]")


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
        """Every distinct word form in the text, as written (hyphenated parts separately).

        Built from whitespace-separated tokens, so the cost is one ``split`` plus work
        per distinct token, not per word."""
        words = set()
        for token in set(self.text.split()):
            token = token.strip(TOKEN_EDGES)
            if INNER_BREAKS.search(token):
                words.update(part.strip(TOKEN_EDGES) for part in INNER_BREAKS.split(token))
            words.add(token)
        words.discard("")
        return frozenset(words)

    @cached_property
    def lower_vocabulary(self) -> frozenset[str]:
        """``vocabulary`` in lower case, with possessive endings also removed."""
        out = set()
        for word in self.vocabulary:
            lower = word.lower()
            out.add(lower)
            if lower.endswith(("’s", "'s")):
                out.add(lower[:-2])
        return frozenset(out)

    def line_span(self, offset: int) -> tuple[int, int]:
        """(start, end) of the line holding ``offset``, without its newline."""
        text = self.text
        start = text.rfind("\n", 0, offset) + 1
        end = text.find("\n", offset)
        return start, len(text) if end == -1 else end
