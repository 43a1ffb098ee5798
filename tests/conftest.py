"""Shared fixtures: the built-in rules, paths to samples and to ../shared."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from transcheck.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def load_script(name: str) -> ModuleType:
    """The script ``scripts/NAME.py`` as a module (its folder on the path: scripts share code)."""
    folder = str(ROOT / "scripts")
    if folder not in sys.path:
        sys.path.insert(0, folder)
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module
SAMPLES = ROOT / "samples"


def assert_wordnet_table_rebuilt(script: ModuleType, needed: str) -> None:
    """The table a WordNet build script ships is what it builds from WordNet 3.0 (Debian
    wordnet-base); skipped where ``needed`` (a database file) is not installed."""
    if not (script.WORDNET / needed).exists():
        pytest.skip("WordNet 3.0 (Debian wordnet-base) not installed")
    assert script.table(script.WORDNET) == script.OUTPUT.read_text(encoding="utf-8")


def linked_cache(folder: Path, *shared: str) -> Path:
    """A cache folder of a test's own (``TRANSCHECK_CACHE_DIR``) whose ``shared`` parts
    ("rules", "tables") are links to those of the default cache that the other CLI tests fill:
    a test whose subject is not the cache (LanguageTool's match cache, an error message) then
    pays no cold build of the rules and word tables. The tests of the cache use empty folders."""
    from transcheck.cachedir import cache_root

    folder.mkdir(parents=True, exist_ok=True)
    for part in shared:
        target = cache_root() / part
        target.mkdir(parents=True, exist_ok=True, mode=0o700)
        (folder / part).symlink_to(target, target_is_directory=True)
    return folder


@pytest.fixture(scope="session")
def _apart_cache(tmp_path_factory) -> str:
    return str(linked_cache(tmp_path_factory.mktemp("apart-cache"), "tables"))


@pytest.fixture
def rules_cache_apart(monkeypatch, _apart_cache) -> str:
    """For a test that loads rule folders of its own (in this process or the CLI's): their
    compiled rules go to a cache folder of the session (word tables linked), not to the
    default cache, which keeps only the newest 8 rule sets and would otherwise drop the
    built-in rules every other test reads (each drop costs a rebuild)."""
    monkeypatch.setenv("TRANSCHECK_CACHE_DIR", _apart_cache)
    return _apart_cache


@pytest.fixture(scope="session")
def ruleset():
    return load_rules()


def run_cli(*args: str, input: str | bytes | None = None, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real CLI in a subprocess (``python -m transcheck``)."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    full_env.pop("FORCE_COLOR", None)
    data = input.encode() if isinstance(input, str) else input
    proc = subprocess.run(
        [sys.executable, "-m", "transcheck", *args],
        input=data, capture_output=True, cwd=cwd or ROOT, env=full_env, timeout=600,
    )
    proc.stdout_text = proc.stdout.decode("utf-8")  # type: ignore[attr-defined]
    proc.stderr_text = proc.stderr.decode("utf-8")  # type: ignore[attr-defined]
    return proc


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked ``heavy`` (a minute or more of one core) first: with ``pytest -n 2``
    they start while the many short tests are still queued, and no long test is left
    running alone at the end."""
    items.sort(key=lambda item: item.get_closest_marker("heavy") is None)
