"""The human view of `transcheck eval`: figures as tables, then misses and misfires in context."""

from __future__ import annotations

import io
from collections import defaultdict

from rich.console import Console
from rich.table import Table
from rich.text import Text

from transcheck.report.text import _excerpt


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _context(console: Console, raw: str, start: int, end: int) -> None:
    line_start = raw.rfind("\n", 0, start) + 1
    line_end = raw.find("\n", start)
    line = raw[line_start:] if line_end == -1 else raw[line_start:line_end]
    line = line.rstrip("\r")
    console.print(_excerpt(line, start - line_start, min(end - line_start, len(line))))


def _tables(console: Console, figures: dict) -> None:
    mt = figures["mt"]
    table = Table(title=f"Recall on {mt['folder']} ({mt['files']} files, {mt['words']:,} words)", title_justify="left")
    for column, justify in (("category", "left"), ("annotated", "right"), ("found", "right"), ("recall", "right")):
        table.add_column(column, justify=justify)
    for category, c in figures["categories"].items():
        table.add_row(category, str(c["annotated"]), str(c["found"]), _pct(c["recall"]))
    table.add_row("all", str(mt["annotations"]), str(mt["found"]), _pct(mt["recall"]), style="bold")
    console.print(table)
    table = Table(title="Precision per rule", title_justify="left")
    for column, justify in (("rule", "left"), ("name", "left"), ("findings", "right"), ("matched", "right"),
                            ("precision", "right"), ("clean", "right")):
        table.add_column(column, justify=justify)
    for rule, r in figures["rules"].items():
        table.add_row(rule, r["name"], str(r["findings"]), str(r["matched"]), _pct(r["precision"]), str(r["clean_findings"]))
    table.add_row("all", "", str(mt["findings"]), str(mt["matched"]), _pct(mt["precision"]), "", style="bold")
    console.print(table)
    for clean in figures["clean"]:
        console.print(f"Clean rate on {clean['folder']}: {clean['rate']:.2f} unmatched findings per 1,000 words "
                      f"({clean['unmatched']} in {clean['words']:,} words, {clean['files']} files)")


def _missed(console: Console, figures: dict, raw: dict[str, str]) -> None:
    groups: dict[str, list[dict]] = defaultdict(list)
    for a in figures["missed"]:
        groups[a["category"]].append(a)
    for category, items in groups.items():
        console.print(Text(f"\nMissed {category} ({len(items)})", style="bold yellow"))
        for a in items:
            head = Text(f"  {a['path']}:{a['line']}:{a['column']}: ", style="bold")
            head.append(a["note"], style="dim")
            console.print(head)
            _context(console, raw[a["path"]], a["start"], a["end"])


def _unmatched(console: Console, figures: dict, raw: dict[str, str]) -> None:
    groups: dict[str, list[dict]] = defaultdict(list)
    for f in figures["unmatched"]:
        groups[f"{f['rule']} {f['name']}"].append(f)
    for rule, items in sorted(groups.items()):
        console.print(Text(f"\nUnmatched {rule} ({len(items)})", style="bold magenta"))
        for f in items:
            head = Text(f"  {f['path']}:{f['line']}:{f['column']}: ", style="bold")
            head.append(f"[{f['set']}] {f['message']}", style="dim")
            console.print(head)
            _context(console, raw[f["path"]], f["start"], f["end"])


def _gates(console: Console, gates: list[dict]) -> None:
    for g in gates:
        verdict = Text("passed" if g["passed"] else "FAILED", style="green" if g["passed"] else "bold red")
        console.print(Text(f"gate {g['gate']}: {g['value']:.3f} (limit {g['limit']}) ").append(verdict))


def render(figures: dict, raw: dict[str, str], color: bool) -> str:
    out = io.StringIO()
    console = Console(file=out, force_terminal=color, no_color=not color, width=120, highlight=False, soft_wrap=True)
    _tables(console, figures)
    _missed(console, figures, raw)
    _unmatched(console, figures, raw)
    if figures.get("gates"):
        console.print()
        _gates(console, figures["gates"])
    return out.getvalue()
