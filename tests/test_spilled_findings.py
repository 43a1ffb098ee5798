"""A file too long to hold (documents.LongDocument), whose findings go to disk
(spill.FindingStore) a stretch at a time, gives through the real CLI the report, summary
and exit code of the same file read whole with its findings in memory, in every format and
with the filters (selection, severity overrides, fail-on, baseline). The evidence stretch,
block and spill sizes are made small so that a small file spans many of each."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from transcheck.models import Finding
from transcheck.spill import FindingStore

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted(ROOT.glob("samples/*.mt.en.txt"))
FORMATS = ["json", "sarif", "text", "concise", "github", "junit", "html"]
# the CLI in a process whose engine sees 2,000 characters of evidence at a time; "whole"
# reads every file whole (a Document), "long" lets a longer plain-text file be a LongDocument
CLI = ("import sys\nfrom transcheck import engine, formats, runner\nengine.EVIDENCE_CHARS = 2_000\n"
       "if sys.argv.pop(1) == 'whole':\n    runner.read = lambda path: formats.read(path, runner._READ)\n"
       "from transcheck.cli.app import main\nmain()\n")


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """Two long files (one with CRLF line ends and a BOM) and a short one."""
    folder = tmp_path_factory.mktemp("long")
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in SAMPLES)
    (folder / "b.txt").write_text(text, encoding="utf-8")
    (folder / "a.txt").write_bytes(("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"))
    (folder / "short.txt").write_text("The minister said „yes“ on 3.5.2021.\n", encoding="utf-8")
    (folder / "transcheck.toml").write_text('[severity]\nquotes = "critical"\n', encoding="utf-8")
    return folder


def _check(folder: Path, mode: str, *args: str) -> subprocess.CompletedProcess:
    spill = folder / f"tmp-{mode}"
    spill.mkdir(exist_ok=True)
    env = {**os.environ, "TRANSCHECK_BLOCK_CHARS": "300", "TMPDIR": str(spill),
           "TRANSCHECK_SPILL_FINDINGS": "0" if mode == "long" else "1000000"}
    proc = subprocess.run([sys.executable, "-c", CLI, mode, "check", "--jobs", "1", *args],
                          cwd=folder, env=env, capture_output=True, text=True, encoding="utf-8")
    assert not list(spill.iterdir()), "a spill file was left behind"
    return proc


def _same(folder: Path, *args: str) -> None:
    """The long, spilled run writes what the whole, in-memory one writes."""
    long, whole = (_check(folder, mode, *args) for mode in ("long", "whole"))
    assert (long.stdout, long.stderr, long.returncode) == (whole.stdout, whole.stderr, whole.returncode)
    assert long.returncode in (0, 1), long.stderr


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_spilled_long_file_gives_the_report_of_the_whole_file(folder: Path, fmt: str) -> None:
    _same(folder, "-f", fmt, "a.txt", "b.txt", "short.txt")


@pytest.mark.heavy
def test_filters_and_gates_are_those_of_the_whole_file(folder: Path) -> None:
    _same(folder, "-f", "concise", "--select", "quotes,numbers", "--fail-on", "critical", ".")
    _same(folder, "-f", "concise", "--max-penalty", "5", ".")
    for mode in ("long", "whole"):
        assert _check(folder, mode, "--write-baseline", f"{mode}.json", "a.txt").returncode == 0
    assert (folder / "long.json").read_bytes() == (folder / "whole.json").read_bytes()
    (folder / "a.txt").write_bytes((folder / "a.txt").read_bytes() + "\r\nHe said „no“.\r\n".encode("utf-8"))
    _same(folder, "-f", "json", "--baseline", "long.json", "-o", "report.json", "a.txt", "b.txt")


def test_a_store_gives_the_stable_sort_of_its_runs(tmp_path) -> None:
    """Runs of the same path are merged; the order is the sort of all findings, spilled or not."""
    def finding(path: str, start: int, rule: str) -> Finding:
        return Finding(path, rule, "name", "family", "style", 1, f"{path} {start} {rule}", start, start + 1, 1, 1, 1, 2)  # type: ignore[arg-type]

    runs = [("b", [finding("b", i, "TC2") for i in range(0, 50, 3)]), ("a", [finding("a", i, "TC1") for i in range(9)]),
            ("b", [finding("b", i, "TC1") for i in range(0, 50, 2)]), ("c", [])]
    everything = sorted((f for _, found in runs for f in found), key=Finding.sort_key)
    for limit in (0, 10, 1000):
        store = FindingStore(limit)
        for path, found in runs:
            store.start(path)
            for i in range(0, len(found), 7):
                store.extend(found[i : i + 7])
        result = store.findings()
        assert result == everything and list(result) == everything and len(result) == len(everything)
        assert isinstance(result, list) == (limit == 1000)
        assert result[5] == everything[5] and result[-1] == everything[-1] and result[2:4] == everything[2:4]
