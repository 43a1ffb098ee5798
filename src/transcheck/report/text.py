"""The human report: rich text with the flagged span highlighted, and a summary.

One clean file in plain text (no colour, not a terminal) gets its two lines without rich,
which takes longer to import than checking a short file; anything else is laid out by rich.
"""

from __future__ import annotations

import io
from collections import Counter
from typing import TYPE_CHECKING, TextIO

from transcheck.models import Finding, Severity
from transcheck.quality import QualityReport
from transcheck.report import ReportContext

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

SEVERITY_STYLE = {Severity.MINOR: "cyan", Severity.MAJOR: "yellow", Severity.CRITICAL: "bold red"}
MAX_LINE = 160


def _excerpt(line: str, start: int, end: int) -> Text:
    """The line with [start, end) highlighted, trimmed around the span when long."""
    from rich.text import Text

    left = max(0, start - MAX_LINE // 2) if len(line) > MAX_LINE else 0
    right = min(len(line), left + MAX_LINE)
    text = Text("    ")
    if left:
        text.append("…", style="dim")
    text.append(line[left:start])
    text.append(line[start:end] or " ", style="bold reverse")
    text.append(line[end:right])
    if right < len(line):
        text.append("…", style="dim")
    return text


def _finding(console: Console, f: Finding, ctx: ReportContext) -> None:
    from rich.text import Text

    head = Text()
    head.append(f"{f.path}:{f.line}:{f.column}", style="bold")
    head.append(": ")
    head.append(f.severity.label, style=SEVERITY_STYLE[f.severity])
    head.append(f" {f.rule} ", style="magenta")
    head.append(f"[{f.name}] ", style="dim")
    head.append(f.message)
    if f.unit is not None:
        head.append(f" [unit {f.unit}]", style="cyan")
    console.print(head)
    doc = ctx.document(f.path)
    if doc is not None:
        line = doc.line_text(f.line)
        end_col = f.end_column - 1 if f.end_line == f.line else len(line)
        console.print(_excerpt(line, f.column - 1, end_col))
    if f.suggestion is not None:
        hint = Text("    suggestion: ", style="green")
        hint.append(repr(f.suggestion) if f.suggestion == "" else f.suggestion)
        if f.fix is not None:
            hint.append(f"  ({f.fix.safety.value} fix)", style="dim")
        console.print(hint)


def _summary(console: Console, findings: list[Finding], files: int) -> None:
    from rich.table import Table
    from rich.text import Text

    if not findings:
        console.print(Text(f"No findings in {files} file(s).", style="green"))
        return
    table = Table(title=f"{len(findings)} finding(s) in {files} file(s)", title_justify="left")
    table.add_column("category")
    for sev in Severity:
        table.add_column(sev.label, justify="right", style=SEVERITY_STYLE[sev])
    counts = Counter((f.category.value, f.severity) for f in findings)
    for category in sorted({f.category.value for f in findings}):
        table.add_row(category, *(str(counts[(category, sev)] or "") for sev in Severity))
    console.print(table)


def _number(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"


def _quality(console: Console, quality: QualityReport, limit: float | None) -> None:
    """The MQM-style score overall, and per file when there are several."""
    from rich.table import Table
    from rich.text import Text

    score, detail = _quality_line(quality)
    line = Text("MQM-style score: ", style="bold")
    line.append(score.removeprefix("MQM-style score: "))
    line.append(detail, style="dim")
    console.print(line)
    if len(quality.files) > 1:
        table = Table(title="Penalty points per 1,000 words by file", title_justify="left")
        for column in ("file", "words", "findings", "points", "per 1,000 words"):
            table.add_column(column, justify="left" if column == "file" else "right")
        for s in quality.files:
            style = "bold red" if s.exceeds(limit) else None
            table.add_row(s.path, f"{s.words:,}", str(sum(s.counts.values())), _number(s.penalty), f"{s.per_1000_words:.2f}", style=style)
        console.print(table)
    for s in quality.over_limit(limit):
        console.print(Text(f"{s.path}: {s.per_1000_words:.2f} penalty points per 1,000 words is above --max-penalty {_number(limit)}", style="bold red"))


def render(findings: list[Finding], ctx: ReportContext) -> str:
    out = io.StringIO()
    write(findings, ctx, out)
    return out.getvalue()


def _quality_line(quality: QualityReport) -> tuple[str, str]:
    """The overall score line: its plain part and its dimmed part."""
    weights = ", ".join(f"{sev} {_number(w)}" for sev, w in quality.weights.to_dict().items())
    total = quality.overall
    return (f"MQM-style score: {total.per_1000_words:.2f} penalty points per 1,000 words",
            f" ({_number(total.penalty)} points in {total.words:,} words; weights {weights})")


def _plain_clean(ctx: ReportContext, out: TextIO) -> str | None:
    """The report of one clean file, without colour and not to a terminal, as rich lays it
    out (two plain lines); None when it needs rich (a table, a line over the penalty limit)."""
    if ctx.color or len(ctx.documents) > 1 or getattr(out, "isatty", lambda: False)():
        return None
    lines = [f"No findings in {len(ctx.documents)} file(s)."]
    if ctx.documents:
        quality = ctx.quality([])
        if quality.over_limit(ctx.max_penalty):
            return None
        lines.append("".join(_quality_line(quality)))
    return "".join(line + "\n" for line in lines)


def write(findings: list[Finding], ctx: ReportContext, out: TextIO) -> None:
    """The report, printed a finding at a time to ``out``."""
    plain = None if findings else _plain_clean(ctx, out)
    if plain is not None:
        out.write(plain)
        return
    from rich.console import Console

    console = Console(file=out, force_terminal=bool(ctx.color), no_color=not ctx.color, width=120, highlight=False, soft_wrap=True)
    for f in findings:
        _finding(console, f, ctx)
    _summary(console, findings, len(ctx.documents))
    if ctx.documents:
        _quality(console, ctx.quality(findings), ctx.max_penalty)
