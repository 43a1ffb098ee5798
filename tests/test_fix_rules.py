"""The rules' fixes through the fixer: every artifact family the fix command promises, every
rule's examples over several rounds, and no two rules fighting over a text."""

from __future__ import annotations

import pytest

from transcheck.fixer import fix_text
from transcheck.models import Safety
from transcheck.rules import RuleSet, load_rules

RULES = load_rules()
DEFAULT = RULES.select()

# (artifact family, draft, text after `fix` with the default rules and safe fixes only)
PROMISED = [
    ("drop-cap", "Dhe Russian President spoke.", "The Russian President spoke."),
    ("detached quote", "I wish him health, ”Putin said.", "I wish him health,” Putin said."),
    ("wrongly directed quote", "Peskov said: „Of course not.“", "Peskov said: “Of course not.”"),
    ("German quotes", "He said „never“ again.", "He said “never” again."),
    ("guillemets", "He said: «Never».", "He said: “Never.”"),
    ("en-US punctuation inside quotes", "He called him a “killer”.", "He called him a “killer.”"),
    ("boilerplate line", "Text.\n\nBe First to Comment\n\nMore text.", "Text.\n\nMore text."),
    ("boilerplate block", "Text.\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *",
     "Text."),
    ("decimal comma", "Growth was 3,5 percent.", "Growth was 3.5 percent."),
    ("thousands dot", "The budget is 2.500.000 euros.", "The budget is 2,500,000 euros."),
    ("numeric date and clock time", "It began on 18.03.2021 at 14.30 Uhr.", "It began on March 18, 2021 at 2:30 p.m."),
    ("ordinal date", "On 3. Oktober the talks began.", "On October 3 the talks began."),
    ("tokenizer leftovers", "The talks ( in Geneva ) ended , as expected .", "The talks (in Geneva) ended, as expected."),
    ("doubled space", "The  Kremlin rejected it.", "The Kremlin rejected it."),
    ("repeated word", "The Kremlin rejected the the report.", "The Kremlin rejected the report."),
]


@pytest.mark.parametrize(("family", "draft", "fixed"), PROMISED, ids=[p[0] for p in PROMISED])
def test_promised_safe_fixes(family, draft, fixed):
    result = fix_text(draft, DEFAULT)
    assert result.text == fixed
    assert result.converged and not fix_text(result.text, DEFAULT).changed


def test_locale_en_gb_keeps_punctuation_outside_quotes():
    assert not fix_text("He called him a “killer”.", DEFAULT, "en-GB").changed


def test_calque_fixes_are_never_safe():
    for rule in RULES:
        if rule.spec.family == "calques":
            assert rule.spec.fix_safety in (None, Safety.UNSAFE), rule.spec.id


def _flag_examples():
    for rule in RULES:
        if rule.spec.fix_safety is not None:
            for i, ex in enumerate(rule.spec.flag):
                yield pytest.param(rule, ex, id=f"{rule.spec.id}-flag{i}")


def _all_examples():
    for rule in RULES:
        for i, ex in enumerate(rule.spec.flag + rule.spec.passes):
            yield pytest.param(ex, id=f"{rule.spec.id}-{i}")


@pytest.mark.parametrize(("rule", "example"), list(_flag_examples()))
def test_rule_fix_through_the_fixer(rule, example):
    """Over several rounds the rule alone reaches its documented fixed text and stops."""
    result = fix_text(example.text, RuleSet([rule]), example.locale, unsafe=True)
    assert (result.text, result.converged) == (example.fixed, True)


@pytest.mark.parametrize("example", list(_all_examples()))
@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_rules_do_not_fight(example, unsafe):
    """With every default rule on, fixing each example text settles and is idempotent."""
    result = fix_text(example.text, DEFAULT, example.locale, unsafe=unsafe)
    assert result.converged, dict(result.applied)
    assert not fix_text(result.text, DEFAULT, example.locale, unsafe=unsafe).changed
