"""Apply fixes to text: non-overlapping edits, repeated until nothing changes."""

from __future__ import annotations

from collections.abc import Iterable

from transcheck.models import Finding, Fix, Safety


def choose(fixes: Iterable[Fix]) -> list[Fix]:
    """A deterministic non-overlapping subset: earliest first, then the wider edit."""
    chosen: list[Fix] = []
    last_end = -1
    for fix in sorted(set(fixes), key=lambda f: (f.start, -(f.end - f.start), f.replacement)):
        if fix.start >= last_end or (fix.start == fix.end == last_end):
            chosen.append(fix)
            last_end = max(last_end, fix.end)
    return chosen


def apply(text: str, fixes: Iterable[Fix]) -> str:
    """Apply the chosen non-overlapping fixes to ``text``."""
    parts = []
    pos = 0
    for fix in choose(fixes):
        parts.append(text[pos : fix.start])
        parts.append(fix.replacement)
        pos = fix.end
    parts.append(text[pos:])
    return "".join(parts)


def fixes_of(findings: Iterable[Finding], unsafe: bool = False) -> list[Fix]:
    """The fixes of ``findings`` that the safety level allows."""
    return [f.fix for f in findings if f.fix is not None and (unsafe or f.fix.safety is Safety.SAFE)]
