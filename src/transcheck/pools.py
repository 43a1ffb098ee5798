"""Stopping a process pool when the run it serves ends early."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


def stop_early(pool: ProcessPoolExecutor, error: BaseException | None) -> None:
    """Stop ``pool`` after ``error`` ended its run: queued tasks are dropped and the caller
    does not wait for running ones, except when a worker died (BrokenProcessPool). Then the
    pool's own thread is already stopping every worker and closing its pipes, and it is
    waited for: stopping the pool beside it closes the same pipes twice, and the thread
    prints a traceback (CPython 3.11)."""
    if isinstance(error, BrokenProcessPool):
        pool.shutdown(wait=True)
    else:
        pool.shutdown(wait=False, cancel_futures=True)
