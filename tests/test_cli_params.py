"""`transcheck check`'s quick command-line reader (cli/params.py) reads what typer reads,
and hands typer every command line it is not sure of."""

from __future__ import annotations

import pytest

from transcheck.cli import check, params
from transcheck.cli.app import typer_app

READ_ALIKE = [
    ["a.txt"],
    ["a.txt", "b.txt", "-f", "json"],
    ["-fjson", "a.txt"],
    ["--format=sarif", "a.txt", "-o", "out.sarif"],
    ["a.txt", "-s", "TC101,TC102", "--select", "calques", "-i", "TC201"],
    ["--locale", "en-GB", "a.txt"],
    ["-j2", "a.txt", "--jobs", "3"],
    ["--no-languagetool", "a.txt"],
    ["--languagetool", "--languagetool-enable", "X", "--languagetool-url", "http://localhost:8081", "a.txt"],
    ["--max-penalty", "2.5", "a.txt", "--fail-on", "major"],
    ["--isolated", "a.txt", "--align", "--source", "s.txt", "--glossary", "g.csv"],
    ["-", "-o", "-"],
    ["--input-format", "po", "x.po", "--config", "c.toml", "--rules", "house"],
    ["--baseline", "b.json", "a.txt"],
]
LEFT_TO_TYPER = [
    [],
    ["--help"],
    ["a.txt", "-h"],
    ["--form", "json", "a.txt"],
    ["--jobs", "0", "a.txt"],
    ["--jobs", "two", "a.txt"],
    ["--format", "xml", "a.txt"],
    ["--max-penalty", "-1", "a.txt"],
    ["--isolated=1", "a.txt"],
    ["--", "a.txt"],
    ["a.txt", "--output"],
    ["a.txt", "--version"],
]


def typer_params(argv: list[str]) -> dict:
    """What typer parses ``argv`` into, without running the command."""
    import typer

    if "check" not in _registered():
        typer_app().command()(check.check)
    command = typer.main.get_command(typer_app()).commands["check"]
    with command.make_context("check", list(argv)) as ctx:
        return dict(ctx.params)


def _registered() -> set[str]:
    return {c.name or c.callback.__name__ for c in typer_app().registered_commands}


@pytest.mark.parametrize("argv", READ_ALIKE, ids=" ".join)
def test_reads_what_typer_reads(argv, monkeypatch):
    monkeypatch.delenv("TRANSCHECK_LANGUAGETOOL_URL", raising=False)
    assert params.parse(check.check, argv) == typer_params(argv)


@pytest.mark.parametrize("argv", LEFT_TO_TYPER, ids=lambda a: " ".join(a) or "nothing")
def test_leaves_the_rest_to_typer(argv):
    assert params.parse(check.check, argv) is None


def test_an_environment_value_is_left_to_typer(monkeypatch):
    monkeypatch.setenv("TRANSCHECK_LANGUAGETOOL_URL", "http://localhost:8081")
    assert params.parse(check.check, ["a.txt"]) is None
