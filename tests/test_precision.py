"""Precision: the default rules stay nearly silent on native English news prose.

The corpus in tests/data/native/ is original English writing (see its README); every
finding on it is a false positive. The issue's bar: at most 1 finding per 1,000 words
with the matching --locale.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from transcheck.documents import expand_paths, read_document
from transcheck.engine import check

NATIVE = ROOT / "tests" / "data" / "native"
LOCALES = ("en-US", "en-GB")
MIN_WORDS = 6500  # per locale, so the bar cannot be met by an empty or shrunken corpus
MAX_PER_1000_WORDS = 1.0


def _describe(items: list[tuple[str, str, str, int, str]]) -> str:
    """One line per false positive: rule id, name, where, and the flagged text."""
    return "\n".join(f"  {rule} {name} {Path(path).name}:{line}: {text!r}" for rule, name, path, line, text in items)


def _assert_precise(locale: str, words: int, fps: list[tuple[str, str, str, int, str]]) -> None:
    assert words >= MIN_WORDS, f"{locale} corpus has only {words} words"
    allowed = words * MAX_PER_1000_WORDS / 1000
    rate = 1000 * len(fps) / words
    assert len(fps) <= allowed, (
        f"{locale}: {len(fps)} findings on {words} native words ({rate:.2f} per 1,000; at most "
        f"{MAX_PER_1000_WORDS:g} allowed); false positives:\n{_describe(fps)}"
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_native_prose_in_process(ruleset, locale: str) -> None:
    docs = [read_document(p) for p in expand_paths([str(NATIVE / locale)])]
    assert all(p.endswith(".txt") for p in (d.path for d in docs))
    words = sum(d.word_count for d in docs)
    fps = [
        (f.rule, f.name, d.path, f.line, d.text[f.start : f.end])
        for d in docs
        for f in check(d, ruleset, locale)
    ]
    _assert_precise(locale, words, fps)


def test_native_prose_through_cli() -> None:
    proc = run_cli("check", "tests/data/native/en-GB", "--locale", "en-GB", "--format", "json")
    assert proc.returncode in (0, 1), proc.stderr_text
    report = json.loads(proc.stdout_text)
    assert report["locale"] == "en-GB"
    files = report["files"]
    assert len(files) == len(list((NATIVE / "en-GB").glob("*.txt")))
    words = sum(f["words"] for f in files)
    texts = {f["path"]: (ROOT / f["path"]).read_text(encoding="utf-8") for f in files}
    fps = [
        (f["rule"], f["name"], f["path"], f["line"], texts[f["path"]][f["start"] : f["end"]])
        for f in report["findings"]
    ]
    assert (proc.returncode == 1) == bool(fps), "exit code disagrees with the findings"
    _assert_precise("en-GB", words, fps)
