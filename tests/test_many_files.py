"""Folders: include/exclude globs, .gitignore, parallel jobs, deterministic order, progress, bad input."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

from conftest import ROOT, run_cli
from pipeline_helpers import DROP_CAP, DROP_CAP_MSG, concise, write

SEL = ["--select", "TC101"]


def _paths(proc) -> list[str]:
    return [line.split(":", 1)[0] for line in proc.stdout_text.splitlines()]


def test_include_exclude_globs_from_the_config(tmp_path):
    write(tmp_path, {
        "transcheck.toml": 'include = ["*.md", "*.html"]\nexclude = ["drafts/", "**/*.old.md"]\n',
        "site/a.md": DROP_CAP, "site/b.html": DROP_CAP, "site/c.txt": DROP_CAP, "site/x.old.md": DROP_CAP,
        "site/drafts/d.md": DROP_CAP, "site/sub/e.md": DROP_CAP,
    })
    proc = run_cli("check", "-f", "concise", *SEL, "site", cwd=tmp_path)
    assert _paths(proc) == ["site/a.md", "site/b.html", "site/sub/e.md"]
    named = run_cli("check", "-f", "concise", *SEL, "site/drafts/d.md", "site/c.txt", cwd=tmp_path)
    assert _paths(named) == ["site/c.txt"]  # exclude applies to named files too; include does not


def test_gitignore_is_respected_unless_switched_off(tmp_path):
    write(tmp_path, {
        ".gitignore": "build/\n*.tmp.md\n",
        "docs/.gitignore": "private/\n!keep.tmp.md\n",
        "docs/a.md": DROP_CAP, "docs/x.tmp.md": DROP_CAP, "docs/keep.tmp.md": DROP_CAP,
        "docs/private/p.md": DROP_CAP, "build/out.md": DROP_CAP, "notes.txt": DROP_CAP,
    })
    (tmp_path / ".git").mkdir()
    proc = run_cli("check", "-f", "concise", *SEL, ".", cwd=tmp_path)
    assert _paths(proc) == ["docs/a.md", "docs/keep.tmp.md", "notes.txt"]
    sub = run_cli("check", "-f", "concise", *SEL, "docs", cwd=tmp_path)  # parent .gitignore still applies
    assert _paths(sub) == ["docs/a.md", "docs/keep.tmp.md"]
    write(tmp_path, {"transcheck.toml": "respect-gitignore = false\n"})
    every = run_cli("check", "-f", "concise", *SEL, ".", cwd=tmp_path)
    assert _paths(every) == ["build/out.md", "docs/a.md", "docs/keep.tmp.md", "docs/private/p.md", "docs/x.tmp.md", "notes.txt"]


def test_parallel_results_are_identical_and_ordered(tmp_path):
    files = {f"d{i % 3}/f{i:02}.txt": ("The minister spoke.\n\n" * (i % 4)) + DROP_CAP + "\nHe said „yes“.\n" for i in range(24)}
    write(tmp_path, files)
    runs = [run_cli("check", "-f", "json", "--select", "TC101,TC204", "--jobs", str(n), ".", cwd=tmp_path) for n in (1, 2)]
    assert runs[0].stdout_text == runs[1].stdout_text
    assert runs[0].returncode == runs[1].returncode == 1
    concise_run = run_cli("check", "-f", "concise", *SEL, "-j", "2", ".", cwd=tmp_path)
    expected = [concise(name, 1 + 2 * (int(name[-6:-4]) % 4), 1, "TC101", "critical", DROP_CAP_MSG) for name in sorted(files)]
    assert concise_run.stdout_text.splitlines() == expected


def test_no_progress_bar_when_piped_or_in_ci(tmp_path):
    write(tmp_path, {f"f{i}.txt": DROP_CAP for i in range(6)})
    piped = run_cli("check", "-f", "concise", *SEL, ".", cwd=tmp_path)
    assert piped.stderr_text == ""
    assert _stderr_on_a_terminal(tmp_path, {"CI": ""}).count("checking") >= 1
    assert _stderr_on_a_terminal(tmp_path, {"CI": "true"}) == ""


def _stderr_on_a_terminal(tmp_path, env: dict) -> str:
    """Run the CLI with stderr on a pseudo-terminal and return what it wrote there."""
    master, slave = pty.openpty()
    full_env = {**os.environ, "NO_COLOR": "1", **env}
    proc = subprocess.run(
        [sys.executable, "-m", "transcheck", "check", "-f", "concise", *SEL, "."],
        stdout=subprocess.PIPE, stderr=slave, cwd=tmp_path, env=full_env, timeout=300,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert proc.returncode == 1 and len(proc.stdout.splitlines()) == 6
    return b"".join(chunks).decode("utf-8", "replace")


def test_stdin_and_files_together(tmp_path):
    write(tmp_path, {"a.txt": DROP_CAP})
    proc = run_cli("check", "-f", "concise", *SEL, "a.txt", "-", input=DROP_CAP, cwd=tmp_path)
    assert _paths(proc) == ["<stdin>", "a.txt"]


def test_bad_input_is_one_line_and_exit_2(tmp_path):
    write(tmp_path, {"empty/notes.csv": "a,b\n", "ok.txt": DROP_CAP})
    (tmp_path / "bin.txt").write_bytes(b"Dhe\x00\x01\x02")
    (tmp_path / "latin1.txt").write_bytes("Dhe Minister sprach über\n".encode("latin-1"))
    (tmp_path / "void").mkdir()
    cases = {
        "missing.txt": "missing.txt: no such file or directory",
        "bin.txt": "bin.txt: looks like a binary file (NUL byte), not text",
        "latin1.txt": "latin1.txt: invalid UTF-8 at byte offset 20",
        "empty": "empty: folder holds no files to check (include: *.htm, *.html, *.markdown, *.md, *.po, *.pot, *.tmx, *.txt, *.xlf, *.xliff)",
        "void": "void: folder holds no files to check (include: *.htm, *.html, *.markdown, *.md, *.po, *.pot, *.tmx, *.txt, *.xlf, *.xliff)",
    }
    for name, message in cases.items():
        proc = run_cli("check", "ok.txt", name, cwd=tmp_path)
        assert (proc.returncode, proc.stdout_text, proc.stderr_text) == (2, "", f"transcheck: error: {message}\n"), name


def test_bad_file_inside_a_parallel_run_is_one_line(tmp_path):
    write(tmp_path, {f"f{i:02}.txt": DROP_CAP for i in range(10)})
    (tmp_path / "f05.txt").write_bytes(b"\xff\xfe bad")
    proc = run_cli("check", "-j", "2", ".", cwd=tmp_path)
    assert (proc.returncode, proc.stderr_text) == (2, "transcheck: error: f05.txt: invalid UTF-8 at byte offset 0\n")


def test_pre_commit_hook_runs_the_cli_on_the_files_it_is_given(tmp_path):
    import yaml

    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["id"], hook["language"], hook["types_or"]) == ("transcheck", "python", ["markdown", "plain-text"])
    program, *args = hook["entry"].split()
    assert program == "transcheck"
    write(tmp_path, {"transcheck.toml": 'select = ["TC101"]\nexclude = ["vendor/"]\n', "a.md": DROP_CAP, "vendor/b.md": DROP_CAP})
    proc = run_cli(*args, "a.md", "vendor/b.md", cwd=tmp_path)  # pre-commit appends the staged file names
    assert (proc.returncode, proc.stdout_text) == (1, concise("a.md", 1, 1, "TC101", "critical", DROP_CAP_MSG) + "\n")


def test_readme_documents_every_format():
    from transcheck.report import FORMATS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [fmt for fmt in FORMATS if f"| `{fmt}` |" not in readme] == []
