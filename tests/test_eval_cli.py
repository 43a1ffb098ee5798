"""`transcheck eval` through the real CLI, on small annotated corpora written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli

DROP_CAP = "Dhe minister resigned on Monday.\n\nShe said the talks had failed.\n"
QUOTE = "The mayor said „no“ to the plan.\n"
NATIVE = "The chancellor met the premiers in Berlin on Tuesday.\n\nPhoto: Jane Roe\n"


def _annotation(text: str, quote: str, category: str, occurrence: int = 0) -> dict:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return {"start": start, "end": start + len(quote), "quote": quote, "category": category, "note": "test"}


def _write(folder: Path, name: str, text: str, annotations: list[dict] | None, newline: str = "\n") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.txt"
    path.write_bytes(text.encode("utf-8"))
    if annotations is not None:
        lines = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in annotations)
        (folder / f"{name}.annotations.jsonl").write_text(lines, encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    mt = tmp_path / "mt"
    _write(mt, "a", DROP_CAP, [_annotation(DROP_CAP, "Dhe", "drop_cap"), _annotation(DROP_CAP, "talks had failed", "word_order")])
    _write(mt, "b", QUOTE, [_annotation(QUOTE, "„no“", "quote_marks")])
    clean = tmp_path / "clean"
    _write(clean, "n", NATIVE, [_annotation(NATIVE, "Photo: Jane Roe", "boilerplate")])
    return tmp_path


def _eval(*args: str) -> tuple[int, dict | str, str]:
    proc = run_cli("eval", "--isolated", *args)
    out = proc.stdout_text
    try:
        return proc.returncode, json.loads(out), proc.stderr_text
    except json.JSONDecodeError:
        return proc.returncode, out, proc.stderr_text


def test_recall_precision_and_misses(corpus: Path) -> None:
    code, report, _ = _eval(str(corpus / "mt"), "--clean", str(corpus / "clean"), "-f", "json", "--jobs", "1")
    assert code == 0
    assert report["categories"]["drop_cap"] == {"annotated": 1, "found": 1, "recall": 1.0}
    assert report["categories"]["word_order"]["found"] == 0
    assert report["categories"]["quote_marks"]["found"] == 1
    assert report["mt"]["annotations"] == 3 and report["mt"]["found"] == 2
    assert report["mt"]["precision"] == report["mt"]["matched"] / report["mt"]["findings"]
    assert [m["quote"] for m in report["missed"]] == ["talks had failed"]
    missed = report["missed"][0]
    assert (missed["line"], missed["column"]) == (3, 14)
    assert report["rules"]["TC101"]["findings"] == 1 and report["rules"]["TC101"]["precision"] == 1.0
    clean = report["clean"][0]
    assert clean["words"] == len(NATIVE.split())
    assert clean["unmatched"] == sum(1 for f in report["unmatched"] if f["set"] == "clean")


def test_findings_over_annotated_chrome_do_not_count_on_clean_text(corpus: Path) -> None:
    code, report, _ = _eval(str(corpus / "mt"), "--clean", str(corpus / "clean"), "-f", "json", "--select", "TC807")
    assert code == 0
    clean = report["clean"][0]
    assert clean["findings"] == 1, "the photo credit is found"
    assert clean["unmatched"] == 0 and clean["rate"] == 0.0


def test_unmatched_finding_is_reported_with_its_text(tmp_path: Path) -> None:
    text = "Dhe minister resigned.\n"
    _write(tmp_path, "a", text, [])
    code, report, _ = _eval(str(tmp_path), "-f", "json")
    assert code == 0
    assert report["mt"]["precision"] == 0.0
    (finding,) = report["unmatched"]
    assert (finding["rule"], finding["text"], finding["line"], finding["set"]) == ("TC101", "Dhe", 1, "mt")


def test_selection_options_are_those_of_check(corpus: Path) -> None:
    code, report, _ = _eval(str(corpus / "mt"), "-f", "json", "--ignore", "drop-cap")
    assert code == 0
    assert report["categories"]["drop_cap"]["found"] == 0
    assert "TC101" not in report["rules"]


def test_offsets_count_code_points_with_crlf_and_bom(tmp_path: Path) -> None:
    text = "\ufeffHeadline\r\n\r\nDhe court ruled on Friday.\r\n"
    _write(tmp_path, "a", text, [_annotation(text, "Dhe", "drop_cap")])
    code, report, _ = _eval(str(tmp_path), "-f", "json")
    assert code == 0
    assert report["categories"]["drop_cap"]["found"] == 1
    assert report["mt"]["precision"] == 1.0


def test_gates_exit_1_and_name_what_missed(corpus: Path) -> None:
    code, _, err = _eval(str(corpus / "mt"), "-f", "json", "--min-recall", "word_order=0.5", "--min-recall", "drop_cap=1")
    assert code == 1
    assert "recall word_order" in err and "recall drop_cap" not in err
    code, _, err = _eval(str(corpus / "mt"), "--clean", str(corpus / "clean"), "-f", "json",
                         "--min-recall", "drop_cap+quote_marks=1", "--min-precision", "0.5", "--max-clean-rate", "0.5")
    assert code == 0, err
    code, _, err = _eval(str(corpus / "mt"), "-f", "json", "--min-recall", "all=0.9")
    assert code == 1 and "recall all" in err


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"start": 0, "end": 3, "quote": "Dhe", "category": "drop_cap"', "invalid JSON"),
        ('{"start": 0, "end": 999, "quote": "Dhe", "category": "drop_cap"}', "outside the text"),
        ('{"start": 0, "end": 3, "quote": "The", "category": "drop_cap"}', "differs from the text"),
        ('{"start": 0, "end": 3, "quote": "Dhe", "category": "drop_cap", "severity": "x"}', "unknown key 'severity'"),
        ('{"start": "0", "end": 3, "quote": "Dhe", "category": "drop_cap"}', "must be an integer"),
        ('{"end": 3, "quote": "Dhe", "category": "drop_cap"}', "missing key 'start'"),
    ],
)
def test_bad_annotation_file_exits_2_naming_file_and_line(tmp_path: Path, line: str, problem: str) -> None:
    _write(tmp_path, "a", DROP_CAP, None)
    good = json.dumps(_annotation(DROP_CAP, "She", "capitalization"))
    (tmp_path / "a.annotations.jsonl").write_text(good + "\n" + line + "\n", encoding="utf-8")
    code, out, err = _eval(str(tmp_path))
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err
    assert f"a.annotations.jsonl:2: " in lines[0] and problem in lines[0]


def test_text_without_annotation_file_exits_2(tmp_path: Path) -> None:
    _write(tmp_path, "a", DROP_CAP, None)
    code, _, err = _eval(str(tmp_path))
    assert code == 2 and "a.annotations.jsonl: no such annotation file" in err


@pytest.mark.parametrize("args", [["--min-recall", "drop_cap"], ["--min-recall", "drop_cap=2"], ["--min-precision", "1.5"],
                                  ["--min-recall", "no_such_category=0.5"]])
def test_bad_gate_exits_2(corpus: Path, args: list[str]) -> None:
    code, _, err = _eval(str(corpus / "mt"), "-f", "json", *args)
    assert code == 2 and len(err.strip().splitlines()) == 1


def test_missing_folder_exits_2(tmp_path: Path) -> None:
    code, _, err = _eval(str(tmp_path / "nope"))
    assert code == 2 and "not a folder" in err


def test_text_view_groups_misses_and_misfires_in_context(corpus: Path, tmp_path: Path) -> None:
    _write(corpus / "mt", "c", "Dhe mayor spoke.\n", [])
    report_path = tmp_path / "report.txt"
    proc = run_cli("eval", "--isolated", str(corpus / "mt"), "--clean", str(corpus / "clean"), "-o", str(report_path))
    assert proc.returncode == 0, proc.stderr_text
    text = report_path.read_text(encoding="utf-8")
    assert "Recall on" in text and "Precision per rule" in text and "Clean rate on" in text
    assert "Missed word_order (1)" in text
    assert "She said the talks had failed." in text  # the missed annotation's line, as context
    assert "Unmatched TC101 drop-cap-initial (1)" in text
    assert "Dhe mayor spoke." in text
