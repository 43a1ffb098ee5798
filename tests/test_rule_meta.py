"""Meta-tests on the rule set and the rule-file schema."""

from __future__ import annotations

from pathlib import Path

import pytest

from transcheck.errors import RuleFileError
from transcheck.rules import load_rules
from transcheck.rules.spec import FAMILIES

VALID = """\
id: XX001
name: sample-rule
family: whitespace
category: fluency
severity: minor
message: "m"
matcher: {kind: pattern, pattern: "  +"}
why: "w"
examples:
  flag: ["a[[  ]]b"]
  pass: ["a b"]
"""


def _write(folder: Path, text: str, name: str = "rule.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_every_family_has_rules(ruleset):
    families = {r.spec.family for r in ruleset}
    assert families == set(FAMILIES)


def test_every_rule_has_flag_and_pass_examples(ruleset):
    for rule in ruleset:
        assert rule.spec.flag and rule.spec.passes, rule.spec.id


def test_user_rule_folder_loads(tmp_path, rules_cache_apart):
    rules = load_rules([_write(tmp_path / "mine", VALID)], builtin=False)
    assert [r.spec.id for r in rules] == ["XX001"]


def test_user_rule_folder_may_name_its_own_family(tmp_path, rules_cache_apart):
    rules = load_rules([_write(tmp_path / "mine", VALID.replace("family: whitespace", "family: house-style"))], builtin=False)
    assert [r.spec.family for r in rules] == ["house-style"]
    assert [r.spec.id for r in rules.select(["house-style"], [])] == ["XX001"]


def test_builtin_rules_use_the_builtin_families(ruleset):
    assert {r.spec.family for r in ruleset} <= set(FAMILIES)


def test_duplicate_id_is_refused(tmp_path):
    folder = _write(tmp_path / "mine", VALID)
    _write(folder, VALID.replace("sample-rule", "other-name"), "second.yaml")
    with pytest.raises(RuleFileError, match="XX001"):
        load_rules([folder], builtin=False)


def test_duplicate_of_builtin_id_is_refused(tmp_path, ruleset):
    taken = next(iter(ruleset)).spec.id
    with pytest.raises(RuleFileError, match=taken):
        load_rules([_write(tmp_path / "mine", VALID.replace("XX001", taken))])


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (("examples:\n  flag: [\"a[[  ]]b\"]\n  pass: [\"a b\"]\n", ""), "examples"),
        (("family: whitespace", "family: House Style"), "family"),
        (("severity: minor", "severity: huge"), "severity"),
        (("name: sample-rule", "name: Sample Rule"), "name"),
        (('pattern: "  +"', 'pattern: "(("'), "matcher.pattern"),
        (("flag: [\"a[[  ]]b\"]", "flag: [\"a  b\"]"), "examples.flag[0]"),
        (("why: \"w\"", "why: \"w\"\ncolour: red"), "colour"),
    ],
)
def test_schema_errors_name_file_and_field(tmp_path, change, field):
    folder = _write(tmp_path / "bad", VALID.replace(*change))
    with pytest.raises(RuleFileError) as err:
        load_rules([folder], builtin=False)
    assert "rule.yaml" in str(err.value) and field in str(err.value)


def test_empty_rule_file_is_refused(tmp_path):
    with pytest.raises(RuleFileError, match="empty rule file"):
        load_rules([_write(tmp_path / "e", "  \n")], builtin=False)


def test_key_given_twice_is_refused(tmp_path):
    text = VALID.replace('why: "w"', 'why: "w"\nwhy: "again"')
    with pytest.raises(RuleFileError, match="line 9: key .why. appears twice"):
        load_rules([_write(tmp_path / "d", text)], builtin=False)


def test_detector_options_are_checked(tmp_path):
    detector_rule = VALID.replace('matcher: {kind: pattern, pattern: "  +"}', "matcher: {kind: detector, detector: drop-cap, options: {%s}}")
    with pytest.raises(RuleFileError, match=r"options\.bogus: unknown option"):
        load_rules([_write(tmp_path / "a", detector_rule % "bogus: 1")], builtin=False)
    with pytest.raises(RuleFileError, match=r"options\.min_gap: must be float"):
        load_rules([_write(tmp_path / "b", detector_rule % "min_gap: many")], builtin=False)
