"""`transcheck rules` and `transcheck explain`: list rules and show one rule's docs."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.table import Table
from rich.text import Text

from transcheck.cli.options import RULES_DIRS, use_color
from transcheck.cli.params import Argument, Option, command
from transcheck.errors import UsageError
from transcheck.rules import load_rules
from transcheck.rules.spec import Example


def _console() -> Console:
    color = use_color()
    # piped output is not cut to 80 columns: tables stay whole for grep and files
    return Console(force_terminal=color, no_color=not color, highlight=False, soft_wrap=True, width=None if color else 200)


@command("rules")
def list_rules(
    rules_dirs: list[str] = RULES_DIRS,
    family: str = Option(None, "--family", help="Only rules of this family."),
) -> None:
    """List the rules: id, name, family, category, severity and fix safety."""
    table = Table(show_lines=False)
    for col in ("id", "name", "family", "category", "severity", "fix"):
        table.add_column(col)
    rules = list(load_rules(rules_dirs))
    families = sorted({rule.spec.family for rule in rules})
    if family and family not in families:
        raise UsageError(f"unknown family {family!r} (families: {', '.join(families)})")
    for rule in rules:
        s = rule.spec
        if family and s.family != family:
            continue
        fix = s.fix_safety.value if s.fix_safety else ""
        table.add_row(s.id, s.name, s.family, s.category.value, s.severity.label + ("" if s.enabled else " (off)"), fix)
    _console().print(table)


def _example_text(example: Example, color: bool) -> Text:
    """An example with its flagged spans highlighted (or marked [[...]] without colour);
    a bilingual rule's example shows its German source (and glossary) above the target."""
    if example.source is None:
        return _target_text(example, color, "  ")
    indent = "\n" + " " * len("  source: ")
    text = Text("  source: ", style="dim")
    text.append(indent.join(example.source.split("\n")))
    for german, english in example.glossary:
        text.append(f"\n  glossary: {german} → {english}", style="dim")
    text.append("\n  target: ", style="dim")
    return text.append_text(_target_text(example, color, "", indent))


def _target_text(example: Example, color: bool, prefix: str, newline: str = "\n") -> Text:
    text = Text(prefix)
    pos = 0
    for start, end in example.spans:
        text.append(example.text[pos:start].replace("\n", newline))
        span = example.text[start:end]
        text.append(span if color else f"[[{span}]]", style="bold reverse")
        pos = end
    text.append(example.text[pos:].replace("\n", newline))
    if example.locale != "en-US":
        text.append(f"   [{example.locale}]", style="dim")
    return text


@command()
def explain(rule: str = Argument(..., help="A rule id, alias or name."), rules_dirs: list[str] = RULES_DIRS) -> None:
    """Show one rule's documentation and examples."""
    s = load_rules(rules_dirs).get(rule).spec
    console = _console()
    console.print(Text(f"{s.id} {s.name}", style="bold"))
    console.print(f"family: {s.family}   category: {s.category.value}   severity: {s.severity.label}   "
                  f"fix: {s.fix_safety.value if s.fix_safety else 'none'}   locales: {', '.join(s.locales)}")
    console.print(Text("\nWhy", style="bold"))
    console.print("  " + " ".join(s.why.split()))
    console.print(Text("\nFlags", style="bold"))
    for ex in s.flag:
        console.print(_example_text(ex, console.is_terminal))
        if ex.fixed is not None:
            console.print(Text("  → " + ex.fixed, style="green"))
    console.print(Text("\nLeaves alone", style="bold"))
    for ex in s.passes:
        console.print(_example_text(ex, console.is_terminal))
    console.print(Text(f"\nsource: {s.path}", style="dim"))
    sys.stdout.flush()
