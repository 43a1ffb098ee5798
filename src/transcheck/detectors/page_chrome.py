"""Page chrome around the page title: the site's name or section above it, or after it.

``site-header``: the first line of the page is the site's name or a section label when
it is short, has no sentence punctuation and no function words, and holds a word that
news sites use in their names ("News", "Times", "Daily") or a domain name, or is only a
section name; a headline must follow it.

``title-suffix``: a page's ``<title>`` is "Headline – Section – Site" or "Headline |
Author". A scraper that takes the title as the article's headline keeps the tail, and
the translation translates the section name ("– Wirtschaft" becomes "– economy"). Only
the first lines of the page are looked at, only headline-like ones (no sentence
punctuation at the end), and only a tail that is a known section name (optionally
followed by a site name), or a short capitalised name after a pipe.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.models import Match
from transcheck.rules.matchers import line_block_span
from transcheck.wordfreqs import zipf

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


DOMAIN = re.compile(r"\b[\w-]+\.(?:com|net|org|info|news|de|at|ch|co\.uk|eu|online)\b", re.IGNORECASE)
WORD = re.compile(r"[^\W_][\w'’&-]*")


@detector("site-header")
@dataclass
class SiteHeader:
    """The site's name or a section label on the first line, above the headline."""

    outlet_words: frozenset[str] = field(default_factory=frozenset)
    sections: frozenset[str] = field(default_factory=frozenset)
    max_words: int = 4
    function_zipf: float = 6.0

    def is_site_name(self, line: str) -> bool:
        words = WORD.findall(line)
        if not words or len(line.split()) > self.max_words or SENTENCE_END.search(line):
            return False
        if " ".join(words).lower() in self.sections or DOMAIN.fullmatch(line):
            return True
        if not all(w[0].isupper() or w[0].isdigit() for w in words) or any(zipf(w) >= self.function_zipf for w in words):
            return False
        return any(
            w.lower() in self.outlet_words or any(w.lower().startswith(o) for o in self.outlet_words if len(o) > 3)
            for w in words
        )

    def find(self, ctx: Context) -> Iterator[Match]:
        lines = LINE.finditer(ctx.text)
        first, headline = next(lines, None), next(lines, None)
        if first is None or headline is None or len(headline.group().split()) < 3:
            return
        if SENTENCE_END.search(headline.group().rstrip()) is None and self.is_site_name(first.group().strip()):
            start = first.start() + len(first.group()) - len(first.group().lstrip())
            fs, fe = line_block_span(ctx.text, start, first.end())
            yield Match(start, first.end(), "", fs, fe, suggestion="delete")
