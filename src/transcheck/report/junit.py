"""JUnit XML: one test case per checked file, one failure per finding."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from transcheck.models import Finding
from transcheck.report import ReportContext


def render(findings: list[Finding], ctx: ReportContext) -> str:
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_path[f.path].append(f)
    paths = [d.path for d in ctx.documents] + sorted(set(by_path) - {d.path for d in ctx.documents})
    failed = sum(1 for p in paths if by_path[p])
    suites = ET.Element("testsuites", name="transcheck", tests=str(len(paths)), failures=str(failed))
    suite = ET.SubElement(suites, "testsuite", name="transcheck", tests=str(len(paths)), failures=str(failed), errors="0")
    for path in paths:
        case = ET.SubElement(suite, "testcase", classname="transcheck", name=path)
        for f in by_path[path]:
            failure = ET.SubElement(case, "failure", message=f"{f.rule} {f.message}", type=f"{f.rule} {f.name} ({f.severity.label})")
            failure.text = f"{f.path}:{f.line}:{f.column}: {f.rule} [{f.severity.label}] {f.message}"
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
