"""Options shared by several commands (check, fix)."""

from __future__ import annotations

from enum import Enum

import typer


class Locale(str, Enum):
    EN_US = "en-US"
    EN_GB = "en-GB"


PATHS = typer.Argument(..., help="Files, folders (searched for .txt and .md) or - for stdin.")
SELECT = typer.Option([], "--select", "-s", help="Only these rules (ids, names or families); repeat or comma-separate.")
IGNORE = typer.Option([], "--ignore", "-i", help="Skip these rules (ids, names or families); repeat or comma-separate.")
LOCALE = typer.Option(Locale.EN_US, "--locale", "-l", help="English variety for locale conventions.")
RULES_DIRS = typer.Option([], "--rules", help="An extra folder of rule files (same schema as rules/); repeatable.")


def split_keys(values: list[str]) -> list[str]:
    """Accept both repeated options and comma-separated lists."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def use_color(stream=None) -> bool:
    """Colour only on a terminal; NO_COLOR turns it off, FORCE_COLOR on."""
    import os
    import sys

    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    stream = stream or sys.stdout
    return hasattr(stream, "isatty") and stream.isatty()
