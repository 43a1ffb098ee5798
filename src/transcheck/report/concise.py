"""One line a finding: ``path:line:col: ID [severity] message`` (nothing else)."""

from __future__ import annotations

from transcheck.models import Finding
from transcheck.report import ReportContext


def line(f: Finding) -> str:
    message = " ".join(f.message.split())
    return f"{f.path}:{f.line}:{f.column}: {f.rule} [{f.severity.label}] {message}{f.unit_label}"


def render(findings: list[Finding], ctx: ReportContext) -> str:
    return "".join(line(f) + "\n" for f in findings)
