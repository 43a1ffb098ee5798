"""Literal prefilters: skip text where a regex cannot match, at the speed of ``str.find``.

Python's regex engine tries a pattern at every position unless it starts with a literal.
Most rule patterns start with a look-behind or an alternation, so a full scan costs tens
of milliseconds per megabyte per rule. Like the literal extraction in grep tools, each
pattern is analysed once (with the standard library's own regex parser) for a set of
literal strings of which every match must contain one. A document is then searched only
in the lines (or paragraphs, for patterns that can span a line break) holding such a
literal; usually there are few or none. The literals of all rules are found in one pass
per document by an Aho-Corasick automaton (``TriggerIndex``).
"""

from __future__ import annotations

import heapq
import re
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache
from re import _constants as c
from re import _parser as sre_parse
from typing import Protocol

from ahocorasick_rs import AhoCorasick, MatchKind

from transcheck import native, passages
from transcheck.context import SEARCH_CHUNK_CHARS, Context, chunks

MIN_SCORE = 2.5  # a trigger weaker than this (a space, a single letter) is no filter
DIGITS = tuple("0123456789")


def _char_weight(ch: str) -> float:
    if ch.isspace():
        return 0.0
    if ch.isascii() and ch.isalpha():
        return 1.0
    if ch.isdigit():
        return 0.8
    if ch in ",.;:-'\"()":
        return 0.3
    return 3.0  # typographic quotes, %, €, letters with diacritics: rare in English text


def _score(options: frozenset[str]) -> float:
    return min(sum(map(_char_weight, s)) for s in options) - 0.01 * len(options)


def _charset(items: list) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            chars.add(chr(av))
        elif op is c.RANGE and av[1] - av[0] <= 10:
            chars.update(chr(x) for x in range(av[0], av[1] + 1))
        elif op is c.CATEGORY and av is c.CATEGORY_DIGIT:
            chars.update(DIGITS)
        else:
            return None
    return frozenset(chars)


def _sequence(items) -> frozenset[str] | None:
    """The most selective any-of literal set that every match of ``items`` contains.

    Runs of literals and of literal alternations are joined into their exact strings
    (``sa(?:id|ys)`` gives {said, says}), since the regex parser factors out common
    prefixes; any other element ends the run and offers its own required set."""
    candidates: list[frozenset[str]] = []
    run: frozenset[str] | None = None
    for op, av in items:
        exact = _exact(op, av)
        if exact is not None:
            joined = exact if run is None else _join(run, exact)
            if joined is None:  # too many combinations: keep what we had, start again
                candidates.append(run)
                joined = exact
            run = joined
            continue
        if run:
            candidates.append(run)
            run = None
        found = _element(op, av)
        if found:
            candidates.append(found)
    if run:
        candidates.append(run)
    return max(candidates, key=_score) if candidates else None


MAX_EXACT = 64


def _join(left: frozenset[str], right: frozenset[str]) -> frozenset[str] | None:
    if len(left) * len(right) > MAX_EXACT:
        return None
    return frozenset(a + b for a in left for b in right)


def _exact(op, av) -> frozenset[str] | None:
    """The finite set of strings an element matches, when it is made of literals only."""
    if op is c.LITERAL:
        return frozenset([chr(av)])
    if op is c.IN:
        return _charset(av)
    if op is c.SUBPATTERN:
        return _exact_sequence(av[-1])
    if op is c.BRANCH:
        parts = [_exact_sequence(branch) for branch in av[1]]
        if any(part is None for part in parts) or sum(map(len, parts)) > MAX_EXACT:
            return None
        return frozenset().union(*parts)
    return None


def _exact_sequence(items) -> frozenset[str] | None:
    result = frozenset([""])
    for op, av in items:
        exact = _exact(op, av)
        if exact is None:
            return None
        result = _join(result, exact)
        if result is None:
            return None
    return result


def _element(op, av) -> frozenset[str] | None:
    if op is c.SUBPATTERN:
        return _sequence(av[-1])
    if op is c.BRANCH:
        parts = [_sequence(branch) for branch in av[1]]
        if any(part is None for part in parts):
            return None
        return frozenset().union(*parts)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _sequence(av[2])
    if op is c.IN:
        return _charset(av)
    if op is c.ASSERT:
        return _sequence(av[1])
    return None


@cache
def fold_table() -> dict[int, str] | None:
    """A ``str.translate`` table that, applied after ``lower()``, makes equal the characters
    Python's case-insensitive matching equates though their lower cases differ (ſ and s,
    ı and i, µ and μ). None where that is not known (not CPython 3.11+)."""
    try:
        from re import _casefix
    except ImportError:
        return None
    classes: list[set[int]] = []
    for key, others in getattr(_casefix, "_EXTRA_CASES", {}).items():
        members = {key, *others}
        for known in [c for c in classes if c & members]:
            members |= known
            classes.remove(known)
        classes.append(members)
    table = {member: chr(min(members)) for members in classes for member in members if member != min(members)}
    return table if len(classes) > 1 else None


@cache
def specially_folded() -> re.Pattern | None:
    """A character class of the characters ``fold_table`` changes (None without the table)."""
    table = fold_table()
    return re.compile("[" + "".join(map(re.escape, map(chr, table))) + "]") if table else None


def literal_triggers(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Lower-case literals, one of which every match contains; None when there is no good set."""
    try:
        found = _sequence(sre_parse.parse(pattern, flags))
    except (re.error, RecursionError):
        return None
    if not found or _score(found) < MIN_SCORE:
        return None
    return tuple(sorted({s.lower() for s in found}))


def literal_prefixes(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Lower-case literals, one of which every match starts with (after the zero-width
    tests at its start: ``\\b``, look-arounds); None when a match may start otherwise."""
    try:
        found = _prefixes(list(sre_parse.parse(pattern, flags)))
    except (re.error, RecursionError):
        return None
    return tuple(sorted({s.lower() for s in found})) if found else None


def _prefixes(items: list) -> frozenset[str] | None:
    """The literal openings of a parsed sequence: its leading run of literals, or, at a
    group or an alternation, the openings of each of its branches followed by the rest."""
    i = 0
    while i < len(items) and items[i][0] in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero-width
        i += 1
    run = []
    while i < len(items) and items[i][0] is c.LITERAL:
        run.append(chr(items[i][1]))
        i += 1
    if run:
        return frozenset(["".join(run)])
    if i == len(items):
        return None
    op, av = items[i]
    rest = items[i + 1 :]
    if op is c.SUBPATTERN:
        return _prefixes(list(av[-1]) + rest)
    if op is c.BRANCH:
        found: set[str] = set()
        for branch in av[1]:
            opening = _prefixes(list(branch) + rest)
            if not opening:
                return None
            found |= opening
        return frozenset(found)
    return None


def literal_requirements(pattern: str, flags: int = 0, min_score: float = MIN_SCORE) -> tuple[tuple[str, ...], ...]:
    """Every lower-case literal set, as strong as ``min_score``, of which each match contains
    one, within the match or its look-aheads (so within any span the pattern is searched in),
    the most selective first.

    The trigger is one of them; the others let a scanner skip the lines holding its trigger
    but not all its other required literals (``after`` without ``wish``)."""
    found: list[frozenset[str]] = []
    try:
        _required(sre_parse.parse(pattern, flags), found)
    except (re.error, RecursionError):
        return ()
    strong = {f for f in found if f and all(s.strip() for s in f) and _score(f) >= min_score}
    sets = {tuple(sorted({s.lower() for s in f})): _score(f) for f in sorted(strong, key=_score)}
    return tuple(sorted(sets, key=lambda literals: (-sets[literals], literals)))  # the most selective first


def _required(items, found: list[frozenset[str]]) -> None:
    """Add to ``found`` the literal sets of ``items`` (runs of exact elements joined, as in
    ``_sequence``), looking into groups, repetitions and look-aheads (not look-behinds,
    which may see before the searched span)."""
    run: frozenset[str] | None = None
    for op, av in items:
        exact = _exact(op, av)
        if exact is not None:
            joined = exact if run is None else _join(run, exact)
            if joined is None:
                found.append(run)
                joined = exact
            run = joined
            continue
        if run:
            found.append(run)
            run = None
        if op is c.SUBPATTERN:
            _required(av[-1], found)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            _required(av[2], found)
        elif op is c.ASSERT and av[0] >= 0:
            _required(av[1], found)
        elif op in (c.BRANCH, c.IN):
            element = _element(op, av)
            if element:
                found.append(element)
    if run:
        found.append(run)


def crosses_lines(pattern: str, flags: int = 0) -> bool:
    """True when a match may contain a line break (``\\s``, ``.`` with DOTALL, negated sets...)."""
    try:
        tree = sre_parse.parse(pattern, flags)
    except re.error:
        return True
    return _may_newline(tree, flags)


def _may_newline(items, flags: int) -> bool:
    for op, av in items:
        if op is c.LITERAL and av == 10 or op is c.NOT_LITERAL and av != 10:
            return True
        if op is c.ANY and flags & re.DOTALL:
            return True
        if op is c.IN and any(
            o is c.NEGATE or (o is c.CATEGORY and av2 in (c.CATEGORY_SPACE, c.CATEGORY_NOT_DIGIT, c.CATEGORY_NOT_WORD))
            or (o is c.LITERAL and av2 == 10)
            for o, av2 in av
        ):
            return True
        if op is c.SUBPATTERN and _may_newline(av[-1], flags):
            return True
        if op is c.BRANCH and any(_may_newline(b, flags) for b in av[1]):
            return True
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and _may_newline(av[2], flags):
            return True
    return False


class TriggerIndex:
    """The trigger literals of every scanner, searched together in one pass per document
    (only those of the scanners in the context's ``trigger_scope``, when it has one)."""

    def __init__(self) -> None:
        self.literals: dict[str, int] = {}
        self.members: list[tuple[int, ...]] = []  # by scanner id: the indexes of its literals
        self.owners: list[list[int]] = []  # by literal index: the scanners it belongs to
        self._automata: dict[frozenset[int] | None, _Automaton] = {}  # by scope (None: all literals)

    @property
    def scanners(self) -> int:
        return len(self.members)

    def register(self, triggers: tuple[str, ...]) -> int:
        """Add a scanner's literals; returns the scanner's id."""
        scanner = len(self.members)
        self.members.append(tuple(self.literals.setdefault(literal, len(self.literals)) for literal in triggers))
        for index in self.members[-1]:
            if index == len(self.owners):
                self.owners.append([])
            self.owners[index].append(scanner)
        self._automata.clear()
        return scanner

    def hits(self, ctx: Context, scanners: Iterable[int], scope: frozenset[int] | None = None) -> Hits:
        """The literals' hits in the document (cached per document): those of the scanners
        in both the context's scope and ``scope`` (the scanners that may ask about this
        text), when they hold all of ``scanners`` (the ids a caller will ask the hits
        about), else those of every literal."""
        if ctx.trigger_scope is not None:
            scope = ctx.trigger_scope if scope is None else scope & ctx.trigger_scope
        if scope is not None and not scope.issuperset(scanners):
            scope = None  # a scanner outside the scope: every literal is searched for
        key = ("trigger-hits", id(self), len(self.members), scope)
        found = ctx.cache.get(key)
        if found is None:
            automaton = self._automata.get(scope)
            if automaton is None:
                automaton = self._automata[scope] = self._automaton(scope)
            found = ctx.cache[key] = Hits(automaton.positions(ctx), self.members, self.owners)
        return found

    def _automaton(self, scope: frozenset[int] | None) -> _Automaton:
        names = list(self.literals)
        if scope is None:
            return _Automaton(names, range(len(names)), len(names))
        wanted = sorted({index for scanner in scope for index in self.members[scanner]})
        return _Automaton([names[index] for index in wanted], wanted, len(names))


class _Automaton:
    """An Aho-Corasick automaton of some of the index's literals (``indexes``: theirs in the
    index, of ``count``): the compiled core's, else ahocorasick_rs's (``native``)."""

    def __init__(self, literals: list[str], indexes: Sequence[int], count: int) -> None:
        self.literals, self.indexes, self.count = literals, list(indexes), count
        self.multiline = any("\n" in literal for literal in literals)  # then the text is searched whole
        self._core = native.core()
        self._native = self._core.Literals(literals, self.indexes) if self._core is not None else None
        self._automaton: AhoCorasick | None = None

    def positions(self, ctx: Context) -> _Starts:
        """Start offsets of each literal's overlapping hits in the lower-cased text (by the
        literal's index in the trigger index), each literal's in increasing order. A
        stretch of lines at a time, never lower-cased whole (bounded memory), when no
        literal holds a newline; else in one search of ``lower_text``."""
        if self._native is not None and len(ctx.text) < 1 << 32:
            return self._native_positions(ctx)
        return _Arrays(self._python_positions(ctx))

    def _native_positions(self, ctx: Context) -> _NativeStarts:
        hits = self._core.LiteralHits(self.count)
        stretches = [(0, ctx.lower_text)] if self.multiline else ctx.lower_stretches()
        for base, lower in stretches:
            self._native.search(lower, base, hits)
        return _NativeStarts(hits)

    def _python_positions(self, ctx: Context) -> dict[int, array[int]]:
        """The same by ahocorasick_rs, as arrays of machine integers (4 bytes a hit, not a
        32-byte int object and a list slot: a block can hold a few hundred thousand hits),
        in one plain loop over the hits (about one a word). A stretch is searched a chunk
        at a time (ahocorasick_rs holds 8 bytes a character of what it searches). Each
        literal's offsets come in increasing order: the stretches are searched in order,
        and one literal's overlapping hits are reported in the order of their ends, which
        is that of their starts."""
        if self._automaton is None:
            self._automaton = AhoCorasick(self.literals, matchkind=MatchKind.Standard)
        automaton, typecode = self._automaton, passages.offsets_type(ctx.text)
        by_literal: dict[int, array[int]] = defaultdict(lambda: array(typecode))
        if self.multiline:
            for index, start, _ in automaton.find_matches_as_indexes(ctx.lower_text, overlapping=True):
                by_literal[index].append(start)
        else:
            for base, lower in ctx.lower_stretches():
                for first, last in chunks(lower, SEARCH_CHUNK_CHARS):
                    offset = base + first
                    for index, start, _ in automaton.find_matches_as_indexes(lower[first:last], overlapping=True):
                        by_literal[index].append(offset + start)
        return {self.indexes[index]: found for index, found in by_literal.items()}


class _Starts(Protocol):
    """Each literal's hits in a document: which literals occur, and where some of them start."""

    def found(self) -> Iterable[int]: ...

    def starts(self, literals: tuple[int, ...]) -> Sequence[int] | None: ...


class _Arrays:
    """The hits as an array of starts by literal index."""

    def __init__(self, by_literal: dict[int, array[int]]) -> None:
        self._by_literal = by_literal

    def found(self) -> Iterable[int]:
        return self._by_literal.keys()

    def starts(self, literals: tuple[int, ...]) -> Sequence[int] | None:
        """The sorted starts of ``literals`` together; None when none occurs."""
        lists = [self._by_literal[i] for i in literals if i in self._by_literal]
        if not lists:
            return None
        return lists[0] if len(lists) == 1 else array(lists[0].typecode, heapq.merge(*lists))  # no list of int objects


class _NativeStarts:
    """The hits as the compiled core holds them (``transcheck_core.LiteralHits``)."""

    def __init__(self, hits) -> None:
        self._hits = hits

    def found(self) -> Iterable[int]:
        return self._hits.found()

    def starts(self, literals: tuple[int, ...]) -> Sequence[int] | None:
        """The sorted starts of ``literals`` together, merged by the core; None when none occurs."""
        merged = self._hits.starts_of(literals)
        if merged is None:
            return None
        found = array("I")
        found.frombytes(merged)
        return found


class Hits:
    """One document's hits: start offsets by literal (each literal's sorted), gathered by
    scanner id on demand (a literal many scanners share is stored once, and a scanner's
    merged offsets are not kept: each scanner asks once a document)."""

    def __init__(self, starts: _Starts, members: list[tuple[int, ...]], owners: list[list[int]]) -> None:
        self._starts = starts
        self._members = members
        self.present: set[int] = set().union(*(owners[index] for index in starts.found()))  # scanners with a hit

    def __contains__(self, scanner: int) -> bool:
        return scanner in self.present

    def get(self, scanner: int) -> Sequence[int] | None:
        """Sorted start offsets of the scanner's literals; None when none occurs."""
        return self._starts.starts(self._members[scanner])


INDEX = TriggerIndex()


def any_within(positions: Sequence[int], start: int, end: int) -> bool:
    """True when one of the sorted ``positions`` lies in [start, end)."""
    i = bisect_left(positions, start)
    return i < len(positions) and positions[i] < end


def windows(ctx: Context, positions: Sequence[int], paragraphs: bool) -> Iterable[tuple[int, int]]:
    """Merged spans of the lines (or passages) holding the given sorted positions, each
    with its line break so that look-aheads see it (``passages.window``); the document's
    line or passage starts are found once, for every scanner. Looked up by the compiled
    core where it can (``transcheck_core.windows``), else by ``passages.windows``."""
    key = ("passage-starts", paragraphs)
    starts = ctx.cache.get(key)
    if starts is None:
        starts = ctx.cache[key] = passages.starts(ctx.text, lines=not paragraphs)
    core = native.core()
    if core is not None and _four_byte(positions) and _four_byte(starts):
        found = core.windows(ctx.text, positions, starts, not paragraphs, passages.LONG)
        if found is not None:
            return found
    return passages.windows(ctx.text, positions, not paragraphs, starts)


def _four_byte(offsets: Sequence[int]) -> bool:
    """Offsets held as an array of 4-byte unsigned integers (what the compiled core reads)."""
    return isinstance(offsets, array) and offsets.typecode == "I" and offsets.itemsize == 4
