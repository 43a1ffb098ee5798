"""`transcheck fix` through the real CLI in a subprocess, on real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLES, run_cli

DRAFT = "Title\n\nDhe Russian President spoke on Thursday.\n"
FIXED = "Title\n\nThe Russian President spoke on Thursday.\n"


def write(tmp_path: Path, data: bytes | str, name: str = "a.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def one_error_line(proc) -> str:
    lines = proc.stderr_text.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("transcheck: error: "), proc.stderr_text
    assert "Traceback" not in proc.stderr_text
    return lines[0]


def test_diff_is_printed_and_file_left_alone(tmp_path):
    path = write(tmp_path, DRAFT)
    proc = run_cli("fix", "--select", "TC101", str(path))
    assert proc.returncode == 1
    out = proc.stdout_text
    assert out.startswith(f"--- {path}\n+++ {path}\n@@ ")
    assert "-Dhe Russian President spoke on Thursday.\n+The Russian President spoke on Thursday.\n" in out
    assert "\x1b[" not in out
    assert "would fix 1 issue in 1 of 1 file (TC101 drop-cap-initial ×1)" in proc.stderr_text
    assert path.read_text() == DRAFT


def test_diff_is_coloured_only_when_forced(tmp_path):
    path = write(tmp_path, DRAFT)
    # run_cli always turns colour off, so this one runs the CLI itself with FORCE_COLOR.
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | {"FORCE_COLOR": "1"}
    proc = subprocess.run([sys.executable, "-m", "transcheck", "fix", "--select", "TC101", str(path)],
                          capture_output=True, env=env, timeout=600)
    assert proc.returncode == 1
    out = proc.stdout.decode()
    assert "\x1b[" in out and "The Russian" in out


def test_nothing_to_fix_exits_0(tmp_path):
    path = write(tmp_path, FIXED)
    proc = run_cli("fix", "--select", "TC101", str(path))
    assert (proc.returncode, proc.stdout_text) == (0, "")
    assert "nothing to fix" in proc.stderr_text


def test_write_applies_and_second_run_changes_nothing(tmp_path):
    path = write(tmp_path, DRAFT)
    proc = run_cli("fix", "--write", "--select", "TC101", str(path))
    assert proc.returncode == 0, proc.stderr_text
    assert proc.stdout_text == ""
    assert path.read_text() == FIXED
    stamp = path.stat().st_mtime_ns
    again = run_cli("fix", "--write", "--select", "TC101", str(path))
    assert again.returncode == 0 and "nothing to fix" in again.stderr_text
    assert path.stat().st_mtime_ns == stamp and path.read_text() == FIXED
    assert run_cli("fix", "--select", "TC101", str(path)).returncode == 0


def test_crlf_and_bom_survive(tmp_path):
    path = write(tmp_path, b"\xef\xbb\xbfTitle\r\n\r\nDhe Russian President spoke.\r\nSecond line.\r\n")
    proc = run_cli("fix", "--write", "--select", "TC101", str(path))
    assert proc.returncode == 0, proc.stderr_text
    assert path.read_bytes() == b"\xef\xbb\xbfTitle\r\n\r\nThe Russian President spoke.\r\nSecond line.\r\n"


def test_backup_keeps_the_original(tmp_path):
    path = write(tmp_path, DRAFT)
    proc = run_cli("fix", "--write", "--backup", "--select", "TC101", str(path))
    assert proc.returncode == 0, proc.stderr_text
    assert path.read_text() == FIXED
    assert (tmp_path / "a.txt.orig").read_text() == DRAFT


def test_backup_never_overwrites_an_earlier_backup(tmp_path):
    path = write(tmp_path, DRAFT)
    (tmp_path / "a.txt.orig").write_text("an older backup\n")
    proc = run_cli("fix", "--write", "--backup", "--select", "TC101", str(path))
    assert proc.returncode == 0, proc.stderr_text
    assert (tmp_path / "a.txt.orig").read_text() == "an older backup\n"
    assert (tmp_path / "a.txt.orig.1").read_text() == DRAFT
    assert path.read_text() == FIXED


def test_stdin_prints_the_fixed_text(tmp_path):
    proc = run_cli("fix", "--select", "TC101", "-", input=DRAFT)
    assert (proc.returncode, proc.stdout_text) == (0, FIXED)


def test_folder_fixes_each_file(tmp_path):
    write(tmp_path, DRAFT, "one.txt")
    write(tmp_path, FIXED, "two.md")
    proc = run_cli("fix", "--write", "--select", "TC101", str(tmp_path))
    assert proc.returncode == 0
    assert (tmp_path / "one.txt").read_text() == FIXED and (tmp_path / "two.md").read_text() == FIXED
    assert "fixed 1 issue in 1 of 2 files" in proc.stderr_text


def test_unsettled_fixes_are_reported(tmp_path, rules_cache_apart):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "TX990.yaml").write_text(
        "id: TX990\nname: test-grow\nfamily: whitespace\ncategory: fluency\nseverity: minor\nmessage: m\n"
        "matcher: {kind: pattern, pattern: 'x+', replacement: '\\g<0>x'}\nfix: {safety: safe}\nwhy: w\n"
        "examples:\n  flag: [{text: '[[x]]', fixed: 'xx'}]\n  pass: ['y']\n",
        encoding="utf-8",
    )
    path = write(tmp_path, "x\n")
    proc = run_cli("fix", "--write", "--rules", str(rules), "--select", "TX990", "--max-rounds", "3", str(path))
    assert path.read_text() == "xxxx\n"
    assert "fixes did not settle within 3 rounds" in proc.stderr_text


@pytest.mark.parametrize(
    ("args", "data", "needle"),
    [
        (["missing.txt"], None, "no such file"),
        (["bin.txt"], b"\x00\x01binary", "binary"),
        (["bad.txt"], b"caf\xe9\n", "invalid UTF-8"),
        (["--select", "NOPE999", "a.txt"], DRAFT.encode(), "unknown rule"),
        (["--backup", "a.txt"], DRAFT.encode(), "--backup needs --write"),
        (["-", "a.txt"], DRAFT.encode(), "cannot be combined"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, args, data, needle):
    target = next((a for a in args if a.endswith(".txt")), None)
    if data is not None and target:
        write(tmp_path, data, target)
    proc = run_cli("fix", *args, cwd=tmp_path)
    assert proc.returncode == 2
    assert needle in one_error_line(proc)


def _fixable(findings: list[dict]) -> list[dict]:
    return [f for f in findings if f["fix"] and f["fix"]["safety"] == "safe"]


def test_check_after_fix_reports_no_safe_fixes(tmp_path):
    path = write(tmp_path, (SAMPLES / "putin-biden.mt.en.txt").read_bytes(), "draft.txt")
    before = json.loads(run_cli("check", "--format", "json", str(path)).stdout_text)["findings"]
    assert _fixable(before), "the draft has safe-fixable findings"
    proc = run_cli("fix", "--write", str(path))
    assert proc.returncode == 0, proc.stderr_text
    after = json.loads(run_cli("check", "--format", "json", str(path)).stdout_text)["findings"]
    assert _fixable(after) == []
    assert {f["rule"] for f in _fixable(before)}.isdisjoint({f["rule"] for f in _fixable(after)})
    assert len(after) < len(before)


def test_locale_decides_punctuation_inside_quotes(tmp_path):
    path = write(tmp_path, "He called him a “killer”.\n")
    assert run_cli("fix", "--locale", "en-GB", str(path)).returncode == 0
    proc = run_cli("fix", "--locale", "en-US", str(path))
    assert proc.returncode == 1 and "+He called him a “killer.”\n" in proc.stdout_text


def test_config_file_and_suppressions_are_honoured(tmp_path):
    (tmp_path / "transcheck.toml").write_text('ignore = ["drop-cap"]\n', encoding="utf-8")
    write(tmp_path, DRAFT)
    proc = run_cli("fix", "a.txt", cwd=tmp_path)
    assert (proc.returncode, proc.stdout_text) == (0, ""), proc.stderr_text
    suppressed = write(tmp_path, "Title\n\nDhe Russian President spoke. [transcheck: ignore TC101]\n", "b.txt")
    proc = run_cli("fix", "--isolated", "--select", "TC101", str(suppressed))
    assert (proc.returncode, proc.stdout_text) == (0, ""), proc.stderr_text


def test_diff_splits_lines_at_newlines_only(tmp_path):
    # U+2028 and form feeds are not line ends for the diff (str.splitlines would split there).
    path = write(tmp_path, "Title\u2028same line\x0c\n\nDhe Russian President spoke.")
    proc = run_cli("fix", "--select", "TC101", str(path))
    assert proc.stdout_text.endswith(
        " Title\u2028same line\x0c\n \n-Dhe Russian President spoke.\n\\ No newline at end of file\n"
        "+The Russian President spoke.\n\\ No newline at end of file\n"
    )
