"""No rule can hang a run: ambiguous patterns run under a time budget and stop with exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli
from transcheck.rules.guard import GuardedPattern, compile_safe, needs_guard

RULE = """id: HS001
name: house-pattern
family: house-style
category: style
severity: minor
message: "house style"
matcher:
  kind: pattern
  pattern: '{pattern}'
why: "A house-style rule."
examples:
  flag:
    - text: "[[aa]]"
  pass:
    - "b"
"""


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(a|aa)+$", r"(?:\s+\w+)*x", r"(\w+)\1", r"(\w)(?:x\1)+",
                                     r"(a|ab)\1", r"(?:ab|a){1,400}z", r"(a)?(?(1)b|c)"])
def test_ambiguous_patterns_are_guarded(pattern: str) -> None:
    assert needs_guard(pattern)
    assert isinstance(compile_safe(pattern), GuardedPattern)


@pytest.mark.parametrize("pattern", [r"\bfoo\b", r"(?<=\S)(”[.,])", r"(?:US|French) colleagues?", r"a[bc]*d",
                                     r"(?:(?:\w+\s+){0,2})party", r"([.,;])\1", r"(\w)x\1"])
def test_unambiguous_patterns_run_on_re(pattern: str) -> None:
    assert not needs_guard(pattern)
    assert not isinstance(compile_safe(pattern), GuardedPattern)


def test_guarded_pattern_finds_what_re_finds() -> None:
    text = "the the cat sat on on the mat"
    guarded = compile_safe(r"\b(\w+) \1\b")
    assert [m.span() for m in guarded.finditer(text)] == [(0, 7), (16, 21)]
    assert [m.span() for m in guarded.finditer(text, 8, 22)] == [(16, 21)]
    assert guarded.search(text).group(1) == "the"
    assert guarded.match(text).span() == (0, 7) and guarded.match(text, 4) is None
    assert guarded.match(text, 16, 21).group(1) == "on"


def test_phrase_list_pattern_that_needs_a_guard_is_tried_at_its_opening_word(tmp_path: Path, rules_cache_apart) -> None:
    """A guarded pattern whose matches all start with a literal is tried only where the
    literal starts (``re.Pattern.match`` on the guarded pattern)."""
    draft = tmp_path / "draft.txt"
    draft.write_text("The boat could be towed to the harbour later.\n", encoding="utf-8")
    folder = _rule_folder(tmp_path, r"could(?:[ \t]+[a-z]+){1,6}?[ \t]+later")
    proc = run_cli("check", "--isolated", "--rules", str(folder), "--select", "HS001", "-f", "concise", str(draft))
    assert proc.returncode == 1, proc.stderr_text
    assert "draft.txt:1:10: HS001" in proc.stdout_text


def _rule_folder(tmp_path: Path, pattern: str) -> Path:
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "HS001-house-pattern.yaml").write_text(RULE.format(pattern=pattern), encoding="utf-8")
    return folder


def test_catastrophic_user_pattern_stops_with_one_line_and_exit_2(tmp_path: Path, rules_cache_apart) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("a" * 40 + "!\n", encoding="utf-8")
    folder = _rule_folder(tmp_path, r"(a|aa)+$")
    proc = run_cli("check", "--isolated", "--rules", str(folder), "--select", "HS001", str(draft))
    assert proc.returncode == 2
    lines = proc.stderr_text.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr_text
    assert "HS001-house-pattern.yaml" in lines[0] and "draft.txt" in lines[0] and "time budget" in lines[0]


def test_nested_pattern_that_ends_quickly_still_finds(tmp_path: Path, rules_cache_apart) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("a" * 40 + "!\naaaa\n", encoding="utf-8")
    folder = _rule_folder(tmp_path, r"^(a+)+$")
    proc = run_cli("check", "--isolated", "--rules", str(folder), "--select", "HS001", "-f", "concise", str(draft))
    assert proc.returncode == 1, proc.stderr_text
    assert "draft.txt:2:1: HS001" in proc.stdout_text
