"""The numbers, boilerplate and whitespace families beyond their rule examples:
recall on the annotated article, precision on professional references, fixes that
converge, and clear errors for bad detector options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SAMPLES, SHARED
from transcheck.documents import Document
from transcheck.engine import check
from transcheck.errors import RuleFileError
from transcheck.fixer import fix_text
from transcheck.rules import load_rules

FAMILIES = ("numbers", "boilerplate", "whitespace")
ARTICLE = SHARED / "corpus" / "putin-biden.mt.en.txt"
ANNOTATIONS = SHARED / "corpus" / "putin-biden.annotations.jsonl"
WMT_REFS = sorted((SHARED / "wmt").glob("*/ref.en"))
# Measured 0.27 per 1,000 words for boilerplate and whitespace, every hit a real slip in the
# references ("Atlanta )", "credit credit", ".."); the bar leaves room for nothing else. The numbers
# family is left out here: WMT's references keep German formats (2:0 (1:0), 16:15h, 3300 residents),
# so its hits there are right; its precision is gated on native text (tests/test_eval_gate.py).
MAX_REF_HITS_PER_1000_WORDS = 0.5
REFERENCE_FAMILIES = ("boilerplate", "whitespace")


@pytest.fixture(scope="module")
def family_rules(ruleset):
    return ruleset.select(FAMILIES)


def _findings(rules, text: str, locale: str = "en-US", path: str = "<text>"):
    return check(Document.from_text(path, text), rules, locale)


def test_every_boilerplate_annotation_is_found(family_rules):
    text = ARTICLE.read_text(encoding="utf-8")
    spans = [(f.start, f.end) for f in _findings(family_rules.select(["boilerplate"]), text)]
    wanted = [json.loads(line) for line in ANNOTATIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted = [a for a in wanted if a["category"] == "boilerplate"]
    assert len(wanted) >= 6
    missed = [a["quote"] for a in wanted if not any(s < a["end"] and e > a["start"] for s, e in spans)]
    assert missed == []


def test_families_are_nearly_silent_on_professional_references(family_rules):
    assert len(WMT_REFS) == 3
    words = hits = 0
    for path in WMT_REFS:
        text = path.read_text(encoding="utf-8")
        words += len(text.split())
        hits += len(_findings(family_rules.select(REFERENCE_FAMILIES), text, path=str(path)))
    assert words > 70_000
    assert 1000 * hits / words <= MAX_REF_HITS_PER_1000_WORDS, f"{hits} hits in {words} words"


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.mt.en.txt")), ids=lambda p: p.name)
def test_fixes_converge_and_remove_what_they_fix(family_rules, path: Path):
    text = path.read_text(encoding="utf-8")
    assert _findings(family_rules, text), "the sample shows these families at work"
    result = fix_text(text, family_rules, unsafe=True)
    assert result.converged
    assert _findings(family_rules, result.text) == []
    assert fix_text(result.text, family_rules, unsafe=True).text == result.text
    assert "Your email address will not be published" not in result.text
    assert len(result.text.split()) > 0.8 * len(text.split()), "the article text itself is kept"


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        ("It costs 2,5 Mrd. Euro.", "en-US", "It costs 2.5 billion euros."),
        ("Vote on 4. March 2021 at 18.30 Uhr.", "en-US", "Vote on March 4, 2021 at 6:30 p.m."),
        ("Vote on 4. March 2021 at 18.30 Uhr.", "en-GB", "Vote on 4 March 2021 at 6.30pm."),
        ("About 1.500 people ( mostly young ) came .", "en-US", "About 1,500 people (mostly young) came."),
    ],
)
def test_rounds_of_fixes_compose(family_rules, text: str, locale: str, expected: str):
    assert fix_text(text, family_rules, locale, unsafe=True).text == expected


RULE = """\
id: XX801
name: sample-boilerplate
family: boilerplate
category: non-translation
severity: minor
message: "m"
matcher:
  kind: detector
  detector: {detector}
  options:
{options}
why: "w"
examples:
  flag: ["[[Advertisement]]"]
  pass: ["An advertisement ran."]
"""


@pytest.mark.parametrize(
    ("detector", "options", "field"),
    [
        ("boilerplate-lines", "    lines: []", "options.lines"),
        ("boilerplate-lines", "    lines: ['advert(']", "options.lines[0]"),
        ("boilerplate-lines", "    lines: ['<<ad>>']", "options.lines[0]"),
        ("boilerplate-lines", "    lines: [advertisement]\n    colour: red", "options.colour"),
        ("teaser-block", "    max_lines: 3", "options.max_lines"),
        ("german-time", "    mode: sundial", "options.mode"),
        ("german-thousands", "    not_counted: [1, 2]", "options.not_counted"),
        ("repeated-word", "    allow: [had]", "options.allow"),
    ],
)
def test_bad_detector_options_name_the_field(tmp_path: Path, detector: str, options: str, field: str):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "rule.yaml").write_text(RULE.format(detector=detector, options=options), encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_rules([folder], builtin=False)
    assert "rule.yaml" in str(err.value) and field in str(err.value)
