"""Turn LanguageTool matches into transcheck Findings, and merge them with transcheck's own."""

from __future__ import annotations

from transcheck.documents import Document
from transcheck.languagetool.profile import Profile
from transcheck.models import Finding, Fix, Safety

FAMILY = "languagetool"


def _fix(doc: Document, start: int, end: int, replacements: list[str]) -> Fix | None:
    """LT's first suggestion as an unsafe fix, in file offsets like the finding's."""
    if not replacements:
        return None
    text = replacements[0].replace("\n", "\r\n") if doc.crlf else replacements[0]
    return Fix(doc.file_offset(start), doc.file_offset(end), text, Safety.UNSAFE)


def to_finding(doc: Document, paragraph_offset: int, match: dict, profile: Profile) -> Finding:
    """One LT match (offsets relative to its paragraph) as a Finding at exact document positions."""
    start = paragraph_offset + match["offset"]
    end = start + match["length"]
    category, severity = profile.grade(match["issue_type"], match["category"])
    replacements = match["replacements"]
    return Finding(
        path=doc.path,
        rule=f"LT:{match['rule']}",
        name=match["rule"].lower().replace("_", "-"),
        family=FAMILY,
        category=category,
        severity=severity,
        message=match["message"],
        **doc.locate(start, end),
        suggestion=" / ".join(replacements) if replacements else None,
        fix=_fix(doc, start, end, replacements),
    )


def _overlaps(a: Finding, b: Finding) -> bool:
    if a.path != b.path:
        return False
    if a.start == a.end or b.start == b.end:
        return a.start == b.start
    return a.start < b.end and b.start < a.end


def merge(own: list[Finding], lt: list[Finding]) -> list[Finding]:
    """transcheck's findings plus the LT findings that touch none of them, sorted."""
    by_path: dict[str, list[Finding]] = {}
    for f in own:
        by_path.setdefault(f.path, []).append(f)
    kept = [m for m in lt if not any(_overlaps(m, f) for f in by_path.get(m.path, ()))]
    return sorted(own + kept, key=Finding.sort_key)
