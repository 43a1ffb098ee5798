"""The human report of `transcheck score` (rich): corpus scores, significance, worst segments."""

from __future__ import annotations

import difflib
import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from transcheck.scoring import HIGHER_IS_BETTER, ScoreRun, SystemRun, worst_segments

LABELS = {"bleu": "BLEU", "chrf": "chrF2", "chrf++": "chrF2++", "ter": "TER"}


def _corpus_table(run: ScoreRun) -> Table:
    keys = list(run.systems[0].result.scores)
    title = "Corpus scores" + (" (score ± half-width of the bootstrap 95% CI)" if run.options.bootstrap > 1 else "")
    table = Table(title=title, title_justify="left")
    table.add_column("system", overflow="fold")
    table.add_column("segments", justify="right")
    for key in keys:
        table.add_column(LABELS[key] + (" ↑" if HIGHER_IS_BETTER[key] else " ↓"), justify="right")
    for system in run.systems:
        cells = []
        for key in keys:
            score = system.result.scores[key]
            cell = f"{score.score:.2f}"
            if score.ci_half_width is not None:
                cell += f" ± {score.ci_half_width:.2f}"
            cells.append(cell)
        table.add_row(system.path, str(len(system.hypotheses)), *cells)
    return table


def _signatures(run: ScoreRun) -> Text:
    text = Text("Signatures:\n", style="bold")
    seen: list[str] = []
    for system in run.systems:
        for score in system.result.scores.values():
            if score.signature not in seen:
                seen.append(score.signature)
    for signature in seen:
        text.append(f"  {signature}\n", style="dim")
    if run.options.bootstrap > 1:
        text.append(f"  CIs: bootstrap {run.options.bootstrap} resamples, seed {run.options.seed}\n", style="dim")
    return text


def _significance_table(run: ScoreRun) -> Table | None:
    sig = run.significance
    if sig is None or not sig.results:
        return None
    test = "paired bootstrap" if sig.test == "bs" else "approximate randomization"
    table = Table(title=f"Significance vs {sig.baseline} ({test}, {sig.samples} samples, seed {sig.seed})",
                  title_justify="left")
    table.add_column("system", overflow="fold")
    keys = list(dict.fromkeys(r.key for r in sig.results))
    for key in keys:
        table.add_column(LABELS[key], justify="right")
    for system in dict.fromkeys(r.system for r in sig.results):
        cells = []
        for key in keys:
            r = next(x for x in sig.results if x.system == system and x.key == key)
            cell = Text(f"{r.score:.2f} (p = {r.p_value:.4f})")
            if r.p_value is not None and r.p_value < 0.05:
                cell.append(" *", style="bold")
            cells.append(cell)
        table.add_row(system, *cells)
    table.caption = "* p < 0.05: the difference from the baseline is significant"
    return table


def _diff(hyp: str, ref: str) -> tuple[Text, Text]:
    """Hypothesis and reference with the words that differ highlighted."""
    a, b = hyp.split(), ref.split()
    left, right = Text(), Text()
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        style = None if op == "equal" else "bold"
        if a[i1:i2]:
            left.append(" ".join(a[i1:i2]) + " ", style=style and "bold red")
        if b[j1:j2]:
            right.append(" ".join(b[j1:j2]) + " ", style=style and "bold green")
    return left, right


def _worst(system: SystemRun, n: int) -> Table | None:
    if n <= 0 or not system.hypotheses:
        return None
    key, indices = worst_segments(system.result, n)
    table = Table(title=f"{len(indices)} worst segment(s) of {system.path} by sentence {LABELS[key]}",
                  title_justify="left", show_lines=True)
    table.add_column("line", justify="right")
    for k in system.result.segments:
        table.add_column(LABELS[k], justify="right")
    table.add_column("hypothesis (red: differs) / reference (green: differs)")
    for i in indices:
        hyp, ref = _diff(system.hypotheses[i], system.references[0][i])
        both = Text.assemble("hyp: ", hyp, "\nref: ", ref)
        table.add_row(system.labels[i], *(f"{system.result.segments[k][i]:.1f}" for k in system.result.segments), both)
    return table


def _alignment(system: SystemRun) -> Text | None:
    alignment = system.alignment
    if alignment is None:
        return None
    text = Text(f"Alignment of {system.path}: ", style="bold")
    text.append(f"{len(alignment.hyp)} draft and {len(alignment.ref)} reference sentences, "
                f"{len(alignment.matched)} aligned pairs ({len(alignment.merged)} merged)\n")
    for bead in alignment.merged:
        lines_h = ",".join(str(l) for l in sorted({alignment.hyp[i].line for i in bead.hyp}))
        lines_r = ",".join(str(l) for l in sorted({alignment.ref[i].line for i in bead.ref}))
        text.append(f"  merged {bead.kind}: draft line {lines_h} ~ reference line {lines_r}\n", style="cyan")
    for seg in alignment.unmatched_hyp:
        text.append(f"  unmatched draft line {seg.line} (dropped): {seg.text}\n", style="yellow")
    for seg in alignment.unmatched_ref:
        text.append(f"  unmatched reference line {seg.line} (missing from the draft): {seg.text}\n", style="magenta")
    return text


def render(run: ScoreRun, worst: int = 5, color: bool = False) -> str:
    out = io.StringIO()
    console = Console(file=out, force_terminal=color, no_color=not color, width=120, highlight=False)
    for system in run.systems:
        if (text := _alignment(system)) is not None:
            console.print(text)
    console.print(_corpus_table(run))
    console.print(_signatures(run))
    if (table := _significance_table(run)) is not None:
        console.print(table)
    for system in run.systems:
        if (table := _worst(system, worst)) is not None:
            console.print(table)
    for note in run.notes:
        console.print(Text(f"note: {note}", style="dim"))
    for gate in run.gates:
        console.print(Text(("ok   " if gate.passed else "FAIL ") + gate.describe(), style="green" if gate.passed else "bold red"))
    return out.getvalue()
