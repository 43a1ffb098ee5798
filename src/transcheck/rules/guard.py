"""Regular expressions that cannot hang a run.

Python's backtracking engine takes exponential time on ambiguous nested repetition
(``(a+)+$``, ``(a|aa)+$``). When a rule's pattern is loaded it is analysed once: a pattern
whose repetitions are not nested and hold no alternation (a bounded repetition of at most
four turns may) and whose back-references, if any, stand outside repetitions and refer to
groups of a fixed width (``([.,;])\1``: a comparison of that many characters) runs on
``re`` as written; any other runs on the ``regex`` module (the same syntax and semantics,
with guards against repeated backtracking) under a time budget per call. A call that
exceeds the budget raises PatternTimeout, which the engine reports with the rule file
and the input file (exit 2).
"""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse
import sys
from collections.abc import Callable, Iterator


from transcheck.errors import TranscheckError

BUDGET_SECONDS = 2.0  # per call, plus BUDGET_PER_MB for each megabyte searched
BUDGET_PER_MB = 2.0
MAX_SAFE_COUNT = 4  # a repetition of at most this many turns nests only polynomially (n**4 on one line)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


class PatternTimeout(TranscheckError):
    """A guarded pattern ran over its time budget."""


def _risky(items, widths: list, under_repeat: bool = False) -> bool:
    """True when repetition nests, alternation repeats, or the pattern refers back to a
    group inside a repetition, or to one whose width varies (``widths``: by group number,
    the least and most characters each group matches)."""
    for op, arg in items:
        if op in _REPEATS:
            low, high, body = arg
            if under_repeat and high > 1:
                return True
            if _risky(body, widths, under_repeat or high > MAX_SAFE_COUNT):
                return True
        elif op is sre.BRANCH:
            if under_repeat or any(_risky(branch, widths, under_repeat) for branch in arg[1]):
                return True
        elif op is sre.GROUPREF:
            low, high = widths[arg]
            if under_repeat or low != high:
                return True
        elif op is sre.GROUPREF_EXISTS:
            return True
        elif op is sre.SUBPATTERN:
            if _risky(arg[-1], widths, under_repeat):
                return True
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            if _risky(arg[1], widths, under_repeat):
                return True
        elif op is sre.ATOMIC_GROUP:
            if _risky(arg, widths, under_repeat):
                return True
    return False


def needs_guard(source: str, flags: int = 0) -> bool:
    """Whether a pattern can backtrack catastrophically (so it must run under a budget)."""
    parsed = sre_parse.parse(source, flags)
    return _risky(parsed, parsed.state.groupwidths)


class GuardedPattern:
    """A pattern with the ``re.Pattern`` interface the engine uses, run by ``regex`` under a budget."""

    def __init__(self, compiled: re.Pattern) -> None:
        import regex  # here, not at import: a run whose rules come from the cache may never need it

        self._re = compiled
        self._regex = regex.compile(compiled.pattern, _regex_flags(compiled.flags))
        self.pattern, self.flags = compiled.pattern, compiled.flags
        self.groups, self.groupindex = compiled.groups, compiled.groupindex

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator:
        stop = min(endpos, len(text))
        try:
            yield from self._regex.finditer(text, pos, stop, timeout=_budget(stop - pos))
        except TimeoutError:
            raise PatternTimeout(f"pattern {self.pattern!r} ran over its time budget") from None

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return self._within_budget(self._regex.search, text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return self._within_budget(self._regex.match, text, pos, endpos)

    def _within_budget(self, method: Callable, text: str, pos: int, endpos: int):
        """``method(text, pos, endpos)`` of the ``regex`` pattern, stopped at its time budget."""
        stop = min(endpos, len(text))
        try:
            return method(text, pos, stop, timeout=_budget(stop - pos))
        except TimeoutError:
            raise PatternTimeout(f"pattern {self.pattern!r} ran over its time budget") from None

    def __repr__(self) -> str:
        return f"GuardedPattern({self.pattern!r})"


def _budget(length: int) -> float:
    return BUDGET_SECONDS + BUDGET_PER_MB * length / 1_000_000


def _regex_flags(flags: int) -> int:
    import regex

    out = regex.VERSION0
    for plain, guarded in ((re.IGNORECASE, regex.IGNORECASE), (re.MULTILINE, regex.MULTILINE),
                           (re.DOTALL, regex.DOTALL), (re.VERBOSE, regex.VERBOSE), (re.ASCII, regex.ASCII)):
        if flags & plain:
            out |= guarded
    return out


def compile_safe(source: str, flags: int = 0) -> re.Pattern | GuardedPattern:
    """``re.compile`` for patterns that cannot hang; a GuardedPattern for the others."""
    compiled = re.compile(source, flags)
    return GuardedPattern(compiled) if needs_guard(source, flags) else compiled
