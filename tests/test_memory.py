"""Bounded memory without changed verdicts: the tables read in place give the same
values as the arrays they replace."""

from __future__ import annotations

import numpy as np
import pytest
from py3langid import langid as py3langid

from test_langid_cache import fresh  # noqa: F401 (the empty-cache fixture)
from transcheck import langid

TEXTS = [
    "Der Ausschuss hat die Vorlage am Montag ohne Gegenstimmen angenommen, sagte die Sprecherin.",
    "The committee passed the bill on Monday without a single vote against it.",
    "Die Stadt will die Brücke bis zum Herbst sanieren – die Kosten trägt das Land. " * 20,
    "Ein Satz. A sentence. Une phrase. 🙂",
    "ok",
    "",
]




def test_langid_reads_rows_from_disk_with_py3langids_scores(fresh) -> None:
    reference = py3langid._get_identifier()
    for attempt in ("built", "read back"):
        ours = langid._identifier()
        assert isinstance(ours.nb_ptc, langid.Weights) and isinstance(ours.tk_nextmove, langid.Transitions), attempt
        for text in TEXTS:
            assert np.array_equal(ours._decide(text), reference._decide(text)), (attempt, text[:30])
        langid._identifier.cache_clear()
    assert list(fresh.glob("tables/py3langid-*/ptc.raw")) and list(fresh.glob("tables/py3langid-*/nextmove.raw"))


def test_langid_tables_hold_py3langids_values(fresh) -> None:
    reference = py3langid._get_identifier()
    ours = langid._identifier()
    rows = np.array([0, 7, len(reference.nb_ptc) - 1, 7])
    assert np.array_equal(ours.nb_ptc[rows], reference.nb_ptc[rows])
    assert ours.nb_ptc[rows].dtype == reference.nb_ptc.dtype
    for index in (0, 1, 255, 256, 4097, len(reference.tk_nextmove) - 1):
        assert ours.tk_nextmove[index] == reference.tk_nextmove[index]
    with pytest.raises(IndexError):
        ours.tk_nextmove[len(reference.tk_nextmove) + 256]


def test_a_truncated_table_is_built_again(fresh) -> None:
    langid._identifier()
    langid._identifier.cache_clear()
    (raw,) = fresh.glob("tables/py3langid-*/ptc.raw")
    raw.write_bytes(raw.read_bytes()[:1000])
    assert langid.language(TEXTS[0]) == "de"
    assert raw.parent.exists() is False or raw.stat().st_size > 1000


@pytest.mark.parametrize("where", ["no pread", "unwritable cache"])
def test_langid_in_memory_fallbacks_give_the_same_scores(fresh, monkeypatch, where) -> None:
    reference = py3langid._get_identifier()
    if where == "no pread":
        langid._identifier()  # built with pread, then read whole
        langid._identifier.cache_clear()
        monkeypatch.delattr(langid.os, "pread")
    else:
        monkeypatch.setattr(langid, "_load", lambda folder: (_ for _ in ()).throw(OSError("unreadable")))
    ours = langid._identifier()
    assert not isinstance(ours.tk_nextmove, langid.Transitions)
    for text in TEXTS:
        assert np.array_equal(ours._decide(text), reference._decide(text)), text[:30]
