"""GitHub Actions workflow commands: one ``::warning`` (``::error`` when critical) per finding.

Escaping follows the runner's rules: in the message ``%``, CR and LF are percent-encoded;
in properties ``:`` and ``,`` are too.
"""

from __future__ import annotations

from transcheck.models import Finding, Severity
from transcheck.report import ReportContext


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(f: Finding) -> str:
    level = "error" if f.severity is Severity.CRITICAL else "warning"
    props = {
        "file": f.path,
        "line": f.line,
        "col": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
        "title": f"{f.rule} {f.name} ({f.severity.label})",
    }
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in props.items())
    return f"::{level} {joined}::{escape_data(f.message + f.unit_label)}"


def render(findings: list[Finding], ctx: ReportContext) -> str:
    return "".join(command(f) + "\n" for f in findings)
