"""Reports are written a finding at a time (report.write) with the same text render gives,
through fileio.atomic_writer: the target is replaced only when the report is complete."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from transcheck.config import Config
from transcheck.fileio import atomic_writer
from transcheck.report import render, write
from transcheck.runner import run

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def result():
    return run([str(p) for p in sorted(ROOT.glob("samples/*.mt.en.txt"))], Config(), jobs=1)


@pytest.mark.parametrize("fmt", ["json", "sarif", "text", "concise", "junit", "github", "html"])
def test_written_report_is_the_rendered_one(result, fmt: str) -> None:
    context = dict(documents=result.documents, ruleset=result.ruleset, catalog=result.catalog, locale="en-US", color=False)
    assert result.findings
    for findings in (result.findings, []):
        out = io.StringIO()
        write(fmt, findings, out, **context)
        assert out.getvalue() == render(fmt, findings, **context)


def test_atomic_writer_replaces_the_file_when_done(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    with atomic_writer(target) as out:
        out.write("new „report“\n")
        assert target.read_text(encoding="utf-8") == "old"  # nothing visible until the end
    assert target.read_bytes() == "new „report“\n".encode("utf-8")
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


@pytest.mark.parametrize("error", [RuntimeError, KeyboardInterrupt])
def test_atomic_writer_leaves_nothing_half_written(tmp_path: Path, error: type[BaseException]) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(error):
        with atomic_writer(target) as out:
            out.write("half a report" * 1000)
            raise error()
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
