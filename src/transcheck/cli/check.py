"""`transcheck check`: run the rules over files and report findings (pipeline in runner.py)."""

from __future__ import annotations

import sys
from collections import Counter
from enum import Enum
from functools import partial

from transcheck import baseline as baseline_mod
from transcheck.cli import exitcodes
from transcheck.cli import grammar
from transcheck.cli.params import Option, command
from transcheck.cli.options import (
    ALIGN, CONFIG_FILE, GLOSSARY, IGNORE, INPUT_FORMAT, ISOLATED, JOBS, LOCALE_CHOICE, PATHS, RULES_DIRS, SELECT, SOURCE,
    InputFormat, Locale, read_options, selected_config, use_color,
)
from transcheck.cli.progress import progress
from transcheck.config import Config
from transcheck.errors import UsageError
from transcheck.fileio import atomic_writer
from transcheck.models import Severity
from transcheck.quality import score_documents
from transcheck.report import FORMATS
from transcheck.report import write as write_report
from transcheck.runner import RunResult, run

Format = Enum("Format", {name.upper(): name for name in FORMATS}, type=str)


class FailOn(str, Enum):
    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"


def _summary(result: RunResult) -> str:
    """One line for the terminal: findings by severity, files, suppressed and baselined."""
    counts = Counter(f.severity for f in result.findings)
    parts = ", ".join(f"{counts[s]} {s.label}" for s in sorted(counts, reverse=True))
    line = f"{len(result.findings)} finding(s){f' ({parts})' if parts else ''} in {len(result.documents)} file(s)"
    if result.suppressed:
        line += f"; {result.suppressed} suppressed"
    if result.baselined:
        line += f"; {result.baselined} known in the baseline"
    return line


def _grammar(config: Config, languagetool, url, enable, disable, profile):
    """LanguageTool as a runner.augment hook: options win over [languagetool] settings."""
    lt = config.languagetool
    enabled = languagetool if languagetool is not None else lt.enabled
    if not enabled:
        return None
    return partial(
        grammar.with_grammar, enabled=True, required=languagetool is not None, url=url or lt.url,
        locale=config.locale, enable=enable or list(lt.enable), disable=disable or list(lt.disable), profile=profile,
    )


@command()
def check(
    paths: list[str] = PATHS,
    format: Format | None = Option(None, "--format", "-f", help="Report format (default: text, or 'format' in the config)."),
    output: str | None = Option(None, "--output", "-o", help="Write the report to this file; a summary goes to stderr."),
    select: list[str] = SELECT,
    ignore: list[str] = IGNORE,
    locale: Locale | None = LOCALE_CHOICE,
    fail_on: FailOn | None = Option(None, "--fail-on", help="Exit 1 when a finding is at least this severe (default minor)."),
    rules_dirs: list[str] = RULES_DIRS,
    config_file: str | None = CONFIG_FILE,
    isolated: bool = ISOLATED,
    jobs: int | None = JOBS,
    baseline: str | None = Option(None, "--baseline", help="Report only findings not recorded in this baseline file."),
    write_baseline: str | None = Option(None, "--write-baseline", help="Record all current findings in this file and exit 0."),
    languagetool: bool | None = grammar.LANGUAGETOOL,
    languagetool_url: str | None = grammar.LANGUAGETOOL_URL,
    languagetool_enable: list[str] = grammar.LANGUAGETOOL_ENABLE,
    languagetool_disable: list[str] = grammar.LANGUAGETOOL_DISABLE,
    languagetool_profile: str | None = grammar.LANGUAGETOOL_PROFILE,
    input_format: InputFormat = INPUT_FORMAT,
    source: str | None = SOURCE,
    align: bool = ALIGN,
    glossary: str | None = GLOSSARY,
    max_penalty: float | None = Option(None, "--max-penalty", min=0, help="Exit 1 when a file's MQM-style score is above this many penalty points per 1,000 words."),
) -> None:
    """Flag machine-translation artifacts in English text translated from German."""
    if baseline and write_baseline:
        raise UsageError("use --baseline or --write-baseline, not both")
    read = read_options(input_format, source, glossary, paths, align)
    config = selected_config(
        config_file, isolated, select, ignore, locale, rules_dirs,
        format=format.value if format else None, fail_on=Severity.parse(fail_on.value) if fail_on else None,
    )
    limit = max_penalty if max_penalty is not None else config.quality.max_penalty
    augment = _grammar(config, languagetool, languagetool_url, languagetool_enable, languagetool_disable, languagetool_profile)
    with progress() as bar:
        result = run(paths, config, jobs, baseline, on_files=bar.start, on_file=bar.advance, augment=augment, read=read)
    if write_baseline:
        n = baseline_mod.write(write_baseline, result.findings, result.by_path)
        print(f"transcheck: recorded {n} finding(s) from {len(result.documents)} file(s) in {write_baseline}", file=sys.stderr)
        raise SystemExit(exitcodes.OK)
    context = dict(
        documents=result.documents, ruleset=result.ruleset, catalog=result.catalog, locale=config.locale,
        color=False if output else use_color(), weights=config.quality.weights, max_penalty=limit,
    )
    if output:  # written a finding at a time to a temporary file, renamed over ``output`` when complete
        with atomic_writer(output) as out:
            write_report(config.format, result.findings, out, **context)
        print(f"transcheck: {_summary(result)}; report written to {output}", file=sys.stderr)
    else:
        write_report(config.format, result.findings, sys.stdout, **context)
        if baseline:
            print(f"transcheck: {_summary(result)}", file=sys.stderr)
    over_limit = limit is not None and penalty_gate(result, config, limit)
    gate_findings = limit is None or fail_on is not None or config.fail_on_set  # a penalty limit replaces fail-on's default
    failed = over_limit or (gate_findings and any(f.severity >= config.fail_on for f in result.findings))
    raise SystemExit(exitcodes.FINDINGS if failed else exitcodes.OK)


def penalty_gate(result: RunResult, config: Config, limit: float) -> bool:
    """Name each file whose MQM-style score is above ``limit`` on stderr; True when one is."""
    over = score_documents(result.documents, result.findings, config.quality.weights).over_limit(limit)
    for score in over:
        print(f"transcheck: penalty limit exceeded: {score.path}: {score.per_1000_words:.2f} penalty points "
              f"per 1,000 words > --max-penalty {limit:g}", file=sys.stderr)
    return bool(over)
