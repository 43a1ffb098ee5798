"""Lines printed twice: a page's headline, teaser or caption scraped a second time.

A page template prints the headline as the page title and again above the article, a
teaser paragraph above the article that opens with the same words, or a video teaser's
title twice. Lines are compared after normalising case, quote marks, dashes, spaces
and the punctuation around words.

* Two lines that are the same (sentences only when they follow each other, as a
  caption printed twice does): one copy is chrome. It is the copy that lost its
  typography (straight quotes, a spaced hyphen for a dash, doubled spaces, lower case);
  when neither did, the earlier copy if it opens a block that is repeated whole (a
  headline and its teaser), else the later copy.
* A paragraph that is the opening of a later, longer paragraph: the earlier one is the
  teaser, cut from the article.
* Two neighbouring lines that end with the same long run of words ("in video: X" and
  "“Quote” – X"): a video or article teaser, both lines.

Copies more than ``max_distance`` lines apart are not compared.

``header-above-headline`` reports the short lines above the first copy of a duplicated
headline at the top of the page: the site name, logo text and widgets of the header.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from sys import intern
from typing import NamedTuple

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.models import Match
from transcheck.rules.matchers import line_block_span

LINE = re.compile(r"[^\n]*\S[^\n]*")
WORDS = re.compile(r"[^\W_]+(?:['’.&-][^\W_]+)*")  # words without the punctuation around them
LOST_TYPOGRAPHY = re.compile(r"[\"']|  | - ")
SENTENCE_END = re.compile(r"[.!?:;,][\"”’']?$")


class Line(NamedTuple):
    start: int
    end: int
    words: tuple[str, ...]  # lower-cased, without the punctuation around them

    @property
    def key(self) -> str:
        return " ".join(self.words)


def lines_of(ctx: Context, limit: int | None = None) -> list[Line]:
    """The non-blank lines (the first ``limit`` of them) with their words (cached; each
    distinct word held once, so a long document's lines cost pointers, not strings)."""
    found, complete = ctx.cache.get("duplicate-lines:lines", ([], False))
    if not complete and (limit is None or len(found) < limit):
        try:
            found, complete = _lines(ctx, limit, None if "\u0130" not in ctx.text else ctx.lower_text)
        except _LengthChanged:
            found, complete = _lines(ctx, limit, ctx.lower_text)
        ctx.cache["duplicate-lines:lines"] = (found, complete)
    return found[:limit]


class _LengthChanged(Exception):
    """A line whose lower case is longer: the words come from ``ctx.lower_text`` instead."""


def _lines(ctx: Context, limit: int | None, lower: str | None) -> tuple[list[Line], bool]:
    """The lines and whether they are all of them. Each line is lower-cased on its own
    unless ``lower`` (the document's lower case) is given: the same words, without a
    lower-cased copy of a long document held for this rule (no character but İ changes
    length in lower case, and a line's own lower case is its stretch of the document's)."""
    found = []
    for m in LINE.finditer(ctx.text):
        if limit is not None and len(found) == limit:
            return found, False
        if lower is None:
            line = m.group().lower()
            if len(line) != m.end() - m.start():
                raise _LengthChanged
            words = WORDS.findall(line)
        else:
            words = WORDS.findall(lower, m.start(), m.end())
        found.append(Line(m.start(), m.end(), tuple(map(intern, words))))
    return found, True


def _is_sentence(text: str, line: Line) -> bool:
    return SENTENCE_END.search(text[line.start : line.end].rstrip()) is not None


def _shared_tail(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """How many words ``a`` and ``b`` share at their ends."""
    k = 0
    while k < min(len(a), len(b)) and a[-1 - k] == b[-1 - k]:
        k += 1
    return k


def _typography_lost(text: str) -> int:
    """How many signs of a copy that lost its typography: straight quotes, spaced hyphens,
    doubled spaces, and lower case where a headline has capitals."""
    return len(LOST_TYPOGRAPHY.findall(text)) - sum(ch.isupper() for ch in text)


@dataclass
class Duplicates:
    """Which lines (indices into ``lines_of``) are copies to delete."""

    min_words: int = 3
    min_teaser_words: int = 8
    min_shared_tail: int = 5
    max_distance: int = 12  # lines apart: the copies of a page's headline are close together

    def find_copies(self, ctx: Context) -> set[int]:
        lines = lines_of(ctx)
        copies: set[int] = set()
        copies |= self._teasers(lines)
        copies |= self._same(ctx.text, lines, copies)
        copies |= self._shared_tails(ctx.text, lines)
        return copies

    def _teasers(self, lines: list[Line]) -> set[int]:
        """Paragraphs that are the opening words of a later, longer paragraph."""
        by_opening: dict[tuple[str, ...], list[int]] = {}
        for i, line in enumerate(lines):
            if len(line.words) >= self.min_teaser_words:
                by_opening.setdefault(line.words[: self.min_teaser_words], []).append(i)
        found = set()
        for group in by_opening.values():
            for a, i in enumerate(group):
                short = lines[i].words
                later = (j for j in group[a + 1 :] if j - i <= self.max_distance)
                if any(len(lines[j].words) > len(short) and lines[j].words[: len(short)] == short for j in later):
                    found.add(i)
        return found

    def _same(self, text: str, lines: list[Line], teasers: set[int]) -> set[int]:
        """One copy of each pair of equal lines."""
        first: dict[str, int] = {}
        found = set()
        for j, line in enumerate(lines):
            if len(line.words) < self.min_words:
                continue
            i = first.get(line.key, j)
            first[line.key] = j
            if i == j or j - i > self.max_distance:
                continue
            if (_is_sentence(text, line) or _is_sentence(text, lines[i])) and (j > i + 1 or len(line.words) < self.min_teaser_words):
                continue  # a sentence said twice is text, unless it is a caption printed twice in a row
            lost_i = _typography_lost(text[lines[i].start : lines[i].end])
            lost_j = _typography_lost(text[line.start : line.end])
            if lost_i != lost_j:
                found.add(i if lost_i > lost_j else j)
            elif i + 1 in teasers and i + 1 < j:
                found.add(i)  # a headline and its teaser, repeated whole: the earlier block
            else:
                found.add(j)
        return found

    def _shared_tails(self, text: str, lines: list[Line]) -> set[int]:
        """Both of two neighbouring headline-like lines (no final punctuation) that end with
        the same run of words, neither line being only that run (a breadcrumb that ends
        with the headline is not this)."""
        n = self.min_shared_tail
        found = set()
        for i in range(len(lines) - 1):
            a, b = lines[i].words, lines[i + 1].words
            if len(a) > n and len(b) > n and a[-n:] == b[-n:] and _shared_tail(a, b) < min(len(a), len(b)):
                if not (_is_sentence(text, lines[i]) or _is_sentence(text, lines[i + 1])):
                    found |= {i, i + 1}
        return found


def blocks(ctx: Context, lines: list[Line], indices: set[int]) -> Iterator[Match]:
    """One deletion per run of neighbouring reported ``lines``."""
    run: list[int] = []
    for i in sorted(indices):
        if run and i != run[-1] + 1:
            yield _block(ctx.text, lines[run[0]].start, lines[run[-1]].end)
            run = []
        run.append(i)
    if run:
        yield _block(ctx.text, lines[run[0]].start, lines[run[-1]].end)


def _block(text: str, start: int, end: int) -> Match:
    fs, fe = line_block_span(text, start, end)
    return Match(start, end, "", fs, fe, suggestion="delete")


@detector("duplicate-lines")
@dataclass
class DuplicateLines(Duplicates):
    """Headlines, teasers and captions printed twice: the copy to delete."""

    def find(self, ctx: Context) -> Iterator[Match]:
        yield from blocks(ctx, lines_of(ctx), self.find_copies(ctx))


@detector("header-above-headline")
@dataclass
class HeaderAboveHeadline(Duplicates):
    """Short lines above a duplicated headline near the top of the page."""

    top_lines: int = 12
    max_header_words: int = 6

    def find(self, ctx: Context) -> Iterator[Match]:
        lines = lines_of(ctx, self.top_lines)
        seen: dict[str, int] = {}
        headline = None
        for j, line in enumerate(lines):
            if len(line.words) >= self.min_words and seen.setdefault(line.key, j) != j:
                headline = seen[line.key]
                break
        if not headline:
            return
        text = ctx.text
        header = {
            i
            for i in range(headline)
            if len(lines[i].words) <= self.max_header_words and not SENTENCE_END.search(text[lines[i].start : lines[i].end])
        }
        if len(header) == headline:
            yield from blocks(ctx, lines, header)
