"""Apply fixes to text: non-overlapping edits, repeated until nothing changes.

Offsets of a Fix are offsets into the decoded file text (BOM excluded, CRLF kept), so
fixes apply to the raw file text and line endings survive untouched.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from transcheck.documents import BOM, Document
from transcheck.engine import check
from transcheck.models import Finding, Fix, Safety
from transcheck.rules.loader import RuleSet

MAX_ROUNDS = 10
Find = Callable[[Document], list[Finding]]
Load = Callable[[str, str], Document]  # (path, text) -> the document to check: plain text or a format


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


@dataclass(frozen=True, slots=True)
class Edit:
    """One change in the coordinates of the original text: ``original[start:end]`` became ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass
class FixResult:
    """The outcome of :func:`fix_text`."""

    original: str
    text: str
    applied: Counter = field(default_factory=Counter)  # rule id -> fixes applied
    rounds: int = 0  # rounds that changed the text
    converged: bool = True  # False: still changing when the round bound was hit (or cycling)
    held_back: int = 0  # unsafe fixes left in the final text because unsafe=False
    edits: list[Edit] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.text != self.original

    @property
    def count(self) -> int:
        return sum(self.applied.values())


def _allowed(findings: list[Finding], text: str, unsafe: bool) -> tuple[dict[Fix, str], int]:
    """Fixes the safety level allows (each credited to its first rule), and the unsafe ones held back."""
    by_fix: dict[Fix, str] = {}
    held = 0
    for finding in findings:
        fix = finding.fix
        if fix is None or text[fix.start : fix.end] == fix.replacement:
            continue
        if fix.safety is Safety.SAFE or unsafe:
            by_fix.setdefault(fix, finding.rule)
        else:
            held += 1
    return by_fix, held


def _apply_tracked(text: str, origin: list[int], fixes: list[Fix]) -> tuple[str, list[int]]:
    """Apply ``fixes`` and carry each kept character's original index along (-1 = inserted)."""
    parts: list[str] = []
    new_origin: list[int] = []
    pos = 0
    for fix in fixes:
        parts.append(text[pos : fix.start])
        new_origin.extend(origin[pos : fix.start])
        parts.append(fix.replacement)
        new_origin.extend([-1] * len(fix.replacement))
        pos = fix.end
    parts.append(text[pos:])
    new_origin.extend(origin[pos:])
    return "".join(parts), new_origin


def _edits(original_len: int, text: str, origin: list[int], shift: int) -> list[Edit]:
    """Changed regions in original coordinates, derived from the characters' origins."""
    edits: list[Edit] = []
    expected = 0
    inserted: list[str] = []
    for ch, source in zip(text, origin):
        if source == -1:
            inserted.append(ch)
            continue
        if source != expected or inserted:
            edits.append(Edit(expected + shift, source + shift, "".join(inserted)))
            inserted = []
        expected = source + 1
    if expected != original_len or inserted:
        edits.append(Edit(expected + shift, original_len + shift, "".join(inserted)))
    return edits


def fix_text(
    text: str,
    ruleset: RuleSet | None,
    locale: str = "en-US",
    unsafe: bool = False,
    max_rounds: int = MAX_ROUNDS,
    path: str = "<text>",
    find: Find | None = None,
    load: Load | None = None,
) -> FixResult:
    """Check, apply the allowed non-overlapping fixes, and repeat until nothing changes.

    ``text`` is decoded file text (a leading BOM is kept, CRLF line ends are kept). Each
    round applies a deterministic non-overlapping subset of the fixes (earliest first,
    then the wider edit); fixes left out by an overlap are found again next round.
    Stops after ``max_rounds`` changing rounds or when a text repeats (a cycle), and then
    reports ``converged=False``. ``find`` replaces the plain engine check (the shared
    pipeline passes one that applies the configuration and suppressions). ``load`` reads
    the text into a document (default plain text; ``formats.read_text`` for XLIFF, PO, ...),
    whose fixes are offsets into the text itself, so only target text changes.
    """
    run: Find = find or (lambda doc: check(doc, ruleset or RuleSet([]), locale))

    shift = 1 if text.startswith(BOM) else 0
    body = text[shift:]
    origin = list(range(len(body)))
    result = FixResult(original=text, text=text)
    seen = {body}
    while True:
        findings = run((load or Document.from_text)(path, body))
        by_fix, result.held_back = _allowed(findings, body, unsafe)
        if not by_fix:
            break
        if result.rounds >= max_rounds:
            result.converged = False
            break
        chosen = choose(by_fix)
        body, origin = _apply_tracked(body, origin, chosen)
        result.applied.update(by_fix[f] for f in chosen)
        result.rounds += 1
        if body in seen:
            result.converged = False
            break
        seen.add(body)
    result.text = text[:shift] + body
    result.edits = _edits(len(text) - shift, body, origin, shift)
    return result
