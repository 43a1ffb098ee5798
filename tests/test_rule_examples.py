"""Every example of every rule is a test: exact spans, exact fixes, silent passes."""

from __future__ import annotations

import pytest

from transcheck import fixer
from transcheck.documents import Document
from transcheck.engine import check
from transcheck.formats.plain import example_document
from transcheck.rules import RuleSet, load_rules

RULES = load_rules()


def _cases(kind: str):
    for rule in RULES:
        examples = rule.spec.flag if kind == "flag" else rule.spec.passes
        for i, example in enumerate(examples):
            yield pytest.param(rule, example, id=f"{rule.spec.id}-{rule.spec.name}-{kind}{i}")


def _run(rule, text: str, locale: str, example=None):
    """Check one example; a bilingual rule's example carries its German source (and glossary)."""
    if example is not None and example.source is not None:
        return check(example_document(text, example.source, example.glossary), RuleSet([rule]), locale)
    return check(Document.from_text("<example>", text), RuleSet([rule]), locale)


@pytest.mark.parametrize(("rule", "example"), list(_cases("flag")))
def test_flag_example(rule, example):
    findings = _run(rule, example.text, example.locale, example)
    found = sorted((f.start, f.end) for f in findings)
    marked = sorted(example.spans)
    shown = [example.text[s:e] for s, e in found]
    assert found == marked, f"found {shown}, expected {[example.text[s:e] for s, e in marked]}"
    if rule.spec.fix_safety is not None:
        assert example.fixed is not None, "a rule with a fix needs 'fixed' on every flag example"
        fixed = fixer.apply(example.text, fixer.fixes_of(findings, unsafe=True))
        assert fixed == example.fixed
        assert _run(rule, fixed, example.locale, example) == [], "the fix re-triggers the rule"


@pytest.mark.parametrize(("rule", "example"), list(_cases("pass")))
def test_pass_example(rule, example):
    findings = _run(rule, example.text, example.locale, example)
    assert findings == [], [example.text[f.start : f.end] for f in findings]
