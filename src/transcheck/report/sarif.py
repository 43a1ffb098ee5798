"""SARIF 2.1.0: rules with help text from each rule's ``why``, results with regions and fingerprints.

Columns and character offsets count Unicode code points (``columnKind``), lines and
columns are 1-based. ``partialFingerprints`` carry the baseline fingerprint, so code
scanning tracks a finding across edits elsewhere in the file.
"""

from __future__ import annotations

import io
import json
from pathlib import PurePath
from typing import TextIO
from urllib.parse import quote

from transcheck import __version__, suppressions
from transcheck.baseline import fingerprint
from transcheck.models import Finding, Severity
from transcheck.report import ReportContext
from transcheck.report.json_report import write_items

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.MINOR: "note", Severity.MAJOR: "warning", Severity.CRITICAL: "error"}
FINGERPRINT_KEY = "transcheck/v1"


def _rule(rule_id: str, name: str, message: str, why: str, severity: Severity, family: str, category: str) -> dict:
    why = " ".join(why.split())
    return {
        "id": rule_id,
        "name": name,
        "shortDescription": {"text": name.replace("-", " ")},
        "fullDescription": {"text": why},
        "help": {"text": why, "markdown": f"**{rule_id} {name}** ({family}, {category})\n\n{why}"},
        "defaultConfiguration": {"level": LEVEL[severity]},
        "properties": {"family": family, "category": category, "severity": severity.label, "tags": [family, category]},
    }


def _descriptors(findings: list[Finding], ctx: ReportContext) -> list[dict]:
    """The selected rules plus any rule that fired (per-path overrides may add some), by id."""
    specs = {r.spec.id: r.spec for r in (ctx.ruleset or [])}
    catalog = {r.spec.id: r.spec for r in (ctx.catalog or [])}
    for f in findings:
        if f.rule not in specs and f.rule in catalog:
            specs[f.rule] = catalog[f.rule]
    out = [_rule(s.id, s.name, s.message, s.why, s.severity, s.family, s.category.value) for s in specs.values()]
    fired = {f.rule: f for f in findings}
    for rule_id, f in fired.items():  # rules without a spec: the meta rule, plug-in checks
        if rule_id not in specs:
            why = suppressions.META_WHY if rule_id == suppressions.META_ID else f.message
            out.append(_rule(rule_id, f.name, f.message, why, f.severity, f.family, f.category.value))
    return sorted(out, key=lambda d: d["id"])


def _uri(path: str) -> str:
    """A relative URI for relative paths (resolved against the checkout), file:// otherwise."""
    if path == "<stdin>":
        return "stdin"
    pure = PurePath(path)
    return pure.as_uri() if pure.is_absolute() else quote(pure.as_posix())


def _result(f: Finding, index: int, ctx: ReportContext) -> dict:
    result = {
        "ruleId": f.rule,
        "ruleIndex": index,
        "level": LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(f.path)},
                    "region": {
                        "startLine": f.line,
                        "startColumn": f.column,
                        "endLine": f.end_line,
                        "endColumn": f.end_column,
                        "charOffset": f.start,
                        "charLength": f.end - f.start,
                    },
                }
            }
        ],
    }
    if f.unit is not None:  # the translation unit (XLIFF unit/segment id, PO msgctxt|msgid, TMX tu number)
        result["locations"][0]["logicalLocations"] = [{"name": f.unit, "kind": "object"}]
    doc = ctx.document(f.path)
    if doc is not None:
        result["partialFingerprints"] = {FINGERPRINT_KEY: fingerprint(doc, f)}
    return result


def _quality(findings: list[Finding], ctx: ReportContext) -> tuple[dict, list[dict]]:
    """The MQM-style score: run properties, and each artifact's properties."""
    quality = ctx.quality(findings)
    run = {**quality.overall.to_dict(), "weights": quality.weights.to_dict(), "max_penalty": ctx.max_penalty}
    return {"transcheck/quality": run}, [{"transcheck/quality": s.to_dict()} for s in quality.files]


def render(findings: list[Finding], ctx: ReportContext) -> str:
    out = io.StringIO()
    write(findings, ctx, out)
    return out.getvalue()


def write(findings: list[Finding], ctx: ReportContext, out: TextIO) -> None:
    """The SARIF log, a result at a time (the same text ``json.dumps(..., indent=2)`` gives)."""
    rules = _descriptors(findings, ctx)
    run_quality, file_quality = _quality(findings, ctx)
    index = {d["id"]: i for i, d in enumerate(rules)}
    run = {
        "tool": {"driver": {"name": "transcheck", "version": __version__, "rules": rules}},
        "columnKind": "unicodeCodePoints",
        "artifacts": [
            {"location": {"uri": _uri(d.path)}, "encoding": "utf-8", "properties": props}
            for d, props in zip(ctx.documents, file_quality)
        ],
        "results": [],
        "properties": run_quality,
    }
    data = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    head, tail = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").split('"results": []', 1)
    out.write(head + '"results": ')
    write_items((_result(f, index[f.rule], ctx) for f in findings), out, " " * 6)
    out.write(tail)
