"""The tagger's weights as int16 thousandths and its features as a memory-mapped trie:
the same weights and tags as the shipped float64 model, and a damaged cache is rebuilt."""

from __future__ import annotations

from importlib.resources import files

import numpy as np
import pytest

from transcheck import tagger

SENTENCES = [
    "The committee passed the bill on Monday without a single vote against it.",
    "She'd said the 1990s were over, but nobody in the well-known old village believed her.",
    "Prices rose by 3.5 percent in 2023 and the U.S. dollar fell.",
    "Can you fix it before the meeting ends?",
]


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache folder and no tagger loaded yet."""
    monkeypatch.setenv("TRANSCHECK_CACHE_DIR", str(tmp_path))
    tagger.model.cache_clear()
    yield tmp_path
    tagger.model.cache_clear()


def shipped() -> tagger.Model:
    return tagger._read_model(files("transcheck") / "data" / "tagger" / tagger.MODEL)


def test_thousandths_give_the_shipped_float64_weights_back(fresh) -> None:
    with np.load(files("transcheck") / "data" / "tagger" / tagger.MODEL, allow_pickle=False) as data:
        values = data["values"]
    assert np.array_equal(tagger._thousandths(values) / tagger.SCALE, values)
    with pytest.raises(ValueError):
        tagger._thousandths(np.array([0.0005]))


def test_cached_tables_tag_as_the_shipped_model(fresh) -> None:
    reference = shipped()
    words = [[t.word for t in s] for s in tagger.tag_spans(" ".join(SENTENCES), [(0, len(" ".join(SENTENCES)))])]
    for attempt in ("built", "read back"):
        ours = tagger.model()
        assert not isinstance(ours.rows, dict), attempt  # the trie, memory-mapped
        assert ours.tag_many(words) == reference.tag_many(words), attempt
        for feature in ("bias", "i suffix ing", "i-1 tag DT", "no such feature"):
            row, ref = ours.rows.get(feature, len(ours.rows)), reference.rows.get(feature, len(reference.rows))
            assert np.array_equal(ours.matrix[row], reference.matrix[ref]), (attempt, feature)
        tagger.model.cache_clear()
    assert list(fresh.glob("tables/tagger-*/features.marisa")) and list(fresh.glob("tables/tagger-*/matrix.i2"))


@pytest.mark.parametrize("part", ["matrix.i2", "features.marisa"])
def test_a_damaged_cache_still_tags_the_same(fresh, part) -> None:
    tagger.model()._table
    tagger.model.cache_clear()
    (path,) = fresh.glob(f"tables/tagger-*/{part}")
    path.write_bytes(path.read_bytes()[:1000])
    text = SENTENCES[1]
    ours = [t.tag for t in tagger.tag(text)]
    tagger.model.cache_clear()
    assert ours == shipped().tag([t.word for t in tagger.tag(text)])
