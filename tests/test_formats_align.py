"""`check --source FILE --align` (a target and its German source that are not line-parallel,
split into sentences and aligned; findings keep the target's own lines and columns), folders
searched for every input format, and `explain` showing a bilingual example's source."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from conftest import SHARED, run_cli

WMT = SHARED / "wmt" / "wmt21-newstest2021-deen"

SOURCE = """\
Der Stadtrat von Kiel tagte am Dienstag bis spät in die Nacht.
Er beschloss, die Gebühren für Parkplätze um 3,5 Prozent zu erhöhen. Die Opposition stimmte dagegen.
Am 5. April sollen die neuen Preise gelten. Die Verwaltung rechnet mit Mehreinnahmen von 1.200.000 Euro im Jahr.
Der Bürgermeister verteidigte den Beschluss in einer langen Rede vor den Journalisten im Rathaus.
"""
TARGET = """\
Kiel city council met late into the night on Tuesday. It decided to raise parking fees by 5.3 percent.

The opposition voted against it.
The new prices are to apply from 5 April. The administration expects additional revenue of 1.2 million euros a year.
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _check(target: Path, source: Path, *options: str) -> list[dict]:
    proc = run_cli("check", "--isolated", "-f", "json", "--source", str(source), "--align", *options, str(target))
    assert proc.returncode in (0, 1), proc.stderr_text
    return json.loads(proc.stdout_text)["findings"]


def test_aligned_pair_of_my_own(tmp_path):
    target, source = _write(tmp_path, "en.txt", TARGET), _write(tmp_path, "de.txt", SOURCE)
    found = _check(target, source, "--select", "bilingual")
    lines = TARGET.split("\n")
    assert sorted((f["rule"], f["line"], f["column"]) for f in found) == [
        ("TC1001", 1, lines[0].index("5.3") + 1),  # 3,5 rendered 5.3, in the target's first line
        ("TC1012", 4, lines[3].index("The administration") + 1),  # the mayor's sentence is missing: after the last one
    ]
    omission = next(f for f in found if f["rule"] == "TC1012")
    assert lines[3][omission["column"] - 1:].startswith("The administration expects")
    assert "source line 4" in omission["message"]
    short = _write(tmp_path, "de2.txt", "Nur eine Zeile.\n")
    line_aligned = run_cli("check", "--isolated", "--source", str(short), str(target))
    assert line_aligned.returncode == 2 and "--align" in line_aligned.stderr_text


def test_align_needs_a_source(tmp_path):
    proc = run_cli("check", "--isolated", "--align", str(_write(tmp_path, "en.txt", TARGET)))
    assert proc.returncode == 2 and "--source" in proc.stderr_text


@pytest.mark.skipif(not WMT.is_dir(), reason="../shared/wmt is not available")
def test_wmt_article_with_lines_merged_split_and_dropped(tmp_path):
    """A WMT output regrouped into paragraphs (one line split in two, a few lines dropped),
    checked against the untouched German source: the dropped lines, and nothing else, are omissions."""
    source = (WMT / "source.de").read_text(encoding="utf-8").split("\n")[:80]
    english = (WMT / "hyp.Online-W.en").read_text(encoding="utf-8").split("\n")[:80]
    drop = set(random.Random(7).sample(range(5, 80), 4))
    paragraphs: list[str] = []
    for i, line in enumerate(english):
        if i in drop:
            continue
        if paragraphs and paragraphs[-1][-1:] in ".!?" and line[:1].isupper() and len(paragraphs[-1]) < 300:
            paragraphs[-1] += " " + line  # lines merged into a paragraph
        else:
            paragraphs.append(line)
    paragraphs += [p for p in paragraphs.pop().split(" ", 1)]  # and the last one split across two lines
    target = _write(tmp_path, "en.txt", "\n".join(paragraphs) + "\n")
    src = _write(tmp_path, "de.txt", "\n".join(source) + "\n")
    found = _check(target, src, "--select", "TC1012,TC1001")
    omissions = [f for f in found if f["rule"] == "TC1012"]
    reported = {int(f["message"].split("source line ")[1].split()[0]) for f in omissions}
    assert {i + 1 for i in drop if len(source[i].split()) >= 3} <= reported
    assert len(reported - {i + 1 for i in drop}) <= 1
    raw = target.read_text(encoding="utf-8")
    lines = raw.split("\n")
    for f in found:  # every finding's line and column point at its offset in the target file
        assert sum(len(line) + 1 for line in lines[: f["line"] - 1]) + f["column"] - 1 == f["start"]
        assert raw[f["start"] : f["end"]].strip()


def test_folders_pick_up_every_input_format(tmp_path):
    """`check DIR` finds the bilingual and markup formats as well as text; include/exclude still apply."""
    from transcheck import formats
    from transcheck.config import DEFAULT_INCLUDE

    assert {f"*{suffix}" for suffix in formats.SUFFIXES} <= set(DEFAULT_INCLUDE)
    po = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Die Preise stiegen um 3,5 Prozent."\nmsgstr "Prices rose by 5.3 percent."\n'
    files = {
        "site/a.txt": "The minister spoke.\n", "site/b.md": "# Title\n\nThe minister spoke.\n",
        "site/c.html": "<p>The minister spoke.</p>\n", "site/d.htm": "<p>The minister spoke.</p>\n", "site/e.po": po,
        "site/f.pot": po, "site/vendor/g.po": po, "site/h.csv": "a,b\n",
    }
    for name, text in files.items():
        _write_nested(tmp_path, name, text)
    proc = run_cli("check", "--isolated", "-f", "json", "--select", "TC1001", "site", cwd=tmp_path)
    report = json.loads(proc.stdout_text)
    assert sorted(f["path"] for f in report["files"]) == [
        "site/a.txt", "site/b.md", "site/c.html", "site/d.htm", "site/e.po", "site/f.pot", "site/vendor/g.po",
    ]
    assert {f["path"] for f in report["findings"]} == {"site/e.po", "site/f.pot", "site/vendor/g.po"}
    (tmp_path / "transcheck.toml").write_text('include = ["*.po"]\nexclude = ["vendor/"]\n', encoding="utf-8")
    proc = run_cli("check", "-f", "json", "--select", "TC1001", "site", cwd=tmp_path)
    assert [f["path"] for f in json.loads(proc.stdout_text)["files"]] == ["site/e.po"]


def _write_nested(folder: Path, name: str, text: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_explain_shows_a_bilingual_example_with_its_source():
    proc = run_cli("explain", "TC1011")
    assert proc.returncode == 0
    flags = proc.stdout_text.split("Flags\n")[1].splitlines()[:4]
    assert flags == [
        "  source: Änderungen speichern",
        "          Änderungen speichern",
        "  target: Save your changes",
        "          [[Store your changes]]",
    ]
    plain = run_cli("explain", "TC101").stdout_text
    assert "source:" not in plain.split("Flags")[1].split("\nsource: ")[0]
