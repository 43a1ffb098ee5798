"""A long text checked by forked worker processes: its blocks, and its rules that need the whole text.

A text longer than a block is checked by its line-local rules a block of paragraphs at a
time (``engine.line_local``), and by its other rules on the whole stretch. With ``--jobs``
above 1 and a file checked in the calling process (a run of fewer files than the pool
takes), both go to worker processes forked with the stretch in memory: the rules that need
the whole stretch as a few groups (each group's caches shared by its rules: ``deal`` keeps
the rules that share a costly cache together), then the blocks, so that the workers stay
busy to the end. Findings come back pickled; the caller sorts them, so the report is that
of a serial run. Where ``fork`` is not offered (macOS, Windows), everything runs here, one
after another.
"""

from __future__ import annotations

import pickle
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from transcheck.documents import Block, Document
from transcheck.models import Finding

if TYPE_CHECKING:
    from transcheck.engine import Probe
    from transcheck.rules.loader import Rule

_JOB: tuple[Document, list[Rule], list[list[Rule]], str] | None = None  # what a forked worker inherits
SLACK = 1.15  # how far past its share of the time a group may grow to keep a rule with its caches
GROUPS_PER_JOB = 2  # the whole-stretch rules go out in this many groups a worker: fewer, and one group is the last to end


def _fork_context():  # -> multiprocessing.context.BaseContext | None
    """The ``fork`` start method, where the platform offers it."""
    import multiprocessing  # here: a short text imports no multiprocessing

    return multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None


def _check_block(start: int, end: int) -> bytes:
    """In a worker: the pickled findings of the inherited line-local rules on one block of the stretch."""
    from transcheck import engine  # here: the engine imports this module

    assert _JOB is not None
    stretch, local, _, locale = _JOB
    held = engine.HeldFindings(packed=False)
    engine.run_rules(Block.of(stretch, start, end), local, locale, held)
    engine.release_free_memory()
    return pickle.dumps(held.findings(), protocol=pickle.HIGHEST_PROTOCOL)


def _check_group(index: int) -> bytes:
    """In a worker: the pickled findings of one inherited group of whole-stretch rules."""
    from transcheck import engine  # here: the engine imports this module

    assert _JOB is not None
    stretch, _, groups, locale = _JOB
    held = engine.HeldFindings(packed=True)
    rules = groups[index]
    engine.run_rules(stretch, rules, locale, held, engine.releases(stretch, rules, locale))
    engine.release_free_memory()
    return pickle.dumps(held.findings(), protocol=pickle.HIGHEST_PROTOCOL)


def evidence_groups(stretch: Document, rules: list[Rule], locale: str, count: int) -> list[list[Rule]]:
    """``rules`` in at most ``count`` non-empty groups (``deal``), each group's probe
    remembered, so that a worker learns its releases without probing again."""
    from transcheck import engine  # here: the engine imports this module

    probed = engine.probe(stretch, rules, locale, warm_up=True)
    groups = []
    for indices in deal(probed, count):
        group = [rules[i] for i in indices]
        engine.remember_probe(group, locale, probed.subset(indices))
        groups.append(group)
    return groups


def deal(probed: Probe, count: int) -> list[list[int]]:
    """The indices of the probed rules in at most ``count`` non-empty groups, each in the
    rules' order. The costliest rule first, each goes to the group where it adds least:
    its own time on the probe, and the time of making each cache it uses that the group
    does not make yet (its maker's time, shared among the caches it made). A group past
    its share of the whole time (with ``SLACK``) takes a rule only when every group is."""
    made = Counter(probed.makers.values())
    weight = {key: probed.seconds[maker] / made[maker] for key, maker in probed.makers.items()}
    cap = sum(probed.seconds) / count * SLACK
    loads, caches = [0.0] * count, [set() for _ in range(count)]
    members: list[list[int]] = [[] for _ in range(count)]
    for i in sorted(range(len(probed.seconds)), key=lambda i: (-probed.seconds[i], i)):
        added = [probed.seconds[i] + sum(weight.get(key, 0.0) for key in probed.uses[i] - caches[g]
                                          if probed.makers.get(key) != i) for g in range(count)]
        best = min(range(count), key=lambda g: (loads[g] + added[g] > cap, added[g], loads[g], g))
        loads[best] += added[best]
        caches[best] |= probed.uses[i]
        members[best].append(i)
    return [sorted(group) for group in members if group]


@contextmanager
def spread(stretch: Document, local: list[Rule], evidence: list[Rule], locale: str,
           spans: list[tuple[int, int]], jobs: int) -> Iterator[Iterator[list[Finding]] | None]:
    """Start checking ``stretch`` in up to ``jobs`` forked workers: the ``evidence`` rules on
    all of it, in groups, and the ``local`` rules on each of its blocks ``spans``; the body
    gets the findings of each group and block as they are taken (or None when all is better
    run here: one job, one block, no ``fork``). On an error or a signal in the body the
    workers are stopped and their queued tasks dropped."""
    global _JOB
    context = _fork_context()
    if jobs <= 1 or len(spans) < 2 or context is None or not local:
        yield None
        return
    from transcheck import pools  # here: a short text starts no pool

    groups = evidence_groups(stretch, evidence, locale, jobs * GROUPS_PER_JOB)
    _JOB = (stretch, local, groups, locale)
    pool = pools.new_pool(max_workers=min(jobs, len(spans) + len(groups)), mp_context=context)
    try:
        futures = [pool.submit(_check_group, i) for i in range(len(groups))]
        futures += [pool.submit(_check_block, start, end) for start, end in spans]
        yield (pickle.loads(pools.result(pool, future)) for future in futures)
    except BaseException as error:
        pools.stop_early(pool, error)
        for worker in context.active_children():
            worker.terminate()
        raise
    finally:
        _JOB = None
        pool.shutdown(wait=True)
