"""Golden tests on the sample articles, and recall on the hand-annotated real article."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import SAMPLES, SHARED, run_cli

ANNOTATIONS = SHARED / "corpus" / "putin-biden.annotations.jsonl"
MUST_FIND = {"drop_cap", "quote_marks", "locale_convention", "stray_fragment", "boilerplate"}
SAMPLE_FILES = sorted(SAMPLES.glob("*.mt.en.txt"))
UPDATE = os.environ.get("TRANSCHECK_UPDATE_GOLDEN") == "1"


def _findings(path: Path) -> list[dict]:
    proc = run_cli("check", str(path), "--format", "json")
    assert proc.returncode in (0, 1), proc.stderr_text
    return json.loads(proc.stdout_text)["findings"]


def _golden_view(path: Path, findings: list[dict]) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    return [
        {"rule": f["rule"], "line": f["line"], "column": f["column"], "text": text[f["start"] : f["end"]]}
        for f in findings
    ]


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=[p.name for p in SAMPLE_FILES])
def test_sample_findings_match_golden(path: Path):
    golden = path.with_name(path.name.replace(".mt.en.txt", ".expected.json"))
    actual = _golden_view(path, _findings(path))
    if UPDATE or not golden.exists():
        golden.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{golden.name} was missing and has been written; review and commit it")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert actual == expected, "findings drifted from the golden file (TRANSCHECK_UPDATE_GOLDEN=1 rewrites it)"


def _annotations() -> list[dict]:
    return [json.loads(line) for line in ANNOTATIONS.read_text(encoding="utf-8").splitlines() if line.strip()]


def _found(annotation: dict, findings: list[dict]) -> bool:
    return any(f["start"] < annotation["end"] and f["end"] > annotation["start"] for f in findings)


@pytest.mark.skipif(not ANNOTATIONS.exists(), reason="../shared/corpus is not present")
def test_sample_is_the_real_article():
    assert (SAMPLES / "putin-biden.mt.en.txt").read_bytes() == (SHARED / "corpus" / "putin-biden.mt.en.txt").read_bytes()


@pytest.mark.skipif(not ANNOTATIONS.exists(), reason="../shared/corpus is not present")
def test_every_mechanical_annotation_is_found():
    findings = _findings(SAMPLES / "putin-biden.mt.en.txt")
    missed = [a["quote"] for a in _annotations() if a["category"] in MUST_FIND and not _found(a, findings)]
    assert missed == []


@pytest.mark.skipif(not ANNOTATIONS.exists(), reason="../shared/corpus is not present")
def test_most_calques_are_found():
    findings = _findings(SAMPLES / "putin-biden.mt.en.txt")
    calques = [a for a in _annotations() if a["category"] == "false_friend_or_calque"]
    found = [a["quote"] for a in calques if _found(a, findings)]
    assert len(calques) == 8
    assert len(found) >= 6, f"found only {found}"
