"""Whole-line boilerplate: lines that are nothing but a known piece of web page furniture.

A rule lists the line shapes as regular expressions (``lines``; ``follow`` lists shapes
that count only after a matched line, such as a banner's "OK" button), which may use named
fragments from ``define`` as ``<<name>>`` (a define may use earlier ones); a line is reported only
when one of them matches the WHOLE line, so a sentence that merely mentions "comment" or
"advertisement" is never touched (a separator or stripped icon in front, "| 3 min read", is allowed). ``requires`` (optional) lists strings of which one
must occur in the text for the rule to run at all: a cheap filter for rare shapes. Consecutive matching lines (blank lines between them
allowed) form one block, and the fix deletes the block with the blank lines after it.
A block is looked for only at the lines that may start one (``openers``): a line holding a
shape's literal, tried against that shape, and a line the shapes without a literal match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.detectors.repeated import lower_contains
from transcheck.errors import RuleFileError
from transcheck.models import Match
from transcheck.rules import prefilter
from transcheck.rules.matchers import Scanner, TriesScanners, compile_regex, line_block_span


def block_regex(lines: list[str], follow: list[str], flags: int) -> re.Pattern:
    """One regex for a run of whole lines, each matching one of ``lines`` (or, after the
    first line, one of ``follow``: button labels such as "OK" that count only there).

    The regex starts with the newline before the block (a literal, which ``re`` finds
    fast); ``line_blocks`` matches the first line of the text separately.
    """
    line = _whole_line(lines)
    more = _whole_line(lines + follow)
    return re.compile(r"\n" + line + r"(?:\n+" + more + r")*", flags | re.MULTILINE)


# A separator or icon left in front of a widget line when its icon was stripped ("| 3 min read").
LEAD_SEPARATOR = r"(?:[|•·▶►▸][\ufe0e\ufe0f]?[ \t]*)?"


def _whole_line(shapes: list[str]) -> str:
    return r"[ \t]*" + LEAD_SEPARATOR + "(?:" + "|".join(f"(?:{x})" for x in shapes) + r")[ \t]*:?[ \t]*$"


@lru_cache(maxsize=None)
def first_line(regex: re.Pattern) -> re.Pattern:
    """``regex`` (which starts with the newline before a line) without that newline: it
    matches the text's first line at offset 0, with no copy of the text made for it."""
    assert regex.pattern.startswith(r"\n")
    return re.compile(regex.pattern[2:], regex.flags)


def line_matches(regex: re.Pattern, text: str, first_regex: re.Pattern | None = None) -> Iterator[tuple[re.Match, int, int]]:
    """Each match of ``regex`` (which starts with the newline before a line) as ``finditer``
    finds it in the text with a newline in front, so line 1 counts too: (match, start of
    its line, its end) in ``text``. ``first_regex`` is ``first_line(regex)`` when the caller
    holds it (a rule built with it has it in the rule cache, compiled)."""
    first = (first_regex or first_line(regex)).match(text)
    end = 0
    if first:
        end = first.end()
        yield first, 0, end
    for m in regex.finditer(text, end):
        yield m, m.start() + 1, m.end()


def line_blocks(regex: re.Pattern, ctx: Context, first_regex: re.Pattern | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of each block of ``regex`` (built by ``block_regex``), lines only."""
    for _, start, end in line_matches(regex, ctx.text, first_regex):
        yield start, end


def openers(lines: list[str], flags: int) -> tuple[Scanner, ...] | None:
    """Scanners for the lines a block may start with: one for each shape that holds a
    literal (found in the engine's one pass for all rules' literals, then tried in those
    lines only: a line is tried against the few shapes whose literal it holds, not all)
    and, beside them, one that scans every line for the shapes that hold none. None when
    no shape holds a literal: the block regex scans every line itself."""
    scanners, plain = [], []
    for shape in lines:
        found = prefilter.literal_triggers(shape, flags)
        if found:
            scanners.append(Scanner.build(_opener([shape], flags), triggers=list(found)))
        else:
            plain.append(shape)
    if not scanners:
        return None
    if plain:
        scanners.append(Scanner.build(_opener(plain, flags), triggers=[]))
    return tuple(scanners)


def _opener(shapes: list[str], flags: int) -> re.Pattern:
    return re.compile("^" + _whole_line(shapes), flags | re.MULTILINE)


def expand_defines(lines: list[str], define: dict, where: str, key: str = "lines") -> list[str]:
    """Replace ``<<name>>`` in ``lines`` with the named fragments of ``define``."""
    if not isinstance(define, dict) or not all(isinstance(v, str) for v in define.values()):
        raise RuleFileError(f"{where}.define: must map names to regular-expression fragments")
    done: dict[str, str] = {}
    for name, fragment in define.items():
        done[name] = _substitute(fragment, done)
    out = [_substitute(line, done) for line in lines]
    for i, line in enumerate(out):
        left = UNDEFINED.search(line)
        if left:
            raise RuleFileError(f"{where}.{key}[{i}]: undefined fragment <<{left.group(1)}>>")
    return out


UNDEFINED = re.compile(r"<<(\w+)>>")


def _substitute(source: str, define: dict[str, str]) -> str:
    return UNDEFINED.sub(lambda m: f"(?:{define[m.group(1)]})" if m.group(1) in define else m.group(), source)


def _shapes(options: dict, key: str, where: str, required: bool) -> list[str]:
    """The validated, define-expanded list of line regexes under ``key``."""
    shapes = options.get(key, [])
    if not isinstance(shapes, list) or (required and not shapes) or not all(isinstance(x, str) and x for x in shapes):
        raise RuleFileError(f"{where}.{key}: must be a non-empty list of regular expressions")
    shapes = expand_defines(shapes, options.get("define") or {}, where, key)
    for i, source in enumerate(shapes):
        compile_regex(source, f"{where}.{key}[{i}]")
    return shapes


@detector("boilerplate-lines")
@dataclass
class BoilerplateLines(TriesScanners):
    """Blocks of lines that each match one of the configured line shapes."""

    regex: re.Pattern
    requires: tuple[str, ...] = ()
    ignore_case: bool = True
    # ``first_line(regex)``, built with the rule so that the rule cache holds it compiled
    # (compiled on a run's first text it cost 0.07 s of a one-line check).
    first: re.Pattern | None = field(default=None, repr=False, compare=False)
    # Where a block may start (see ``openers``); None: the block regex scans every line.
    starts: tuple[Scanner, ...] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.first is None:
            self.first = first_line(self.regex)

    @classmethod
    def from_options(cls, options: dict, where: str) -> "BoilerplateLines":
        unknown = set(options) - {"lines", "follow", "ignore_case", "define", "requires"}
        if unknown:
            raise RuleFileError(f"{where}.{sorted(unknown)[0]}: unknown option")
        lines = _shapes(options, "lines", where, required=True)
        follow = _shapes(options, "follow", where, required=False)
        ignore_case = bool(options.get("ignore_case", True))
        requires = options.get("requires", [])
        if not isinstance(requires, list) or not all(isinstance(r, str) and r for r in requires):
            raise RuleFileError(f"{where}.requires: must be a list of strings")
        requires = tuple(r.lower() for r in requires) if ignore_case else tuple(requires)
        flags = re.IGNORECASE if ignore_case else 0
        regex = block_regex(lines, follow, flags)
        return cls(regex, requires, ignore_case, first_line(regex), openers(lines, flags))

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        if self.requires:
            found = lower_contains(ctx, self.requires) if self.ignore_case else any(r in text for r in self.requires)
            if not found:
                return
        for start, end in self.blocks(ctx):
            fs, fe = line_block_span(text, start, end)
            while text[start] in " \t":
                start += 1
            yield Match(start, end, "", fs, fe, suggestion="delete")

    def blocks(self, ctx: Context) -> Iterator[tuple[int, int]]:
        """(start, end) of each block: the block regex tried where a block may start, in
        order, each past the end of the block before (as ``finditer`` finds them)."""
        if self.starts is None:
            yield from line_blocks(self.regex, ctx, self.first)
            return
        text, end, starts = ctx.text, 0, self.starts
        for start in sorted({m.start() for i in self._to_try(ctx, starts) for m in starts[i].finditer(ctx)}):
            if start >= end:
                found = self.regex.match(text, start - 1) if start else self.first.match(text)
                if found:
                    end = found.end()
                    yield start, end
