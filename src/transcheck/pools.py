"""Worker process pools: starting one, taking its results, and stopping it when a run ends early.

CPython 3.11's pool has a race this module guards against. When a worker dies, the pool's
manager thread fails every pending task while iterating a dict that ``submit`` in the main
thread may still be adding to. The thread then dies of "dictionary changed size during
iteration": it prints a traceback, and the tasks it had not reached are never settled. So
the pools started here keep that thread quiet, and :func:`result` notices such a task.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool, _ExecutorManagerThread
from itertools import islice
from typing import Any

POLL_SECONDS = 1.0  # how often a wait looks whether the pool died without settling its task
_BROKEN = "A worker process ended abruptly; the process pool cannot settle its tasks."


def new_pool(**options: Any) -> ProcessPoolExecutor:
    """A ProcessPoolExecutor (``options`` as its own), its manager thread quiet when it dies
    of the race above."""
    if not isinstance(threading.excepthook, _QuietManagerHook):
        threading.excepthook = _QuietManagerHook(threading.excepthook)
    return ProcessPoolExecutor(**options)


class _QuietManagerHook:
    """``threading.excepthook`` dropping a RuntimeError of a broken pool's manager thread
    (the main thread reports the broken pool in one line); anything else goes to ``previous``."""

    def __init__(self, previous: Callable[[Any], object]) -> None:
        self.previous = previous

    def __call__(self, args: Any) -> None:
        if not (isinstance(args.thread, _ExecutorManagerThread) and issubclass(args.exc_type, RuntimeError)
                and _broken(args.thread.executor_reference())):
            self.previous(args)


def _broken(pool: ProcessPoolExecutor | None) -> bool:
    return pool is None or bool(getattr(pool, "_broken", False))


def result(pool: ProcessPoolExecutor, future: Future) -> Any:
    """``future.result()``; BrokenProcessPool when the pool is broken and its manager thread
    has ended without settling ``future``, which then would never be."""
    while not future.done():
        try:
            return future.result(timeout=POLL_SECONDS)
        except TimeoutError:
            manager = getattr(pool, "_executor_manager_thread", None)
            if not future.done() and _broken(pool) and not (manager and manager.is_alive()):
                raise BrokenProcessPool(_BROKEN) from None
    return future.result()


def in_order(pool: ProcessPoolExecutor, function: Callable[[Any], Any], items: Iterable[Any],
             chunksize: int = 1) -> Iterator[Any]:
    """``function`` of each of ``items``, in order, computed by the pool ``chunksize`` items a task."""
    items = iter(items)
    futures = [pool.submit(_apply_each, function, chunk) for chunk in iter(lambda: list(islice(items, chunksize)), [])]
    try:
        for future in futures:
            yield from result(pool, future)
    finally:  # a run that stops taking results does not wait for the queued tasks
        for future in futures:
            future.cancel()


def _apply_each(function: Callable[[Any], Any], chunk: list[Any]) -> list[Any]:
    return [function(item) for item in chunk]


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
