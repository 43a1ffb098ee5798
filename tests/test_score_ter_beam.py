"""transcheck's TER edit distance (scoring.ter_beam) gives sacrebleu's edit counts, segment by segment.

Compared with sacrebleu's own ``lib_ter.BeamEditDistance`` on real WMT segments (short news
sentences, WMT23's paragraphs of up to hundreds of words, a second reference) and on edge
cases written here: empty sides, lengths far apart (a widened beam), repeated words.
"""

from __future__ import annotations

import pytest
from sacrebleu.metrics import TER, lib_ter

from conftest import SHARED
from transcheck.scoring.ter_beam import BeamEditDistance, fast_ter

WMT = SHARED / "wmt"


def _read(path, lines: int) -> list[str]:
    with open(path, encoding="utf-8", newline="\n") as handle:
        return [line.rstrip() for _, line in zip(range(lines), handle)]


def _both(hyps: list[str], refs: list[list[str]], **options) -> tuple[list, list]:
    metric = TER(**options)
    theirs = metric._extract_corpus_statistics(hyps, refs)
    with fast_ter():
        ours = metric._extract_corpus_statistics(hyps, refs)
    assert lib_ter.BeamEditDistance is not BeamEditDistance  # restored after the block
    return theirs, ours


WMT_CASES = [
    ("wmt21-newstest2021-deen", "hyp.Online-Y.en", ("ref.en", "ref2.en"), 150, {}),
    ("wmt22-generaltest2022-deen", "hyp.LT22.en", ("ref2.en",), 150, {"case_sensitive": True}),
    ("wmt22-generaltest2022-deen", "hyp.Online-G.en", ("ref.en",), 100, {"normalized": True, "no_punct": True}),
    ("wmt23-generaltest2023-deen", "hyp.NLLB_Greedy.en", ("ref.en",), 12, {}),  # paragraphs: slow in sacrebleu
]


@pytest.mark.skipif(not WMT.is_dir(), reason="../shared/wmt is absent")
@pytest.mark.parametrize("folder,hyp,refs,lines,options", WMT_CASES, ids=[f"{c[0][:5]}-{c[1]}" for c in WMT_CASES])
def test_edit_counts_equal_sacrebleu_on_wmt(folder, hyp, refs, lines, options):
    hyps = _read(WMT / folder / hyp, lines)
    theirs, ours = _both(hyps, [_read(WMT / folder / r, lines) for r in refs], **options)
    assert ours == theirs


EDGE_HYPS = [
    "",
    "word",
    "the the the the the the the the the the",
    "a completely different sentence with no overlap at all here",
    " ".join(f"w{i}" for i in range(120)),  # far longer than its reference: a wide beam
    "tiny",
    "the house is red and the red house is big and the big house is old",
    "moved words at the end this sentence has some",
]
EDGE_REFS = [
    "something in the reference",
    "",
    "the the the",
    "a sentence",
    "w3 w7 w1",
    " ".join(f"x{i % 7} tiny" for i in range(90)),  # far longer than its hypothesis
    "the red house is big and old and the house is red",
    "this sentence has some moved words at the end",
]


def test_edit_counts_equal_sacrebleu_on_edge_cases():
    theirs, ours = _both(EDGE_HYPS, [EDGE_REFS])
    assert ours == theirs


def test_traces_and_cache_behave_as_sacrebleu():
    ref = "the cat sat on the mat in the sun".split()
    variants = [s.split() for s in ("the cat sat on the mat", "the cat sat in the sun on the mat",
                                    "on the mat the cat sat", "the cat sat on the mat in the sun today")]
    theirs, ours = lib_ter.BeamEditDistance(ref), BeamEditDistance(ref)
    for words in variants * 2:  # the second round reads rows from the prefix cache
        assert ours(words) == theirs(words)
