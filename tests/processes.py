"""The process tree under a pid, read from /proc (for the tests that stop transcheck by a signal)."""

from __future__ import annotations

from pathlib import Path


def descendants(pid: int) -> list[int]:
    """Every descendant of ``pid``, children first."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = [], [pid]
    while frontier:
        current = frontier.pop()
        kids = [child for child, parent in parents.items() if parent == current]
        found.extend(kids)
        frontier.extend(kids)
    return found


def forked_workers(pid: int) -> list[int]:
    """The descendants of ``pid`` forked from it (a process pool's workers share its command
    line), leaving out the fresh Python processes it starts (a cache being built)."""
    return [child for child in descendants(pid) if _command_line(child) == _command_line(pid)]


def _command_line(pid: int) -> bytes | None:
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes()
    except OSError:
        return None
