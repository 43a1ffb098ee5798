"""tables.derived: small tables built once into the cache folder, rebuilt when what they come from changes."""

from __future__ import annotations

import pytest

from transcheck import tables
from transcheck.detectors import exonyms


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache folder and no exonym table loaded yet."""
    monkeypatch.setenv("TRANSCHECK_CACHE_DIR", str(tmp_path))
    exonyms.exonyms.cache_clear()
    yield tmp_path
    exonyms.exonyms.cache_clear()


def test_a_derived_table_is_read_back_until_what_it_depends_on_changes(fresh) -> None:
    builds: list[str] = []

    def build(value: str) -> dict[str, str]:
        builds.append(value)
        return {"built from": value}

    assert tables.derived("probe", lambda: build("one"), depends="v1") == {"built from": "one"}
    assert tables.derived("probe", lambda: build("two"), depends="v1") == {"built from": "one"}  # read back
    assert tables.derived("probe", lambda: build("three"), depends="v2") == {"built from": "three"}
    assert builds == ["one", "three"]


def test_the_cached_exonym_table_is_the_one_built_from_the_sources(fresh) -> None:
    built = exonyms._exonyms(3.5, 2.5)
    assert exonyms.exonyms(3.5, 2.5) == built  # built into the cache folder
    exonyms.exonyms.cache_clear()
    assert exonyms.exonyms(3.5, 2.5) == built  # read back from it
    assert list(fresh.glob("tables/exonyms-*/value.marshal"))
    assert built.get("Mailand") == "Milan" and "Andreas" not in built
    exonyms.exonyms.cache_clear()
    stricter = exonyms.exonyms(5.0, 2.5)  # other options: a table of their own
    assert set(stricter) < set(built)
