"""The data-driven matcher kinds: pattern, phrases (lexicon) and swap."""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from ahocorasick_rs import AhoCorasick

from transcheck import genre_cues, native
from transcheck.context import SEARCH_CHUNK_CHARS, Context, chunks, line_around
from transcheck.genre_cues import Cue
from transcheck.errors import RuleFileError
from transcheck.models import Match
from transcheck.rules import multiscan, prefilter
from transcheck.rules.guard import compile_safe


class Matcher(Protocol):
    """Anything that finds matches in a document."""

    def find(self, ctx: Context) -> Iterable[Match]: ...


def compile_regex(source: Any, where: str, flags: int = 0) -> re.Pattern:
    """Compile a regex from a rule file (guarded when it could backtrack without end; see guard.py),
    naming the file and field when it is invalid."""
    if not isinstance(source, str) or not source:
        raise RuleFileError(f"{where}: must be a non-empty regular expression string")
    try:
        return compile_safe(source, flags | re.MULTILINE)
    except re.error as err:
        raise RuleFileError(f"{where}: invalid regular expression: {err}") from None


def line_block_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to whole lines plus the blank lines that follow them."""
    line_start = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", end)
    if stop == -1:
        # Last line of the file: take the newlines before it instead.
        while line_start > 0 and text[line_start - 1] == "\n":
            line_start -= 1
        return line_start, len(text)
    while stop + 1 < len(text) and text[stop + 1] == "\n":
        stop += 1
    return line_start, stop + 1


_NEEDS: set[str] = set()  # the ``needs`` of every scanner without a trigger, looked for together


def _present_needs(ctx: Context) -> tuple[bool, frozenset[str]]:
    """Whether the lower-cased text has the text's length (no İ), and which of ``_NEEDS``
    it holds: found once per document, a stretch of lines at a time (no lower-case copy
    of a long text is held; a literal with a newline is looked for in ``lower_text``)."""
    key = ("scanner-needs", len(_NEEDS))
    found = ctx.cache.get(key)
    if found is None:
        if "\u0130" in ctx.text:  # İ lowers to two characters: every scanner runs
            found = (False, frozenset())
        else:
            present = {needle for needle in _NEEDS if "\n" in needle and needle in ctx.lower_text}
            present |= _literals_in(ctx, [needle for needle in _NEEDS if "\n" not in needle])
            found = (True, frozenset(present))
        ctx.cache[key] = found
    return found


@dataclass
class Scanner:
    """A compiled regex with its literal prefilter: finds matches only where they can be.

    It runs in the lines (or paragraphs) holding one of its trigger literals, and only in
    those that also hold one literal of each of its other required sets; a scanner without
    a trigger runs over the whole text, unless none of a weaker literal set it needs occurs.
    When every match starts with one of its triggers (``anchored``: a list of phrases), it is
    tried only where a trigger starts in such a line, not at every position of the line.
    In a text of a page or more whose one Hyperscan pass holds its pattern (``multiscan``),
    it runs instead on the lines that hold a match of its pattern's wider form."""

    regex: re.Pattern
    paragraphs: bool
    trigger_id: int | None = None  # registered in prefilter.INDEX; None: scan everything
    triggers: tuple[str, ...] | None = None  # the literals registered under trigger_id
    required: tuple[tuple[str, ...], ...] = ()  # with a trigger: other literal sets, each registered
    required_ids: tuple[int, ...] = ()
    needs: tuple[str, ...] = ()  # without a trigger: one of these occurs in every text it matches
    anchored: bool = False  # every match starts with one of the triggers
    multiscan_id: int | None = None  # its pattern's index in multiscan.REGISTRY (None: not there)

    @classmethod
    def build(cls, regex: re.Pattern, triggers: list[str] | None = None, source: str | None = None,
              flags: int | None = None) -> "Scanner":
        """The scanner of ``regex``, analysed as ``source`` with ``flags`` (the pattern as
        written, when ``regex`` is a faster equivalent of it)."""
        source = regex.pattern if source is None else source
        flags = regex.flags if flags is None else flags
        if triggers is None:
            found = prefilter.literal_triggers(source, flags)
        else:
            found = tuple(sorted({t.lower() for t in triggers})) or None
        openings = prefilter.literal_prefixes(source, flags)
        if not found and triggers is None and openings and all(map(_rare_opening, openings)):
            found = openings  # too weak to pick lines by, but the pattern is tried only where one starts
        if found:
            required = tuple(r for r in prefilter.literal_requirements(source, flags) if r != found)
        else:
            required = prefilter.literal_requirements(source, flags, min_score=0.5)[:1]
        anchored = bool(found) and bool(openings) and set(openings) <= set(found or ())
        return cls.restore(regex, prefilter.crosses_lines(source, flags), found, required, anchored)

    @classmethod
    def restore(cls, regex: re.Pattern, paragraphs: bool, triggers: tuple[str, ...] | None,
                required: tuple[tuple[str, ...], ...] = (), anchored: bool = False) -> "Scanner":
        """A scanner with its literals registered in this process's index (also used by pickle)."""
        required = tuple(literals for literals in required if literals)
        multiscan_id = multiscan.REGISTRY.register(regex)
        if not triggers:
            _NEEDS.update(required[0] if required else ())
            return cls(regex, paragraphs, needs=required[0] if required else (), multiscan_id=multiscan_id)
        required_ids = tuple(prefilter.INDEX.register(literals) for literals in required)
        scanner = cls(regex, paragraphs, prefilter.INDEX.register(triggers), triggers, required, required_ids,
                      anchored=anchored, multiscan_id=multiscan_id)
        _TRIGGERED.append((multiscan_id, scanner.trigger_ids))
        return scanner

    @property
    def trigger_ids(self) -> tuple[int, ...]:
        """Its ids in the trigger index: the trigger's and the required sets' (none without a trigger)."""
        return () if self.trigger_id is None else (self.trigger_id, *self.required_ids)

    def __reduce__(self):
        required = self.required if self.triggers else ((self.needs,) if self.needs else ())
        return Scanner.restore, (self.regex, self.paragraphs, self.triggers, required, self.anchored)

    def finditer(self, ctx: Context) -> Iterator[re.Match]:
        found = multiscan.positions(ctx, self.multiscan_id)
        if found is not None:  # a long text: where the one Hyperscan pass says a match may be
            for start, end in prefilter.windows(ctx, found, self.paragraphs) if found else ():
                yield from self.regex.finditer(ctx.text, start, end)
            return
        if self.trigger_id is None:
            if self.needs:
                exact, present = _present_needs(ctx)
                if exact and present.isdisjoint(self.needs):
                    return
            yield from self.regex.finditer(ctx.text)
            return
        hits = prefilter.INDEX.hits(ctx, self.trigger_ids, index_scope(ctx))
        if self.trigger_id not in hits.present:
            return
        required = [hits.get(i) for i in self.required_ids]
        if all(required):
            positions = hits.get(self.trigger_id)
            anchored = self.anchored and _hits_are_exact(ctx)
            for start, end in prefilter.windows(ctx, positions, self.paragraphs):
                if all(prefilter.any_within(found, start, end) for found in required):
                    if anchored:
                        yield from _matches_at(self.regex, ctx.text, positions, start, end)
                    else:
                        yield from self.regex.finditer(ctx.text, start, end)


_TRIGGERED: list[tuple[int | None, tuple[int, ...]]] = []  # each scanner with a trigger: its multiscan id, its trigger ids
_LEFT_TO_INDEX: dict[tuple[int, int], frozenset[int]] = {}  # index_scope's answer, by database and scanner count


def index_scope(ctx: Context) -> frozenset[int] | None:
    """On a text the Hyperscan pass covers, the trigger ids of the scanners whose pattern
    its database does not hold: only they ask the trigger index about it. Else None."""
    if not multiscan.covers(ctx):
        return None
    key = (id(multiscan.REGISTRY.database()), len(_TRIGGERED))
    scope = _LEFT_TO_INDEX.get(key)
    if scope is None:
        _LEFT_TO_INDEX.clear()
        scope = _LEFT_TO_INDEX[key] = frozenset(
            i for index, ids in _TRIGGERED if index is None or multiscan.REGISTRY.slot(index) is None for i in ids)
    return scope


def trigger_scope(objects: Iterable[object]) -> frozenset[int]:
    """The trigger-index ids of every Scanner that ``objects`` (matchers, detectors) hold:
    in their fields and attributes, and in the tuples, lists, sets and dicts among them."""
    ids: set[int] = set()
    seen: set[int] = set()
    todo = list(objects)
    while todo:
        item = todo.pop()
        if id(item) in seen or isinstance(item, (str, bytes, int, float, re.Pattern)):
            continue
        seen.add(id(item))
        if isinstance(item, Scanner):
            ids.update(item.trigger_ids)
        elif isinstance(item, dict):
            todo.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            todo.extend(item)
        elif dataclasses.is_dataclass(item):
            todo.extend(getattr(item, f.name) for f in dataclasses.fields(item))
        elif type(item).__module__.startswith("transcheck.") and hasattr(item, "__dict__"):
            todo.extend(vars(item).values())
    return frozenset(ids)


def _literals_in(ctx: Context, literals: list[str]) -> set[str]:
    """Which of ``literals`` (lower case, no line break) the text holds: by the compiled
    core's automaton of them (built once), else an automaton of those not found yet run
    over a short stretch of its lower case at a time, so that a common literal, found at
    once, is neither looked for again nor listed at every hit."""
    compiled = _compiled_literals(tuple(sorted(literals)))
    if compiled is not None:
        return _literals_found_by(compiled, ctx)
    present: set[str] = set()
    pending, automaton = sorted(literals), None
    for _, lower in ctx.lower_stretches():
        for first, last in chunks(lower, SEARCH_CHUNK_CHARS):
            if not pending:
                return present
            automaton = automaton or AhoCorasick(pending)
            found = set(automaton.find_matches_as_strings(lower[first:last], overlapping=True))
            if found:
                present |= found
                pending, automaton = [literal for literal in pending if literal not in found], None
    return present


@lru_cache(maxsize=4)
def _compiled_literals(literals: tuple[str, ...]) -> tuple[Any, tuple[str, ...]] | None:
    """The compiled core's automaton of ``literals`` and the literals, or None without the core."""
    core = native.core()
    return None if core is None else (core.Literals(list(literals), list(range(len(literals)))), literals)


def _literals_found_by(compiled: tuple[Any, tuple[str, ...]], ctx: Context) -> set[str]:
    automaton, literals = compiled
    found: set[int] = set()
    for _, lower in ctx.lower_stretches():
        found.update(automaton.present(lower))
        if len(found) == len(literals):
            break
    return {literals[index] for index in found}


def _rare_opening(literal: str) -> bool:
    """An opening literal rare enough in prose to try a pattern at each of its occurrences:
    no white space, and either three characters or more, or two not both letters (``z.``)."""
    return len(literal) >= 2 and not any(ch.isspace() for ch in literal) and (len(literal) >= 3 or not literal.isalpha())


def _hits_are_exact(ctx: Context) -> bool:
    """Whether the trigger hits are every place a literal starts as a case-insensitive
    pattern sees it: not so in a text with İ (its lower case is longer) or with a letter
    Python's matching folds specially (ſ for s), where anchored scanners search their lines."""
    found = ctx.cache.get("scanner-exact-hits")
    if found is None:
        special = prefilter.specially_folded()
        found = ctx.cache["scanner-exact-hits"] = (
            special is not None and "\u0130" not in ctx.text and not special.search(ctx.text))
    return found


def _matches_at(regex: re.Pattern, text: str, positions: Sequence[int], start: int, end: int) -> Iterator[re.Match]:
    """``regex.finditer(text, start, end)`` when every match starts at one of the sorted
    ``positions``: the pattern is tried there only, each try after the last match's end."""
    resume = start
    for i in range(bisect_left(positions, start), len(positions)):
        at = positions[i]
        if at >= end:
            return
        if at >= resume:
            m = regex.match(text, at, end)
            if m:
                yield m
                resume = max(m.end(), at + 1)


@dataclass
class PatternMatcher:
    """A regular expression; ``group`` is the reported span, ``replacement`` its fix.

    The pattern runs only where one of its literal triggers occurs: derived from the
    pattern itself, or given as ``trigger:`` (a list of literal strings) in the rule file.
    """

    scanner: Scanner
    group: int | str = 0
    replacement: str | None = None
    delete_lines: bool = False

    @classmethod
    def from_config(cls, cfg: dict[str, Any], where: str) -> "PatternMatcher":
        _check_keys(cfg, {"kind", "pattern", "ignore_case", "group", "replacement", "delete", "unless", "trigger"}, where)
        flags = re.IGNORECASE if cfg.get("ignore_case") else 0
        regex = compile_regex(cfg.get("pattern"), f"{where}.pattern", flags)
        group = cfg.get("group", 0)
        if isinstance(group, int) and group > regex.groups or isinstance(group, str) and group not in regex.groupindex:
            raise RuleFileError(f"{where}.group: pattern has no group {group!r}")
        delete = cfg.get("delete")
        if delete not in (None, "lines"):
            raise RuleFileError(f"{where}.delete: only 'lines' is supported")
        trigger = cfg.get("trigger")
        if trigger is not None and (not isinstance(trigger, list) or not all(isinstance(t, str) and t for t in trigger)):
            raise RuleFileError(f"{where}.trigger: must be a list of literal strings")
        return cls(Scanner.build(regex, trigger), group, cfg.get("replacement"), delete == "lines")

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        for m in self.scanner.finditer(ctx):
            start, end = m.span(self.group)
            if start == end == -1:
                continue
            if self.delete_lines:
                fs, fe = line_block_span(text, start, end)
                yield Match(start, end, "", fs, fe, suggestion="delete")
            elif self.replacement is not None:
                yield Match(start, end, m.expand(self.replacement))
            else:
                yield Match(start, end)


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: the English phrase (or a regex), its suggestion and the German behind it.

    ``unless`` silences the entry when one of its regexes matches text overlapping the
    phrase on its line; ``context`` requires that one of its regexes does, or, when
    ``document_context`` is given, that the document is of the genre: one of those cue
    regexes matches in it at least ``DOCUMENT_CUES`` times and its own number of times per
    1,000 words (``DOCUMENT_CUES_PER_1000`` unless the item gives ``per_1000``).
    """

    phrase: str
    suggestion: str | None
    german: str | None
    note: str | None
    unless: tuple[re.Pattern, ...]
    context: tuple[re.Pattern, ...] = ()
    is_pattern: bool = False
    document_context: tuple[Cue, ...] = ()


DOCUMENT_CUES = 3  # a document "of the genre" holds its cue words this many times
# and this many times per 1,000 words: pages of one genre hold 60-130 of its broad cue
# words (police, rain, trains, goals), pages of other genres under 30
DOCUMENT_CUES_PER_1000 = 40.0


def normalise_phrase(text: str, ignore_case: bool) -> str:
    text = " ".join(text.split())
    return text.lower() if ignore_case else text


class TriesScanners:
    """For a matcher that runs a list of scanners over each text: ``_to_try`` names those
    that may match it, so that the others are skipped without a call each. What it keeps
    to choose them (the scanners by trigger id and by database slot) is this process's:
    left out when the matcher pickles, since another process numbers its own ids."""

    KEPT = ("_by_trigger_kept", "_by_slot_kept")

    def _to_try(self, ctx: Context, scanners: Sequence[Scanner]) -> list[int]:
        """The places in ``scanners`` of those that may match: not those none of whose
        literals occur, and on a text the Hyperscan pass covers, not those whose wider form
        it found nowhere."""
        scope = index_scope(ctx)  # on a text the pass covers, the scanners it leaves to the index
        if scope is None:  # the index answers for every scanner with a trigger
            untriggered, by_trigger, asked = self._by_trigger(scanners)
            present = prefilter.INDEX.hits(ctx, asked).present
            return [*untriggered, *(i for trigger in by_trigger.keys() & present for i in by_trigger[trigger])]
        plan = self._by_slot(scanners, scope)
        found = multiscan.found_slots(ctx)
        places = [*plan.unheld, *(i for slot in plan.by_slot.keys() & found.keys() for i in plan.by_slot[slot])]
        absent = plan.asking - prefilter.INDEX.hits(ctx, plan.asked, scope).present
        return sorted(i for i in places if scanners[i].trigger_id not in absent) if absent else sorted(places)

    def _by_trigger(self, scanners: Sequence[Scanner]) -> tuple[list[int], dict[int, list[int]], tuple[int, ...]]:
        """The places of the scanners without a trigger, the others' by trigger id, and the
        ids they ask the index about (kept for the matcher's one list of scanners)."""
        kept = self.__dict__.get("_by_trigger_kept")
        if kept is None:
            untriggered: list[int] = []
            by_trigger: dict[int, list[int]] = {}
            for i, scanner in enumerate(scanners):
                if scanner.trigger_id is None:
                    untriggered.append(i)
                else:
                    by_trigger.setdefault(scanner.trigger_id, []).append(i)
            asked = tuple(i for scanner in scanners for i in scanner.trigger_ids)
            kept = self.__dict__["_by_trigger_kept"] = (untriggered, by_trigger, asked)
        return kept

    def _by_slot(self, scanners: Sequence[Scanner], scope: frozenset[int]) -> SlotPlan:
        """The scanners by database slot, for texts the pass covers (kept while the
        database, and so ``scope``, stays the same)."""
        kept = self.__dict__.get("_by_slot_kept")
        if kept is None or kept.scope is not scope:
            kept = self.__dict__["_by_slot_kept"] = SlotPlan.of(scanners, scope)
        return kept

    def __getstate__(self) -> dict[str, Any]:
        return {name: value for name, value in self.__dict__.items() if name not in self.KEPT}


@dataclass(frozen=True)
class SlotPlan:
    """A list of scanners seen by a database: the places of those whose pattern it does
    not hold, the others' by database slot, and the trigger ids of those left to the
    trigger index (``scope``), which skip a text where their trigger is absent."""

    scope: frozenset[int]
    unheld: tuple[int, ...]
    by_slot: dict[int, list[int]]
    asking: frozenset[int]
    asked: tuple[int, ...]

    @classmethod
    def of(cls, scanners: Sequence[Scanner], scope: frozenset[int]) -> "SlotPlan":
        unheld: list[int] = []
        by_slot: dict[int, list[int]] = {}
        for i, scanner in enumerate(scanners):
            slot = None if scanner.multiscan_id is None else multiscan.REGISTRY.slot(scanner.multiscan_id)
            if slot is None:
                unheld.append(i)
            else:
                by_slot.setdefault(slot, []).append(i)
        asking = [scanner for scanner in scanners if scanner.trigger_id in scope]
        return cls(scope, tuple(unheld), by_slot, frozenset(scanner.trigger_id for scanner in asking),
                   tuple(i for scanner in asking for i in scanner.trigger_ids))


@dataclass
class PhraseMatcher(TriesScanners):
    """Literal phrases and regex entries, each with its own suggestion and antipatterns.

    An entry runs only in the lines or paragraphs holding one of its literals (see
    ``prefilter``), so a large lexicon costs little on text it does not touch. Where entries overlap, the earliest
    match wins, then regex entries (the more specific), then the longer match.
    """

    entries: list[Entry]
    scanners: list[Scanner]

    @classmethod
    def from_entries(cls, raw: list[Any], ignore_case: bool, where: str) -> "PhraseMatcher":
        if not isinstance(raw, list) or not raw:
            raise RuleFileError(f"{where}: must be a non-empty list of entries")
        flags = re.IGNORECASE if ignore_case else 0
        entries: list[Entry] = []
        seen: set[str] = set()
        for i, item in enumerate(raw):
            entry = _entry(item, f"{where}[{i}]", flags)
            if not entry.is_pattern:
                key = normalise_phrase(entry.phrase, ignore_case)
                if key in seen:
                    raise RuleFileError(f"{where}[{i}].phrase: duplicate phrase {entry.phrase!r}")
                seen.add(key)
            entries.append(entry)
        return cls(entries, [_scanner(_bounded(e), flags | re.MULTILINE) for e in entries])

    def find(self, ctx: Context) -> Iterator[Match]:
        found: list[tuple[int, int, int, int]] = []  # start, priority, -length, entry index
        for i in self._to_try(ctx, self.scanners):
            entry = self.entries[i]
            for m in self.scanners[i].finditer(ctx):
                found.append((m.start(), 0 if entry.is_pattern else 1, m.start() - m.end(), i))
        last_end = -1
        for start, _, negative_length, i in sorted(found):
            end = start - negative_length
            if start < last_end:
                continue
            match = self._match(ctx, self.entries[i], start, end)
            if match is not None:
                last_end = end
                yield match

    @staticmethod
    def _match(ctx: Context, entry: Entry, start: int, end: int) -> Match | None:
        if entry.unless and _blocked(ctx, start, end, entry.unless):
            return None
        if (entry.context or entry.document_context) and not (
            (entry.context and _blocked(ctx, start, end, entry.context)) or _of_genre(ctx, entry.document_context)
        ):
            return None
        detail = entry.note or (f"German: {entry.german}" if entry.german else None)
        return Match(start, end, _match_case(ctx.text[start:end], entry.suggestion), detail=detail)


def _scanner(pattern: str, flags: int) -> Scanner:
    """The entry's scanner: its literals and line reach come from ``pattern``; it runs as
    ``_literal_first(pattern)``, which finds the same matches faster."""
    return Scanner.build(compile_safe(_literal_first(pattern), flags), source=pattern, flags=flags)


LEFT_BOUND = r"(?<![\w-])"


def _literal_first(pattern: str) -> str:
    """``(?<![\\w-])x…`` as ``x(?<![\\w-]x)…``: the same matches (the look-behind, taken after
    the first character, tests the character before it), but a pattern that starts with a
    literal is searched for that character instead of being tried at every position."""
    if not pattern.startswith(LEFT_BOUND) or len(pattern) <= len(LEFT_BOUND):
        return pattern
    first = pattern[len(LEFT_BOUND)]
    if not (first.isalnum() or first == "_"):
        return pattern
    return f"{first}(?<![\\w-]{first}){pattern[len(LEFT_BOUND) + 1:]}"


def _bounded(entry: Entry) -> str:
    """The entry as a regex, with word boundaries at edges that are word characters."""
    if entry.is_pattern:
        return rf"(?<![\w-])(?:{entry.phrase})(?![\w-])"
    body = r"\s+".join(re.escape(word) for word in entry.phrase.split())
    before = r"(?<![\w-])" if re.match(r"\w", entry.phrase) else ""
    after = r"(?![\w-])" if re.search(r"\w$", entry.phrase) else ""
    return before + body + after


def _entry(item: Any, where: str, flags: int = 0) -> Entry:
    if isinstance(item, str):
        item = {"phrase": item}
    if not isinstance(item, dict) or not (isinstance(item.get("phrase"), str) or isinstance(item.get("pattern"), str)):
        raise RuleFileError(f"{where}: must be a string or a mapping with 'phrase' or 'pattern'")
    if "phrase" in item and "pattern" in item:
        raise RuleFileError(f"{where}: give either 'phrase' or 'pattern', not both")
    _check_keys(item, {"phrase", "pattern", "suggestion", "german", "note", "unless", "context", "document_context"}, where)
    for key in ("unless", "context", "document_context"):
        if not isinstance(item.get(key, []), list):
            raise RuleFileError(f"{where}.{key}: must be a list of regular expressions")
    unless = tuple(compile_regex(u, f"{where}.unless") for u in item.get("unless", []))
    context = tuple(compile_regex(c, f"{where}.context") for c in item.get("context", []))
    document = _document_cues(item.get("document_context", []), f"{where}.document_context")
    is_pattern = "pattern" in item
    text = item["pattern"] if is_pattern else item["phrase"]
    if is_pattern:
        regex = compile_regex(text, f"{where}.pattern", flags)
        if regex.groupindex:
            raise RuleFileError(f"{where}.pattern: named groups are not allowed in an entry pattern")
    return Entry(text, item.get("suggestion"), item.get("german"), item.get("note"), unless, context, is_pattern, document)


def _of_genre(ctx: Context, cues: tuple[Cue, ...]) -> bool:
    """True when one of the cue regexes matches often enough in the whole document."""
    for cue in cues:
        count, per_1000 = genre_cues.density(ctx, cue)
        if count >= DOCUMENT_CUES and per_1000 >= cue.per_1000:
            return True
    return False


def _document_cues(items: Any, where: str) -> tuple[Cue, ...]:
    """``document_context`` items: a regex, or ``{cues: regex, per_1000: number}``."""
    cues = []
    for i, item in enumerate(items):
        if isinstance(item, dict):
            _check_keys(item, {"cues", "per_1000"}, f"{where}[{i}]")
            least = item.get("per_1000", DOCUMENT_CUES_PER_1000)
            if not isinstance(least, (int, float)) or least < 0:
                raise RuleFileError(f"{where}[{i}].per_1000: must be a number >= 0")
            cues.append(Cue(compile_regex(item.get("cues"), f"{where}[{i}].cues"), float(least)))
        else:
            cues.append(Cue(compile_regex(item, f"{where}[{i}]"), DOCUMENT_CUES_PER_1000))
    return tuple(cues)


def _match_case(found: str, suggestion: str | None) -> str | None:
    """Capitalise the suggestion when the found text starts with a capital, unless it is
    an acronym written in capitals throughout (``KW``: its capitals say nothing of the
    sentence)."""
    acronym = len(found) > 1 and found.isupper() and found.isalpha()
    if suggestion and found[:1].isupper() and not acronym and suggestion[:1].islower():
        return suggestion[0].upper() + suggestion[1:]
    return suggestion


def _blocked(ctx: Context, start: int, end: int, unless: tuple[re.Pattern, ...]) -> bool:
    """True when one of the regexes matches text overlapping [start, end) on its line (on a
    line longer than ``LINE_REACH`` either side, in the stretch of it around the match, read
    as a line of its own so that ``^`` and ``$`` hold at its ends)."""
    line_start, line_end, cut = line_around(ctx.text, start)
    line_end = max(line_end, end)
    text, base = (ctx.text[line_start:line_end], line_start) if cut else (ctx.text, 0)
    for regex in unless:
        for m in regex.finditer(text, line_start - base, line_end - base):
            if base + m.start() < end and base + m.end() > start:
                return True
    return False


def _check_keys(cfg: dict, allowed: set[str], where: str) -> None:
    unknown = set(cfg) - allowed
    if unknown:
        raise RuleFileError(f"{where}.{sorted(unknown)[0]}: unknown field")


def phrases_from_config(cfg: dict[str, Any], where: str, lexicons: dict[str, list]) -> PhraseMatcher:
    """Build a phrases matcher from inline ``phrases`` or a shared ``lexicon``."""
    _check_keys(cfg, {"kind", "phrases", "lexicon", "ignore_case", "unless"}, where)
    if "lexicon" in cfg:
        name = cfg["lexicon"]
        if name not in lexicons:
            raise RuleFileError(f"{where}.lexicon: no lexicon named {name!r} in rules/lexicons/")
        raw = lexicons[name]
    else:
        raw = cfg.get("phrases")
    return PhraseMatcher.from_entries(raw, cfg.get("ignore_case", True), f"{where}.phrases")


def swap_from_config(cfg: dict[str, Any], where: str) -> PhraseMatcher:
    """A swap table: each wrong form is replaced by exactly one right form."""
    _check_keys(cfg, {"kind", "swap", "ignore_case", "unless"}, where)
    table = cfg.get("swap")
    if not isinstance(table, dict) or not table:
        raise RuleFileError(f"{where}.swap: must be a non-empty mapping of wrong form to right form")
    raw = [{"phrase": str(k), "suggestion": str(v)} for k, v in table.items()]
    return PhraseMatcher.from_entries(raw, cfg.get("ignore_case", False), f"{where}.swap")


def blocked_by(ctx: Context, match: Match, unless: tuple[re.Pattern, ...]) -> bool:
    """Rule-level antipatterns: drop a match they overlap."""
    return _blocked(ctx, match.start, match.end, unless)
