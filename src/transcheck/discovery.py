"""Which files to check: named files, and folders walked with include/exclude globs and .gitignore.

Globs are gitignore-style and match paths relative to the configuration folder.
``exclude`` applies to named files too (so a pre-commit hook honours it); ``include``
and ``.gitignore`` apply to files found in folders. The result is sorted and unique.
"""

from __future__ import annotations

import os
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from transcheck.config import Config, glob_spec
from transcheck.errors import InputError

if TYPE_CHECKING:
    import pathspec

ALWAYS_SKIPPED = frozenset({".git", ".hg", ".svn"})


@lru_cache(maxsize=None)
def _gitignore(folder: str) -> pathspec.GitIgnoreSpec | None:
    import pathspec  # only when a folder is walked

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


class _Globs:
    """include/exclude globs, matched against paths relative to the configuration folder."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.exclude = glob_spec(config.exclude)

    @cached_property
    def include(self):
        """Compiled when a folder is walked (named files need only ``exclude``)."""
        return glob_spec(self.config.include)

    def excluded(self, path: Path, is_dir: bool = False) -> bool:
        rel = self.config.relpath(str(path))
        return rel is not None and self.exclude.match_file(rel + ("/" if is_dir else ""))

    def included(self, path: Path) -> bool:
        rel = self.config.relpath(str(path))
        return self.include.match_file(path.name) or (rel is not None and self.include.match_file(rel))


def discover(paths: list[str], config: Config) -> list[str]:
    """The files to check, sorted and unique; ``-`` (stdin) comes first."""
    globs = _Globs(config)
    files: set[str] = set()
    for name in paths:
        if name == "-":
            continue
        path = Path(name)
        if path.is_dir():
            found = _walk(path, globs, _Ignored(config.respect_gitignore, path))
            if not found:
                raise InputError(f"{name}: folder holds no files to check (include: {', '.join(config.include)})")
            files.update(found)
        elif path.is_file() or path.is_symlink():
            if not globs.excluded(path):
                files.add(name)
        elif path.exists():  # a named pipe or a device: read it through - (standard input)
            raise InputError(f"{name}: not a regular file or folder (pipe its content to '-')")
        else:
            raise InputError(f"{name}: no such file or directory")
    return (["-"] if "-" in paths else []) + sorted(files)


def _walk(top: Path, globs: _Globs, ignored: _Ignored) -> list[str]:
    found = []
    for folder, dirs, names in os.walk(top):
        base = Path(folder)
        dirs[:] = sorted(
            d for d in dirs if d not in ALWAYS_SKIPPED and not globs.excluded(base / d, True) and not ignored(base / d, True)
        )
        for name in names:
            path = base / name
            if globs.included(path) and not globs.excluded(path) and not ignored(path, False) and path.is_file():
                found.append(str(path))
    return found
