"""transcheck's own LanguageTool rules (rules/languagetool/grammar_custom.xml) on a real server.

Every ``<example>`` of every rule is checked: an example with ``correction`` must be flagged by its
rule at exactly the ``<marker>`` span (with those suggestions), one without must not be flagged.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import pytest
from lt_fixtures import lt_server, lt_url  # noqa: F401  (session fixtures)

from transcheck.documents import Document
from transcheck.languagetool.custom import custom_digest, custom_rules_path
from transcheck.languagetool.runner import LTSettings, languagetool_findings
from transcheck.models import Category

CATEGORY = "TRANSCHECK_DE"


@dataclass(frozen=True)
class Example:
    rule: str
    text: str
    span: tuple[int, int] | None  # the marker, for an example that must be flagged
    corrections: tuple[str, ...]


def _example(rule: str, node: ET.Element) -> Example:
    text, span = node.text or "", None
    for marker in node.findall("marker"):
        start = len(text)
        text += marker.text or ""
        span = (start, len(text))
        text += marker.tail or ""
    correction = node.get("correction")
    corrections = tuple(c for c in (correction or "").split("|") if c)
    return Example(rule, text, span if correction is not None else None, corrections)


def rule_examples() -> list[Example]:
    root = ET.parse(custom_rules_path()).getroot()
    out = []
    for group in root.iter():
        if group.tag not in ("rule", "rulegroup") or group.get("id") is None:
            continue
        rules = group.findall("rule") if group.tag == "rulegroup" else [group]
        out += [_example(group.get("id"), ex) for rule in rules for ex in rule.findall("example")]
    return out


def _check(url: str, text: str, language: str) -> list[dict]:
    data = {"language": language, "text": text, "enabledOnly": "true", "enabledCategories": CATEGORY}
    endpoint = url.rstrip("/") + "/v2/check"
    with urllib.request.urlopen(endpoint, data=urllib.parse.urlencode(data).encode(), timeout=60) as response:
        return json.load(response)["matches"]


def test_every_rule_has_flag_and_pass_examples():
    examples = rule_examples()
    rules = {e.rule for e in examples}
    assert len(rules) >= 5
    for rule in rules:
        kinds = {e.span is not None for e in examples if e.rule == rule}
        assert kinds == {True, False}, rule


@pytest.mark.parametrize("language", ["en-US", "en-GB"])
def test_rule_examples_on_the_real_server(lt_url, language):
    problems = []
    for ex in rule_examples():
        hits = [m for m in _check(lt_url, ex.text, language) if m["rule"]["id"] == ex.rule]
        spans = {(m["offset"], m["offset"] + m["length"]): m for m in hits}
        if ex.span is None:
            if hits:
                problems.append(f"{ex.rule} flags a pass example: {ex.text!r}")
        elif ex.span not in spans:
            problems.append(f"{ex.rule} misses {ex.text[slice(*ex.span)]!r} in {ex.text!r} (got {sorted(spans)})")
        elif ex.corrections and [r["value"] for r in spans[ex.span]["replacements"]][: len(ex.corrections)] != list(
            ex.corrections
        ):
            problems.append(f"{ex.rule} suggests other words in {ex.text!r}")
    assert not problems, "\n".join(problems)


def test_custom_rules_reach_findings_with_their_grade(lt_url, tmp_path):
    doc = Document.from_text("a.txt", "The newspaper celebrates her 75th anniversary this week.\n")
    settings = LTSettings(url=lt_url, cache_path=tmp_path / "lt.sqlite3")
    [f] = [f for f in languagetool_findings([doc], settings) if f.rule.startswith("LT:TC_DE_")]
    assert (f.rule, doc.text[f.start : f.end], f.suggestion) == ("LT:TC_DE_PRONOUN_GENDER", "her", "its")
    assert f.category == Category.FLUENCY


def test_custom_rules_are_part_of_the_cache_key():
    assert len(custom_digest()) == 16
