"""A plain-text file longer than the engine's evidence stretch is never held whole
(documents.LongDocument, runner.long_batches): read a stretch at a time, it gives the same
findings, word count, quoted lines and reports as the same file read whole. The sizes are
made small here so that the samples span many stretches, blocks and read chunks."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from transcheck import documents, engine, formats, report, runner
from transcheck.config import Config
from transcheck.documents import Document, LongDocument, decode, read_bytes, read_long

ROOT = Path(__file__).resolve().parents[1]
TEXTS = sorted([*ROOT.glob("samples/*.txt"), *ROOT.glob("tests/data/native/en-US/*.txt")])


@pytest.fixture
def small_sizes(monkeypatch):
    monkeypatch.setattr(engine, "EVIDENCE_CHARS", 2_000)
    monkeypatch.setenv(engine.BLOCK_CHARS_VARIABLE, "300")
    monkeypatch.setattr(documents, "READ_BYTES", 97)
    monkeypatch.setattr(documents, "INDEX_LINES", 5)


def _variants(tmp_path: Path) -> list[Path]:
    """The samples as one file, as it is, with CRLF line ends and a BOM, with a stray CR,
    an emoji and a final line without a newline, and with no blank line (a paragraph a
    line: stretches are cut after lines that end a sentence)."""
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in TEXTS)
    out = []
    for name, variant in [
        ("plain.txt", text),
        ("crlf.txt", "\ufeff" + text.replace("\n", "\r\n")),
        ("mixed.txt", text.replace(". ", ".\r ", 40).replace("\n\n", "\r\n\r\n\n", 30) + "\n\n\nThe end 🙂\r"),
        ("lines.txt", text.replace("\n\n", "\n").replace("\n\n", "\n")),
    ]:
        path = tmp_path / name
        path.write_bytes(variant.encode("utf-8"))
        out.append(path)
    return out


def _whole(path: Path) -> Document:
    return Document.from_text(str(path), decode(read_bytes(str(path)), str(path)))


def test_long_files_give_the_findings_lines_and_words_of_the_whole_file(tmp_path, small_sizes) -> None:
    checker = runner.Checker(Config())
    for path in _variants(tmp_path):
        long, whole = read_long(str(path), 0), _whole(path)
        assert isinstance(long, LongDocument), path.name
        assert long.word_count == whole.word_count and (long.bom, long.crlf) == (whole.bom, whole.crlf)
        lines = whole.text.count("\n") + 1
        assert [long.line_text(n) for n in range(1, lines + 1)] == [whole.line_text(n) for n in range(1, lines + 1)]
        assert len(list(long.stretches(engine.EVIDENCE_CHARS))) > 5
        found = checker.check(long)
        assert found == checker.check(whole) and len(found) > 20, path.name


def test_a_run_and_its_report_are_those_of_the_file_read_whole(tmp_path, small_sizes, monkeypatch) -> None:
    paths = [str(p) for p in _variants(tmp_path)]
    streamed = runner.run(paths, Config(), jobs=1)
    assert all(isinstance(d, LongDocument) for d in streamed.documents)
    monkeypatch.setattr(runner, "read", lambda path: formats.read(path, runner._READ))
    whole = runner.run(paths, Config(), jobs=1)
    assert streamed.findings == whole.findings
    for fmt in ("json", "text", "sarif"):
        reports = []
        for result in (streamed, whole):
            out = io.StringIO()
            report.write(fmt, result.findings, out, documents=result.documents, ruleset=result.ruleset,
                         catalog=result.catalog, color=False)
            reports.append(out.getvalue())
        assert reports[0] == reports[1], fmt


def test_files_read_whole(tmp_path) -> None:
    """Short files, and files with a suppression directive, a NUL byte or bad UTF-8."""
    cases = {
        "short.txt": b"A short text.\n",
        "directive.txt": b"Some text.\n" * 50 + b"<!-- transcheck-disable TC101 -->\n" + b"More text.\n" * 50,
        "binary.txt": b"text\x00" * 300,
        "latin1.txt": "Caf\u00e9 au lait.\n".encode("latin-1") * 100,
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        assert read_long(str(tmp_path / name), 100 if name != "short.txt" else 1000) is None, name


def test_checked_files_are_kept_without_their_text(tmp_path) -> None:
    """The runner keeps a plain file's word count, not its text: reports read its lines back."""
    for path in TEXTS[:6]:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "suppressed.txt").write_text("The minister said „yes“.\n<!-- transcheck-disable-next-line all -->\n"
                                            "The minister said „no“.\n", encoding="utf-8")
    lean = runner.run([str(tmp_path)], Config(), jobs=1)
    assert all(isinstance(d, documents.StoredDocument) for d in lean.documents)
    whole = runner.run([str(tmp_path)], Config(), jobs=1, augment=lambda docs, found: found)  # keeps the documents
    assert all(type(d) is Document for d in whole.documents)
    assert lean.findings == whole.findings and lean.suppressed == whole.suppressed > 0
    for fmt in ("json", "text", "sarif", "html"):
        reports = []
        for result in (lean, whole):
            out = io.StringIO()
            report.write(fmt, result.findings, out, documents=result.documents, ruleset=result.ruleset,
                         catalog=result.catalog, color=False)
            reports.append(out.getvalue())
        assert reports[0] == reports[1], fmt
