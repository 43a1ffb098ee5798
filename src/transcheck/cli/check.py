"""`transcheck check`: run the rules over files and report findings."""

from __future__ import annotations

import sys
from enum import Enum

import typer

from transcheck.cli import exitcodes
from transcheck.cli.app import app
from transcheck.cli import grammar
from transcheck.cli.options import IGNORE, LOCALE, PATHS, RULES_DIRS, SELECT, Locale, split_keys, use_color
from transcheck.documents import expand_paths, read_document
from transcheck.engine import check as run_check
from transcheck.models import Finding, Severity
from transcheck.report import render
from transcheck.rules import load_rules


class Format(str, Enum):
    TEXT = "text"
    JSON = "json"


class FailOn(str, Enum):
    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"


@app.command()
def check(
    paths: list[str] = PATHS,
    format: Format = typer.Option(Format.TEXT, "--format", "-f", help="Report format."),
    select: list[str] = SELECT,
    ignore: list[str] = IGNORE,
    locale: Locale = LOCALE,
    fail_on: FailOn = typer.Option(FailOn.MINOR, "--fail-on", help="Exit 1 when a finding is at least this severe."),
    rules_dirs: list[str] = RULES_DIRS,
    languagetool: bool | None = grammar.LANGUAGETOOL,
    languagetool_url: str | None = grammar.LANGUAGETOOL_URL,
    languagetool_enable: list[str] = grammar.LANGUAGETOOL_ENABLE,
    languagetool_disable: list[str] = grammar.LANGUAGETOOL_DISABLE,
    languagetool_profile: str | None = grammar.LANGUAGETOOL_PROFILE,
) -> None:
    """Flag machine-translation artifacts in English text translated from German."""
    ruleset = load_rules(rules_dirs).select(split_keys(select), split_keys(ignore))
    documents = [read_document(p) for p in expand_paths(paths)]
    findings: list[Finding] = []
    for doc in documents:
        findings.extend(run_check(doc, ruleset, locale.value))
    findings = grammar.with_grammar(
        documents, findings, enabled=bool(languagetool), url=languagetool_url, locale=locale.value,
        enable=languagetool_enable, disable=languagetool_disable, profile=languagetool_profile,
    )
    report = render(format.value, findings, documents=documents, ruleset=ruleset, locale=locale.value, color=use_color())
    sys.stdout.write(report)
    threshold = Severity.parse(fail_on.value)
    failed = any(f.severity >= threshold for f in findings)
    raise typer.Exit(exitcodes.FINDINGS if failed else exitcodes.OK)
