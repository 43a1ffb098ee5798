"""`transcheck score` through the real CLI: inputs, errors, gates, JSON, seeds, alignment."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SAMPLES, run_cli
from transcheck.align import Segment, align, sentences

HYP = [
    "The cat sat on the mat.",
    "He invited Biden to continue the talks live.",
    "Russia recalled its ambassador to Moscow.",
    "The Kremlin spoke of very bad statements.",
]
REF = [
    "The cat sat on the mat.",
    "He invited Biden to continue their discussion live.",
    "Russia called its ambassador back to Moscow.",
    "The Kremlin called the statements very bad.",
]
BOILERPLATE = ["Press \"Enter\" to skip to content", "also read", "Be First to Comment", "Leave a Reply"]


def _write(tmp_path: Path, name: str, lines: list[str]) -> str:
    (tmp_path / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return name


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, str, str]:
    return tmp_path, _write(tmp_path, "hyp.txt", HYP), _write(tmp_path, "ref.txt", REF)


def _json(proc) -> dict:
    return json.loads(proc.stdout_text)


def test_text_report_shows_scores_signatures_and_worst_segments(pair):
    cwd, hyp, ref = pair
    proc = run_cli("score", hyp, "-r", ref, "--worst", "2", cwd=cwd)
    assert proc.returncode == 0, proc.stderr_text
    out = proc.stdout_text
    assert "BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:" in out
    assert "TER|nrefs:1|case:lc|tok:tercom" in out
    assert "2 worst segment(s) of hyp.txt" in out
    assert "hyp: The Kremlin spoke of very bad statements." in out  # lowest sentence chrF
    assert "The cat sat on the mat." not in out.split("worst segment")[1]  # the perfect one is not listed


def test_worst_segments_highlight_differing_words_in_colour():
    # run_cli always turns colour off, so the (pure) reporter is called directly on real scores.
    from transcheck.report.score_text import render
    from transcheck.scoring import ScoreOptions, ScoreRun, SystemRun, build_metrics, score_system

    options = ScoreOptions(metrics=("chrf",), bootstrap=0)
    result, _ = score_system("hyp", HYP, build_metrics(options, [REF]), options)
    run = ScoreRun([SystemRun("hyp", result, HYP, [REF], ["1", "2", "3", "4"])], options)
    out = render(run, worst=1, color=True)
    assert "\x1b[1;31mspoke of " in out  # differing hypothesis words, bold red
    assert "\x1b[1;32mcalled the statements " in out  # differing reference words, bold green
    assert "\x1b[" not in render(run, worst=1, color=False)


def test_json_has_every_corpus_and_segment_score(pair):
    cwd, hyp, ref = pair
    data = _json(run_cli("score", hyp, "-r", ref, "--format", "json", cwd=cwd))
    assert data["schema"] == "transcheck-score" and data["passed"] is True
    system = data["systems"][0]
    assert system["path"] == "hyp.txt" and system["segments_scored"] == 4
    assert set(system["scores"]) == {"bleu", "chrf", "chrf++", "ter"}
    assert system["scores"]["chrf"]["signature"].startswith("chrF2|nrefs:1|")
    assert system["scores"]["bleu"]["ci"]["bootstrap"] == 1000
    first = system["segments"][0]
    assert first["hypothesis"] == first["references"][0] == HYP[0]
    assert first["source"] == "1"
    assert first["bleu"] == pytest.approx(100.0) and first["chrf"] == 100.0 and first["ter"] == 0.0
    assert all(row["chrf"] < 100 for row in system["segments"][1:])


def test_stdin_is_read_for_dash(pair):
    cwd, hyp, ref = pair
    from_file = _json(run_cli("score", hyp, "-r", ref, "-f", "json", "-m", "bleu", cwd=cwd))
    from_stdin = _json(run_cli("score", "-", "-r", ref, "-f", "json", "-m", "bleu", cwd=cwd,
                               input=(cwd / hyp).read_bytes()))
    assert from_stdin["systems"][0]["path"] == "<stdin>"
    assert from_stdin["systems"][0]["scores"]["bleu"]["score"] == from_file["systems"][0]["scores"]["bleu"]["score"]


def test_lines_are_rstripped_like_sacrebleu(pair):
    cwd, hyp, ref = pair
    _write(cwd, "crlf.txt", [line + "  \r" for line in HYP])
    plain = _json(run_cli("score", hyp, "-r", ref, "-f", "json", "-m", "bleu", cwd=cwd))
    padded = _json(run_cli("score", "crlf.txt", "-r", ref, "-f", "json", "-m", "bleu", cwd=cwd))
    assert padded["systems"][0]["scores"]["bleu"]["score"] == plain["systems"][0]["scores"]["bleu"]["score"]


def test_line_count_mismatch_exits_2(pair):
    cwd, hyp, _ = pair
    _write(cwd, "short.txt", REF[:3])
    proc = run_cli("score", hyp, "-r", "short.txt", cwd=cwd)
    assert proc.returncode == 2
    assert proc.stderr_text.strip() == ("transcheck: error: hyp.txt has 4 lines but short.txt has 3; "
                                        "the files must be line-aligned (or use --align)")
    assert "Traceback" not in proc.stderr_text


@pytest.mark.parametrize("args,message", [
    (["-m", "bleu", "--min-chrf", "50"], "--min-chrf needs the chrf metric"),
    (["--tokenize", "spm"], "downloads a SentencePiece model at run time"),
    (["--tokenize", "flores200"], "downloads a SentencePiece model at run time"),
    (["--tokenize", "nope"], "unknown tokenizer 'nope'"),
    (["-m", "bleu,meteor"], "unknown metric(s) meteor"),
    (["-r", "ref.txt", "--align"], "--align works with one reference"),
])
def test_usage_errors_exit_2_with_one_line(pair, args, message):
    cwd, hyp, ref = pair
    proc = run_cli("score", hyp, "-r", ref, *args, cwd=cwd)
    assert proc.returncode == 2
    assert message in proc.stderr_text
    assert proc.stderr_text.startswith("transcheck: error: ") and proc.stderr_text.count("\n") == 1


def test_input_errors_exit_2(pair):
    cwd, hyp, ref = pair
    (cwd / "bad.txt").write_bytes(b"fine line\nbad \xff byte\n")
    proc = run_cli("score", "bad.txt", "-r", ref, cwd=cwd)
    assert proc.returncode == 2 and "bad.txt: invalid UTF-8 at byte offset 14" in proc.stderr_text
    proc = run_cli("score", "missing.txt", "-r", ref, cwd=cwd)
    assert proc.returncode == 2 and "missing.txt: no such file or directory" in proc.stderr_text


@pytest.mark.parametrize("gate,value,code", [
    ("--min-bleu", "30", 0), ("--min-bleu", "95", 1),
    ("--min-chrf", "60", 0), ("--min-chrf", "99", 1),
    ("--max-ter", "60", 0), ("--max-ter", "5", 1),
])
def test_gates_exit_1_and_name_the_missed_threshold(pair, gate, value, code):
    cwd, hyp, ref = pair
    proc = run_cli("score", hyp, "-r", ref, gate, value, "--bootstrap", "0", cwd=cwd)
    assert proc.returncode == code, proc.stderr_text
    if code:
        assert f"transcheck: threshold missed: hyp.txt:" in proc.stderr_text
        assert f"missed {gate} (needs" in proc.stderr_text
    else:
        assert "threshold missed" not in proc.stderr_text
        assert f"met {gate}" in proc.stdout_text


def test_bootstrap_is_reproducible_with_a_seed(pair):
    cwd, hyp, ref = pair
    args = ["score", hyp, "-r", ref, "-f", "json", "-m", "bleu,chrf"]
    first, again = (_json(run_cli(*args, "--seed", "7", cwd=cwd)) for _ in range(2))
    other = _json(run_cli(*args, "--seed", "8", cwd=cwd))
    ci = [first["systems"][0]["scores"][k]["ci"] for k in ("bleu", "chrf")]
    assert ci == [again["systems"][0]["scores"][k]["ci"] for k in ("bleu", "chrf")]
    assert ci != [other["systems"][0]["scores"][k]["ci"] for k in ("bleu", "chrf")]


def test_significance_compares_systems_with_the_first(pair):
    cwd, hyp, ref = pair
    _write(cwd, "sys2.txt", ["A dog lay on a rug.", "Biden was asked.", "Moscow.", "Bad."])
    data = _json(run_cli("score", hyp, "sys2.txt", "-r", ref, "-f", "json", "-m", "bleu,chrf", "--seed", "3", cwd=cwd))
    sig = data["significance"]
    assert sig["baseline"] == "hyp.txt" and sig["test"] == "bs" and sig["seed"] == 3
    assert [(r["system"], r["key"]) for r in sig["results"]] == [("sys2.txt", "bleu"), ("sys2.txt", "chrf")]
    assert all(0 < r["p_value"] <= 1 for r in sig["results"])


def test_putin_biden_aligns_and_leaves_boilerplate_unmatched():
    proc = run_cli("score", str(SAMPLES / "putin-biden.mt.en.txt"), "-r", str(SAMPLES / "putin-biden.ref.en.txt"),
                   "--align", "-f", "json")
    assert proc.returncode == 0, proc.stderr_text
    alignment = _json(proc)["systems"][0]["alignment"]
    dropped = [item["text"] for item in alignment["unmatched_hyp"]]
    for text in [*BOILERPLATE, "Biden and Putin", "Your email address will not be published."]:
        assert text in dropped
    assert dropped.count("also read") == 2
    assert len(dropped) == 9  # nothing of the article itself is dropped
    assert alignment["unmatched_ref"] == []
    assert alignment["pairs"] == alignment["ref_sentences"] == 41
    text = run_cli("score", str(SAMPLES / "putin-biden.mt.en.txt"), "-r", str(SAMPLES / "putin-biden.ref.en.txt"),
                   "--align", "--worst", "0", "-m", "bleu").stdout_text
    assert 'unmatched draft line 1 (dropped): Press "Enter" to skip to content' in text
    assert "unmatched draft line 47 (dropped): Be First to Comment" in text


def test_without_align_the_article_pair_is_a_line_mismatch():
    proc = run_cli("score", str(SAMPLES / "putin-biden.mt.en.txt"), "-r", str(SAMPLES / "putin-biden.ref.en.txt"))
    assert proc.returncode == 2 and "or use --align" in proc.stderr_text


def test_sentences_split_after_end_punctuation_not_abbreviations():
    text = 'He said: "I do." Mr. Biden left. Then U.S. troops came!\n\nShort title'
    assert [s.text for s in sentences(text)] == ['He said: "I do."', "Mr. Biden left.", "Then U.S. troops came!", "Short title"]
    assert [s.line for s in sentences(text)] == [1, 1, 1, 3]


def test_align_merges_split_sentences_and_reports_omissions():
    hyp = [Segment("Putin proposed a live debate to Biden on Friday or next Monday, Putin said on television.", 1),
           Segment("Boilerplate: share this article", 2)]
    ref = [Segment("Putin proposed a live debate to Biden on Friday or next Monday.", 1),
           Segment("Putin said so on television.", 1),
           Segment("The Kremlin rejected the accusations as completely unfounded.", 2)]
    result = align(hyp, ref)
    assert [b.kind for b in result.beads] == ["1-2", "0-1", "1-0"]
    assert [s.text for s in result.unmatched_hyp] == ["Boilerplate: share this article"]
    assert [s.text for s in result.unmatched_ref] == ["The Kremlin rejected the accusations as completely unfounded."]
    hyps, refs = result.pairs()
    assert refs == ["Putin proposed a live debate to Biden on Friday or next Monday. Putin said so on television."]
