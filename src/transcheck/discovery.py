"""Which files to check: named files, and folders walked with include/exclude globs and .gitignore.

Globs are gitignore-style and match paths relative to the configuration folder.
``exclude`` applies to named files too (so a pre-commit hook honours it); ``include``
and ``.gitignore`` apply to files found in folders. The result is sorted and unique.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import pathspec

from transcheck.config import Config, glob_spec
from transcheck.errors import InputError

ALWAYS_SKIPPED = frozenset({".git", ".hg", ".svn"})


@lru_cache(maxsize=None)
def _gitignore(folder: str) -> pathspec.GitIgnoreSpec | None:
    path = os.path.join(folder, ".gitignore")
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return pathspec.GitIgnoreSpec.from_lines(handle)
    except OSError:
        return None


def _git_root(folder: Path) -> Path | None:
    for parent in [folder, *folder.parents]:
        if (parent / ".git").exists():
            return parent
    return None


class _Ignored:
    """gitignore rules of a folder and its parents up to the repository root (or the walked folder)."""

    def __init__(self, enabled: bool, top: Path) -> None:
        self.enabled = enabled
        top = top.resolve()
        self.root = _git_root(top) or top

    def __call__(self, path: Path, is_dir: bool) -> bool:
        if not self.enabled:
            return False
        path = path.resolve()
        root = self.root
        for folder in [path.parent, *path.parent.parents]:
            spec = _gitignore(str(folder))
            if spec is not None:
                rel = path.relative_to(folder).as_posix() + ("/" if is_dir else "")
                verdict = spec.check_file(rel).include
                if verdict is not None:  # the nearest .gitignore with a say decides (as git does)
                    return verdict
            if folder == root:
                break
        return False


def discover(paths: list[str], config: Config) -> list[str]:
    """The files to check, sorted; ``-`` (stdin) stays where it is, first."""
    include, exclude = glob_spec(config.include), glob_spec(config.exclude)
    def excluded(path: Path, is_dir: bool = False) -> bool:
        rel = config.relpath(str(path))
        return rel is not None and exclude.match_file(rel + ("/" if is_dir else ""))

    stdin = ["-"] if "-" in paths else []
    files: set[str] = set()
    for name in paths:
        if name == "-":
            continue
        path = Path(name)
        if path.is_dir():
            found = _walk(path, include, excluded, _Ignored(config.respect_gitignore, path), config)
            if not found:
                raise InputError(f"{name}: folder holds no files to check (include: {', '.join(config.include)})")
            files.update(found)
        elif path.is_file() or path.is_symlink():
            if not excluded(path):
                files.add(name)
        else:
            raise InputError(f"{name}: no such file or directory")
    return stdin + sorted(files)


def _walk(top: Path, include, excluded, ignored, config: Config) -> list[str]:
    found = []
    for folder, dirs, names in os.walk(top):
        base = Path(folder)
        dirs[:] = sorted(
            d for d in dirs if d not in ALWAYS_SKIPPED and not excluded(base / d, True) and not ignored(base / d, True)
        )
        for name in names:
            path = base / name
            rel = config.relpath(str(path))
            matched = include.match_file(rel if rel is not None else name) or include.match_file(name)
            if matched and not excluded(path) and not ignored(path, False) and path.is_file():
                found.append(str(path))
    return found
