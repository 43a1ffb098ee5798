"""A long text's blocks checked by forked worker processes, while this process runs the rest.

A text longer than a block is checked by its line-local rules a block of paragraphs at a
time (``engine.line_local``). With ``--jobs`` above 1 and a file checked in the calling
process (a run of fewer files than the pool takes), those blocks go to worker processes
forked with the stretch in memory, while this process runs the rules that need the whole
stretch's evidence. Each block's findings come back pickled, in block order: the same
findings as a serial run. Where ``fork`` is not offered (macOS, Windows), the blocks run
here, one after another.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from transcheck.documents import Block, Document
from transcheck.models import Finding

if TYPE_CHECKING:
    from transcheck.rules.loader import Rule

_JOB: tuple[Document, list[Rule], str] | None = None  # the stretch, rules and locale a forked worker inherits


def _fork_context():  # -> multiprocessing.context.BaseContext | None
    """The ``fork`` start method, where the platform offers it."""
    import multiprocessing  # here: a short text imports no multiprocessing

    return multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None


def _check_block(start: int, end: int) -> bytes:
    """In a worker: the pickled findings of the inherited rules on one block of the stretch."""
    from transcheck import engine  # here: the engine imports this module

    assert _JOB is not None
    stretch, rules, locale = _JOB
    held = engine.HeldFindings(packed=False)
    engine.run_rules(Block.of(stretch, start, end), rules, locale, held)
    engine.release_free_memory()
    return pickle.dumps(held.findings(), protocol=pickle.HIGHEST_PROTOCOL)


@contextmanager
def spread(stretch: Document, rules: list[Rule], locale: str, spans: list[tuple[int, int]],
           jobs: int) -> Iterator[Iterator[list[Finding]] | None]:
    """Start checking the blocks ``spans`` of ``stretch`` with ``rules`` in up to ``jobs``
    forked workers; the body gets each block's findings, in order, as they are taken (or
    None when the blocks are better run here: one job, one block, no ``fork``). On an
    error or a signal in the body the workers are stopped and their queued blocks dropped."""
    global _JOB
    context = _fork_context()
    if jobs <= 1 or len(spans) < 2 or context is None or not rules:
        yield None
        return
    from concurrent.futures import ProcessPoolExecutor  # here: a short text starts no pool

    _JOB = (stretch, rules, locale)
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(spans)), mp_context=context)
    try:
        futures = [pool.submit(_check_block, start, end) for start, end in spans]
        yield (pickle.loads(future.result()) for future in futures)
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        for worker in context.active_children():
            worker.terminate()
        raise
    finally:
        _JOB = None
        pool.shutdown(wait=True)
