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
    if os.getpid() != _MAIN_PID:  # a forked worker: its parent cleans up
        os._exit(128 + signum)
    for sig in (signal.SIGINT, signal.SIGTERM):  # a second signal must not interrupt the clean-up
        signal.signal(sig, signal.SIG_IGN)
    threading.excepthook = _quiet  # the pool's manager thread may trip over futures cancelled mid-stop
    multiprocessing = sys.modules.get("multiprocessing")  # not imported: no worker was started
    for worker in multiprocessing.active_children() if multiprocessing else ():  # else the pool would finish its queued work first
        worker.terminate()
    raise Stopped(signum)


def _quiet(args: threading.ExceptHookArgs) -> None:
    """While stopping: no traceback from a helper thread (the process pool's manager in Python 3.11)."""


def install() -> None:
    """Route SIGINT and SIGTERM to Stopped in this process (forked workers exit at once)."""
    global _MAIN_PID
    _MAIN_PID = os.getpid()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, _raise)
