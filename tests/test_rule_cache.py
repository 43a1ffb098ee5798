"""The on-disk cache of loaded rules and word tables: written once, reused, rebuilt when a
rule file changes, and never in the way (corrupt or unwritable caches are ignored).

Every test runs the real CLI in a subprocess with its own ``TRANSCHECK_CACHE_DIR``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import linked_cache, run_cli

TEXT = "Wir haben heute leider keine Zeit dafür.\nThe blue gizmo arrived on Tuesday.\n"
RULE = """\
id: HS001
name: house-gizmo
family: house-style
category: terminology
severity: minor
message: "Say “device”, not “{{match}}”."
matcher:
  kind: pattern
  pattern: '\\b{word}\\b'
why: The house style names every product a device.
examples:
  flag:
    - "The [[{word}]] is ready."
  pass:
    - "The device is ready."
"""


def _rules(folder: Path, word: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "HS001-house-gizmo.yaml").write_text(RULE.format(word=word), encoding="utf-8")
    return folder


def _check(tmp_path: Path, cache: Path, *extra: str):
    sample = tmp_path / "sample.txt"
    sample.write_text(TEXT, encoding="utf-8")
    proc = run_cli("check", str(sample), "--isolated", "--jobs", "1", *extra, env={"TRANSCHECK_CACHE_DIR": str(cache)})
    proc.stdout_text = proc.stdout_text.replace(str(sample), "sample.txt")
    return proc


def _cache_files(cache: Path) -> list[Path]:
    return sorted((cache / "rules").glob("*.pickle"))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[int, str, Path]:
    """Exit code and report of a run that builds everything (an empty cache folder), and the
    cache folder it filled."""
    tmp = tmp_path_factory.mktemp("reference")
    proc = _check(tmp, tmp / "cache")
    assert proc.returncode == 1, proc.stderr_text
    assert "TC503" in proc.stdout_text  # the German sentence is found
    return proc.returncode, proc.stdout_text, tmp / "cache"


@pytest.fixture
def reference(built) -> tuple[int, str]:
    return built[:2]


def test_written_on_first_run_and_reused(tmp_path, reference):
    cache = tmp_path / "cache"
    first = _check(tmp_path, cache)
    [written] = _cache_files(cache)
    stamp = written.stat().st_mtime_ns
    second = _check(tmp_path, cache)
    assert _cache_files(cache) == [written] and written.stat().st_mtime_ns == stamp
    assert (first.returncode, first.stdout_text) == (second.returncode, second.stdout_text) == reference
    assert list((cache / "tables").glob("wordfreq-en-*"))  # the word table was built once too


def test_changed_rule_file_rebuilds(tmp_path):
    cache = linked_cache(tmp_path / "cache", "tables")  # the rules are this test's subject, not the tables
    folder = _rules(tmp_path / "house", "gizmo")
    before = _check(tmp_path, cache, "--rules", str(folder), "--select", "HS001")
    assert "HS001" in before.stdout_text and "“gizmo”" in before.stdout_text
    _rules(folder, "Tuesday")
    after = _check(tmp_path, cache, "--rules", str(folder), "--select", "HS001")
    assert "“Tuesday”" in after.stdout_text and "“gizmo”" not in after.stdout_text
    assert len(_cache_files(cache)) == 2


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_corrupt_cache_is_ignored_and_rebuilt(tmp_path, built, reference, damage):
    cache = tmp_path / "cache"
    shutil.copytree(built[2], cache)  # what a first run writes (test_written_on_first_run_and_reused)
    damaged = [*_cache_files(cache), *(cache / "tables").glob("*/*")]
    assert damaged
    for path in damaged:
        data = path.read_bytes()
        path.write_bytes({"garbage": b"\x80\x05not a pickle at all" * 50, "truncated": data[: len(data) // 2], "empty": b""}[damage])
    proc = _check(tmp_path, cache)
    assert (proc.returncode, proc.stdout_text) == reference
    assert "Traceback" not in proc.stderr_text
    [rebuilt] = _cache_files(cache)
    assert rebuilt.stat().st_size > 1000  # written again, whole


def test_unwritable_cache_folder_still_checks(tmp_path, reference):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be\n", encoding="utf-8")
    proc = _check(tmp_path, blocker)
    assert (proc.returncode, proc.stdout_text) == reference
    assert "Traceback" not in proc.stderr_text


@pytest.mark.parametrize("command", [["--help"], ["rules"], ["explain", "TC101"], ["config", "--isolated"]])
def test_listing_commands_load_no_tables(tmp_path, command):
    cache = tmp_path / "cache"
    proc = run_cli(*command, env={"TRANSCHECK_CACHE_DIR": str(cache)})
    assert proc.returncode == 0, proc.stderr_text
    assert not (cache / "tables").exists()


def test_cached_rules_find_what_freshly_built_rules_find(tmp_path, monkeypatch):
    """Rules restored from the cache (lazy patterns, re-registered prefilter literals) give
    the same findings as rules built from the YAML, on every rule's examples at once."""
    from transcheck.documents import Document
    from transcheck.engine import check
    from transcheck.rules import cache, load_rules
    from transcheck.rules.loader import builtin_rules_dir

    monkeypatch.setenv("TRANSCHECK_CACHE_DIR", str(tmp_path))
    built = load_rules(use_cache=False)
    load_rules()  # builds and writes the cache
    root = builtin_rules_dir()
    assert cache.load(cache.key([root], root)) is not None
    cached = load_rules()  # read from it
    texts = [ex.text for rule in built for ex in (*rule.spec.flag, *rule.spec.passes)]
    doc = Document.from_text("examples.txt", "\n\n".join(texts) + "\n")
    for locale in ("en-US", "en-GB"):
        found = check(doc, built, locale)
        assert len(found) > 100
        assert check(doc, cached, locale) == found
