"""Page chrome glued to the page title: the section or site name after a separator.

A page's ``<title>`` is "Headline – Section – Site" or "Headline | Author". A scraper
that takes the title as the article's headline keeps the tail, and the translation
translates the section name ("– Wirtschaft" becomes "– economy"). Only the first lines
of the page are looked at, only headline-like ones (no sentence punctuation at the end),
and only a tail that is a known section name (optionally followed by a site name), or
a short capitalised name after a pipe.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.models import Match

LINE = re.compile(r"[^\n]*\S[^\n]*")
SENTENCE_END = re.compile(r"[.!?:;,][\"”’']?$")
NAME_AFTER_PIPE = r"\|[ \t]+[A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){0,3}"


@detector("title-suffix")
@dataclass
class TitleSuffix:
    """The section or site tail of the page title in the first lines of the page."""

    sections: frozenset[str] = field(default_factory=frozenset)
    top_lines: int = 3

    @cached_property
    def regex(self) -> re.Pattern:
        names = "|".join(sorted(map(re.escape, self.sections), key=len, reverse=True))
        section = rf"[–—|-][ \t]+(?i:{names})(?:[ \t]+[–—|-][ \t]+[^\n.!?]{{1,30}})?"
        return re.compile(rf"(?<=\S)[ \t]+(?:{section}|{NAME_AFTER_PIPE})[ \t]*$")

    def find(self, ctx: Context) -> Iterator[Match]:
        for i, line in enumerate(LINE.finditer(ctx.text)):
            if i >= self.top_lines or SENTENCE_END.search(line.group().rstrip()):
                break  # the title comes before the first sentence of the page
            m = self.regex.search(line.group())
            if m and len(line.group()[: m.start()].split()) >= 3:
                yield Match(line.start() + m.start(), line.start() + m.end(), "")
