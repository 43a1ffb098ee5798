"""`transcheck fix`: show (or, with --write, apply) the rules' automatic fixes.

Files, configuration, per-path rule selection and suppressions come from the shared
check pipeline (runner.Checker, discovery), so `fix` changes exactly what `check` reports.

Exit codes: without ``--write``, 1 when some file would change and 0 when none would
(like ``ruff check --diff`` and ``black --check``); with ``--write``, 0 once the fixes
are written; 2 for usage or input errors, including a file that changed on disk while
it was being fixed. ``-`` reads stdin and prints the fixed text to stdout.
"""

from __future__ import annotations

import difflib
import sys
from collections import Counter
from functools import partial

import typer

from transcheck.cli import exitcodes
from transcheck.cli.app import app
from transcheck.cli.options import CONFIG_FILE, IGNORE, INPUT_FORMAT, ISOLATED, InputFormat, LOCALE_CHOICE, Locale, PATHS, RULES_DIRS, SELECT, selected_config, use_color
from transcheck import formats
from transcheck.discovery import discover
from transcheck.documents import Document, decode
from transcheck.errors import TranscheckError, UsageError
from transcheck.filefix import BACKUP_SUFFIX, FilePlan, plan_file, write_plan
from transcheck.fixer import MAX_ROUNDS, Find, FixResult, fix_text
from transcheck.models import Finding
from transcheck.rules import RuleSet
from transcheck.runner import Checker

NO_EOL = "\\ No newline at end of file\n"


def _lines(text: str) -> list[str]:
    """Lines split at LF only (str.splitlines would also split at U+2028, form feeds, ...)."""
    parts = text.split("\n")
    return [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def unified_diff(path: str, old: str, new: str) -> str:
    """A unified diff of one file (line endings kept, so the patch applies)."""
    lines = difflib.unified_diff(_lines(old), _lines(new), fromfile=path, tofile=path)
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n" + NO_EOL)
    return "".join(out)


def _print_diff(diff: str) -> None:
    if not use_color():
        sys.stdout.write(diff)
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(force_terminal=True, highlight=False, soft_wrap=True)
    styles = {"+++": "bold", "---": "bold", "@@": "cyan", "+": "green", "-": "red"}
    for line in diff.rstrip("\n").split("\n"):
        style = next((s for prefix, s in styles.items() if line.startswith(prefix)), "")
        console.print(Text(line.rstrip("\r"), style=style))


def _summary(applied: Counter, ruleset: RuleSet) -> str:
    names = {r.spec.id: r.spec.name for r in ruleset}
    return ", ".join(f"{rule} {names.get(rule, '')} ×{n}" for rule, n in sorted(applied.items()))


def _report(results: list[FixResult], files: int, write: bool, ruleset: RuleSet) -> None:
    """One summary line on stderr, plus warnings for fixes that did not settle."""
    applied: Counter = Counter()
    for r in results:
        applied.update(r.applied)
    total = sum(applied.values())
    held = sum(r.held_back for r in results)
    if not total:
        line = "nothing to fix"
    else:
        verb = "fixed" if write else "would fix"
        changed = sum(1 for r in results if r.changed)
        line = f"{verb} {total} issue{'s' if total != 1 else ''} in {changed} of {files} file{'s' if files != 1 else ''}"
        line += f" ({_summary(applied, ruleset)})"
        if not write:
            line += "; run with --write to apply"
    if held:
        line += f"; {held} more fix{'es' if held != 1 else ''} available with --unsafe-fixes"
    print(f"transcheck: {line}", file=sys.stderr)


def _warn_unsettled(path: str, result: FixResult, max_rounds: int) -> None:
    if not result.converged:
        print(f"transcheck: warning: {path}: fixes did not settle within {max_rounds} rounds; "
              "the result may still hold fixable findings", file=sys.stderr)


def _fix_stdin(find: Find, unsafe: bool, max_rounds: int) -> None:
    text = decode(sys.stdin.buffer.read(), "<stdin>")
    result = fix_text(text, None, unsafe=unsafe, max_rounds=max_rounds, path="<stdin>", find=find)
    sys.stdout.buffer.write(result.text.encode("utf-8"))
    sys.stdout.flush()
    _warn_unsettled("<stdin>", result, max_rounds)


def _finder(checker: Checker) -> Find:
    """The shared pipeline's findings for a document: its path's rules, locale and suppressions."""

    def find(doc: Document) -> list[Finding]:
        return checker.filter(doc, checker.check(doc))[0]

    return find


def _load(path: str, text: str, options: formats.ReadOptions) -> Document:
    """A file's text as a document of its format: fixes then change only its target text."""
    return formats.read_text(path, text, options)


def _write_all(plans: list[FilePlan], backup: bool) -> list[FilePlan]:
    """Write each changed file and return those written; a refused file does not stop the others."""
    written = []
    for plan in plans:
        try:
            write_plan(plan, backup)
            written.append(plan)
        except TranscheckError as err:
            print(f"transcheck: error: {err}", file=sys.stderr)
    return written


@app.command()
def fix(
    paths: list[str] = PATHS,
    write: bool = typer.Option(False, "--write", "-w", help="Apply the fixes to the files (default: print a diff)."),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="Also apply fixes that need a human look."),
    backup: bool = typer.Option(False, "--backup", help=f"With --write, keep the original as FILE{BACKUP_SUFFIX}."),
    select: list[str] = SELECT,
    ignore: list[str] = IGNORE,
    locale: Locale | None = LOCALE_CHOICE,
    rules_dirs: list[str] = RULES_DIRS,
    config_file: str | None = CONFIG_FILE,
    isolated: bool = ISOLATED,
    max_rounds: int = typer.Option(MAX_ROUNDS, "--max-rounds", min=1, help="Bound on check-and-fix rounds per file."),
    input_format: InputFormat = INPUT_FORMAT,
) -> None:
    """Repair mechanical artifacts: print a diff, or apply the fixes with --write."""
    if "-" in paths and len(paths) > 1:
        raise UsageError("'-' (stdin) cannot be combined with other paths")
    if backup and not write:
        raise UsageError("--backup needs --write")
    config = selected_config(config_file, isolated, select, ignore, locale, rules_dirs)
    checker = Checker(config)
    checker.validate()
    find = _finder(checker)
    if paths == ["-"]:
        if backup:
            raise UsageError("--backup cannot be used with '-' (stdin)")
        _fix_stdin(find, unsafe_fixes, max_rounds)
        raise typer.Exit(exitcodes.OK)
    options = formats.ReadOptions(input_format.value)
    load = partial(_load, options=options)
    plans = [plan_file(p, unsafe=unsafe_fixes, max_rounds=max_rounds, find=find, load=load) for p in discover(paths, config)]
    for plan in plans:
        _warn_unsettled(plan.path, plan.result, max_rounds)
    if write:
        written = _write_all(plans, backup)
        _report([p.result for p in written], len(plans), True, checker.catalog)
        raise typer.Exit(exitcodes.OK if len(written) == len(plans) else exitcodes.USAGE)
    for plan in plans:
        if plan.result.changed:
            _print_diff(unified_diff(plan.path, plan.result.original, plan.result.text))
    sys.stdout.flush()
    _report([p.result for p in plans], len(plans), False, checker.catalog)
    raise typer.Exit(exitcodes.WOULD_FIX if any(p.result.changed for p in plans) else exitcodes.OK)
