"""Two rules of one family that flag the same words as the same kind of problem give one
finding (the one with a suggestion); different problems on the same words are all kept."""

from __future__ import annotations

from dataclasses import replace

from transcheck.documents import Document
from transcheck.engine import check, one_per_span
from transcheck.models import Category

TEXT = "The SPD wants to stay in the big coalition with the CDU in Berlin.\n"


def test_same_span_same_family_reported_once(ruleset):
    calques = ruleset.select(["TC415", "TC417"])
    findings = check(Document.from_text("<text>", TEXT), calques)
    spans = [(f.start, f.end, f.family) for f in findings]
    assert spans == [(TEXT.index("big coalition"), TEXT.index(" with"), "calques")]
    assert findings[0].rule == "TC415" and findings[0].suggestion == "grand coalition"


def test_each_rule_alone_still_flags_the_span(ruleset):
    for rule_id in ("TC415", "TC417"):
        findings = check(Document.from_text("<text>", TEXT), ruleset.select([rule_id]))
        assert [f.rule for f in findings] == [rule_id]


def test_different_problems_on_the_same_words_are_all_kept(ruleset):
    found = check(Document.from_text("<text>", TEXT), ruleset.select(["TC415"]))[0]
    other = replace(found, rule="TC999", category=Category.FLUENCY, suggestion=None)
    assert one_per_span([found, other]) == [found, other]
    assert one_per_span([replace(found, suggestion=None), found]) == [found]
