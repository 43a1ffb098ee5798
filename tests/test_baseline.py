"""--write-baseline records findings; --baseline reports only new ones, matched by text not lines."""

from __future__ import annotations

import json
import re

from conftest import run_cli
from pipeline_helpers import DROP_CAP_MSG, LOW_QUOTE_MSG, concise, write

SEL = ["--select", "TC101,TC204"]


def _run(tmp_path, *args, cwd=None):
    return run_cli("check", "-f", "concise", *SEL, *args, cwd=cwd or tmp_path)


def test_write_then_check_against_the_baseline(tmp_path):
    write(tmp_path, {"docs/a.txt": "Dhe minister spoke.\n\nHe said „yes“.\n"})
    proc = _run(tmp_path, "--write-baseline", "baseline.json", "docs")
    assert (proc.returncode, proc.stdout_text) == (0, "")
    assert proc.stderr_text == "transcheck: recorded 2 finding(s) from 1 file(s) in baseline.json\n"
    data = json.loads((tmp_path / "baseline.json").read_text())
    assert (data["schema"], data["schema_version"]) == ("transcheck-baseline", 1)
    assert [(e["path"], e["rule"], e["count"]) for e in data["findings"]] == [("docs/a.txt", "TC101", 1), ("docs/a.txt", "TC204", 1)]
    assert all(re.fullmatch(r"[0-9a-f]{20}", e["fingerprint"]) for e in data["findings"])
    again = _run(tmp_path, "--baseline", "baseline.json", "docs")
    assert (again.returncode, again.stdout_text) == (0, "")
    assert again.stderr_text == "transcheck: 0 finding(s) in 1 file(s); 2 known in the baseline\n"


def test_edits_elsewhere_keep_old_findings_quiet_and_new_ones_show(tmp_path):
    write(tmp_path, {"a.txt": "Dhe minister spoke.\n\nHe said „yes“.\n"})
    _run(tmp_path, "--write-baseline", "baseline.json", "a.txt")
    write(tmp_path, {"a.txt": "A new headline\n\nAn inserted paragraph.\n\nDhe minister spoke.\n\nHe said „yes“.\n\nAhe minister left.\n"})
    proc = _run(tmp_path, "--baseline", "baseline.json", "a.txt")
    assert proc.returncode == 1
    assert proc.stdout_text == concise("a.txt", 9, 1, "TC101", "critical", DROP_CAP_MSG.replace("Dhe", "Ahe")) + "\n"


def test_counts_make_duplicates_work(tmp_path):
    write(tmp_path, {"a.txt": "He said „yes“.\n\nHe said „yes“.\n"})
    _run(tmp_path, "--write-baseline", "baseline.json", "a.txt")
    assert json.loads((tmp_path / "baseline.json").read_text())["findings"][0]["count"] == 2
    write(tmp_path, {"a.txt": "He said „yes“.\n\nHe said „yes“.\n\nHe said „yes“.\n"})
    proc = _run(tmp_path, "--baseline", "baseline.json", "a.txt")
    assert proc.stdout_text == concise("a.txt", 5, 9, "TC204", "major", LOW_QUOTE_MSG) + "\n"


def test_paths_are_relative_to_the_baseline_file(tmp_path):
    write(tmp_path, {"content/a.txt": "Dhe minister spoke.\n"})
    (tmp_path / "ci").mkdir()
    _run(tmp_path, "--write-baseline", "ci/baseline.json", "content/a.txt")
    assert json.loads((tmp_path / "ci" / "baseline.json").read_text())["findings"][0]["path"] == "../content/a.txt"
    proc = _run(tmp_path, "--baseline", "../ci/baseline.json", "a.txt", cwd=tmp_path / "content")
    assert (proc.returncode, proc.stdout_text) == (0, "")


def test_rewriting_a_baseline_is_atomic_and_leaves_nothing_behind(tmp_path):
    write(tmp_path, {"a.txt": "Dhe minister spoke.\n", "base/baseline.json": "old"})
    proc = _run(tmp_path, "--write-baseline", "base/baseline.json", "a.txt")
    assert proc.returncode == 0
    assert [p.name for p in (tmp_path / "base").iterdir()] == ["baseline.json"]
    assert json.loads((tmp_path / "base" / "baseline.json").read_text())["findings"][0]["rule"] == "TC101"


def test_bad_baselines_are_one_line_errors(tmp_path):
    write(tmp_path, {"a.txt": "Dhe minister spoke.\n", "junk.json": "{not json", "other.json": '{"schema": "x"}'})
    cases = {
        "missing.json": "transcheck: error: missing.json: baseline file not found\n",
        "other.json": "transcheck: error: other.json: not a transcheck baseline (schema transcheck-baseline version 1)\n",
    }
    for name, message in cases.items():
        proc = _run(tmp_path, "--baseline", name, "a.txt")
        assert (proc.returncode, proc.stderr_text) == (2, message)
    junk = _run(tmp_path, "--baseline", "junk.json", "a.txt")
    assert junk.returncode == 2 and junk.stderr_text.startswith("transcheck: error: junk.json: not a readable baseline file")
    both = _run(tmp_path, "--baseline", "b.json", "--write-baseline", "b.json", "a.txt")
    assert (both.returncode, both.stderr_text) == (2, "transcheck: error: use --baseline or --write-baseline, not both\n")
