"""Inline suppressions, and the meta rule TC000 that reports the ones that suppressed nothing.

In any file (Markdown, HTML, plain text)::

    <!-- transcheck-disable TC101,quotes -->   ... a region, up to the matching enable or the end
    <!-- transcheck-enable TC101 -->
    <!-- transcheck-disable-next-line TC101 --> the line below only
    Dhe minister spoke. [transcheck: ignore TC101]   this line only (the plain-text marker)

RULE is a rule id, alias, name or family, or ``all``; no RULE means all. Findings that
overlap a directive itself are dropped, so rules never flag the comments, and rules see
a line holding only a directive as an empty line (as CommonMark ends a paragraph at an
HTML comment), so a directive above a paragraph does not change what the rules find.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import Protocol

from transcheck.documents import Document
from transcheck.models import Category, Finding, Severity

META_ID = "TC000"
META_NAME = "unused-suppression"
META_FAMILY = "meta"
META_KEYS = frozenset({META_ID, META_NAME, META_FAMILY})
META_WHY = (
    "A suppression comment that suppresses nothing hides no problem today but will silently hide a "
    "new one tomorrow, and usually means the text was fixed or the rule was renamed: remove it."
)
DIRECTIVE_RE = re.compile(
    r"<!--\s*transcheck-(?P<kind>disable-next-line|disable|enable)(?=\s|-->)(?P<keys>[^>]*?)\s*-->"
    r"|\[transcheck:\s*(?P<mark>ignore)(?P<mark_keys>[^\]]*)\]"
)
ALL = "all"
DIRECTIVE_LINE_RE = re.compile(r"^[ \t]*(?:<!--\s*transcheck-[a-z-]+[^>]*?-->[ \t]*)+$", re.MULTILINE)


@dataclass(frozen=True)
class Masked:
    """A copy of a document with directive-only lines emptied, and the way back to the original."""

    original: Document
    doc: Document
    cuts: tuple[int, ...]  # masked offsets where a line was emptied
    shifts: tuple[int, ...]  # characters removed up to and including each cut

    def _offset(self, masked: int) -> int:
        i = bisect_right(self.cuts, masked)
        return self.original.file_offset(masked + (self.shifts[i - 1] if i else 0))

    def restore(self, findings: list[Finding]) -> list[Finding]:
        """Findings on the masked copy, moved to the original's offsets (lines and columns agree)."""
        out = []
        for f in findings:
            fix = f.fix and replace(f.fix, start=self._offset(f.fix.start), end=self._offset(f.fix.end))
            out.append(replace(f, path=self.original.path, start=self._offset(f.start), end=self._offset(f.end), fix=fix))
        return out


def mask(doc: Document) -> Masked | None:
    """The document with each line holding only directives made empty; None when there is none."""
    if "transcheck-" not in doc.text:
        return None
    parts, cuts, shifts = [], [], []
    pos = removed = 0
    for m in DIRECTIVE_LINE_RE.finditer(doc.text):
        parts.append(doc.text[pos : m.start()])
        cuts.append(m.start() - removed)  # where the emptied line sits in the masked text
        removed += m.end() - m.start()
        shifts.append(removed)
        pos = m.end()
    if not cuts:
        return None
    parts.append(doc.text[pos:])
    return Masked(doc, Document.from_text(doc.path, "".join(parts)), tuple(cuts), tuple(shifts))


@dataclass
class Suppression:
    """A directive: for each rule key it names (``all`` for every rule) the lines it covers."""

    lines: dict[str, list[int]]  # key -> [first line, last line]
    start: int  # offsets of the directive in the document text
    end: int
    used: set[str] = field(default_factory=set)

    def keys_at(self, line: int) -> list[str]:
        return [k for k, (first, last) in self.lines.items() if first <= line <= last]


def _keys(raw: str) -> tuple[str, ...]:
    keys = tuple(k for k in re.split(r"[\s,]+", raw.strip()) if k)
    return (ALL,) if not keys or any(k.lower() == ALL for k in keys) else keys


def parse(doc: Document) -> tuple[list[Suppression], list[tuple[int, int]]]:
    """The suppressions of a document, and the (start, end) text spans of every directive."""
    out: list[Suppression] = []
    spans: list[tuple[int, int]] = []
    last_line = doc.text.count("\n") + 1
    for m in DIRECTIVE_RE.finditer(doc.text):
        spans.append(m.span())
        line = doc.position(m.start())[0]
        kind = m.group("kind") or "line"
        keys = _keys(m.group("keys") if m.group("kind") else m.group("mark_keys"))
        if kind == "enable":
            _close(out, keys, line)
            continue
        first, last = {"line": (line, line), "disable-next-line": (line + 1, line + 1)}.get(kind, (line, last_line))
        out.append(Suppression({k: [first, last] for k in keys}, *m.span()))
    return out, spans


def _close(suppressions: list[Suppression], keys: tuple[str, ...], line: int) -> None:
    """``transcheck-enable KEYS``: end the open regions of those keys (all of them for ``all``)."""
    for s in suppressions:
        for key, span in s.lines.items():
            if span[0] < line < span[1] and (ALL in keys or key in keys):
                span[1] = line


class RuleIndex(Protocol):
    """What suppressions need to know about rule keys (runner.Checker provides it)."""

    def resolve(self, key: str) -> frozenset[str]: ...  # ids of the loaded rules a key names

    def matches(self, key: str, finding: Finding) -> bool: ...

    def known(self, key: str) -> bool: ...


def apply(
    doc: Document, findings: list[Finding], rules: RuleIndex, active: frozenset[str], report_unused: bool
) -> tuple[list[Finding], int]:
    """Drop suppressed findings; add TC000 findings for unused suppressions.

    ``active`` holds the ids of the rules that ran, so a suppression of a rule that did
    not run is not called unused. Returns the kept findings and the number suppressed.
    """
    if "transcheck" not in doc.text:
        return findings, 0
    suppressions, spans = parse(doc)
    if not spans:
        return findings, 0
    directives = [(doc.file_offset(s), doc.file_offset(e)) for s, e in spans]
    kept: list[Finding] = []
    suppressed = 0
    for f in findings:
        if any(f.start < e and f.end > s for s, e in directives):
            continue
        if _suppress(f, suppressions, rules):
            suppressed += 1
        else:
            kept.append(f)
    if report_unused:
        kept.extend(_unused(doc, suppressions, rules, active))
        kept.sort(key=Finding.sort_key)
    return kept, suppressed


def _suppress(f: Finding, suppressions: list[Suppression], rules: RuleIndex) -> bool:
    """True when a suppression covers ``f``; marks every key that did."""
    hit = False
    for s in suppressions:
        for key in s.keys_at(f.line):
            if key == ALL or rules.matches(key, f):
                s.used.add(key)
                hit = True
    return hit


def _unused(doc: Document, suppressions: list[Suppression], rules: RuleIndex, active: frozenset[str]) -> list[Finding]:
    out = []
    for s in suppressions:
        for key in s.lines:
            if key in s.used:
                continue
            if key != ALL and not rules.known(key):
                out.append(_meta(doc, s, f"suppression names unknown rule {key!r}"))
            elif key == ALL or rules.resolve(key) & active:
                out.append(_meta(doc, s, f"suppression of {key} suppressed nothing; remove it"))
    return out


def _meta(doc: Document, s: Suppression, message: str) -> Finding:
    return Finding(
        path=doc.path,
        rule=META_ID,
        name=META_NAME,
        family=META_FAMILY,
        category=Category.STYLE,
        severity=Severity.MINOR,
        message=message,
        **doc.locate(s.start, s.end),
    )
