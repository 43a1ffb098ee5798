"""`transcheck report`: a check, its MQM-style scores and (with references) BLEU/chrF/TER in one report."""

from __future__ import annotations

import os
import sys
from enum import Enum

import typer

from transcheck.cli import exitcodes
from transcheck.cli.app import app
from transcheck.cli.check import penalty_gate
from transcheck.cli.options import CONFIG_FILE, IGNORE, ISOLATED, JOBS, LOCALE_CHOICE, Locale, PATHS, RULES_DIRS, SELECT, selected_config
from transcheck.cli.score import _label, _lines  # segments exactly as `transcheck score` reads them
from transcheck.documents import Document, read_document
from transcheck.errors import InputError, UsageError
from transcheck.fileio import atomic_write
from transcheck.report import render
from transcheck.runner import run


class ReportFormat(str, Enum):
    HTML = "html"
    JSON = "json"


@app.command()
def report(
    paths: list[str] = PATHS,
    refs: list[str] = typer.Option([], "--ref", "-r", help="A reference translation of each file, in the order of the files."),
    format: ReportFormat = typer.Option(ReportFormat.HTML, "--format", "-f", help="Report format."),
    output: str | None = typer.Option(None, "--output", "-o", help="Write the report to this file; a summary goes to stderr."),
    select: list[str] = SELECT,
    ignore: list[str] = IGNORE,
    locale: Locale | None = LOCALE_CHOICE,
    rules_dirs: list[str] = RULES_DIRS,
    config_file: str | None = CONFIG_FILE,
    isolated: bool = ISOLATED,
    jobs: int | None = JOBS,
    max_penalty: float | None = typer.Option(None, "--max-penalty", min=0, help="Exit 1 when a file's MQM-style score is above this many penalty points per 1,000 words."),
    align: bool | None = typer.Option(None, "--align/--no-align", help="Align sentences with the reference (default: when the line counts differ)."),
    worst: int = typer.Option(5, "--worst", min=0, help="Show the N worst segments of each file against its reference."),
) -> None:
    """Check files and report findings, MQM-style scores and reference scores in one HTML or JSON report."""
    if refs and len(refs) != len(paths):
        raise UsageError(f"give one --ref per file: {len(paths)} file(s), {len(refs)} reference(s)")
    config = selected_config(config_file, isolated, select, ignore, locale, rules_dirs)
    limit = max_penalty if max_penalty is not None else config.quality.max_penalty
    result = run(paths, config, jobs)
    pairs = _pairs(result.documents, paths, refs)
    references = {doc.path: reference_scores(doc, read_document(ref), align, worst) for doc, ref in pairs}
    text = render(
        format.value, result.findings, documents=result.documents, ruleset=result.ruleset, catalog=result.catalog,
        locale=config.locale, color=False, weights=config.quality.weights, max_penalty=limit, extra={"references": references},
    )
    if output:
        atomic_write(output, text.encode("utf-8"))
        print(f"transcheck: {len(result.findings)} finding(s) in {len(result.documents)} file(s), "
              f"{len(references)} scored against a reference; report written to {output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    failed = limit is not None and penalty_gate(result, config, limit)
    raise typer.Exit(exitcodes.FINDINGS if failed else exitcodes.OK)


def _same_file(doc: Document, path: str) -> bool:
    if doc.path == path:
        return True
    return path != "-" and os.path.isfile(doc.path) and os.path.isfile(path) and os.path.samefile(doc.path, path)


def _pairs(documents: list[Document], paths: list[str], refs: list[str]) -> list[tuple[Document, str]]:
    """Each checked file with the reference given in the same position (files only, no folders)."""
    pairs = []
    for path, ref in zip(paths, refs):
        doc = next((d for d in documents if _same_file(d, path)), None)
        if doc is None:
            raise UsageError(f"{path}: with --ref, name each file (not a folder) that the reference belongs to")
        pairs.append((doc, ref))
    return pairs


def reference_scores(doc: Document, ref: Document, align: bool | None, worst: int) -> dict:
    """BLEU, chrF2, chrF2++ and TER of ``doc`` against ``ref``, with the worst segments (JSON-ready)."""
    from transcheck import align as align_mod, scoring

    hyp_lines, ref_lines = _lines(doc), _lines(ref)
    aligned = align if align is not None else len(hyp_lines) != len(ref_lines)
    alignment = None
    if aligned:
        alignment = align_mod.align(align_mod.sentences(doc.text), align_mod.sentences(ref.text))
        hyps, refs = alignment.pairs()
        labels = [_label(alignment, bead) for bead in alignment.matched]
    elif len(hyp_lines) != len(ref_lines):
        raise InputError(f"{doc.path} has {len(hyp_lines)} lines but {ref.path} has {len(ref_lines)}; use --align")
    else:
        hyps, refs, labels = hyp_lines, ref_lines, [str(i) for i in range(1, len(hyp_lines) + 1)]
    if not hyps:
        raise InputError(f"{doc.path}: nothing to score against {ref.path}")
    options = scoring.ScoreOptions(bootstrap=0, paired="none")
    result, _ = scoring.score_system(doc.path, hyps, scoring.build_metrics(options, [refs]), options)
    _, indices = scoring.worst_segments(result, worst)
    data = {
        "path": ref.path,
        "aligned": aligned,
        "segments": len(hyps),
        "scores": {key: {"name": s.name, "score": s.score, "signature": s.signature} for key, s in result.scores.items()},
        "worst": [{"line": labels[i], "hypothesis": hyps[i], "reference": refs[i],
                   "scores": {key: values[i] for key, values in result.segments.items()}} for i in indices],
    }
    if alignment is not None:
        data["unmatched"] = {"text": [s.line for s in alignment.unmatched_hyp], "reference": [s.line for s in alignment.unmatched_ref]}
    return data
