"""transcheck.langid: py3langid's verdicts from the model unpacked into the cache folder."""

from __future__ import annotations

import py3langid
import pytest

from transcheck import langid

TEXTS = [
    "Der Ausschuss hat die Vorlage am Montag ohne Gegenstimmen angenommen.",
    "The committee passed the bill on Monday without a single vote against it.",
    "Le comité a adopté le projet lundi.",
    "Die Brücke wird ab 18 Uhr für den Verkehr gesperrt.",
    "ok",
    "",
]


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache folder and no identifier loaded yet."""
    monkeypatch.setenv("TRANSCHECK_CACHE_DIR", str(tmp_path))
    langid._identifier.cache_clear()
    yield tmp_path
    langid._identifier.cache_clear()


def test_cached_model_gives_py3langids_verdicts(fresh):
    assert [langid.language(t) for t in TEXTS] == [py3langid.classify(t)[0] for t in TEXTS]
    assert list(fresh.glob("tables/py3langid-*/model.npz"))  # unpacked once ...
    langid._identifier.cache_clear()
    assert [langid.language(t) for t in TEXTS] == [py3langid.classify(t)[0] for t in TEXTS]  # ... and read back


def test_unknown_model_layout_falls_back_to_py3langid(fresh, monkeypatch):
    monkeypatch.setattr(langid, "ARRAYS", ("no such array",))
    assert langid._identifier() is None
    assert langid.language(TEXTS[0]) == py3langid.classify(TEXTS[0])[0] == "de"
