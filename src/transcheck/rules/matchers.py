"""The data-driven matcher kinds: pattern, phrases (lexicon) and swap."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from transcheck.context import Context
from transcheck.errors import RuleFileError
from transcheck.models import Match


class Matcher(Protocol):
    """Anything that finds matches in a document."""

    def find(self, ctx: Context) -> Iterable[Match]: ...


def compile_regex(source: Any, where: str, flags: int = 0) -> re.Pattern:
    """Compile a regex from a rule file, naming the file and field when it is invalid."""
    if not isinstance(source, str) or not source:
        raise RuleFileError(f"{where}: must be a non-empty regular expression string")
    try:
        return re.compile(source, flags | re.MULTILINE)
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


@dataclass
class PatternMatcher:
    """A regular expression; ``group`` is the reported span, ``replacement`` its fix.

    With a ``trigger`` (a fast regex, led by a literal or a small character set), the
    pattern runs only on the lines where the trigger matches: most lines are skipped at
    the speed of a literal search.
    """

    regex: re.Pattern
    group: int | str = 0
    replacement: str | None = None
    delete_lines: bool = False
    trigger: re.Pattern | None = None

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
        trigger = compile_regex(cfg["trigger"], f"{where}.trigger", flags) if "trigger" in cfg else None
        return cls(regex, group, cfg.get("replacement"), delete == "lines", trigger)

    def _windows(self, text: str) -> Iterator[tuple[int, int]]:
        """The whole text, or each line where the trigger matches."""
        if self.trigger is None:
            yield 0, len(text)
            return
        pos = 0
        for hit in self.trigger.finditer(text):
            if hit.start() < pos:
                continue
            start = text.rfind("\n", 0, hit.start()) + 1
            end = text.find("\n", hit.end())
            end = len(text) if end == -1 else end
            yield start, end
            pos = end

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        for window_start, window_end in self._windows(text):
            for m in self.regex.finditer(text, window_start, window_end):
                yield from self._match(text, m)

    def _match(self, text: str, m: re.Match) -> Iterator[Match]:
        start, end = m.span(self.group)
        if start == end == -1:
            return
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
    phrase on its line; ``context`` requires that one of its regexes does.
    """

    phrase: str
    suggestion: str | None
    german: str | None
    note: str | None
    unless: tuple[re.Pattern, ...]
    context: tuple[re.Pattern, ...] = ()
    is_pattern: bool = False


def trie_pattern(phrases: Iterable[str]) -> str:
    """A prefix-factored alternation for literal phrases (fast to match, one pass)."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_node(trie)


def _trie_node(node: dict) -> str:
    alternatives = [(r"\s+" if ch == " " else re.escape(ch)) + _trie_node(child) for ch, child in sorted(node.items()) if ch]
    if not alternatives:
        return ""
    optional = "" in node
    if len(alternatives) == 1 and not optional:
        return alternatives[0]
    group = "(?:" + "|".join(alternatives) + ")"
    return group + "?" if optional else group


def bounded_alternation(phrases: Iterable[str]) -> str:
    """One regex for all phrases; word boundaries only at edges that are word characters."""
    groups: dict[tuple[bool, bool], list[str]] = {}
    for phrase in phrases:
        key = (bool(re.match(r"\w", phrase)), bool(re.search(r"\w$", phrase)))
        groups.setdefault(key, []).append(phrase)
    parts = []
    for (word_start, word_end), members in sorted(groups.items(), reverse=True):
        before = r"(?<![\w-])" if word_start else ""
        after = r"(?![\w-])" if word_end else ""
        parts.append(before + "(?:" + trie_pattern(members) + ")" + after)
    return "|".join(parts)


def normalise_phrase(text: str, ignore_case: bool) -> str:
    text = " ".join(text.split())
    return text.lower() if ignore_case else text


@dataclass
class PhraseMatcher:
    """Literal phrases and regex entries matched in one pass, each with its own suggestion.

    Each entry needs certain words (every word of a literal phrase, the literal words of
    a regex entry); only the entries whose words all occur in the document are compiled
    into the regex that scans it, so a large lexicon costs little on a text it does not touch.
    """

    entries: list[Entry]
    ignore_case: bool
    needs: list[frozenset[str]]
    _compiled: dict[tuple[int, ...], tuple[re.Pattern, dict[str, Entry]]] = field(default_factory=dict, repr=False)

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
        needs = [frozenset(required_words(e.phrase, e.is_pattern)) for e in entries]
        matcher = cls(entries, ignore_case, needs)
        matcher._regex(tuple(range(len(entries))))  # compile everything once: errors surface at load
        return matcher

    def _regex(self, active: tuple[int, ...]) -> tuple[re.Pattern, dict[str, Entry]]:
        """The regex for a subset of entries (cached), and its literal entries by key."""
        if active not in self._compiled:
            literals = {normalise_phrase(self.entries[i].phrase, self.ignore_case): self.entries[i] for i in active if not self.entries[i].is_pattern}
            # Regex entries first (each a named group: they are the more specific), then the literal trie.
            alternatives = [
                rf"(?<![\w-])(?P<_p{i}>{self.entries[i].phrase})(?![\w-])" for i in active if self.entries[i].is_pattern
            ]
            alternatives += [bounded_alternation(literals)] if literals else []
            flags = re.IGNORECASE if self.ignore_case else 0
            self._compiled[active] = (re.compile("|".join(alternatives), flags), literals)
        return self._compiled[active]

    def find(self, ctx: Context) -> Iterator[Match]:
        vocabulary = ctx.lower_vocabulary
        active = tuple(i for i, need in enumerate(self.needs) if need <= vocabulary)
        if not active:
            return
        regex, literals = self._regex(active)
        for m in regex.finditer(ctx.text):
            name = m.lastgroup
            if name and name.startswith("_p"):
                entry = self.entries[int(name[2:])]
            else:
                entry = literals[normalise_phrase(m.group(), self.ignore_case)]
            start, end = m.span()
            if entry.unless and _blocked(ctx, start, end, entry.unless):
                continue
            if entry.context and not _blocked(ctx, start, end, entry.context):
                continue
            detail = entry.note or (f"German: {entry.german}" if entry.german else None)
            yield Match(start, end, _match_case(m.group(), entry.suggestion), detail=detail)


MIN_NEEDED_WORD = 3


def required_words(source: str, is_pattern: bool) -> set[str]:
    """Lower-case words (3+ letters) that every match of a phrase or entry regex contains."""
    if not is_pattern:
        return {w for w in re.findall(r"[^\W\d_]+", source.lower()) if len(w) >= MIN_NEEDED_WORD}
    return {w.lower() for w in _literal_runs(source) if len(w) >= MIN_NEEDED_WORD}


def _literal_runs(pattern: str) -> list[str]:
    """Whole words spelled out at the top level of a regex: letter runs outside groups
    and classes, bounded by the pattern's ends, spaces or ``\\s``/``\\b``, and not made
    optional by a quantifier. Conservative: a top-level alternation requires nothing."""
    items: list[str] = []  # "w:<letters>", "sep", or "other"
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            items.append("sep" if pattern[i + 1 : i + 2] in ("s", "b") else "other")
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
            items.append("other")
        elif ch == "[":
            in_class = True
            items.append("other")
        elif ch in "()":
            depth += 1 if ch == "(" else -1
            items.append("other")
        elif ch == "|" and depth == 0:
            return []
        elif depth == 0 and ch.isalpha():
            if items and items[-1].startswith("w:"):
                items[-1] += ch
            else:
                items.append("w:" + ch)
        elif ch == " " and depth == 0:
            items.append("sep")
        elif ch == "+" and items and items[-1] == "sep":
            pass  # \s+ is still a separator
        else:
            items.append("other")
        i += 1
    items = ["sep"] + items + ["sep"]
    return [
        items[k][2:]
        for k in range(1, len(items) - 1)
        if items[k].startswith("w:") and items[k - 1] == "sep" and items[k + 1] == "sep"
    ]


def _entry(item: Any, where: str, flags: int = 0) -> Entry:
    if isinstance(item, str):
        item = {"phrase": item}
    if not isinstance(item, dict) or not (isinstance(item.get("phrase"), str) or isinstance(item.get("pattern"), str)):
        raise RuleFileError(f"{where}: must be a string or a mapping with 'phrase' or 'pattern'")
    if "phrase" in item and "pattern" in item:
        raise RuleFileError(f"{where}: give either 'phrase' or 'pattern', not both")
    _check_keys(item, {"phrase", "pattern", "suggestion", "german", "note", "unless", "context"}, where)
    for key in ("unless", "context"):
        if not isinstance(item.get(key, []), list):
            raise RuleFileError(f"{where}.{key}: must be a list of regular expressions")
    unless = tuple(compile_regex(u, f"{where}.unless") for u in item.get("unless", []))
    context = tuple(compile_regex(c, f"{where}.context") for c in item.get("context", []))
    is_pattern = "pattern" in item
    text = item["pattern"] if is_pattern else item["phrase"]
    if is_pattern:
        regex = compile_regex(text, f"{where}.pattern", flags)
        if regex.groupindex:
            raise RuleFileError(f"{where}.pattern: named groups are not allowed in an entry pattern")
    return Entry(text, item.get("suggestion"), item.get("german"), item.get("note"), unless, context, is_pattern)


def _match_case(found: str, suggestion: str | None) -> str | None:
    """Capitalise the suggestion when the found text starts with a capital."""
    if suggestion and found[:1].isupper() and suggestion[:1].islower():
        return suggestion[0].upper() + suggestion[1:]
    return suggestion


def _blocked(ctx: Context, start: int, end: int, unless: tuple[re.Pattern, ...]) -> bool:
    """True when one of the regexes matches text overlapping [start, end) on its line."""
    line_start, line_end = ctx.line_span(start)
    line_end = max(line_end, end)
    for regex in unless:
        for m in regex.finditer(ctx.text, line_start, line_end):
            if m.start() < end and m.end() > start:
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
