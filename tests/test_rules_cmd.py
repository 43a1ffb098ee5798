"""`transcheck rules --family`: a family's rules, or one clear line for a family that no rule has."""

from __future__ import annotations

from conftest import run_cli


def test_family_lists_only_its_rules():
    proc = run_cli("rules", "--family", "drop-cap")
    assert proc.returncode == 0
    ids = {line.split("│")[1].strip() for line in proc.stdout_text.splitlines() if line.startswith("│")}
    assert ids and all(rule_id.startswith("TC1") for rule_id in ids)
    assert "TC101" in ids and "TC201" not in ids


def test_unknown_family_is_a_usage_error_naming_the_families():
    proc = run_cli("rules", "--family", "no-such-family")
    assert proc.returncode == 2
    assert proc.stdout_text == ""
    lines = proc.stderr_text.strip().splitlines()
    assert len(lines) == 1
    assert "unknown family 'no-such-family'" in lines[0] and "calques" in lines[0]
