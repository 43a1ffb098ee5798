"""Every output format of `check`, and --output, through the real CLI on files on disk."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema

from conftest import SHARED, run_cli
from pipeline_helpers import DROP_CAP, DROP_CAP_MSG, LOW_QUOTE, LOW_QUOTE_MSG, concise, write
from transcheck.report.github import escape_data, escape_property

TWO = ["--select", "TC101,TC204"]
PERCENT_RULE = """\
id: ZZ901
name: per-cent-spelled-out
family: numbers
category: style
severity: major
message: "write 5%, not 5 per cent: {match}"
matcher:
  kind: pattern
  pattern: '\\bper cent\\b'
why: >
  Style guides of US newsrooms write the percent sign: 100%, not 100 per cent.
examples:
  flag:
    - "Prices rose 5 [[per cent]] in May."
  pass:
    - "Prices rose 5% in May."
"""


def _setup(tmp_path: Path) -> None:
    write(tmp_path, {"a.txt": DROP_CAP + "\n" + LOW_QUOTE, "clean.txt": "The minister spoke.\n"})


def test_concise_one_line_a_finding(tmp_path):
    _setup(tmp_path)
    proc = run_cli("check", "-f", "concise", *TWO, "a.txt", "clean.txt", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout_text == (
        concise("a.txt", 1, 1, "TC101", "critical", DROP_CAP_MSG) + "\n"
        + concise("a.txt", 3, 9, "TC204", "major", LOW_QUOTE_MSG) + "\n"
    )
    assert proc.stderr_text == ""


def test_text_is_the_default(tmp_path):
    _setup(tmp_path)
    proc = run_cli("check", "--select", "TC101", "a.txt", cwd=tmp_path)
    assert proc.returncode == 1
    lines = proc.stdout_text.splitlines()
    assert lines[:4] == [
        f"a.txt:1:1: critical TC101 [drop-cap-initial] {DROP_CAP_MSG}",
        "    Dhe minister spoke.",
        "    suggestion: The  (safe fix)",
        "1 finding(s) in 1 file(s)",
    ]


def test_json_keeps_its_versioned_shape(tmp_path):
    _setup(tmp_path)
    proc = run_cli("check", "-f", "json", *TWO, "a.txt", "clean.txt", cwd=tmp_path)
    data = json.loads(proc.stdout_text)
    assert list(data) == ["schema", "schema_version", "transcheck_version", "ruleset", "locale", "files", "findings", "summary"]
    assert (data["schema"], data["schema_version"]) == ("transcheck-check", 1)
    assert data["files"] == [  # MQM-style penalty: critical 10 + major 5 in 8 words
        {"path": "a.txt", "words": 8, "penalty": 15.0, "penalty_per_1000_words": 1875.0},
        {"path": "clean.txt", "words": 3, "penalty": 0.0, "penalty_per_1000_words": 0.0},
    ]
    assert data["findings"][0] == {
        "path": "a.txt", "rule": "TC101", "name": "drop-cap-initial", "family": "drop-cap", "category": "fluency",
        "severity": "critical", "message": DROP_CAP_MSG, "start": 0, "end": 3, "line": 1, "column": 1,
        "end_line": 1, "end_column": 4, "suggestion": "The",
        "fix": {"start": 0, "end": 3, "replacement": "The", "safety": "safe"},
    }
    assert data["summary"] == {
        "total": 2, "by_severity": {"critical": 1, "major": 1}, "by_category": {"fluency": 1, "locale-convention": 1},
        "quality": {"words": 11, "penalty": 15.0, "penalty_per_1000_words": 1363.64,
                    "weights": {"minor": 1.0, "major": 5.0, "critical": 10.0}, "max_penalty": None},
    }


def _sarif(tmp_path: Path, *args: str) -> dict:
    proc = run_cli("check", "-f", "sarif", *args, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr_text
    return json.loads(proc.stdout_text)


def test_sarif_is_valid_and_complete(tmp_path):
    _setup(tmp_path)
    data = _sarif(tmp_path, *TWO, "a.txt", "clean.txt")
    schema = json.loads((SHARED / "schemas" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(data), key=str)
    assert errors == []
    run = data["runs"][0]
    assert data["version"] == "2.1.0" and run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["TC101", "TC204"]
    assert rules[0]["name"] == "drop-cap-initial"
    assert rules[0]["help"]["text"].startswith("Publishing systems set the first letter of an article")
    assert rules[0]["defaultConfiguration"] == {"level": "error"}
    results = run["results"]
    assert [(r["ruleId"], r["ruleIndex"], r["level"]) for r in results] == [("TC101", 0, "error"), ("TC204", 1, "warning")]
    location = results[1]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "a.txt"}
    assert location["region"] == {"startLine": 3, "startColumn": 9, "endLine": 3, "endColumn": 10, "charOffset": 29, "charLength": 1}
    assert results[1]["message"]["text"] == LOW_QUOTE_MSG
    assert [a["location"]["uri"] for a in run["artifacts"]] == ["a.txt", "clean.txt"]


def test_sarif_fingerprints_survive_edits_elsewhere(tmp_path):
    write(tmp_path, {"a.txt": DROP_CAP})
    before = _sarif(tmp_path, "--select", "TC101", "a.txt")["runs"][0]["results"][0]
    write(tmp_path, {"a.txt": "A new headline.\n\n" + DROP_CAP})
    after = _sarif(tmp_path, "--select", "TC101", "a.txt")["runs"][0]["results"][0]
    assert after["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    assert before["partialFingerprints"] == after["partialFingerprints"]
    assert len(before["partialFingerprints"]["transcheck/v1"]) == 20


def test_junit_one_case_per_file_one_failure_per_finding(tmp_path):
    _setup(tmp_path)
    proc = run_cli("check", "-f", "junit", *TWO, "a.txt", "clean.txt", cwd=tmp_path)
    assert proc.returncode == 1
    root = ET.fromstring(proc.stdout)
    suite = root.find("testsuite")
    assert (suite.get("tests"), suite.get("failures")) == ("2", "1")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["a.txt", "clean.txt"]
    failures = cases[0].findall("failure")
    assert [f.get("type") for f in failures] == ["TC101 drop-cap-initial (critical)", "TC204 german-low-quote (major)"]
    assert failures[1].text == concise("a.txt", 3, 9, "TC204", "major", LOW_QUOTE_MSG)
    assert cases[1].findall("failure") == []


def test_github_workflow_commands(tmp_path):
    _setup(tmp_path)
    proc = run_cli("check", "-f", "github", *TWO, "a.txt", cwd=tmp_path)
    assert proc.stdout_text.splitlines() == [
        f"::error file=a.txt,line=1,col=1,endLine=1,endColumn=4,title=TC101 drop-cap-initial (critical)::{DROP_CAP_MSG}",
        f"::warning file=a.txt,line=3,col=9,endLine=3,endColumn=10,title=TC204 german-low-quote (major)::{LOW_QUOTE_MSG}",
    ]


def test_github_escapes_properties_and_message(tmp_path, rules_cache_apart):
    write(tmp_path, {"rules/numbers/ZZ901.yaml": PERCENT_RULE, "a,b:c.txt": "Prices rose 5 per cent in May.\n"})
    proc = run_cli("check", "-f", "github", "--rules", "rules", "--select", "ZZ901", "a,b:c.txt", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr_text
    assert proc.stdout_text == (
        "::warning file=a%2Cb%3Ac.txt,line=1,col=15,endLine=1,endColumn=23,title=ZZ901 per-cent-spelled-out (major)"
        "::write 5%25, not 5 per cent: per cent\n"
    )


def test_github_escape_functions():
    assert escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_output_writes_the_report_and_summarises_on_stderr(tmp_path):
    _setup(tmp_path)
    proc = run_cli("check", "-f", "sarif", "--output", "out/report.sarif", *TWO, "a.txt", "clean.txt", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stderr_text.startswith("transcheck: error: out/report.sarif: cannot write")
    (tmp_path / "out").mkdir()
    proc = run_cli("check", "-f", "sarif", "--output", "out/report.sarif", *TWO, "a.txt", "clean.txt", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout_text == ""
    assert proc.stderr_text == "transcheck: 2 finding(s) (1 critical, 1 major) in 2 file(s); report written to out/report.sarif\n"
    assert json.loads((tmp_path / "out" / "report.sarif").read_text())["runs"][0]["results"][0]["ruleId"] == "TC101"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["report.sarif"]


def test_unknown_format_is_a_usage_error(tmp_path):
    _setup(tmp_path)
    proc = run_cli("check", "-f", "xml", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "xml" in proc.stderr_text and "Traceback" not in proc.stderr_text
