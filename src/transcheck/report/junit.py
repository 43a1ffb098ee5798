"""JUnit XML: one test case per checked file, one failure per finding, MQM-style scores as properties."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from transcheck.models import Finding
from transcheck.quality import Score
from transcheck.report import ReportContext


def _properties(parent: ET.Element, score: Score | None) -> None:
    """The MQM-style score as <properties> (as pytest's record_property writes them)."""
    if score is None:
        return
    props = ET.SubElement(parent, "properties")
    for name, value in score.to_dict().items():
        ET.SubElement(props, "property", name=name, value=str(value))


def render(findings: list[Finding], ctx: ReportContext) -> str:
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_path[f.path].append(f)
    paths = [d.path for d in ctx.documents] + sorted(set(by_path) - {d.path for d in ctx.documents})
    failed = sum(1 for p in paths if by_path[p])
    suites = ET.Element("testsuites", name="transcheck", tests=str(len(paths)), failures=str(failed))
    suite = ET.SubElement(suites, "testsuite", name="transcheck", tests=str(len(paths)), failures=str(failed), errors="0")
    quality = ctx.quality(findings)
    _properties(suite, quality.overall)
    for path in paths:
        case = ET.SubElement(suite, "testcase", classname="transcheck", name=path)
        _properties(case, quality.file(path))
        for f in by_path[path]:
            failure = ET.SubElement(case, "failure", message=f"{f.rule} {f.message}", type=f"{f.rule} {f.name} ({f.severity.label})")
            failure.text = f"{f.path}:{f.line}:{f.column}: {f.rule} [{f.severity.label}] {f.message}{f.unit_label}"
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
