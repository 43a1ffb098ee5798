"""Older builds of a cached table are removed when a new version is built."""

import os

from transcheck import tables


def _build_versions(names: list[str], version_count: int) -> None:
    for n in range(version_count):
        for name in names:
            tables.cached(name, f"v{n}", lambda: b"data", lambda value, folder: (folder / "t").write_bytes(value),
                          lambda folder: (folder / "t").read_bytes())


def test_only_the_newest_builds_of_each_table_are_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("TRANSCHECK_CACHE_DIR", str(tmp_path))
    _build_versions(["demo", "demo-mapped"], 4)
    kept = sorted(p.name.rsplit("-", 1)[0] for p in (tmp_path / "tables").iterdir())
    assert kept == ["demo"] * tables.KEEP_VERSIONS + ["demo-mapped"] * tables.KEEP_VERSIONS


def test_the_build_just_made_is_among_those_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("TRANSCHECK_CACHE_DIR", str(tmp_path))
    _build_versions(["demo"], 3)
    newest = max((tmp_path / "tables").iterdir(), key=os.path.getmtime)
    value = tables.cached("demo", "v2", lambda: b"rebuilt", lambda v, f: (f / "t").write_bytes(v), lambda f: (f / "t").read_bytes())
    assert value == b"data" and newest.is_dir()  # v2 was still cached, not rebuilt
