"""The MQM-style score: arithmetic, configuration, every report format, the --max-penalty gate, `transcheck report`."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from conftest import SAMPLES, run_cli
from pipeline_helpers import write
from transcheck.models import Category, Finding, Severity
from transcheck.quality import Weights, score

RULE = """\
id: {id}
name: test-{severity}
family: test
category: fluency
severity: {severity}
message: "test finding: {{match}}"
matcher:
  kind: pattern
  pattern: '{pattern}'
why: >
  A rule of this test, with a known severity.
examples:
  flag:
    - "{flag}"
  pass:
    - "Nothing to see."
"""
RULES = {  # the score tests do not depend on how the built-in rules evolve
    "rules/test/ZZ801.yaml": RULE.format(id="ZZ801", severity="critical", pattern="\\bDhe\\b", flag="[[Dhe]] minister spoke."),
    "rules/test/ZZ802.yaml": RULE.format(id="ZZ802", severity="major", pattern="„", flag="He said [[„]]yes“."),
}


@pytest.fixture(scope="module")
def rules_folder(tmp_path_factory) -> str:
    """The two rules above, in one folder for the whole module: a rule folder's path is part
    of the rule cache's key, so the rules are built once, not once a test."""
    folder = tmp_path_factory.mktemp("quality-rules")
    write(folder, RULES)
    return str(folder / "rules")


@pytest.fixture
def two(rules_folder, rules_cache_apart) -> list[str]:
    """``--rules``/``--select`` for the two rules (compiled into the session's cache apart)."""
    return ["--rules", rules_folder, "--select", "ZZ801,ZZ802"]


def _finding(path: str, severity: Severity) -> Finding:
    return Finding(path, "TC999", "test-rule", "test", Category.FLUENCY, severity, "message", 0, 1, 1, 1, 1, 2)


def test_penalty_per_1000_words_from_severity_weights():
    findings = [_finding("a", Severity.MINOR), _finding("a", Severity.MAJOR), _finding("a", Severity.CRITICAL),
                _finding("b", Severity.MAJOR)]
    report = score([("a", 400), ("b", 100), ("c", 0)], findings)
    a, b, c = report.files
    assert (a.penalty, a.per_1000_words, a.counts) == (16.0, 40.0, {"minor": 1, "major": 1, "critical": 1})
    assert (b.penalty, b.per_1000_words) == (5.0, 50.0)
    assert (c.penalty, c.per_1000_words) == (0.0, 0.0)  # no words, no findings: no penalty
    assert (report.overall.words, report.overall.penalty, report.overall.per_1000_words) == (500, 21.0, 42.0)
    assert [s.path for s in report.over_limit(45)] == ["b"] and report.over_limit(None) == []


def test_weights_are_configurable():
    findings = [_finding("a", Severity.MINOR), _finding("a", Severity.CRITICAL)]
    report = score([("a", 2000)], findings, Weights(minor=0.5, major=5, critical=25))
    assert (report.overall.penalty, report.overall.per_1000_words) == (25.5, 12.75)


def test_a_file_without_words_counts_as_one_word():
    assert score([("a", 0)], [_finding("a", Severity.MAJOR)]).overall.per_1000_words == 5000.0


def _setup(tmp_path, config: str = "") -> None:
    files = {"a.txt": "Dhe minister spoke.\n\nHe said „yes“ and left.\n", "clean.txt": "The minister spoke.\n"}
    if config:
        files["transcheck.toml"] = config
    write(tmp_path, files)


def test_max_penalty_names_the_file_and_replaces_the_fail_on_default(tmp_path, two):
    _setup(tmp_path)
    over = run_cli("check", "-f", "concise", *two, "--max-penalty", "1000", "a.txt", "clean.txt", cwd=tmp_path)
    assert over.returncode == 1
    assert over.stderr_text == ("transcheck: penalty limit exceeded: a.txt: 1875.00 penalty points per 1,000 words "
                                "> --max-penalty 1000\n")
    under = run_cli("check", "-f", "concise", *two, "--max-penalty", "2000", "a.txt", cwd=tmp_path)
    assert (under.returncode, under.stderr_text) == (0, "")  # findings alone no longer fail the run
    both = run_cli("check", "-f", "concise", *two, "--max-penalty", "2000", "--fail-on", "critical", "a.txt", cwd=tmp_path)
    assert both.returncode == 1  # an explicit --fail-on still applies


def test_quality_table_in_the_configuration(tmp_path, two):
    _setup(tmp_path, "[quality]\nmajor = 2\ncritical = 25\nmax-penalty = 3000\n")
    proc = run_cli("check", "-f", "json", *two, "a.txt", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr_text
    data = json.loads(proc.stdout_text)
    assert data["files"][0]["penalty"] == 27.0 and data["files"][0]["penalty_per_1000_words"] == 3375.0
    assert data["summary"]["quality"]["weights"] == {"minor": 1.0, "major": 2.0, "critical": 25.0}
    assert data["summary"]["quality"]["max_penalty"] == 3000.0
    assert "a.txt: 3375.00 penalty points" in proc.stderr_text
    write(tmp_path, {"transcheck.toml": "[quality]\nmajor = -1\n"})  # validated like every table
    bad = run_cli("check", *two, "a.txt", cwd=tmp_path)
    assert bad.returncode == 2 and "key 'quality.major': -1 is not a non-negative number" in bad.stderr_text
    write(tmp_path, {"transcheck.toml": "[quality]\nblocker = 3\n"})
    assert "unknown key 'quality.blocker'" in run_cli("check", *two, "a.txt", cwd=tmp_path).stderr_text


def test_score_in_text_sarif_and_junit(tmp_path, two):
    _setup(tmp_path)
    text = run_cli("check", *two, "a.txt", "clean.txt", cwd=tmp_path).stdout_text
    assert ("MQM-style score: 1363.64 penalty points per 1,000 words (15 points in 11 words; "
            "weights minor 1, major 5, critical 10)") in text
    rows = [[cell.strip() for cell in line.strip("│ ").split("│")] for line in text.splitlines() if line.startswith("│ ")]
    assert ["a.txt", "8", "2", "15", "1875.00"] in rows and ["clean.txt", "3", "0", "0", "0.00"] in rows
    sarif = json.loads(run_cli("check", "-f", "sarif", *two, "a.txt", "clean.txt", cwd=tmp_path).stdout_text)
    run = sarif["runs"][0]
    assert run["properties"]["transcheck/quality"] == {
        "words": 11, "penalty": 15.0, "penalty_per_1000_words": 1363.64,
        "weights": {"minor": 1.0, "major": 5.0, "critical": 10.0}, "max_penalty": None,
    }
    assert run["artifacts"][0]["properties"]["transcheck/quality"] == {"words": 8, "penalty": 15.0, "penalty_per_1000_words": 1875.0}
    suite = ET.fromstring(run_cli("check", "-f", "junit", *two, "a.txt", "clean.txt", cwd=tmp_path).stdout).find("testsuite")
    props = lambda el: {p.get("name"): p.get("value") for p in el.find("properties")}  # noqa: E731
    assert props(suite) == {"words": "11", "penalty": "15.0", "penalty_per_1000_words": "1363.64"}
    assert props(suite.findall("testcase")[0]) == {"words": "8", "penalty": "15.0", "penalty_per_1000_words": "1875.0"}


def test_report_scores_against_the_reference_as_score_does(tmp_path):
    hyp, ref = SAMPLES / "putin-biden.mt.en.txt", SAMPLES / "putin-biden.ref.en.txt"
    out = tmp_path / "report.json"
    proc = run_cli("report", "-j", "1", str(hyp), "--ref", str(ref), "-f", "json", "-o", str(out), "--select", "TC204", "--worst", "2")
    assert proc.returncode == 0, proc.stderr_text
    assert proc.stderr_text.endswith(f"1 scored against a reference; report written to {out}\n")
    data = json.loads(out.read_text(encoding="utf-8"))
    reference = data["files"][0]["reference"]
    assert reference["path"] == str(ref) and reference["aligned"] is True  # the line counts differ
    scored = json.loads(run_cli("score", str(hyp), "-r", str(ref), "--align", "--bootstrap", "0", "-f", "json").stdout_text)
    system = scored["systems"][0]
    assert {k: v["score"] for k, v in reference["scores"].items()} == {k: v["score"] for k, v in system["scores"].items()}
    assert reference["segments"] == system["segments_scored"]
    worst = min(system["segments"], key=lambda s: (s["chrf"], s["index"]))
    assert len(reference["worst"]) == 2
    assert (reference["worst"][0]["line"], reference["worst"][0]["hypothesis"]) == (worst["source"], worst["hypothesis"])


def test_report_needs_one_reference_per_file(tmp_path):
    _setup(tmp_path)
    proc = run_cli("report", "a.txt", "clean.txt", "--ref", "clean.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr_text == "transcheck: error: give one --ref per file: 2 file(s), 1 reference(s)\n"


@pytest.mark.parametrize("limit, code", [("100", 1), ("5000", 0)])
def test_report_penalty_gate(tmp_path, limit, code, two):
    _setup(tmp_path)
    proc = run_cli("report", *two, "--max-penalty", limit, "a.txt", "-o", "r.html", cwd=tmp_path)
    assert proc.returncode == code, proc.stderr_text
    assert ("penalty limit exceeded: a.txt" in proc.stderr_text) == (code == 1)
