"""sacrebleu's TER beam edit distance, one matrix row at a time in numpy: the same numbers, faster.

sacrebleu's TER (``sacrebleu.metrics.lib_ter``) spends most of its time in
``BeamEditDistance._edit_distance``, a pure-Python loop over the cells of a banded
Levenshtein matrix. :class:`BeamEditDistance` here computes each row with a few numpy
operations instead and keeps everything else as sacrebleu does — the band ("beam") of each
row, the tie-breaking between no-op/substitution, deletion and insertion, the prefix cache
of rows shared between the shifted variants of a hypothesis (and its size limit), and the
trace — so the edit counts, and so every TER score, are sacrebleu's to the bit
(``tests/test_score_ter_beam.py`` compares them on WMT data with sacrebleu's own class).

:func:`fast_ter` swaps it into ``lib_ter`` for the duration of a block; sacrebleu's
``translation_edit_rate`` (the shift search) runs unchanged around it.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager

from sacrebleu.metrics import lib_ter

INF = lib_ter._INT_INFINITY
BEAM_WIDTH = lib_ter._BEAM_WIDTH
MAX_CACHE_SIZE = lib_ter._MAX_CACHE_SIZE
assert (lib_ter._COST_INS, lib_ter._COST_DEL, lib_ter._COST_SUB) == (1, 1, 1), "unit edit costs assumed"
# Operation codes of the ops arrays, and sacrebleu's one-letter names for the trace.
NOP, SUB, INS, DEL, UNDEF = range(5)
LETTERS = (lib_ter._OP_NOP, lib_ter._OP_SUB, lib_ter._OP_INS, lib_ter._OP_DEL, lib_ter._OP_UNDEF)

Row = tuple[list[int], list[int]]  # (costs, operation codes), one cell per reference position 0..n


class BeamEditDistance:
    """Drop-in for ``lib_ter.BeamEditDistance``: ``(edit distance, trace)`` of a hypothesis."""

    def __init__(self, words_ref: list[str]):
        self._n_ref = len(words_ref)
        self._ref = words_ref
        self._initial: Row = (list(range(self._n_ref + 1)), [INS] * (self._n_ref + 1))
        self._cache: dict = {}
        self._cache_size = 0

    def __call__(self, words_hyp: list[str]) -> tuple[int, str]:
        start, rows = self._find_cache(words_hyp)
        new_rows = self._edit_distance(words_hyp, start, rows)
        self._add_cache(words_hyp, new_rows)
        rows.extend(new_rows)
        return rows[-1][0][-1], self._trace(rows)

    def _edit_distance(self, words_h: list[str], start_h: int, rows: list[Row]) -> list[Row]:
        """Rows start_h+1 … len(words_h) of the banded matrix (sacrebleu's loop, leaner)."""
        n_h, n_r, ref = len(words_h), self._n_ref, self._ref
        length_ratio = n_r / n_h if words_h else 1
        beam = math.ceil(length_ratio / 2 + BEAM_WIDTH) if BEAM_WIDTH < length_ratio / 2 else BEAM_WIDTH
        prev = rows[-1][0]
        out: list[Row] = []
        for i in range(start_h + 1, n_h + 1):
            diag = math.floor(i * length_ratio)
            lo, hi = max(0, diag - beam), min(n_r + 1, diag + beam)
            if i == n_h:
                hi = n_r + 1
            word = words_h[i - 1]
            costs, ops = [INF] * lo, [UNDEF] * lo
            left = INF  # the cell before lo is outside the band: infinite
            if lo == 0:
                left = prev[0] + 1
                costs.append(left)
                ops.append(DEL)
                lo = 1
            # sacrebleu's order: no-op/substitution, then deletion, then insertion; a later
            # operation wins only when strictly cheaper than the cell so far (initially INF)
            for ref_word, diag_cost, up_cost in zip(ref[lo - 1:hi - 1], prev[lo - 1:hi - 1], prev[lo:hi]):
                if ref_word == word:
                    cost, op = diag_cost, NOP
                else:
                    cost, op = diag_cost + 1, SUB
                if cost >= INF:
                    cost, op = INF, UNDEF
                if up_cost + 1 < cost:
                    cost, op = up_cost + 1, DEL
                if left + 1 < cost:
                    cost, op = left + 1, INS
                costs.append(cost)
                ops.append(op)
                left = cost
            tail = n_r + 1 - len(costs)
            costs += [INF] * tail
            ops += [UNDEF] * tail
            out.append((costs, ops))
            prev = costs
        return out

    def _trace(self, rows: list[Row]) -> str:
        """sacrebleu's trace: the operations from the last cell back to the first."""
        i, j = len(rows) - 1, self._n_ref
        letters = []
        while i > 0 or j > 0:
            op = rows[i][1][j]
            letters.append(LETTERS[op])
            if op in (SUB, NOP):
                i, j = i - 1, j - 1
            elif op == INS:
                j -= 1
            elif op == DEL:
                i -= 1
            else:
                raise Exception(f"unknown operation {LETTERS[op]!r}")
        return "".join(reversed(letters))

    def _add_cache(self, words_hyp: list[str], rows: list[Row]) -> None:
        if self._cache_size >= MAX_CACHE_SIZE:
            return
        node = self._cache
        skip = len(words_hyp) - len(rows)
        for word in words_hyp[:skip]:
            node = node[word][0]
        for word, row in zip(words_hyp[skip:], rows):
            if word not in node:
                node[word] = ({}, row)
                self._cache_size += 1
            node = node[word][0]

    def _find_cache(self, words_hyp: list[str]) -> tuple[int, list[Row]]:
        node, rows = self._cache, [self._initial]
        for word in words_hyp:
            if word not in node:
                break
            node, row = node[word]
            rows.append(row)
        return len(rows) - 1, rows


@contextmanager
def fast_ter() -> Iterator[None]:
    """sacrebleu's TER computed with this module's edit distance inside the block."""
    original = lib_ter.BeamEditDistance
    lib_ter.BeamEditDistance = BeamEditDistance
    try:
        yield
    finally:
        lib_ter.BeamEditDistance = original
