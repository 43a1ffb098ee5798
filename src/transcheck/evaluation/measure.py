"""Findings matched against annotations: recall per category, precision per rule, clean rate.

A finding matches an annotation in the same file when their spans overlap
(``s < a.end and a.start < e``, code points). Recall of a category is the share of its
annotations matched by at least one finding; precision is the share of findings on the
annotated (MT) texts that match an annotation; the clean rate is findings per 1,000 words
on native texts that match no annotation there (annotated page chrome does not count).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from transcheck.documents import Document
from transcheck.evaluation.annotations import Annotation
from transcheck.models import Finding


@dataclass(frozen=True, slots=True)
class Span:
    """A finding's span in the raw file text (the annotations' coordinates)."""

    finding: Finding
    start: int
    end: int


@dataclass
class Matched:
    """One set of texts: which annotations were found and which findings matched nothing."""

    annotations: list[Annotation] = field(default_factory=list)
    found: set[int] = field(default_factory=set)  # indexes into annotations
    findings: list[Finding] = field(default_factory=list)
    matched: list[bool] = field(default_factory=list)  # parallel to findings
    words: int = 0
    files: int = 0

    @property
    def missed(self) -> list[Annotation]:
        return [a for i, a in enumerate(self.annotations) if i not in self.found]

    @property
    def unmatched(self) -> list[Finding]:
        return [f for f, ok in zip(self.findings, self.matched) if not ok]


def raw_span(finding: Finding, doc: Document) -> Span:
    """Finding offsets exclude a BOM; annotation offsets count it."""
    shift = 1 if doc.bom else 0
    return Span(finding, finding.start + shift, finding.end + shift)


def match(documents: list[Document], findings: list[Finding], annotations: dict[str, list[Annotation]]) -> Matched:
    """Match each document's findings against its annotations."""
    result = Matched(files=len(documents))
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_path[f.path].append(f)
    for doc in documents:
        offset = len(result.annotations)
        marks = annotations.get(doc.path, [])
        result.annotations.extend(marks)
        result.words += doc.word_count
        for f in by_path.get(doc.path, []):
            span = raw_span(f, doc)
            hits = [i for i, a in enumerate(marks) if a.overlaps(span.start, span.end)]
            result.found.update(offset + i for i in hits)
            result.findings.append(f)
            result.matched.append(bool(hits))
    return result


def recall_by_category(m: Matched) -> dict[str, tuple[int, int]]:
    """category → (annotated, found), sorted by number annotated, most first."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for i, a in enumerate(m.annotations):
        counts[a.category][0] += 1
        counts[a.category][1] += i in m.found
    return {c: (n, k) for c, (n, k) in sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0]))}


def precision_by_rule(m: Matched) -> dict[str, tuple[int, int]]:
    """rule → (findings, matching an annotation), sorted by rule id."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for f, ok in zip(m.findings, m.matched):
        counts[f.rule][0] += 1
        counts[f.rule][1] += ok
    return {r: (n, k) for r, (n, k) in sorted(counts.items())}


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def rate_per_thousand(count: int, words: int) -> float:
    return 1000 * count / words if words else 0.0
