"""A long file checked in the calling process spreads its document-evidence rules (in
groups) and its blocks over ``--jobs`` forked workers (block_pool): the findings and the
report are those of ``--jobs 1``, and a signal mid-run stops every worker."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from processes import descendants, forked_workers
from test_signals import _alive, _stop, _wait_for
from transcheck import block_pool, engine
from transcheck.documents import Document
from transcheck.rules import load_rules

TEXTS = sorted([*ROOT.glob("samples/*.txt"), *ROOT.glob("tests/data/native/*/*.txt")])
forking = pytest.mark.skipif(block_pool._fork_context() is None, reason="no fork on this platform")


def _joined() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in TEXTS)


def _run(path: Path, jobs: int, block_chars: int) -> subprocess.CompletedProcess:
    env = {**os.environ, engine.BLOCK_CHARS_VARIABLE: str(block_chars), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "transcheck", "check", "--isolated", "--jobs", str(jobs),
                           "-f", "json", str(path)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


@forking
def test_blocks_in_workers_give_the_findings_of_one_process(monkeypatch) -> None:
    monkeypatch.setenv(engine.BLOCK_CHARS_VARIABLE, "400")
    doc = Document.from_text("joined.txt", _joined())
    rules = load_rules()
    serial = engine.check(doc, rules)
    assert len(serial) > 50
    assert engine.check(doc, rules, jobs=2) == serial
    assert engine.check(doc, rules, jobs=3) == serial


@forking
def test_the_cli_reports_the_same_with_two_jobs_on_one_file(tmp_path: Path) -> None:
    path = tmp_path / "joined.txt"
    path.write_text(_joined(), encoding="utf-8")
    one, two = _run(path, 1, 500), _run(path, 2, 500)
    assert one.returncode == two.returncode == 1, one.stderr + two.stderr
    assert json.loads(two.stdout) == json.loads(one.stdout)
    assert json.loads(one.stdout)["summary"]["total"] > 50


def test_a_short_text_or_one_job_starts_no_worker() -> None:
    doc = Document.from_text("short.txt", "One paragraph.\n")
    rules = list(load_rules())[:3]
    with block_pool.spread(doc, rules, rules, "en-US", [(0, len(doc.text))], jobs=2) as found:
        assert found is None
    with block_pool.spread(doc, rules, rules, "en-US", [(0, 5), (5, len(doc.text))], jobs=1) as found:
        assert found is None


def _probe(seconds: list[float], uses: list[set[str]]) -> engine.Probe:
    makers: dict[str, int] = {}
    for i, keys in enumerate(uses):
        for key in sorted(keys):
            makers.setdefault(key, i)
    return engine.Probe(tuple(map(frozenset, uses)), makers, tuple(seconds))


def test_the_evidence_rules_are_dealt_into_groups_of_every_rule_once() -> None:
    probed = _probe([0.1] * 7, [set()] * 7)
    groups = block_pool.deal(probed, 3)
    assert [len(group) for group in groups] == [3, 2, 2]
    assert sorted(i for group in groups for i in group) == list(range(7))
    assert all(group == sorted(group) for group in groups)
    assert block_pool.deal(probed.subset([0, 1]), 4) == [[0], [1]]


def test_rules_that_share_a_costly_cache_are_dealt_together() -> None:
    # rule 0 makes the tags (1.0 s), rule 4 reads them; rules 1-3 and 5 need nothing
    # (rule 4 would balance the groups better beside rules 1-3 and 5, were it not for the tags)
    probed = _probe([1.0, 0.2, 0.2, 0.2, 0.1, 0.2], [{"tags"}, set(), set(), set(), {"tags"}, set()])
    assert block_pool.deal(probed, 2) == [[0, 4], [1, 2, 3, 5]]


def test_a_group_past_its_share_takes_no_rule_another_group_can() -> None:
    # every rule reads the same cache, which each group would rather keep to itself: the
    # second group pays for making it again (0.2 s) and still takes its share
    probed = _probe([0.2] * 8, [{"vocabulary"}] * 8)
    assert [len(group) for group in block_pool.deal(probed, 2)] == [5, 3]
    assert [len(group) for group in block_pool.deal(probed, 1)] == [8]


def test_a_probe_part_releases_each_cache_after_its_own_last_user() -> None:
    probed = _probe([0.1] * 4, [{"a"}, {"a", "b"}, {"b"}, {"a"}])
    assert probed.releases() == {3: ["a"], 2: ["b"]}
    part = probed.subset([1, 2])
    assert part.releases() == {0: ["a"], 1: ["b"]}
    assert part.makers == {"a": 0, "b": 0}


@forking
def test_the_groups_a_worker_runs_carry_their_probe() -> None:
    doc = Document.from_text("joined.txt", _joined())
    rules = [rule for rule in load_rules() if "en-US" in rule.spec.locales]
    evidence = [rule for rule in rules if not engine.line_local(rule)]
    groups = block_pool.evidence_groups(doc, evidence, "en-US", 4)
    assert len(groups) == 4 and sorted(id(rule) for group in groups for rule in group) == sorted(map(id, evidence))
    for group in groups:
        key = ("en-US", tuple(rule.spec.id for rule in group))
        assert key in engine._PROBES and len(engine._PROBES[key].seconds) == len(group)


def _start_long_check(tmp_path: Path, copies: int) -> tuple[subprocess.Popen, Path]:
    """``check --jobs 2 -o report.json`` started on the texts joined ``copies`` times, in blocks
    of 2,000 characters, once its block workers run; the process and the report's path."""
    path, report = tmp_path / "long.txt", tmp_path / "report.json"
    path.write_text(_joined() * copies, encoding="utf-8")
    env = {**os.environ, engine.BLOCK_CHARS_VARIABLE: "2000", "NO_COLOR": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "transcheck", "check", "--isolated", "--jobs", "2", "-f", "json",
                             "-o", str(report), str(path)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    assert _wait_for(lambda: len(forked_workers(proc.pid)) >= 2, 60), "the block workers never started"
    return proc, report


@forking
@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_stops_the_block_workers(tmp_path: Path, signum: int, code: int) -> None:
    proc, report = _start_long_check(tmp_path, copies=40)
    returncode, err, seen = _stop(proc, signum)
    assert returncode == code, err
    assert "Traceback" not in err
    assert seen and _wait_for(lambda: not any(_alive(pid) for pid in seen), 10), "a worker outlived the run"
    assert not report.exists()


@forking
def test_spread_gives_each_groups_then_each_blocks_findings_in_order() -> None:
    doc = Document.from_text("joined.txt", _joined())
    rules = [rule for rule in load_rules() if "en-US" in rule.spec.locales]
    local = [rule for rule in rules if engine.line_local(rule)]
    evidence = [rule for rule in rules if not engine.line_local(rule)]
    spans = engine.blocks(doc.text, 2_000)
    assert len(spans) > 3
    with block_pool.spread(doc, local, evidence, "en-US", spans, jobs=2) as found:
        assert found is not None
        from_workers = list(found)
    groups = from_workers[:-len(spans)]
    held = engine.HeldFindings(packed=False)
    engine.run_rules(doc, evidence, "en-US", held)
    assert sorted(repr(f) for group in groups for f in group) == sorted(map(repr, held.findings()))
    serial = []
    for start, end in spans:
        held = engine.HeldFindings(packed=False)
        engine.run_rules(engine.Block.of(doc, start, end), local, "en-US", held)
        serial.append(held.findings())
    assert from_workers[-len(spans):] == serial
    assert len(groups) == 2 * block_pool.GROUPS_PER_JOB and sum(map(len, groups)) > 20
    assert sum(map(len, serial)) > 50


@forking
def test_a_killed_worker_ends_the_run_with_one_line(tmp_path: Path) -> None:
    proc, report = _start_long_check(tmp_path, copies=40)
    seen = descendants(proc.pid)
    os.kill(forked_workers(proc.pid)[-1], signal.SIGKILL)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 2, err
    assert err.decode().strip().splitlines() == [
        "transcheck: error: a worker process ended abruptly (killed, or out of memory); "
        "nothing was written (--jobs 1 checks in one process)"]
    assert _wait_for(lambda: not any(_alive(pid) for pid in seen), 10), "a worker outlived the run"
    assert not report.exists()
