"""Golden test: `fix --write` on the real Putin–Biden draft gives samples/putin-biden.fixed.en.txt
byte for byte, and what `check` still reports on it is only what needs a human."""

from __future__ import annotations

import json

from conftest import SAMPLES, run_cli

DRAFT = SAMPLES / "putin-biden.mt.en.txt"
GOLDEN = SAMPLES / "putin-biden.fixed.en.txt"
# Families whose findings need a human: calques and false friends (their fixes, if
# any, are unsafe), and German word-order fragments (the clause must be rewritten).
HUMAN_FAMILIES = {"calques", "fragments"}


def _findings(path) -> list[dict]:
    proc = run_cli("check", "--isolated", "--format", "json", str(path))
    assert proc.returncode in (0, 1), proc.stderr_text
    return json.loads(proc.stdout_text)["findings"]


def test_fix_write_reproduces_the_golden_file(tmp_path):
    copy = tmp_path / DRAFT.name
    copy.write_bytes(DRAFT.read_bytes())
    proc = run_cli("fix", "--isolated", "--write", str(copy))
    assert proc.returncode == 0, proc.stderr_text
    assert copy.read_bytes() == GOLDEN.read_bytes()
    # Idempotent: a second run finds nothing to change.
    again = run_cli("fix", "--isolated", str(copy))
    assert (again.returncode, again.stdout_text) == (0, "")


def test_fix_stdin_gives_the_same_text():
    proc = run_cli("fix", "--isolated", "-", input=DRAFT.read_bytes())
    assert proc.returncode == 0, proc.stderr_text
    assert proc.stdout == GOLDEN.read_bytes()


def test_only_human_judgement_findings_remain():
    before = _findings(DRAFT)
    after = _findings(GOLDEN)
    assert not [f for f in after if f["fix"] and f["fix"]["safety"] == "safe"]
    assert {f["family"] for f in after} <= HUMAN_FAMILIES, sorted({f["rule"] for f in after})
    # The mechanical artifacts are gone; every remaining finding was already in the draft.
    assert {f["family"] for f in before} - HUMAN_FAMILIES, "the draft had mechanical artifacts to fix"
    assert {(f["rule"], f["message"]) for f in after} <= {(f["rule"], f["message"]) for f in before}
