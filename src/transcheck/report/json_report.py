"""The versioned JSON report (schema documented in docs/json-report.md)."""

from __future__ import annotations

import json
from collections import Counter

from transcheck import __version__
from transcheck.models import Finding
from transcheck.report import ReportContext

SCHEMA_VERSION = 1


def summary(findings: list[Finding]) -> dict:
    return {
        "total": len(findings),
        "by_severity": dict(sorted(Counter(f.severity.label for f in findings).items())),
        "by_category": dict(sorted(Counter(f.category.value for f in findings).items())),
    }


def render(findings: list[Finding], ctx: ReportContext) -> str:
    data = {
        "schema": "transcheck-check",
        "schema_version": SCHEMA_VERSION,
        "transcheck_version": __version__,
        "ruleset": ctx.ruleset.digest() if ctx.ruleset is not None else None,
        "locale": ctx.locale,
        "files": [{"path": d.path, "words": d.word_count} for d in ctx.documents],
        "findings": [f.to_dict() for f in findings],
        "summary": summary(findings),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
