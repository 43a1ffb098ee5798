"""The calque family: lexicon size and German sources, regex and context entries, the sample article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SHARED, run_cli
from transcheck.errors import RuleFileError
from transcheck.rules import load_rules

LEXICONS = sorted((ROOT / "rules" / "lexicons").glob("calques-*.yaml"))

RULE = """\
id: XX401
name: sample-calque
family: calques
category: terminology
severity: minor
message: "{match}: {suggestion} ({detail})"
matcher:
  kind: phrases
  phrases:
%s
why: "w"
examples:
  flag: ["the [[Kremlin chief]] spoke"]
  pass: ["the Kremlin leader spoke"]
"""


def _entries() -> list[dict]:
    return [e for path in LEXICONS for e in yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]]


def test_lexicons_hold_at_least_150_entries_each_with_its_german_source():
    entries = _entries()
    assert len(entries) >= 150
    missing = [e.get("phrase") or e.get("pattern") for e in entries if not e.get("german") or not e.get("suggestion")]
    assert missing == []


def _rule_folder(tmp_path: Path, entries: str) -> Path:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "XX401.yaml").write_text(RULE % entries, encoding="utf-8")
    return folder


def _check(tmp_path: Path, entries: str, text: str) -> list[str]:
    folder = _rule_folder(tmp_path, entries)
    target = tmp_path / "article.txt"
    target.write_text(text, encoding="utf-8")
    proc = run_cli("check", "--rules", str(folder), "--select", "XX401", "--format", "json", str(target))
    assert proc.returncode in (0, 1), proc.stderr_text
    return [text[f["start"] : f["end"]] for f in json.loads(proc.stdout_text)["findings"]]


def test_pattern_entry_and_context_requirement(tmp_path, rules_cache_apart):
    entries = """\
    - pattern: 'Kremlin\\s+chief(?!\\s+of\\s+staff)'
      suggestion: Kremlin leader
      german: Kremlchef
    - phrase: concern
      suggestion: group
      german: Konzern
      context: ['(?i)\\bcar\\s+concern\\b']"""
    text = "The Kremlin chief met the Kremlin chief of staff.\nThe car concern grew.\nThere is concern about the car market.\n"
    assert _check(tmp_path, entries, text) == ["Kremlin chief", "concern"]


def test_entry_with_phrase_and_pattern_is_refused(tmp_path):
    entries = """\
    - phrase: Kremlin chief
      pattern: 'Kremlin\\s+chief'
      german: Kremlchef"""
    with pytest.raises(RuleFileError, match="not both"):
        load_rules([_rule_folder(tmp_path, entries)], builtin=False)


def test_invalid_entry_pattern_names_the_field(tmp_path):
    entries = """\
    - pattern: 'Kremlin\\s+(chief'
      german: Kremlchef"""
    with pytest.raises(RuleFileError, match=r"phrases\[0\]\.pattern"):
        load_rules([_rule_folder(tmp_path, entries)], builtin=False)


def test_sample_article_calques_are_found():
    notes = [json.loads(line) for line in (SHARED / "corpus" / "putin-biden.annotations.jsonl").read_text(encoding="utf-8").splitlines()]
    calques = [n for n in notes if n["category"] == "false_friend_or_calque"]
    proc = run_cli("check", "--select", "calques", "--format", "json", str(SHARED / "corpus" / "putin-biden.mt.en.txt"))
    spans = [(f["start"], f["end"]) for f in json.loads(proc.stdout_text)["findings"]]
    found = [n["quote"] for n in calques if any(s < n["end"] and e > n["start"] for s, e in spans)]
    assert len(calques) == 8 and len(found) >= 6, found
