"""`transcheck eval`: run exactly what `check` runs over annotated texts and measure it."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer

from transcheck.cli import exitcodes, grammar
from transcheck.cli.app import app
from transcheck.cli.check import _grammar
from transcheck.cli.options import CONFIG_FILE, IGNORE, ISOLATED, JOBS, LOCALE_CHOICE, Locale, RULES_DIRS, SELECT, selected_config, use_color
from transcheck.documents import decode, read_bytes
from transcheck.errors import InputError
from transcheck.evaluation import annotations as annotations_mod
from transcheck.evaluation.gates import RecallGate, check_gates, parse_fraction
from transcheck.evaluation.measure import match
from transcheck.evaluation.report import TextSet, build
from transcheck.fileio import atomic_write
from transcheck.report import eval_text
from transcheck.runner import run


class EvalFormat(str, Enum):
    TEXT = "text"
    JSON = "json"


def _texts(folder: str) -> list[str]:
    root = Path(folder)
    if not root.is_dir():
        raise InputError(f"{folder}: not a folder")
    files = sorted(str(p) for p in root.rglob("*.txt") if p.is_file())
    if not files:
        raise InputError(f"{folder}: folder holds no .txt files")
    return files


def _text_set(folder: str, files: list[str], result, required: bool) -> TextSet:
    docs = [d for d in result.documents if d.path in set(files)]
    raw = {path: decode(read_bytes(path), path) for path in files}
    marks = {path: annotations_mod.load(path, raw[path], required) for path in files}
    mine = [f for f in result.findings if f.path in raw]
    return TextSet(folder, match(docs, mine, marks), raw, {d.path: d.bom for d in docs})


@app.command(name="eval")
def eval_command(
    mt_dir: str = typer.Argument(..., help="Folder of annotated texts: NAME.txt with NAME.annotations.jsonl beside it."),
    clean: list[str] = typer.Option([], "--clean", help="Folder of native texts (annotations optional); repeatable."),
    format: EvalFormat = typer.Option(EvalFormat.TEXT, "--format", "-f", help="Report format."),
    output: str | None = typer.Option(None, "--output", "-o", help="Write the report to this file."),
    select: list[str] = SELECT,
    ignore: list[str] = IGNORE,
    locale: Locale | None = LOCALE_CHOICE,
    rules_dirs: list[str] = RULES_DIRS,
    config_file: str | None = CONFIG_FILE,
    isolated: bool = ISOLATED,
    jobs: int | None = JOBS,
    min_recall: list[str] = typer.Option([], "--min-recall", help="Gate: CATEGORY=R (or CAT+CAT=R, all=R); repeatable."),
    min_precision: float | None = typer.Option(None, "--min-precision", help="Gate: minimum precision of all findings on MT_DIR."),
    max_clean_rate: float | None = typer.Option(None, "--max-clean-rate", help="Gate: maximum unmatched findings per 1,000 words in each --clean folder."),
    languagetool: bool | None = grammar.LANGUAGETOOL,
    languagetool_url: str | None = grammar.LANGUAGETOOL_URL,
    languagetool_enable: list[str] = grammar.LANGUAGETOOL_ENABLE,
    languagetool_disable: list[str] = grammar.LANGUAGETOOL_DISABLE,
    languagetool_profile: str | None = grammar.LANGUAGETOOL_PROFILE,
) -> None:
    """Measure the checks against hand annotations: recall, precision and the rate on native text."""
    recall_gates = [RecallGate.parse(text) for text in min_recall]
    parse_fraction(min_precision, "--min-precision")
    config = selected_config(config_file, isolated, select, ignore, locale, rules_dirs)
    mt_files = _texts(mt_dir)
    clean_files = {folder: _texts(folder) for folder in clean}
    for path in mt_files:  # bad annotation files stop the run before any checking
        annotations_mod.load(path, decode(read_bytes(path), path), required=True)
    augment = _grammar(config, languagetool, languagetool_url, languagetool_enable, languagetool_disable, languagetool_profile)
    every = mt_files + [f for files in clean_files.values() for f in files]
    result = run(every, config, jobs, augment=augment)
    mt = _text_set(mt_dir, mt_files, result, required=True)
    clean_sets = [_text_set(folder, files, result, required=False) for folder, files in clean_files.items()]
    figures = build(mt, clean_sets)
    figures["gates"] = check_gates(figures, recall_gates, min_precision, max_clean_rate)
    raw = {**mt.raw, **{k: v for c in clean_sets for k, v in c.raw.items()}}
    if format is EvalFormat.JSON:
        report = json.dumps(figures, indent=2, ensure_ascii=False) + "\n"
    else:
        report = eval_text.render(figures, raw, color=False if output else use_color())
    if output:
        atomic_write(output, report.encode("utf-8"))
        print(f"transcheck: evaluation written to {output}", file=sys.stderr)
    else:
        sys.stdout.write(report)
    failed = [g for g in figures["gates"] if not g["passed"]]
    for g in failed:
        print(f"transcheck: gate failed: {g['gate']} is {g['value']:.3f}, limit {g['limit']}", file=sys.stderr)
    raise typer.Exit(exitcodes.FINDINGS if failed else exitcodes.OK)
