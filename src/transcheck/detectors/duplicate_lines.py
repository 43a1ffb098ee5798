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
from collections import deque
from collections.abc import Iterator
from itertools import islice
from dataclasses import dataclass, field
from sys import intern
from typing import NamedTuple

from transcheck.context import Context, lower
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
    """The non-blank lines (the first ``limit`` of them) with their words."""
    return list(islice(iter_lines(ctx), limit))


def iter_lines(ctx: Context) -> Iterator[Line]:
    """The non-blank lines in order with their words, one at a time (a long document's
    lines are never all held; each distinct word is held once while they are). Each line
    is lower-cased on its own (``context.lower``), the same words as from the document's lower case."""
    for m in LINE.finditer(ctx.text):
        yield Line(m.start(), m.end(), tuple(map(intern, WORDS.findall(lower(m.group())))))


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
class _Pass:
    """What one pass of ``Duplicates.find_copies`` holds: the recent lines, the latest index
    of each recent line's key, the teasers and copies found, and the equal pairs whose copy
    waits for the teasers of later lines."""

    text: str
    recent: deque[tuple[int, Line]] = field(default_factory=deque)
    last_seen: dict[str, int] = field(default_factory=dict)
    teasers: set[int] = field(default_factory=set)
    found: dict[int, tuple[int, int]] = field(default_factory=dict)  # line index -> span to delete
    pending: list[tuple[int, Line, int, Line]] = field(default_factory=list)

    def report(self, i: int, line: Line) -> None:
        self.found[i] = (line.start, line.end)

    def forget_before(self, first: int) -> None:
        """Drop the recent lines before index ``first`` (and their keys, unless seen again since)."""
        while self.recent and self.recent[0][0] < first:
            i, old = self.recent.popleft()
            if self.last_seen.get(old.key) == i:
                del self.last_seen[old.key]

    def settle(self) -> None:
        """Report the pending pairs' copies: the first line when the line after it is a
        teaser (a headline and its teaser repeated whole), else the second."""
        for i, first, j, line in self.pending:
            self.report(*((i, first) if i + 1 in self.teasers and i + 1 < j else (j, line)))


@dataclass
class Duplicates:
    """Which lines (by index among the non-blank lines) are copies to delete."""

    min_words: int = 3
    min_teaser_words: int = 8
    min_shared_tail: int = 5
    max_distance: int = 12  # lines apart: the copies of a page's headline are close together

    def find_copies(self, ctx: Context) -> dict[int, tuple[int, int]]:
        """The copies to delete: (start, end) by line index. One pass over the lines, each
        compared with the ``max_distance`` lines before it, so that only those are held:
        teasers, equal lines and shared tails as the class describes; which of two equal
        lines is the copy may depend on whether the line after the first is a teaser,
        which later lines decide, so those verdicts wait for the end of the pass."""
        seen = _Pass(ctx.text)
        previous: Line | None = None
        for j, line in enumerate(iter_lines(ctx)):
            seen.forget_before(j - self.max_distance)
            for i, short in self._teasers_of(line, seen.recent):
                seen.teasers.add(i)
                seen.report(i, short)
            self._same(seen, j, line)
            if previous is not None and self._tails_shared(seen.text, previous, line):
                seen.report(j - 1, previous)
                seen.report(j, line)
            seen.recent.append((j, line))
            previous = line
        seen.settle()
        return seen.found

    def _teasers_of(self, line: Line, recent: deque[tuple[int, Line]]) -> Iterator[tuple[int, Line]]:
        """The recent lines that are the opening words of ``line``, a longer paragraph."""
        n = self.min_teaser_words
        if len(line.words) > n:
            opening = line.words[:n]
            for i, short in recent:
                if n <= len(short.words) < len(line.words) and short.words[:n] == opening and \
                        line.words[: len(short.words)] == short.words:
                    yield i, short

    def _same(self, seen: _Pass, j: int, line: Line) -> None:
        """One copy of ``line`` and the recent line equal to it, if any: reported, or left
        pending when it depends on teasers."""
        if len(line.words) < self.min_words:
            return
        i = seen.last_seen.get(line.key, j)
        seen.last_seen[line.key] = j
        if i == j:
            return
        first = seen.recent[i - seen.recent[0][0]][1]
        text = seen.text
        if (_is_sentence(text, line) or _is_sentence(text, first)) and (j > i + 1 or len(line.words) < self.min_teaser_words):
            return  # a sentence said twice is text, unless it is a caption printed twice in a row
        lost_i = _typography_lost(text[first.start : first.end])
        lost_j = _typography_lost(text[line.start : line.end])
        if lost_i != lost_j:
            seen.report(*((i, first) if lost_i > lost_j else (j, line)))
        else:  # a headline and its teaser, repeated whole: the earlier block; else the later copy
            seen.pending.append((i, first, j, line))

    def _tails_shared(self, text: str, a: Line, b: Line) -> bool:
        """Whether two neighbouring headline-like lines (no final punctuation) end with the
        same run of words, neither line being only that run (a breadcrumb that ends with
        the headline is not this)."""
        n, x, y = self.min_shared_tail, a.words, b.words
        return (len(x) > n and len(y) > n and x[-n:] == y[-n:] and _shared_tail(x, y) < min(len(x), len(y))
                and not (_is_sentence(text, a) or _is_sentence(text, b)))


def blocks(ctx: Context, spans: dict[int, tuple[int, int]]) -> Iterator[Match]:
    """One deletion per run of neighbouring reported lines (``spans``: line index → span)."""
    run: list[int] = []
    for i in sorted(spans):
        if run and i != run[-1] + 1:
            yield _block(ctx.text, spans[run[0]][0], spans[run[-1]][1])
            run = []
        run.append(i)
    if run:
        yield _block(ctx.text, spans[run[0]][0], spans[run[-1]][1])


def _block(text: str, start: int, end: int) -> Match:
    fs, fe = line_block_span(text, start, end)
    return Match(start, end, "", fs, fe, suggestion="delete")


@detector("duplicate-lines")
@dataclass
class DuplicateLines(Duplicates):
    """Headlines, teasers and captions printed twice: the copy to delete."""

    def find(self, ctx: Context) -> Iterator[Match]:
        yield from blocks(ctx, self.find_copies(ctx))


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
            yield from blocks(ctx, {i: (lines[i].start, lines[i].end) for i in header})
