"""The versioned JSON report (schema documented in docs/json-report.md)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from json.encoder import encode_basestring as encode_string  # C, for ensure_ascii=False
from collections import Counter
from typing import TextIO

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
    out = io.StringIO()
    write(findings, ctx, out)
    return out.getvalue()


def write(findings: list[Finding], ctx: ReportContext, out: TextIO) -> None:
    """The report, a finding at a time (the same text ``json.dumps(..., indent=2)`` gives)."""
    quality = ctx.quality(findings)
    references = ctx.extra.get("references", {})
    data = {
        "schema": "transcheck-check",
        "schema_version": SCHEMA_VERSION,
        "transcheck_version": __version__,
        "ruleset": ctx.ruleset.digest() if ctx.ruleset is not None else None,
        "locale": ctx.locale,
        "files": [_file(score, references) for score in quality.files],
        "findings": [],
        "summary": {**summary(findings), "quality": _quality(quality, ctx.max_penalty)},
    }
    head, tail = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").split('"findings": []', 1)
    out.write(head + '"findings": ')
    write_items((f.to_dict() for f in findings), out, "  ")
    out.write(tail)


def write_items(items: Iterable[dict], out: TextIO, indent: str) -> None:
    """A list of dicts as ``json.dumps(..., indent=2)`` writes it at ``indent``, an item at
    a time, from C-encoded scalars (the indenting encoder is pure Python: seconds per
    10,000 findings); an item with a value this writer does not know takes the standard encoder."""
    inner = indent + "  "
    separator = "[\n"
    for item in items:
        try:
            text = _object(item, inner)
        except TypeError:
            text = inner + json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n" + inner)
        out.write(separator + text)
        separator = ",\n"
    out.write("[]" if separator == "[\n" else f"\n{indent}]")


def _object(data: dict, indent: str) -> str:
    """``indent`` + a dict of scalars (and dicts of scalars), indented by two spaces a level."""
    if not data:
        return indent + "{}"
    inner = indent + "  "
    fields = ",\n".join(f"{inner}{encode_string(key)}: {_value(value, inner)}" for key, value in data.items())
    return f"{indent}{{\n{fields}\n{indent}}}"


_CONSTANTS = {None: "null", True: "true", False: "false"}


def _value(value: object, indent: str) -> str:
    kind = type(value)
    if kind is str:
        return encode_string(value)
    if kind is int:
        return int.__repr__(value)  # as json writes it, without its call per value
    if value is None or kind is bool:
        return _CONSTANTS[value]
    if isinstance(value, str):
        return encode_string(value)
    if isinstance(value, (int, float)):
        return json.dumps(value)
    if isinstance(value, dict):
        return _object(value, indent).lstrip(" ")
    raise TypeError(type(value).__name__)
