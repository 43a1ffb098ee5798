"""Worker pools (transcheck.pools): results in order, and a pool whose manager thread dies
of CPython 3.11's race with a dying worker (a dict changed size while it fails the pending
tasks) ends the wait with BrokenProcessPool and prints no traceback, instead of hanging."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures.process import BrokenProcessPool, _ExecutorManagerThread

import pytest

from transcheck import pools

fork = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
forking = pytest.mark.skipif(fork is None, reason="no fork on this platform")


def _square(n: int) -> int:
    return n * n


def _pid_then_sleep(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def _dies_mid_iteration(self, cause) -> None:
    """What the race does: the pool is marked broken, then the loop failing its pending tasks
    stops at its first step, before settling any of them."""
    self.executor_reference()._broken = "a worker died"
    raise RuntimeError("dictionary changed size during iteration")


@pytest.fixture
def seen_by_hook(monkeypatch) -> list:
    seen: list = []
    monkeypatch.setattr(threading, "excepthook", lambda args: seen.append(args.exc_type))
    return seen


@forking
def test_results_come_in_order_in_chunks() -> None:
    with pools.new_pool(max_workers=2, mp_context=fork) as pool:
        assert list(pools.in_order(pool, _square, range(23), chunksize=4)) == [n * n for n in range(23)]
        assert list(pools.in_order(pool, _square, [], chunksize=4)) == []


@forking
def test_a_manager_thread_dead_of_the_race_ends_the_wait_quietly(monkeypatch, seen_by_hook) -> None:
    monkeypatch.setattr(_ExecutorManagerThread, "terminate_broken", _dies_mid_iteration)
    monkeypatch.setattr(pools, "POLL_SECONDS", 0.1)
    pool = pools.new_pool(max_workers=1, mp_context=fork)
    try:
        future = pool.submit(_pid_then_sleep, 60)
        while not (workers := fork.active_children()):
            time.sleep(0.01)
        os.kill(workers[0].pid, signal.SIGKILL)
        started = time.monotonic()
        with pytest.raises(BrokenProcessPool):
            pools.result(pool, future)
        assert time.monotonic() - started < 10
        assert not future.done()  # the pool never settled it: a plain future.result() would wait for ever
        assert seen_by_hook == []  # the manager thread's RuntimeError printed nothing
    finally:
        for worker in fork.active_children():
            worker.kill()
        pool.shutdown(wait=True)


def test_other_thread_errors_still_reach_the_previous_hook(seen_by_hook) -> None:
    pools.new_pool(max_workers=1).shutdown()

    def fail() -> None:
        raise ValueError("a helper thread's own error")

    thread = threading.Thread(target=fail)
    thread.start()
    thread.join()
    assert seen_by_hook == [ValueError]


@forking
def test_a_settled_result_and_a_task_error_come_back_as_they_are() -> None:
    with pools.new_pool(max_workers=1, mp_context=fork) as pool:
        assert pools.result(pool, pool.submit(_square, 7)) == 49
        with pytest.raises(TypeError):
            pools.result(pool, pool.submit(_square, "seven"))
