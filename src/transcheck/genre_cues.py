"""How often a genre's cue words occur in a document (``document_context`` of a lexicon entry).

A cue is a regular expression, usually a long case-insensitive alternation of words
(`police|officers?|patrol|…`) that Python's engine tries at every position of the text:
tens of milliseconds per megabyte each, and a lexicon has dozens. Every match of such a
pattern starts with one of a few literals (``prefilter.literal_prefixes``), so the literals
of all cues are found in one Aho-Corasick pass over the lower-cased text, and each cue is
tried only where one of its literals starts: the same matches, counted in the same
left-to-right, non-overlapping way as ``finditer``. The text and the literals are lower-cased
with the characters that Python's matching folds specially (ſ as s, µ as μ) made equal;
a cue without such literals is counted by ``finditer`` over the text.

The counts are the whole document's: a long text's blocks share their document's.
"""

from __future__ import annotations

import heapq
import re
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ahocorasick_rs import AhoCorasick, MatchKind

from transcheck.context import LOWER_CHUNK_CHARS, SEARCH_CHUNK_CHARS, Context, chunks, lower
from transcheck.documents import Document
from transcheck.rules import prefilter


@dataclass(frozen=True)
class Cue:
    """A genre's cue regex and the number of matches per 1,000 words that makes a document
    of the genre. Registered in this process's index when made or unpickled."""

    regex: re.Pattern
    per_1000: float

    def __post_init__(self) -> None:
        INDEX.register(self.regex)

    def __reduce__(self):
        return Cue, (self.regex, self.per_1000)


class CueIndex:
    """The opening literals of every registered cue, searched together in one pass per document."""

    def __init__(self) -> None:
        self.cues: dict[str, re.Pattern] = {}  # by pattern source
        self._openings: dict[str, tuple[str, ...] | None] = {}  # by pattern source, once a text is counted
        self._automaton: AhoCorasick | None = None
        self._literals: list[str] = []

    def register(self, regex: re.Pattern) -> None:
        """Add a cue (its literals are worked out when a text is first counted, not as the rules load)."""
        if regex.pattern not in self.cues:
            self.cues[regex.pattern] = regex
            self._automaton = None

    def counts(self, text: str) -> dict[str, int]:
        """The number of matches of every registered cue in ``text``, by pattern source."""
        starts = self._starts(text)
        out = {}
        for source, regex in self.cues.items():
            openings = self._openings[source]
            if openings:
                out[source] = _count_at(regex, text, heapq.merge(*(starts.get(literal, ()) for literal in openings)))
            else:
                out[source] = sum(1 for _ in regex.finditer(text))
        return out

    def _prepare(self) -> None:
        """The opening literals of the cues registered since the last count, and their automaton."""
        fold = prefilter.fold_table()
        for source, regex in self.cues.items():
            if source not in self._openings:
                found = prefilter.literal_prefixes(source, regex.flags) if fold else None
                self._openings[source] = tuple(sorted({self._lower(s) for s in found})) if found else None
        self._literals = sorted({literal for found in self._openings.values() if found for literal in found})
        self._automaton = AhoCorasick(self._literals, matchkind=MatchKind.Standard) if self._literals else None

    def _starts(self, text: str) -> dict[str, array[int]]:
        """The sorted offsets where each opening literal starts (overlapping hits), as
        arrays of machine integers."""
        if self._automaton is None or len(self._openings) < len(self.cues):
            self._prepare()
        if self._automaton is None:
            return {}
        by_literal: dict[str, array[int]] = defaultdict(lambda: array("q"))
        for first, last in chunks(text, LOWER_CHUNK_CHARS):  # cut after newlines: no literal (a word) is split
            lower = self._lower(text[first:last])
            for start, end in chunks(lower, SEARCH_CHUNK_CHARS):  # a short list of hits at a time
                offset = first + start
                for index, hit, _ in self._automaton.find_matches_as_indexes(lower[start:end], overlapping=True):
                    by_literal[self._literals[index]].append(offset + hit)
        return {literal: array("q", sorted(found)) for literal, found in by_literal.items()}

    def _lower(self, text: str) -> str:
        """``text`` in lower case, as long as it (``context.lower``), with the specially folded
        characters made equal."""
        fold, special = prefilter.fold_table(), prefilter.specially_folded()
        assert fold is not None and special is not None
        lowered = lower(text)
        return lowered.translate(fold) if special.search(lowered) else lowered


def _count_at(regex: re.Pattern, text: str, starts: Iterable[int]) -> int:
    """``finditer``'s number of matches, trying ``regex`` only at ``starts`` (ascending, every
    match starts at one of them): leftmost first, each search resuming where the last match
    ended."""
    count, resume = 0, 0
    for start in starts:
        if start < resume:
            continue
        m = regex.match(text, start)
        if m:
            count += 1
            resume = max(m.end(), start + 1)
    return count


INDEX = CueIndex()


def density(ctx: Context, cue: Cue) -> tuple[int, float]:
    """How often ``cue`` matches in the whole document, and how often per 1,000 words: all
    registered cues are counted at the first request and kept on the document (a block's
    are its whole document's)."""
    whole: Document = getattr(ctx.document, "whole", None) or ctx.document
    counts = whole.evidence.get("genre-cues")
    if counts is None or cue.regex.pattern not in counts:
        counts = whole.evidence["genre-cues"] = INDEX.counts(whole.text)
        whole.evidence["words"] = whole.word_count
    count = counts[cue.regex.pattern]
    return count, 1000 * count / max(whole.evidence["words"], 1)
