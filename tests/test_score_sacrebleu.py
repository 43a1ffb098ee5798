"""transcheck's scores are sacrebleu's: against expected.json and the real `sacrebleu` command.

Uses WMT21 de-en from ../shared/wmt (1,000 short segments; WMT23 is avoided, TER is slow there),
and 3,000 lines of WMT21 + WMT22 for the chunked path through worker processes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SHARED, run_cli
from transcheck.scoring import ScoreOptions, build_metrics, score_system

WMT = SHARED / "wmt"
WMT21 = WMT / "wmt21-newstest2021-deen"
SACREBLEU = str(Path(sys.executable).parent / "sacrebleu")
pytestmark = pytest.mark.skipif(not WMT21.is_dir(), reason="../shared/wmt is absent")

# (system, reference files, metrics): every metric; TER (slow) once here, with two references
# in test_cli_equals_sacrebleu_command.
CASES = [
    ("Facebook-AI", ("ref.en",), ("bleu", "chrf", "chrf++", "ter")),
    ("happypoet", ("ref2.en",), ("bleu", "chrf", "chrf++")),
    ("Online-W", ("ref.en", "ref2.en"), ("bleu", "chrf", "chrf++")),
    ("UF", ("ref.en", "ref2.en"), ("bleu", "chrf", "chrf++")),
    ("VolcTrans-GLAT", ("ref.en",), ("bleu", "chrf", "chrf++")),
]
NAMES = {"bleu": "BLEU", "chrf": "chrF2", "chrf++": "chrF2++", "ter": "TER"}


def _read(path: Path) -> list[str]:
    with open(path, encoding="utf-8", newline="\n") as handle:
        return [line.rstrip() for line in handle]


@pytest.fixture(scope="module")
def expected() -> dict:
    records = json.loads((WMT / "expected.json").read_text(encoding="utf-8"))["results"]
    return {(r["system"], tuple(r["refs"]), r["metric"]): r for r in records if r["set"] == WMT21.name}


@pytest.mark.parametrize("system,refs,metrics", CASES, ids=[f"{c[0]}-{len(c[1])}ref" for c in CASES])
def test_api_scores_equal_expected_json(expected, system, refs, metrics):
    options = ScoreOptions(metrics=metrics, bootstrap=0)
    references = [_read(WMT21 / r) for r in refs]
    result, _ = score_system(system, _read(WMT21 / f"hyp.{system}.en"), build_metrics(options, references), options)
    for key in metrics:
        record = expected[(system, refs, NAMES[key])]
        assert result.scores[key].score == record["score_full"], key
        assert result.scores[key].signature == record["signature"], key
        if key == "bleu":
            assert result.scores[key].verbose == record["verbose_score"]


def _subset(tmp_path: Path, name: str, lines: int = 200) -> Path:
    """The first ``lines`` segments of a WMT21 file, as a real file in tmp_path."""
    path = tmp_path / name
    path.write_text("\n".join(_read(WMT21 / name)[:lines]) + "\n", encoding="utf-8")
    return path


def _sacrebleu_json(args: list[str], cwd: Path, width: int = 4) -> list[dict]:
    proc = subprocess.run([SACREBLEU, *args, "-w", str(width), "-f", "json"], capture_output=True, cwd=cwd, timeout=1200)
    assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(proc.stdout)
    return data if isinstance(data, list) else [data]


def _transcheck_json(args: list[str], cwd: Path) -> dict:
    proc = run_cli("score", *args, "--format", "json", cwd=cwd)
    assert proc.returncode == 0, proc.stderr_text
    return json.loads(proc.stdout_text)


# (sacrebleu options, transcheck options): each option maps to sacrebleu's own.
OPTION_CASES = [
    (["-m", "bleu", "chrf"], ["-m", "bleu,chrf"]),
    (["-m", "bleu", "chrf", "-lc", "--chrf-lowercase"], ["-m", "bleu,chrf", "--lowercase", "--chrf-lowercase"]),
    (["-m", "chrf", "--chrf-lowercase"], ["-m", "chrf", "--chrf-lowercase"]),
    (["-m", "bleu", "--tokenize", "intl", "--smooth-method", "floor", "--smooth-value", "0.2"],
     ["-m", "bleu", "--tokenize", "intl", "--smooth-method", "floor", "--smooth-value", "0.2"]),
    (["-m", "bleu", "--tokenize", "char", "--smooth-method", "add-k"], ["-m", "bleu", "-tok", "char", "--smooth-method", "add-k"]),
    (["-m", "chrf", "--chrf-word-order", "2"], ["-m", "chrf++"]),
    (["-m", "ter"], ["-m", "ter"]),
    (["-m", "ter", "--ter-case-sensitive", "--ter-no-punct", "--ter-normalized"],
     ["-m", "ter", "--ter-case-sensitive", "--ter-no-punct", "--ter-normalized"]),
]


@pytest.mark.parametrize("sacre_args,our_args", OPTION_CASES, ids=[" ".join(c[1]) for c in OPTION_CASES])
def test_cli_equals_sacrebleu_command(tmp_path, sacre_args, our_args):
    hyp, ref, ref2 = _subset(tmp_path, "hyp.Online-B.en"), _subset(tmp_path, "ref.en"), _subset(tmp_path, "ref2.en")
    theirs = _sacrebleu_json([ref.name, ref2.name, "-i", hyp.name, *sacre_args], tmp_path)
    ours = _transcheck_json([hyp.name, "-r", ref.name, "-r", ref2.name, "--bootstrap", "0", *our_args], tmp_path)
    scores = ours["systems"][0]["scores"]
    assert len(scores) == len(theirs)
    for item in theirs:
        mine = next(s for s in scores.values() if s["name"] == item["name"])
        assert round(mine["score"], 4) == item["score"]
        assert mine["signature"] == f"{item['name']}|{item['signature']}"


def test_full_wmt21_file_equals_sacrebleu_command():
    theirs = _sacrebleu_json(["ref.en", "-i", "hyp.Borderline.en", "-m", "bleu", "chrf"], WMT21)
    ours = _transcheck_json(["hyp.Borderline.en", "-r", "ref.en", "-m", "bleu,chrf", "--bootstrap", "0"], WMT21)
    got = {s["name"]: round(s["score"], 4) for s in ours["systems"][0]["scores"].values()}
    assert got == {item["name"]: item["score"] for item in theirs}


def test_confidence_intervals_equal_sacrebleu_confidence(tmp_path):
    hyp, ref = _subset(tmp_path, "hyp.UF.en"), _subset(tmp_path, "ref.en")
    theirs = _sacrebleu_json([ref.name, "-i", hyp.name, "-m", "bleu", "chrf", "--confidence"], tmp_path)
    ours = _transcheck_json([hyp.name, "-r", ref.name, "-m", "bleu,chrf"], tmp_path)
    for item in theirs:
        mine = next(s for s in ours["systems"][0]["scores"].values() if s["name"] == item["name"])
        assert round(mine["ci"]["mean"], 4) == item["confidence_mean"]
        assert round(mine["ci"]["half_width"], 4) == item["confidence_var"]


def test_approximate_randomization_equals_sacrebleu_paired_ar(tmp_path):
    ref = _subset(tmp_path, "ref.en")
    hyps = [_subset(tmp_path, f"hyp.{name}.en").name for name in ("UF", "Online-A", "happypoet")]
    proc = subprocess.run([SACREBLEU, ref.name, "-i", *hyps, "-m", "bleu", "chrf", "--paired-ar", "--paired-ar-n", "2000", "-f", "json"],
                          capture_output=True, cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    theirs = {row["system"]: row for row in json.loads(proc.stdout)}
    ours = _transcheck_json([*hyps, "-r", ref.name, "-m", "bleu,chrf", "--paired", "ar", "--paired-samples", "2000", "--bootstrap", "0"], tmp_path)
    results = ours["significance"]["results"]
    assert len(results) == 4
    for r in results:
        name = {"bleu": "BLEU", "chrf": "chrF2"}[r["key"]]
        assert r["p_value"] == theirs[r["system"]][name]["p_value"]
        assert r["score"] == theirs[r["system"]][name]["score"]


def test_sentence_scores_equal_sacrebleu_sentence_functions():
    import sacrebleu

    hyps = _read(WMT21 / "hyp.ICL.en")[:25]
    refs = [_read(WMT21 / "ref.en")[:25], _read(WMT21 / "ref2.en")[:25]]
    options = ScoreOptions(bootstrap=0)
    result, _ = score_system("ICL", hyps, build_metrics(options, refs), options)
    for i, hyp in enumerate(hyps):
        pair = [refs[0][i], refs[1][i]]
        assert result.segments["bleu"][i] == sacrebleu.sentence_bleu(hyp, pair).score
        assert result.segments["chrf"][i] == sacrebleu.sentence_chrf(hyp, pair).score
        assert result.segments["chrf++"][i] == sacrebleu.sentence_chrf(hyp, pair, word_order=2).score
        assert result.segments["ter"][i] == sacrebleu.sentence_ter(hyp, pair).score


@pytest.mark.heavy
def test_thousands_of_lines_in_worker_processes_equal_sacrebleu_command_to_the_bit(tmp_path):
    """3,000 lines (WMT21 + WMT22 systems, both references): the pooled, chunked path vs `sacrebleu -w 16`."""
    wmt22 = WMT / "wmt22-generaltest2022-deen"
    files = {"hyp.txt": [], "ref.txt": [], "ref2.txt": []}
    for folder, system in ((WMT21, "Online-B"), (wmt22, "Online-B"), (WMT21, "happypoet")):
        for name, source in (("hyp.txt", f"hyp.{system}.en"), ("ref.txt", "ref.en"), ("ref2.txt", "ref2.en")):
            files[name].extend(_read(folder / source))
    for name, lines in files.items():
        (tmp_path / name).write_text("\n".join(lines[:3000]) + "\n", encoding="utf-8")
    refs = ["ref.txt", "ref2.txt"]
    theirs = _sacrebleu_json([*refs, "-i", "hyp.txt", "-m", "bleu", "chrf", "ter"], tmp_path, 16)
    theirs += _sacrebleu_json([*refs, "-i", "hyp.txt", "-m", "chrf", "--chrf-word-order", "2"], tmp_path, 16)
    ours = _transcheck_json(["hyp.txt", "-r", refs[0], "-r", refs[1], "--bootstrap", "0", "--jobs", "2"], tmp_path)
    scores = {s["name"]: s for s in ours["systems"][0]["scores"].values()}
    assert ours["systems"][0]["segments_scored"] == 3000
    assert sorted(scores) == sorted(item["name"] for item in theirs) == ["BLEU", "TER", "chrF2", "chrF2++"]
    for item in theirs:
        assert float(f"{scores[item['name']]['score']:.16f}") == item["score"], item["name"]
        assert scores[item["name"]]["signature"] == f"{item['name']}|{item['signature']}"
