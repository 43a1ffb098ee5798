"""The figures of one evaluation run, as the JSON-ready dictionary both reports are built from."""

from __future__ import annotations

from dataclasses import dataclass

from transcheck.evaluation.annotations import Annotation
from transcheck.evaluation.measure import Matched, precision_by_rule, rate_per_thousand, ratio, recall_by_category
from transcheck.models import Finding

VERSION = 1


@dataclass
class TextSet:
    """A folder of texts that was checked, with its raw texts (annotation coordinates)."""

    folder: str
    matched: Matched
    raw: dict[str, str]  # path → raw file text
    bom: dict[str, bool]


def _position(raw: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a raw-text offset (CRLF counts as one line end)."""
    line_start = raw.rfind("\n", 0, offset) + 1
    return raw.count("\n", 0, offset) + 1, offset - line_start + 1


def _annotation(a: Annotation, texts: TextSet) -> dict:
    line, column = _position(texts.raw[a.path], a.start)
    return {"path": a.path, "line": line, "column": column, "start": a.start, "end": a.end,
            "category": a.category, "quote": a.quote, "note": a.note}


def _finding(f: Finding, texts: TextSet) -> dict:
    shift = 1 if texts.bom.get(f.path) else 0
    return {"path": f.path, "line": f.line, "column": f.column, "start": f.start + shift, "end": f.end + shift,
            "rule": f.rule, "name": f.name, "family": f.family, "severity": f.severity.label,
            "text": texts.raw[f.path][f.start + shift:f.end + shift], "message": f.message, "suggestion": f.suggestion}


def _rules(mt: Matched, clean: list[TextSet]) -> dict[str, dict]:
    names = {f.rule: (f.name, f.family) for f in mt.findings + [f for c in clean for f in c.matched.findings]}
    clean_counts: dict[str, int] = {}
    for c in clean:
        for f in c.matched.unmatched:
            clean_counts[f.rule] = clean_counts.get(f.rule, 0) + 1
    per_rule = precision_by_rule(mt)
    out = {}
    for rule in sorted(names):
        n, k = per_rule.get(rule, (0, 0))
        out[rule] = {"name": names[rule][0], "family": names[rule][1], "findings": n, "matched": k,
                     "precision": ratio(k, n), "clean_findings": clean_counts.get(rule, 0)}
    return out


def _clean(c: TextSet) -> dict:
    unmatched = len(c.matched.unmatched)
    return {"folder": c.folder, "files": c.matched.files, "words": c.matched.words,
            "findings": len(c.matched.findings), "unmatched": unmatched,
            "rate": round(rate_per_thousand(unmatched, c.matched.words), 4)}


def build(mt: TextSet, clean: list[TextSet]) -> dict:
    """Every figure of the run, plus each missed annotation and each unmatched finding."""
    m = mt.matched
    matched = sum(m.matched)
    categories = {c: {"annotated": n, "found": k, "recall": ratio(k, n)} for c, (n, k) in recall_by_category(m).items()}
    total_found = len(m.found)
    return {
        "version": VERSION,
        "mt": {"folder": mt.folder, "files": m.files, "words": m.words, "annotations": len(m.annotations),
               "found": total_found, "recall": ratio(total_found, len(m.annotations)),
               "findings": len(m.findings), "matched": matched, "precision": ratio(matched, len(m.findings))},
        "categories": categories,
        "rules": _rules(m, clean),
        "clean": [_clean(c) for c in clean],
        "missed": [_annotation(a, mt) for a in m.missed],
        "unmatched": [{"set": "mt", **_finding(f, mt)} for f in m.unmatched]
        + [{"set": "clean", **_finding(f, c)} for c in clean for f in c.matched.unmatched],
    }
