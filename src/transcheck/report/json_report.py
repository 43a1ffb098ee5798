"""The versioned JSON report (schema documented in docs/json-report.md)."""

from __future__ import annotations

import json
from collections import Counter

from transcheck import __version__
from transcheck.models import Finding
from transcheck.quality import QualityReport, Score
from transcheck.report import ReportContext

SCHEMA_VERSION = 1


def summary(findings: list[Finding]) -> dict:
    return {
        "total": len(findings),
        "by_severity": dict(sorted(Counter(f.severity.label for f in findings).items())),
        "by_category": dict(sorted(Counter(f.category.value for f in findings).items())),
    }


def _file(score: Score, references: dict) -> dict:
    """A checked file: words, MQM-style penalty and (``transcheck report``) its reference scores."""
    entry = {"path": score.path, "words": score.words, "penalty": score.penalty, "penalty_per_1000_words": score.per_1000_words}
    if score.path in references:
        entry["reference"] = references[score.path]
    return entry


def _quality(quality: QualityReport, max_penalty: float | None) -> dict:
    return {**quality.overall.to_dict(), "weights": quality.weights.to_dict(), "max_penalty": max_penalty}


def render(findings: list[Finding], ctx: ReportContext) -> str:
    quality = ctx.quality(findings)
    references = ctx.extra.get("references", {})
    data = {
        "schema": "transcheck-check",
        "schema_version": SCHEMA_VERSION,
        "transcheck_version": __version__,
        "ruleset": ctx.ruleset.digest() if ctx.ruleset is not None else None,
        "locale": ctx.locale,
        "files": [_file(score, references) for score in quality.files],
        "findings": [f.to_dict() for f in findings],
        "summary": {**summary(findings), "quality": _quality(quality, ctx.max_penalty)},
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
