"""`transcheck score`: score translations against references with sacrebleu, with CI gates."""

from __future__ import annotations

import sys
from enum import Enum

import typer

from transcheck.cli import exitcodes
from transcheck.cli.app import app
from transcheck.cli.options import JOBS, split_keys, use_color
from transcheck.config import load_config
from transcheck.documents import read_document
from transcheck.errors import InputError, UsageError


class Format(str, Enum):
    TEXT = "text"
    JSON = "json"


class Paired(str, Enum):
    BS = "bs"
    AR = "ar"
    NONE = "none"


@app.command()
def score(
    hypotheses: list[str] = typer.Argument(..., help="Hypothesis files (systems), one segment a line; - for stdin."),
    refs: list[str] = typer.Option(..., "--ref", "-r", help="Reference file, line-aligned with the hypotheses; repeat for several."),
    metrics: list[str] = typer.Option(["bleu,chrf,chrf++,ter"], "--metrics", "-m", help="Metrics: bleu, chrf, chrf++, ter; repeat or comma-separate."),
    format: Format = typer.Option(Format.TEXT, "--format", "-f", help="Report format."),
    tokenize: str = typer.Option("13a", "--tokenize", "-tok", help="BLEU tokenizer: 13a, intl, char, zh, none (spm/flores are refused)."),
    lowercase: bool = typer.Option(False, "--lowercase", "-lc", help="BLEU: lowercase (as sacrebleu's -lc)."),
    chrf_lowercase: bool = typer.Option(False, "--chrf-lowercase", help="chrF and chrF++: lowercase."),
    smooth_method: str = typer.Option("exp", "--smooth-method", help="BLEU smoothing: exp, floor, add-k, none."),
    smooth_value: float | None = typer.Option(None, "--smooth-value", help="Value for floor / add-k smoothing."),
    ter_normalized: bool = typer.Option(False, "--ter-normalized", help="TER: normalize punctuation and tokenization."),
    ter_no_punct: bool = typer.Option(False, "--ter-no-punct", help="TER: remove punctuation."),
    ter_asian_support: bool = typer.Option(False, "--ter-asian-support", help="TER: support Asian characters."),
    ter_case_sensitive: bool = typer.Option(False, "--ter-case-sensitive", help="TER: case-sensitive."),
    bootstrap: int = typer.Option(1000, "--bootstrap", help="Bootstrap resamples for 95% CIs; 0 turns CIs off."),
    paired: Paired = typer.Option(Paired.BS, "--paired", help="Significance test vs the first system: bs, ar or none."),
    paired_samples: int = typer.Option(0, "--paired-samples", help="Resamples (bs) or trials (ar); 0: sacrebleu's default."),
    seed: int = typer.Option(12345, "--seed", help="Random seed for bootstrap and significance (12345 = sacrebleu's)."),
    worst: int = typer.Option(5, "--worst", help="Show the N worst segments per system (text format)."),
    align: bool = typer.Option(False, "--align", help="Segment both sides into sentences and align them (articles)."),
    min_bleu: float | None = typer.Option(None, "--min-bleu", help="Exit 1 when a system's BLEU is below this."),
    min_chrf: float | None = typer.Option(None, "--min-chrf", help="Exit 1 when a system's chrF2 is below this."),
    max_ter: float | None = typer.Option(None, "--max-ter", help="Exit 1 when a system's TER is above this."),
    jobs: int | None = JOBS,
) -> None:
    """Score translations (BLEU, chrF2, chrF2++, TER) against references with sacrebleu."""
    from transcheck import scoring  # sacrebleu and numpy load only when scoring

    options = scoring.ScoreOptions(
        metrics=tuple(split_keys(metrics)), tokenize=tokenize, lowercase=lowercase,
        chrf_lowercase=chrf_lowercase,
        smooth_method=smooth_method, smooth_value=smooth_value, ter_normalized=ter_normalized,
        ter_no_punct=ter_no_punct, ter_asian_support=ter_asian_support,
        ter_case_sensitive=ter_case_sensitive, bootstrap=bootstrap, paired=paired.value,
        paired_samples=paired_samples, seed=seed)
    thresholds = {"--min-bleu": min_bleu, "--min-chrf": min_chrf, "--max-ter": max_ter}
    configured = load_config().score.gates(options.metrics)  # [score] in the configuration; options win
    thresholds = {option: configured[option] if value is None else value for option, value in thresholds.items()}
    _check_usage(hypotheses, refs, options, thresholds, worst)
    if align and len(refs) > 1:
        raise UsageError("--align works with one reference (--ref) at a time")
    if align:
        texts = {path: read_document(path) for path in dict.fromkeys([*refs, *hypotheses])}
        run = _score_aligned(hypotheses, refs[0], texts, options)
    else:
        run = _score_lines(hypotheses, refs, options, jobs or _default_jobs())
    run = scoring.ScoreRun(run.systems, options, run.significance, scoring.check_gates(run.systems, thresholds), run.notes)
    if format is Format.JSON:
        from transcheck.report.score_json import write as write_json
        write_json(run, sys.stdout)
    else:
        from transcheck.report.score_text import render as render_text
        sys.stdout.write(render_text(run, worst=worst, color=use_color()))
    for gate in run.gates:
        if not gate.passed:
            print(f"transcheck: threshold missed: {gate.describe()}", file=sys.stderr)
    raise typer.Exit(exitcodes.OK if run.passed else exitcodes.FINDINGS)


def _check_usage(hypotheses: list[str], refs: list[str], options, thresholds: dict, worst: int) -> None:
    from transcheck.scoring import GATES, METRICS

    unknown = [m for m in options.metrics if m not in METRICS]
    if unknown or not options.metrics:
        raise UsageError(f"unknown metric(s) {', '.join(unknown) or '(none)'}; choose from {', '.join(METRICS)}")
    for option, key in GATES:
        if thresholds[option] is not None and key not in options.metrics:
            raise UsageError(f"{option} needs the {key} metric (add it to --metrics)")
    if [*hypotheses, *refs].count("-") > 1:
        raise UsageError("only one input can be - (stdin)")
    if options.bootstrap < 0 or options.paired_samples < 0 or worst < 0:
        raise UsageError("--bootstrap, --paired-samples and --worst must not be negative")


def _lines(document) -> list[str]:
    """Segments as the sacrebleu CLI reads them: split at LF, each line rstrip()-ed.

    For documents already in memory (``transcheck report``); ``score`` streams its files
    through ``scoring.lines``, which reads them the same way.
    """
    text = ("\ufeff" if document.bom else "") + document.text  # sacrebleu keeps a BOM
    if not text:
        return []
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    return [line.rstrip() for line in lines]


def _default_jobs() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _score_lines(hypotheses: list[str], refs: list[str], options, jobs: int):
    """Line-aligned files, streamed: statistics in worker processes, texts re-read on demand."""
    from transcheck import scoring
    from transcheck.scoring.lines import open_lines
    from transcheck.scoring.parallel import Extractor

    metrics = scoring.build_metrics(options, num_refs=len(refs))
    references = [open_lines(path) for path in refs]
    systems = [open_lines(path) for path in hypotheses]
    expected = len(references[0])
    for lines in [*references, *systems]:
        if len(lines) != expected:
            raise InputError(f"{lines.path} has {len(lines)} lines but {references[0].path} has {expected}; "
                             "the files must be line-aligned (or use --align)")
    if expected == 0:
        raise InputError(f"{refs[0]}: no segments to score")
    runs, stats = [], []
    with Extractor(options, jobs) as extractor:
        for lines in systems:
            segment_stats = extractor.statistics(lines, references)
            result = scoring.summarize(lines.path, segment_stats, metrics, options)
            runs.append(scoring.SystemRun(lines.path, result, lines, references, scoring.LineLabels(expected)))
            stats.append((lines.path, segment_stats))
    significance = None
    if len(systems) > 1 and options.paired != "none":
        significance = scoring.paired_significance(stats, runs[0].result, metrics, options)
    return scoring.ScoreRun(runs, options, significance)


def _score_aligned(hypotheses: list[str], ref: str, texts: dict, options):
    from transcheck import align, scoring

    ref_sentences = align.sentences(texts[ref].text)
    runs = []
    for document in (texts[p] for p in hypotheses):
        path = document.path
        alignment = align.align(align.sentences(document.text), ref_sentences)
        hyps, aligned_refs = alignment.pairs()
        if not hyps:
            raise InputError(f"{path}: no sentence aligns with {texts[ref].path}; nothing to score")
        metric_objects = scoring.build_metrics(options, [aligned_refs])
        result, _ = scoring.score_system(path, hyps, metric_objects, options)
        labels = [_label(alignment, bead) for bead in alignment.matched]
        runs.append(scoring.SystemRun(path, result, hyps, [aligned_refs], labels, alignment))
    notes = []
    if len(hypotheses) > 1 and options.paired != "none":
        notes.append("no paired significance with --align: each system is aligned on its own")
    return scoring.ScoreRun(runs, options, None, notes=notes)


def _label(alignment, bead) -> str:
    hyp_lines = ",".join(str(n) for n in sorted({alignment.hyp[i].line for i in bead.hyp}))
    ref_lines = ",".join(str(n) for n in sorted({alignment.ref[i].line for i in bead.ref}))
    return f"{hyp_lines}~{ref_lines}"
