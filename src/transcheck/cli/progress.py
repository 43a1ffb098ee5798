"""A rich progress bar on stderr, only on a terminal and never in CI."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any


def wanted() -> bool:
    """True on an interactive stderr outside CI (CI=true, or piped, turns it off)."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        return False
    return sys.stderr.isatty()


@dataclass
class Progress:
    """Callbacks for runner.run: ``start(total)`` and ``advance()``; no-ops when off."""

    bar: Any = None
    task: Any = None

    def start(self, total: int) -> None:
        if self.bar is not None:
            self.task = self.bar.add_task("checking", total=total)

    def advance(self) -> None:
        if self.task is not None:
            self.bar.advance(self.task)


@contextmanager
def progress() -> Iterator[Progress]:
    if not wanted():
        yield Progress()
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as Bar

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Bar(*columns, console=Console(stderr=True), transient=True) as bar:
        yield Progress(bar)
