"""A command line the CLI cannot read, on every command: one line on stderr naming the
problem and where the help is, exit 2, no traceback (the real CLI in a subprocess)."""

from __future__ import annotations

import pytest

from conftest import run_cli

TEXT = "The minister spoke on Thursday.\n"


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["check", "{a}", "-f", "nosuch"], "'nosuch' is not one of"),
        (["check", "--jobs", "0", "{a}"], "--jobs"),
        (["check", "{a}", "--locale", "xx"], "--locale"),
        (["score", "{a}"], "Missing option '--ref'"),
        (["eval"], "Missing argument"),
        (["report", "{a}", "-f", "text"], "'text' is not one of"),
        (["nosuchcommand"], "No such command 'nosuchcommand'"),
        (["languagetool", "nosuch"], "No such command 'nosuch'"),
        (["languagetool", "serve", "--port", "99999"], "65535"),
    ],
)
def test_a_usage_error_is_one_line_and_exit_2(tmp_path, args, needle):
    text = tmp_path / "a.txt"
    text.write_text(TEXT, encoding="utf-8")
    proc = run_cli(*[arg.replace("{a}", str(text)) for arg in args])
    lines = proc.stderr_text.strip().splitlines()
    assert proc.returncode == 2, proc.stderr_text
    assert len(lines) == 1 and lines[0].startswith("transcheck: error: "), proc.stderr_text
    assert needle in lines[0] and "-h')" in lines[0]


@pytest.mark.parametrize("command", [["check"], ["report"], ["eval", "{dev}"]])
def test_a_report_path_that_is_a_folder_is_one_line_and_exit_2(tmp_path, command):
    text = tmp_path / "a.txt"
    text.write_text(TEXT, encoding="utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    args = [arg.replace("{dev}", str(tmp_path / "dev")) for arg in command]
    if command[0] == "eval":
        (tmp_path / "dev").mkdir()
        (tmp_path / "dev" / "a.txt").write_text(TEXT, encoding="utf-8")
        (tmp_path / "dev" / "a.annotations.jsonl").write_text("", encoding="utf-8")
    else:
        args.append(str(text))
    proc = run_cli(*args, "-o", str(folder))
    assert proc.returncode == 2, proc.stderr_text
    assert proc.stderr_text.strip().splitlines() == [f"transcheck: error: {folder}: is a folder; name the file to write"]
    assert list(folder.iterdir()) == [] and not list(tmp_path.glob(".out.*"))


def test_no_arguments_print_the_help(tmp_path):
    proc = run_cli()
    assert proc.returncode == 2
    assert "Usage: " in proc.stdout_text and "check" in proc.stdout_text
    assert "Traceback" not in proc.stderr_text


@pytest.mark.parametrize(("glossary", "needle"), [(None, "no such file"), ("de,en\n\"unclosed\n", "needs a German and an English term")])
def test_a_bad_glossary_is_one_line_and_exit_2_on_any_file(tmp_path, glossary, needle):
    """Read before the files: a plain file, which no glossary rule reads, is no reason to ignore it."""
    text = tmp_path / "a.txt"
    text.write_text(TEXT, encoding="utf-8")
    path = tmp_path / "terms.csv"
    if glossary is not None:
        path.write_text(glossary, encoding="utf-8")
    proc = run_cli("check", str(text), "--glossary", str(path))
    lines = proc.stderr_text.strip().splitlines()
    assert proc.returncode == 2 and len(lines) == 1 and needle in lines[0], proc.stderr_text


def test_a_named_pipe_is_refused_not_read(tmp_path):
    """Reading a named pipe with no writer would wait for ever: say what it is instead."""
    import os

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    proc = run_cli("check", str(pipe))
    assert proc.returncode == 2
    assert proc.stderr_text.strip().splitlines() == [f"transcheck: error: {pipe}: not a regular file or folder (pipe its content to '-')"]
