"""Stopping cleanly: SIGINT and SIGTERM unwind the stack so every started process is stopped.

Python's default SIGTERM ends the process at once, skipping ``finally`` blocks, so a
LanguageTool server or worker processes it started would outlive it. ``install`` turns
both signals into a Stopped exception (a BaseException, so no ``except Exception`` swallows
it); context managers then stop the server and the workers, reports are written atomically
or not at all, and ``main`` exits with 128 + the signal number (130, 143).
"""

from __future__ import annotations

import os
import signal
import sys
import threading

_MAIN_PID = os.getpid()
_RECEIVED: int | None = None  # the signal that stopped the run, once one has


class Stopped(BaseException):
    """The run was stopped by a signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum

    @property
    def label(self) -> str:
        return "interrupted" if self.signum == signal.SIGINT else "terminated"


def _raise(signum: int, frame) -> None:
    global _RECEIVED
    if os.getpid() != _MAIN_PID:  # a forked worker: its parent cleans up
        os._exit(128 + signum)
    _RECEIVED = signum
    for sig in (signal.SIGINT, signal.SIGTERM):  # a second signal must not interrupt the clean-up
        signal.signal(sig, signal.SIG_IGN)
    threading.excepthook = _quiet  # the pool's manager thread may trip over futures cancelled mid-stop
    sys.unraisablehook = _quiet  # Stopped raised inside a __del__ is dropped: received() tells main
    multiprocessing = sys.modules.get("multiprocessing")  # not imported: no worker was started
    for worker in multiprocessing.active_children() if multiprocessing else ():  # else the pool would finish its queued work first
        worker.terminate()
    raise Stopped(signum)


def received() -> Stopped | None:
    """The stop, when a signal came: Python drops an exception raised while a ``__del__``
    runs, so the run may end in another error (a broken worker pool) instead of Stopped."""
    return Stopped(_RECEIVED) if _RECEIVED is not None else None


def _quiet(args) -> None:
    """While stopping: no traceback from a helper thread (the process pool's manager in
    Python 3.11) nor from an exception Python cannot raise (in a ``__del__``)."""


def install() -> None:
    """Route SIGINT and SIGTERM to Stopped in this process (forked workers exit at once)."""
    global _MAIN_PID
    _MAIN_PID = os.getpid()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, _raise)
