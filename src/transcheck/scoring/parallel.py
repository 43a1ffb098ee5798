"""Sufficient statistics of a streamed system, chunk by chunk, spread over worker processes.

The hypothesis and reference files are read in chunks of :data:`CHUNK` lines; each chunk's
statistics (sacrebleu's ``_extract_corpus_statistics`` with the chunk's references, so no
reference cache of the whole corpus is ever built) come back as small numpy arrays and are
written into one preallocated array per metric, in segment order. TER and chrF dominate the
time, so chunks go to a process pool (``--jobs``, default all cores) with at most a few
chunks in flight; SIGINT and SIGTERM stop the workers (``transcheck.cli.signals``).
"""

from __future__ import annotations

import logging
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

import numpy as np
from sacrebleu.metrics.base import Metric

from transcheck import pools
from transcheck.scoring.lines import Lines
from transcheck.scoring.stats import (TOKENIZED_PERIODS, ScoreOptions, build_metrics, segment_statistics,
                                      tokenized_periods)

CHUNK = 500  # lines a task: small enough to balance TER's uneven cost, large enough to amortise pickling
MIN_CHUNKS_FOR_POOL = 4
_METRICS: dict[str, Metric] | None = None  # the worker's own metric objects


def _init_worker(options: ScoreOptions) -> None:
    global _METRICS
    _METRICS = build_metrics(options)
    for metric in _METRICS.values():
        metric._force = True  # the tokenized-period warning is counted once, by the parent


def _chunk_statistics(hypotheses: list[str], references: list[list[str]]) -> tuple[dict[str, np.ndarray], int]:
    assert _METRICS is not None
    return segment_statistics(_METRICS, hypotheses, references), tokenized_periods(hypotheses)


class Extractor:
    """Statistics of streamed systems; a context manager owning the worker processes (if any)."""

    def __init__(self, options: ScoreOptions, jobs: int):
        self.options, self.jobs = options, jobs
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> "Extractor":
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            if exc[1] is None:
                self._pool.shutdown(wait=True, cancel_futures=True)
            else:
                pools.stop_early(self._pool, exc[1])
            self._pool = None

    def statistics(self, hypotheses: Lines, references: list[Lines]) -> dict[str, np.ndarray]:
        """Each metric's statistics of ``hypotheses`` against the line-aligned ``references``."""
        chunks = zip(hypotheses.chunks(CHUNK), *(ref.chunks(CHUNK) for ref in references))
        tasks = ((hyps, list(refs)) for hyps, *refs in chunks)
        total = len(hypotheses)
        if self.jobs <= 1 or total < CHUNK * MIN_CHUNKS_FOR_POOL:
            _init_worker(self.options)
            return _collect((_chunk_statistics(*task) for task in tasks), total)
        if self._pool is None:
            self._pool = pools.new_pool(max_workers=self.jobs, initializer=_init_worker,
                                        initargs=(self.options,))
        return _collect(_in_order(self._pool, tasks, 2 * self.jobs + 1), total)


def _in_order(pool: ProcessPoolExecutor, tasks, in_flight: int):
    """Results of ``tasks`` in order, with at most ``in_flight`` submitted and not yet taken."""
    pending: deque[Future] = deque(pool.submit(_chunk_statistics, *task) for task in islice(tasks, in_flight))
    while pending:
        result = pools.result(pool, pending.popleft())
        for task in islice(tasks, 1):
            pending.append(pool.submit(_chunk_statistics, *task))
        yield result


def _collect(results, total: int) -> dict[str, np.ndarray]:
    """Concatenate the chunks' statistics into one preallocated array per metric."""
    out: dict[str, np.ndarray] = {}
    row = periods = 0
    for stats, count in results:
        for key, array in stats.items():
            if key not in out:
                out[key] = np.empty((total, array.shape[1]), dtype=array.dtype)
            out[key][row:row + len(array)] = array
        row += len(next(iter(stats.values())))
        periods += count
    if periods >= TOKENIZED_PERIODS and "bleu" in out:
        _warn_tokenized()
    return out


def _warn_tokenized() -> None:
    """sacrebleu's own warning about hypotheses that look tokenized."""
    logger = logging.getLogger("sacrebleu")
    logger.warning("That's 100 lines that end in a tokenized period ('.')")
    logger.warning("It looks like you forgot to detokenize your test data, which may hurt your score.")
    logger.warning("If you insist your data is detokenized, or don't care, you can suppress this message "
                   "with the `force` parameter.")
