"""One Hyperscan pass over a document (a page or longer) for every scanner's pattern.

Python's ``re`` tries each of the rules' thousand patterns on its own. Here each pattern
is rewritten as a *superset* of itself that Hyperscan can run (look-arounds, anchors and
word boundaries dropped, a look-behind at its start made part of the match, optional
trailing parts cut off), and all of them are compiled into one database that finds, in
one pass over the text, where each could match. Every real match of a pattern holds the
last character of one of its superset's matches (``positions``), so the scanner then
runs ``re`` only on the lines around those positions (``prefilter.windows``), as it does
around its trigger literals, and finds exactly what it found before. A block of a long
text takes its share of the hits of the whole (``_hits``).

Hyperscan reads bytes, so the text is first narrowed to one byte a character
(``Alphabet``): ASCII and Latin-1 stand for themselves, the other characters the
patterns name get a byte each, and every other character one shared byte. Offsets in
the bytes are then offsets in the text.

Patterns that cannot be rewritten (a back-reference before the cut tail, an end-of-string
anchor, too long) or
whose superset matches nearly everywhere (``WEAK_HITS`` on a calibration text of common
words) are left to their scanner's own search, as are texts shorter than ``MIN_CHARS``
(a line or a paragraph: the pass pays from a page or so) and texts holding a character
that folds onto an ASCII letter (ſ, K, ı, İ).
"""

from __future__ import annotations

import _sre
import codecs
import hashlib
import marshal
import random
import re
import re._constants as c
import re._parser as sre_parse
import weakref
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from transcheck import native
from transcheck.context import Context
from transcheck.documents import Document
from transcheck.rules import prefilter

MIN_CHARS = 2_000  # shorter texts: each scanner's own search costs less than a pass (and loading the database)
MAX_EXPRESSION = 16_000  # bytes of a rewritten pattern, beyond which Hyperscan refuses it
MAX_AHEAD = 60  # characters a look-ahead made part of a match may match at most
MAX_BOUND = 8  # a repeat bounded above this is rewritten unbounded (cheaper to compile)
WEAK_HITS = 1 / 200  # superset matches a character of calibration text above which a pattern is left out
CALIBRATION_CHARS = 200_000
SPECIAL_BYTES = range(0x80, 0x9F)  # bytes for the non-Latin-1 characters the patterns name
OTHER = 0x9F  # the byte of every other character

CODE_POINTS = 0x110000
_ASCII_DIGITS = frozenset(range(48, 58))
_ASCII_SPACES = frozenset(map(ord, " \t\n\r\f\v"))
_ASCII_WORD = frozenset(map(ord, "_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"))
SURROGATES = range(0xD800, 0xE000)


@cache
def _engine() -> Any:
    """The hyperscan module (imported on first use: a short check never needs it); None
    where it does not install or run, and every scanner then searches on its own."""
    try:
        import hyperscan
    except ImportError:  # pragma: no cover - a dependency, with wheels for x86-64 and ARM
        return None
    return hyperscan


class Unsupported(Exception):
    """A pattern with no Hyperscan superset here."""


# -- the alphabet -------------------------------------------------------------------------


class Alphabet:
    """One byte a character: ASCII and Latin-1 (bar its C1 controls) as themselves, the
    non-Latin-1 characters most named by the patterns a byte each, the rest ``OTHER``."""

    def __init__(self, specials: Sequence[int]) -> None:
        self.specials = tuple(specials)[: len(SPECIAL_BYTES)]
        self.byte = {point: SPECIAL_BYTES[n] for n, point in enumerate(self.specials)}
        table = {point: chr(byte) for point, byte in self.byte.items()}
        table.update({point: chr(OTHER) for point in range(0x80, 0xA0)})
        self._table = str.maketrans(table)

    @classmethod
    def of(cls, patterns: Iterable[str]) -> Alphabet:
        counts = Counter(point for pattern in patterns for point in set(map(ord, pattern))
                         if point >= 0x100 and point not in SURROGATES)
        return cls([point for point, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))])

    def of_point(self, point: int) -> int:
        if point < 0x80 or 0xA0 <= point <= 0xFF:
            return point
        return self.byte.get(point, OTHER)

    def narrow(self, text: str) -> bytes:
        """The text as these bytes (by the compiled core where it can)."""
        if text.isascii():
            return text.encode("ascii")
        core = native.core()
        if core is not None:
            return core.narrow(text, list(self.specials), SPECIAL_BYTES.start, OTHER)
        return text.translate(self._table).encode("latin-1", errors=_OTHER_HANDLER)


def _other(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return chr(OTHER) * (error.end - error.start), error.end


_OTHER_HANDLER = "transcheck-narrow"
codecs.register_error(_OTHER_HANDLER, _other)


# -- the rewriting ------------------------------------------------------------------------


@dataclass(frozen=True)
class CharSets:
    """Python's own character classes as sets of code points (``re`` run over all of them,
    ``native.token_classes``) and the characters its case-insensitive matching equates."""

    digit: frozenset[int]
    word: frozenset[int]
    space: frozenset[int]
    equivalents: dict[int, tuple[int, ...]]  # code point: the others case-insensitive matching equates

    @classmethod
    def build(cls) -> CharSets:
        word, digit, space = native.token_classes()[:3]  # \w, \d, \s: found by re at every code point
        table = prefilter.fold_table() or {}
        groups: dict[str, list[int]] = {}
        for point in range(CODE_POINTS):  # as re compares them: by their simple lower case (İ to i, not i̇)
            if point not in SURROGATES:
                groups.setdefault(chr(_sre.unicode_tolower(point)).translate(table), []).append(point)
        equivalents = {p: tuple(m) for m in groups.values() if len(m) > 1 for p in m}
        return cls(_members(digit), _members(word), _members(space), equivalents)

    def folding_onto_ascii(self) -> str:
        """The non-ASCII characters case-insensitive matching equates with an ASCII letter."""
        return "".join(sorted(chr(p) for p, others in self.equivalents.items()
                              if p >= 0x80 and any(o < 0x80 for o in others)))


def _members(bitmap: bytes) -> frozenset[int]:
    """The code points a bitmap (``native._bitmap``) holds."""
    return frozenset(point for point in range(len(bitmap) * 8) if bitmap[point >> 3] >> (point & 7) & 1)


class Rewriter:
    """A pattern's Hyperscan superset over an ``Alphabet``'s bytes."""

    def __init__(self, alphabet: Alphabet, sets: CharSets) -> None:
        self.alphabet, self.sets = alphabet, sets
        self.everything = frozenset(range(256))
        self._categories: dict[tuple[Any, bool], frozenset[int]] = {}
        self._newline = False  # whether what was rewritten since it was reset can match a line break

    def rewrite(self, pattern: str, flags: int) -> tuple[bytes, bool]:
        """The superset's expression and whether it is case-insensitive throughout."""
        tree = sre_parse.parse(pattern, flags)
        flags = tree.state.flags
        if _nullable(tree.data):
            raise Unsupported("matches empty")
        if _ends_text(tree.data, flags):  # it would match at the end of every line window
            raise Unsupported("end of string")
        within_lines = not prefilter.crosses_lines(pattern, flags)
        items = _shortest_tail(_head_lookbehind(list(tree.data)), flags,
                               lambda ahead, flags: within_lines and self._short_and_on_one_line(ahead, flags))
        if _nullable(items):
            raise Unsupported("matches empty")
        expression = self._sequence(items, flags).encode("latin-1")
        if len(expression) > MAX_EXPRESSION:
            raise Unsupported("too long")
        return expression, bool(flags & re.IGNORECASE)

    def _short_and_on_one_line(self, items: Any, flags: int) -> bool:
        """Whether a look-ahead's items match at most ``MAX_AHEAD`` characters, none a line
        break: made part of a match that holds no line break either, its superset's matches
        then end on the line of the real match, close enough to it for its window."""
        if items.getwidth()[1] > MAX_AHEAD:
            return False
        self._newline = False
        try:
            self._sequence(items, flags)
        except Unsupported:
            return False
        return not self._newline

    def _sequence(self, items: Iterable[tuple[Any, Any]], flags: int) -> str:
        return "".join(self._node(op, av, flags) for op, av in items)

    def _node(self, op: Any, av: Any, flags: int) -> str:
        if op is c.LITERAL:
            return self._literal(av, flags)
        if op is c.NOT_LITERAL:
            return self._class(self._set([(c.NEGATE, None), (c.LITERAL, av)], flags))
        if op is c.ANY:
            return self._class(self.everything if flags & re.DOTALL else self.everything - {10})
        if op is c.IN:
            return self._class(self._set(av, flags))
        if op is c.BRANCH:
            return "(?:" + "|".join(self._sequence(branch, flags) for branch in av[1]) + ")"
        if op is c.SUBPATTERN:
            _, added, removed, items = av
            inner = (flags | added) & ~removed
            opening = "(?:" if not (inner ^ flags) & re.IGNORECASE else "(?i:" if inner & re.IGNORECASE else "(?-i:"
            return opening + self._sequence(items, inner) + ")"
        if op is c.ATOMIC_GROUP:
            return "(?:" + self._sequence(av, flags) + ")"
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, high, items = av
            inner = "(?:" + self._sequence(items, flags) + ")"
            if high is c.MAXREPEAT or high > MAX_BOUND:
                return inner + ("{%d,}" % low if low else "*")
            return inner + "{%d,%d}" % (low, high)
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            return ""
        raise Unsupported(str(op))

    def _literal(self, point: int, flags: int) -> str:
        ch = chr(point)
        if flags & re.IGNORECASE and ch.isascii():
            self._newline |= point == 10
            return ch if ch.isalnum() else "\\x%02X" % point  # Hyperscan folds ASCII case itself
        return self._class(self._bytes({point}, flags))

    def _bytes(self, points: set[int] | frozenset[int], flags: int) -> set[int]:
        return {self.alphabet.of_point(p) for p in self._folded(points, flags)}

    def _folded(self, points: set[int] | frozenset[int], flags: int) -> set[int]:
        """``points`` and, case-insensitively, the characters matching equates with them."""
        if not flags & re.IGNORECASE:
            return set(points)
        if flags & re.ASCII:
            return set(points) | {ord(chr(p).swapcase()) for p in points if chr(p).isascii()}
        return set(points).union(*(self.sets.equivalents.get(p, ()) for p in points))

    def _set(self, items: list[tuple[Any, Any]], flags: int) -> frozenset[int]:
        negated, points, categories = False, set(), []
        for op, av in items:
            if op is c.NEGATE:
                negated = True
            elif op is c.LITERAL:
                points.add(av)
            elif op is c.RANGE:
                points.update(range(av[0], av[1] + 1))
            elif op is c.CATEGORY:
                categories.append(av)
            else:
                raise Unsupported(str(op))
        points = self._folded(points, flags)  # a category holds the case variants of its members
        found = {self.alphabet.of_point(p) for p in points}.union(
            *(self._category_bytes(category, flags) for category in categories))
        if not negated:
            return frozenset(found)

        def holds(point: int) -> bool:
            return point in points or any(self._in_category(point, category, flags) for category in categories)

        # a byte stands for one character or (OTHER) for many: left out only for one the set holds
        return self.everything - {b for b in found if (sole := self._sole_character(b)) is not None and holds(sole)}

    def _sole_character(self, byte: int) -> int | None:
        if byte == OTHER:
            return None
        if byte in SPECIAL_BYTES:
            n = byte - SPECIAL_BYTES.start
            return self.alphabet.specials[n] if n < len(self.alphabet.specials) else None
        return byte

    def _members(self, category: Any, flags: int) -> tuple[frozenset[int], bool]:
        """The code points of a category's positive form, and whether it is negated."""
        negations = {c.CATEGORY_NOT_DIGIT: c.CATEGORY_DIGIT, c.CATEGORY_NOT_SPACE: c.CATEGORY_SPACE,
                     c.CATEGORY_NOT_WORD: c.CATEGORY_WORD}
        positive = negations.get(category, category)
        if flags & re.ASCII:
            members = {c.CATEGORY_DIGIT: _ASCII_DIGITS, c.CATEGORY_SPACE: _ASCII_SPACES, c.CATEGORY_WORD: _ASCII_WORD}
        else:
            members = {c.CATEGORY_DIGIT: self.sets.digit, c.CATEGORY_SPACE: self.sets.space, c.CATEGORY_WORD: self.sets.word}
        return members[positive], category in negations

    def _in_category(self, point: int, category: Any, flags: int) -> bool:
        members, negated = self._members(category, flags)
        return (point in members) != negated

    def _category_bytes(self, category: Any, flags: int) -> frozenset[int]:
        key = (category, bool(flags & re.ASCII))
        found = self._categories.get(key)
        if found is None:
            members, negated = self._members(category, flags)
            if negated:  # OTHER stands for characters of every kind
                found = frozenset(b for b in range(256) if (sole := self._sole_character(b)) is None or sole not in members)
            else:
                found = frozenset(self.alphabet.of_point(p) for p in members)
            self._categories[key] = found
        return found

    def _class(self, found: Iterable[int]) -> str:
        """A Hyperscan class of the bytes (a single byte, or runs of them)."""
        found = sorted(found)
        self._newline |= 10 in found
        if not found:
            raise Unsupported("a class that matches nothing")
        if len(found) == 256:
            return "[\\x00-\\xFF]"
        if len(found) == 1:
            return "\\x%02X" % found[0]
        runs, first = [], found[0]
        for previous, point in zip(found, found[1:] + [None]):
            if point != previous + 1 if point is not None else True:
                runs.append("\\x%02X" % first if first == previous else "\\x%02X-\\x%02X" % (first, previous))
                first = point
        return "[" + "".join(runs) + "]"


def _ends_text(items: Iterable[tuple[Any, Any]], flags: int) -> bool:
    """Whether the items anchor at the end of the text (``\\Z``, or ``$`` without MULTILINE)."""
    for op, av in items:
        if op is c.AT and (av is c.AT_END_STRING or av is c.AT_END and not flags & re.MULTILINE):
            return True
        if op is c.SUBPATTERN and _ends_text(av[3], (flags | av[1]) & ~av[2]):
            return True
        if any(_ends_text(nested, flags) for nested in _nested(op, av)):
            return True
    return False


def _nested(op: Any, av: Any) -> list[Any]:
    """The item lists an item holds (but a group's, whose flags may differ)."""
    if op is c.BRANCH:
        return av[1]
    if op in (c.ASSERT, c.ASSERT_NOT):
        return [av[1]]
    if op is c.ATOMIC_GROUP:
        return [av]
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        return [av[2]]
    return []


def _nullable(items: Iterable[tuple[Any, Any]]) -> bool:
    """Whether the items can match the empty string (look-arounds and anchors taken as met)."""
    return all(_item_nullable(op, av) for op, av in items)


def _item_nullable(op: Any, av: Any) -> bool:
    if op in (c.LITERAL, c.NOT_LITERAL, c.ANY, c.IN):
        return False
    if op is c.BRANCH:
        return any(_nullable(branch) for branch in av[1])
    if op is c.SUBPATTERN:
        return _nullable(av[-1])
    if op is c.ATOMIC_GROUP:
        return _nullable(av)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        return av[0] == 0 or _nullable(av[2])
    return True  # look-arounds, anchors, back-references (refused later)


def _head_lookbehind(items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """The items with a look-behind they start with made part of the match (the match then
    starts earlier and ends where it did)."""
    if items and items[0][0] is c.ASSERT and items[0][1][0] < 0:
        return [*items[0][1][1].data, *items[1:]]
    return items


def _shortest_tail(items: Iterable[tuple[Any, Any]], flags: int,
                   consumable: Callable[[Any, int], bool]) -> list[tuple[Any, Any]]:
    """The items cut to a prefix of every match: without the optional items they end with,
    and the last one (a repeat, group or alternation) cut so too. Every match of the pattern
    starts with a match of the rest, which ends inside it, and the rest does not end at
    every character of a long run (``[^"]+`` at the end would). A look-ahead they end with
    is made part of the match instead, when ``consumable`` says its end stays close."""
    items = list(items)
    while items and _item_nullable(*items[-1]):
        op, av = items.pop()
        if op is c.ASSERT and av[0] > 0 and consumable(av[1], flags):
            return items + _shortest_tail(av[1].data, flags, consumable)
    if not items:
        return items
    op, av = items[-1]
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        items[-1] = (c.MAX_REPEAT, (av[0], av[0], av[2]))
    elif op is c.SUBPATTERN:
        inner = (flags | av[1]) & ~av[2]
        items[-1] = (op, (*av[:3], _shortest_tail(av[3], inner, consumable)))
    elif op is c.ATOMIC_GROUP:
        items[-1] = (c.SUBPATTERN, (None, 0, 0, _shortest_tail(av, flags, consumable)))
    elif op is c.BRANCH:
        items[-1] = (op, (av[0], [_shortest_tail(branch, flags, consumable) for branch in av[1]]))
    return items


# -- the database -------------------------------------------------------------------------


@dataclass
class Database:
    """The compiled supersets of the patterns it holds (by their place in the list it was
    built from), the alphabet they read and the characters that make a text fall back to
    each scanner."""

    compiled: Any
    alphabet: Alphabet
    folding_onto_ascii: str
    held: frozenset[int]

    def __post_init__(self) -> None:
        self._folding = re.compile("[" + re.escape(self.folding_onto_ascii) + "]") if self.folding_onto_ascii else None
        self._scratch = _engine().Scratch(self.compiled)

    def ends(self, text: str) -> dict[int, array] | None:
        """Each held pattern's superset match ends, less one (the last character of the
        match), in increasing order; None for a text this cannot judge."""
        if self._folding is not None and self._folding.search(text):
            return None
        found: dict[int, array] = {}

        def on_match(index: int, _start: int, end: int, _flags: int, _context: object) -> None:
            positions = found.get(index)
            if positions is None:
                positions = found[index] = array("I")
            positions.append(end - 1)

        self.compiled.scan(self.alphabet.narrow(text), match_event_handler=on_match, scratch=self._scratch)
        for positions in found.values():
            if any(a > b for a, b in zip(positions, positions[1:])):
                positions[:] = array("I", sorted(positions))
        return found


def build(patterns: Sequence[tuple[str, int]]) -> tuple[bytes, Alphabet, str, frozenset[int]]:
    """The database of ``patterns`` (pattern, flags) as ``_save`` stores it."""
    database = database_of(patterns)
    return _engine().dumpb(database.compiled), database.alphabet, database.folding_onto_ascii, database.held


def database_of(patterns: Sequence[tuple[str, int]], calibrate: bool = True) -> Database:
    """Compile the supersets of ``patterns`` (pattern, flags), leaving out those Hyperscan
    cannot take and (``calibrate``) those that match too often on the calibration text."""
    alphabet = Alphabet.of(pattern for pattern, _ in patterns)
    sets = CharSets.build()
    rewriter = Rewriter(alphabet, sets)
    expressions: dict[int, tuple[bytes, bool]] = {}
    for index, (pattern, flags) in enumerate(patterns):
        try:
            expressions[index] = rewriter.rewrite(pattern, flags)
        except (Unsupported, re.error):
            continue
    compiled = _compile(expressions)
    weak = _weak(compiled, alphabet, len(patterns)) if calibrate else set()
    if weak:
        expressions = {index: found for index, found in expressions.items() if index not in weak}
        compiled = _compile(expressions)
    return Database(compiled, alphabet, sets.folding_onto_ascii(), frozenset(expressions))


def _compile(expressions: dict[int, tuple[bytes, bool]]) -> Any:
    """One Hyperscan database of the expressions, leaving out any it refuses alone."""
    hyperscan = _engine()
    while True:
        database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        flags = [hyperscan.HS_FLAG_PREFILTER | (hyperscan.HS_FLAG_CASELESS if caseless else 0)
                 for _, caseless in expressions.values()]
        try:
            database.compile(expressions=[e for e, _ in expressions.values()], ids=list(expressions), flags=flags)
            return database
        except hyperscan.error as error:
            refused = _refused(expressions)
            if not refused:
                raise Unsupported(str(error)) from None
            expressions = {index: found for index, found in expressions.items() if index not in refused}


def _refused(expressions: dict[int, tuple[bytes, bool]]) -> set[int]:
    hyperscan = _engine()
    refused = set()
    for index, (expression, caseless) in expressions.items():
        try:
            hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK).compile(
                expressions=[expression], ids=[index],
                flags=[hyperscan.HS_FLAG_PREFILTER | (hyperscan.HS_FLAG_CASELESS if caseless else 0)])
        except hyperscan.error:
            refused.add(index)
    return refused


def _weak(compiled: Any, alphabet: Alphabet, count: int) -> set[int]:
    """The patterns whose supersets match more than ``WEAK_HITS`` a character of the
    calibration text (there the scanner's own search costs less than the callbacks)."""
    text = calibration_text()
    hits = [0] * count

    def on_match(index: int, _start: int, _end: int, _flags: int, _context: object) -> None:
        hits[index] += 1

    compiled.scan(alphabet.narrow(text), match_event_handler=on_match)
    return {index for index, n in enumerate(hits) if n > WEAK_HITS * len(text)}


def calibration_text() -> str:
    """Lines of random sentences of the tagger's frequent words (its tag dictionary, from
    the English Web Treebank), a blank line after every fifth: text on which a pattern
    that matches almost anywhere shows it."""
    from transcheck.tagger import model

    words = sorted(model().tagdict)
    draw = random.Random(20261202)
    lines: list[str] = []
    size = 0
    while size < CALIBRATION_CHARS:
        sentences = []
        for _ in range(draw.randint(1, 3)):
            chosen = draw.choices(words, k=draw.randint(4, 25))
            sentences.append(" ".join(chosen).capitalize() + draw.choice(".....?!"))
        lines.append(" ".join(sentences))
        if len(lines) % 6 == 5:
            lines.append("")
        size += len(lines[-1]) + 1
    return "\n".join(lines) + "\n"


# -- the patterns of this process and their hits --------------------------------------------


class Registry:
    """The scanners' patterns in this process (by index), and their database, built or
    loaded from the cache folder the first time a text needs it."""

    def __init__(self) -> None:
        self.patterns: list[tuple[str, int]] = []
        self._indexes: dict[tuple[str, int], int] = {}
        self._database: Database | None = None
        self._built_for = -1  # how many patterns the database was made for
        self._slots: list[int | None] = []  # by index: the pattern's in the database (None: not held)

    def register(self, regex: Any) -> int | None:
        """The pattern's index; None for one not run by ``re`` (a guarded pattern)."""
        from transcheck.rules.cache import LazyPattern

        if not (isinstance(regex, re.Pattern) or type(regex) is LazyPattern):
            return None
        key = (regex.pattern, regex.flags)
        index = self._indexes.get(key)
        if index is None:
            index = self._indexes[key] = len(self.patterns)
            self.patterns.append(key)
        return index

    def database(self) -> Database | None:
        """The database of the patterns registered so far, in sorted order (the same for a
        process that registered them in another order)."""
        if self._built_for != len(self.patterns):
            self._built_for = len(self.patterns)
            ordered = sorted(self.patterns)
            self._database = _load_or_build(tuple(ordered))
            held = self._database.held if self._database is not None else frozenset()
            slot = {key: n for n, key in enumerate(ordered)}
            self._slots = [slot[key] if slot[key] in held else None for key in self.patterns]
        return self._database

    def slot(self, index: int) -> int | None:
        """Pattern ``index``'s place in the database; None when the database does not hold it."""
        return self._slots[index] if index < len(self._slots) else None


def _load_or_build(patterns: tuple[tuple[str, int], ...]) -> Database | None:
    from functools import partial

    from transcheck import tables

    hyperscan = _engine()
    if hyperscan is None:
        return None
    source = Path(__file__).read_bytes()  # a change in the rewriting rebuilds the database
    digest = hashlib.sha256(repr((source, hyperscan.__version__, patterns)).encode()).hexdigest()
    try:
        return tables.cached("multiscan", digest, partial(build, patterns), _save, _load)
    except Exception:  # noqa: BLE001 - a database that cannot be made: every scanner searches on its own
        return None


def _save(built: tuple[bytes, Alphabet, str, frozenset[int]], folder: Path) -> None:
    compiled, alphabet, folding, held = built
    (folder / "database.hs").write_bytes(compiled)
    (folder / "tables.marshal").write_bytes(marshal.dumps((alphabet.specials, folding, tuple(sorted(held)))))


def _load(folder: Path) -> Database:
    specials, folding, held = marshal.loads((folder / "tables.marshal").read_bytes())
    compiled = _engine().loadb((folder / "database.hs").read_bytes(), _engine().HS_MODE_BLOCK)
    return Database(compiled, Alphabet(specials), folding, frozenset(held))


REGISTRY = Registry()


def positions(ctx: Context, index: int | None) -> Sequence[int] | None:
    """Sorted offsets of the text, each inside every match of pattern ``index`` near it
    (each match holds one); None when this text or pattern is left to the scanner's own
    search."""
    if index is None or not covers(ctx):
        return None
    slot = REGISTRY.slot(index)
    return None if slot is None else ctx.cache["multiscan"][1].get(slot, _NONE)


def found_slots(ctx: Context) -> dict[int, array]:
    """The pass's hits in this text by database slot: a pattern the database holds and
    whose slot is not there has no match here. Call only where ``covers`` holds."""
    if not covers(ctx):
        raise ValueError("the Hyperscan pass does not cover this text")
    return ctx.cache["multiscan"][1]


def covers(ctx: Context) -> bool:
    """Whether the pass answers for this text (then a scanner whose pattern the database
    holds asks nothing else about it)."""
    if len(ctx.text) < MIN_CHARS:
        return False
    found = ctx.cache.get("multiscan")
    if found is None:
        found = ctx.cache["multiscan"] = _hits(ctx.document)
    return found[0] is not None


_NONE = array("I")
_recent: tuple[weakref.ref, Database, dict[int, array]] | None = None  # the last whole text's hits


def _hits(document: Document) -> tuple[Database | None, dict[int, array] | None]:
    """The database and the document's hits. The text last scanned whole keeps its hits for
    its other contexts, and a block of it takes its share of them: a superset match is one
    wherever its text lies (it has no anchors nor look-arounds; a look-behind it starts with
    lies inside the block)."""
    global _recent
    whole = getattr(document, "whole", None)
    if _recent is not None:
        recent, database, ends = _recent[0](), _recent[1], _recent[2]
        if recent is document:  # another context of the same text (a worker's next group of rules)
            return database, ends
        if whole is not None and recent is whole:
            return database, _share(ends, document.base, document.base + len(document.text))
    database = REGISTRY.database()
    if _recent is not None and _recent[1] is not database:
        _recent = None  # hits numbered by another database (more patterns registered since)
    ends = None if database is None else database.ends(document.text)
    if ends is None:
        return None, None
    if whole is None:
        _recent = (weakref.ref(document), database, ends)
    return database, ends


def _share(ends: dict[int, array], start: int, end: int) -> dict[int, array]:
    """The hits in [start, end), as offsets from ``start``."""
    shared = {}
    for index, found in ends.items():
        first, last = bisect_left(found, start), bisect_left(found, end)
        if first < last:
            shared[index] = array("I", (position - start for position in found[first:last]))
    return shared
