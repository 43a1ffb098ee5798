"""fixer.fix_text and filefix: rounds, overlaps, line endings, and refusing stale files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from transcheck.errors import InputError
from transcheck.filefix import plan_file, write_plan
from transcheck.fixer import Edit, fix_text
from transcheck.rules import load_rules

RULE = """\
id: {id}
name: {name}
family: whitespace
category: fluency
severity: minor
message: "m"
matcher: {{kind: pattern, pattern: '{pattern}', replacement: '{replacement}'}}
fix: {{safety: {safety}}}
why: "w"
examples:
  flag: [{{text: "[[x]]", fixed: "y"}}]
  pass: ["z"]
"""


def rules(tmp_path: Path, *specs: tuple[str, str, str], safety: str = "safe"):
    """A rule folder of pattern rules (pattern, replacement) — only these, no built-ins."""
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    for i, (name, pattern, replacement) in enumerate(specs):
        text = RULE.format(id=f"TX{901 + i}", name=name, pattern=pattern, replacement=replacement, safety=safety)
        (folder / f"TX{901 + i}.yaml").write_text(text, encoding="utf-8")
    return load_rules([folder], builtin=False)


def apply_edits(text: str, edits: list[Edit]) -> str:
    out, pos = [], 0
    for e in edits:
        out += [text[pos : e.start], e.replacement]
        pos = e.end
    return "".join(out + [text[pos:]])


def test_repeats_until_nothing_changes(tmp_path, rules_cache_apart):
    # "aaaa" -> "aa" -> "a": each round halves the run, the next round sees the new text.
    rs = rules(tmp_path, ("halve", "aa", "a"))
    result = fix_text("xaaaax", rs)
    assert result.text == "xax"
    assert result.converged and result.rounds == 2
    assert result.applied == {"TX901": 3}


def test_round_bound_is_reported(tmp_path, rules_cache_apart):
    rs = rules(tmp_path, ("grow", "x+", "\\g<0>x"))
    result = fix_text("x", rs, max_rounds=3)
    assert result.text == "xxxx"
    assert not result.converged and result.rounds == 3


def test_cycle_stops_and_is_reported(tmp_path, rules_cache_apart):
    rs = rules(tmp_path, ("a-to-b", "a", "b"), ("b-to-a", "b", "a"))
    result = fix_text("a", rs, max_rounds=10)
    assert not result.converged
    assert result.rounds == 2  # a -> b -> a: the repeat is seen at once


def test_overlaps_resolve_deterministically(tmp_path, rules_cache_apart):
    # Both rules match overlapping spans; the earliest (then wider) wins, the other
    # comes back next round if it still applies.
    rs = rules(tmp_path, ("ab", "ab", "X"), ("bc", "bc", "Y"))
    first = fix_text("abc abc", rs)
    assert first.text == "Xc Xc"
    assert all(fix_text("abc abc", rs).text == first.text for _ in range(5))
    assert first.applied == {"TX901": 2}


def test_crlf_and_bom_are_kept(tmp_path, rules_cache_apart):
    rs = rules(tmp_path, ("double-space", "(?<=\\S)  +(?=\\S)", " "))
    text = "\ufeffOne  two\r\n\r\nthree  four\r\n"
    result = fix_text(text, rs)
    assert result.text == "\ufeffOne two\r\n\r\nthree four\r\n"
    assert apply_edits(text, result.edits) == result.text
    assert [text[e.start : e.end] for e in result.edits] == ["  ", "  "]


def test_deleted_lines_take_their_crlf(tmp_path, rules_cache_apart):
    folder = tmp_path / "del"
    folder.mkdir()
    (folder / "TX950.yaml").write_text(
        RULE.format(id="TX950", name="scrap", pattern="^Leave a Reply$", replacement="", safety="safe").replace(
            "replacement: ''", "delete: lines"
        ),
        encoding="utf-8",
    )
    rs = load_rules([folder], builtin=False)
    result = fix_text("Text.\r\n\r\nLeave a Reply\r\n\r\nMore.\r\n", rs)
    assert result.text == "Text.\r\n\r\nMore.\r\n"


def test_unsafe_fixes_are_held_back(tmp_path, rules_cache_apart):
    rs = rules(tmp_path, ("calque", "colleague", "counterpart"), safety="unsafe")
    safe_only = fix_text("his US colleague", rs)
    assert not safe_only.changed and safe_only.held_back == 1
    assert fix_text("his US colleague", rs, unsafe=True).text == "his US counterpart"


def test_drop_cap_fix_in_crlf_file_uses_file_offsets(ruleset):
    text = "Title\r\n\r\nDhe Russian President spoke.\r\n"
    result = fix_text(text, ruleset.select(["TC101"]))
    assert result.text == "Title\r\n\r\nThe Russian President spoke.\r\n"


def test_stale_file_is_refused(tmp_path, ruleset):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Title\n\nDhe Russian President spoke.\n")
    plan = plan_file(str(path), ruleset.select(["TC101"]))
    assert plan.result.changed
    path.write_bytes(b"Title\n\nDhe Russian President spoke today.\n")  # someone edits it meanwhile
    with pytest.raises(InputError, match="changed on disk"):
        write_plan(plan)
    assert path.read_bytes() == b"Title\n\nDhe Russian President spoke today.\n"


def test_same_size_same_mtime_edit_is_caught_by_hash(tmp_path, ruleset):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Dhe Russian President spoke.\n")
    stat = path.stat()
    plan = plan_file(str(path), ruleset.select(["TC101"]))
    path.write_bytes(b"Dhe Russian President SPOKE.\n")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    with pytest.raises(InputError, match="changed on disk"):
        write_plan(plan)


def test_write_plan_keeps_mode_and_backup(tmp_path, ruleset):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Dhe Russian President spoke.\n")
    path.chmod(0o640)
    write_plan(plan_file(str(path), ruleset.select(["TC101"])), backup=True)
    assert path.read_bytes() == b"The Russian President spoke.\n"
    assert (tmp_path / "a.txt.orig").read_bytes() == b"Dhe Russian President spoke.\n"
    assert path.stat().st_mode & 0o777 == 0o640
    assert (tmp_path / "a.txt.orig").stat().st_mode & 0o777 == 0o640
