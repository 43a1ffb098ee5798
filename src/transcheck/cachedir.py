"""Where transcheck keeps what it builds once: compiled rules, word tables, LanguageTool;
and ``run_apart``, which builds them in a fresh interpreter so that the process that
checks keeps none of a build's objects (a first run peaks as a later run does)."""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

CACHE_ENV = "TRANSCHECK_CACHE_DIR"
# The child's first lines: the parent's import path, then its task (both pickled on stdin).
_BOOT = "import pickle, sys; sys.path[:] = pickle.load(sys.stdin.buffer); from transcheck.cachedir import _child; _child()"
_apart = True  # False in a child: what its build needs is built there, not in a grandchild


def cache_root() -> Path:
    """transcheck's cache folder: $TRANSCHECK_CACHE_DIR, else $XDG_CACHE_HOME/transcheck, else ~/.cache/transcheck."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV]).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg).expanduser() if xdg else Path.home() / ".cache") / "transcheck"


def walk(root: Path, suffixes: tuple[str, ...] = ("",)) -> Iterable[str]:
    """Files under ``root`` ending in one of ``suffixes``, in a fixed order (``os.walk`` is
    many times faster than ``Path.rglob``, and this runs on every start)."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(suffixes) and not name.endswith((".pyc", ".tmp")):
                yield os.path.join(folder, name)


def keep_newest(folder: Path, pattern: str, keep: int) -> None:
    """Remove the files of ``folder`` matching ``pattern`` but the newest ``keep``
    (several checkouts or rule folders share one cache)."""
    files = []
    for path in folder.glob(pattern):
        try:
            files.append((path.stat().st_mtime_ns, path))
        except OSError:  # removed meanwhile by another run
            continue
    for _, old in sorted(files, reverse=True)[keep:]:
        old.unlink(missing_ok=True)


@cache
def package_digest() -> str:
    """A hash of the path, size and modification time of every file of the installed
    package (code and data) and of the transcheck and Python versions: what is built from
    them is stale when it changes."""
    import transcheck

    h = hashlib.sha256(f"{transcheck.__version__}|{sys.version}|{sys.implementation.cache_tag}".encode())
    for path in walk(Path(transcheck.__file__).resolve().parent):
        st = os.stat(path)
        h.update(f"\0{path}\0{st.st_size}\0{st.st_mtime_ns}".encode())
    return h.hexdigest()


def run_apart(task: Callable[..., object], *args: object, scratch: str | Path | None = None) -> bool:
    """Run ``task(*args)`` in a fresh Python process and wait for it: True when it ended
    well. False, having run nothing, when the task does not pickle (a lambda) or this is
    already such a process; False when the child failed (the caller then does the work
    itself, and meets the same error). The child reads its task from stdin and writes
    nothing to this process's output. A signal that stops this process (Stopped,
    KeyboardInterrupt) kills the child before it propagates (``subprocess.run``); should
    this process end without that (a worker's ``os._exit``), the child removes
    ``scratch``, the file or folder it was writing, and ends too (Linux)."""
    if not _apart:
        return False
    import subprocess  # here: a child needs none of it

    try:
        payload = pickle.dumps(sys.path) + pickle.dumps((os.getpid(), scratch, task, args))
    except Exception:  # a lambda or a local function: not addressable in another process
        return False
    try:
        child = subprocess.run([sys.executable, "-c", _BOOT], input=payload,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    except OSError:  # no interpreter to start (a frozen executable), no process left
        return False
    return child.returncode == 0


def _child() -> None:
    """The child of ``run_apart``: Ctrl-C ends it at once (its parent cleans up), and so
    does its parent's end (then it removes its scratch itself); it builds whatever its
    task needs itself."""
    import signal

    global _apart
    _apart = False
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    parent, scratch, task, args = pickle.load(sys.stdin.buffer)

    def orphaned(signum: int, frame) -> None:
        if scratch is not None:
            _remove(Path(scratch))
        os._exit(128 + signum)

    signal.signal(signal.SIGTERM, orphaned)
    _on_parent_death(signal.SIGTERM)
    if os.getppid() != parent:  # it ended before that was set
        orphaned(signal.SIGTERM, None)
    task(*args)


def _on_parent_death(signum: int) -> None:
    """Have the kernel send ``signum`` to this process when its parent ends (Linux's
    ``prctl(PR_SET_PDEATHSIG)``; nothing elsewhere)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signum, 0, 0, 0)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _remove(path: Path) -> None:
    import shutil

    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
