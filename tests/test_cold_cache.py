"""A first run on an empty cache builds the rules and tables in child processes and reads
them back as a later run does: the same report, a cache a later run uses as it is, nothing
of the build in the checking process, no half-written cache or stray process when the
build is stopped. Real CLI in subprocesses, each with its own ``TRANSCHECK_CACHE_DIR``."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from transcheck.cachedir import cache_root
from processes import descendants

TEXT = "Wir haben heute leider keine Zeit dafür.\nThe blue parcel arrived on 3.5.2021 in Hamburg.\n"
BUILD_ONLY = ("yaml", "msgpack", "numpy", "wordfreq")  # modules a build imports (a warm run may need numpy)


def _check(tmp_path: Path, cache: Path, **env: str) -> subprocess.CompletedProcess:
    sample = tmp_path / "sample.txt"
    sample.write_text(TEXT, encoding="utf-8")
    return run_cli("check", str(sample), "--isolated", "--jobs", "1", "-f", "json",
                   env={"TRANSCHECK_CACHE_DIR": str(cache), **env})


def _entries(cache: Path) -> dict[str, int]:
    """Every file and folder under ``cache`` with its modification time."""
    return {str(p.relative_to(cache)): p.stat().st_mtime_ns for p in sorted(cache.rglob("*"))}


def _imported(stderr: str) -> set[str]:
    """Top-level modules of ``python -X importtime``'s lines (this process's, not its children's)."""
    return {line.rsplit("|", 1)[1].strip().split(".")[0] for line in stderr.splitlines() if line.startswith("import time:")}


def test_cold_run_reports_as_a_warm_run_and_fills_the_cache(tmp_path):
    cache = tmp_path / "cache"
    cold = _check(tmp_path, cache, PYTHONPROFILEIMPORTTIME="1")
    assert cold.returncode == 1, cold.stderr_text
    assert "TC503" in cold.stdout_text  # the German sentence
    assert list((cache / "rules").glob("*.pickle")) and list((cache / "tables").glob("wordfreq-en-*"))
    filled = _entries(cache)
    assert not [name for name in filled if Path(name).name.startswith(".")]  # no temporary file left
    warm = _check(tmp_path, cache, PYTHONPROFILEIMPORTTIME="1")
    assert (warm.returncode, warm.stdout) == (cold.returncode, cold.stdout)
    assert _entries(cache) == filled  # used as it is: nothing built or written again
    extra = _imported(cold.stderr_text) - _imported(warm.stderr_text)
    assert not extra & set(BUILD_ONLY), extra  # the builds ran in child processes


def test_concurrent_cold_runs_share_one_cache(tmp_path):
    cache = tmp_path / "cache"
    sample = tmp_path / "sample.txt"
    sample.write_text(TEXT, encoding="utf-8")
    command = [sys.executable, "-m", "transcheck", "check", str(sample), "--isolated", "--jobs", "1", "-f", "json"]
    env = {**os.environ, "TRANSCHECK_CACHE_DIR": str(cache)}
    procs = [subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    outputs = [proc.communicate(timeout=600) for proc in procs]
    assert [proc.returncode for proc in procs] == [1, 1], outputs[0][1]
    assert outputs[0][0] == outputs[1][0]
    assert len(list((cache / "rules").glob("*.pickle"))) == 1
    assert not [p for p in cache.rglob(".*")]
    assert _check(tmp_path, cache).stdout == outputs[0][0]


def test_unwritable_cache_builds_in_the_process(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be\n", encoding="utf-8")
    proc = _check(tmp_path, blocker / "cache")
    assert proc.returncode == 1 and "TC503" in proc.stdout_text, proc.stderr_text
    assert "Traceback" not in proc.stderr_text
    assert proc.stdout == _check(tmp_path, cache_root()).stdout  # the report of a run with a usable (the default) cache


@pytest.mark.parametrize(("signum", "code", "group"), [(signal.SIGINT, 130, True), (signal.SIGTERM, 143, False)])
def test_stopping_a_cold_run_mid_build_leaves_no_cache_and_no_process(tmp_path, signum, code, group):
    """Ctrl-C (SIGINT to the whole process group) or SIGTERM to transcheck alone, while a
    child builds the rules: exit 130 / 143, the child gone, no temporary or partial file."""
    cache = tmp_path / "cache"
    sample = tmp_path / "sample.txt"
    sample.write_text(TEXT, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "transcheck", "check", str(sample), "--isolated", "--jobs", "1"],
                            cwd=ROOT, env={**os.environ, "TRANSCHECK_CACHE_DIR": str(cache)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 120
    while not descendants(proc.pid) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    builders = descendants(proc.pid)
    assert builders, "no build process was started"
    time.sleep(0.3)  # well into the build
    if group:
        os.killpg(proc.pid, signum)
    else:
        proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err.decode()
    assert "Traceback" not in err.decode()
    assert not [pid for pid in builders if Path(f"/proc/{pid}").exists()]
    assert not list((cache / "rules").glob("*"))  # no rule cache, whole or partial
    assert not [p for p in cache.rglob(".*")]  # no temporary file or folder
    again = _check(tmp_path, cache)  # and the next run builds it
    assert again.returncode == 1 and list((cache / "rules").glob("*.pickle"))


ORPHAN = """\
import os, sys, threading, time
from pathlib import Path
from transcheck.cachedir import run_apart
threading.Timer(float(sys.argv[2]), lambda: os._exit(143)).start()  # a worker's way out
run_apart(time.sleep, 60, scratch=Path(sys.argv[1]))
"""


def test_a_build_whose_parent_ends_abruptly_removes_its_scratch_and_ends(tmp_path):
    """A worker process that ends with ``os._exit`` (as on SIGTERM) while its child builds:
    the child removes what it was writing and ends too."""
    scratch = tmp_path / ".table.partial"
    scratch.mkdir()
    (scratch / "words.marisa").write_bytes(b"half a trie")
    proc = subprocess.Popen([sys.executable, "-c", ORPHAN, str(scratch), "2"], cwd=ROOT)
    deadline = time.monotonic() + 60
    while not descendants(proc.pid) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    builders = descendants(proc.pid)
    assert builders
    assert proc.wait(timeout=60) == 143
    deadline = time.monotonic() + 30
    while (scratch.exists() or any(_running(pid) for pid in builders)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not scratch.exists()
    assert not [pid for pid in builders if _running(pid)]


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_grouped_words_give_what_a_dict_of_the_groups_gives():
    from transcheck.tables import grouped_words

    groups = [(0.5, ["a", "b"]), (0.25, ["c", "a"]), (0.125, []), (0.0625, ["d"])]
    assert dict(grouped_words(lambda: iter(groups)).items()) == {w: v for v, words in groups for w in words}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_streamed_wordfreq_tables_hold_wordfreqs_frequencies(lang):
    """The tables built a bucket at a time from wordfreq's file: wordfreq's own dict."""
    import wordfreq
    from functools import partial

    from transcheck import tables, wordfreqs

    ours = tables.grouped_words(partial(wordfreqs._buckets, wordfreqs._source(lang)))
    reference = wordfreq.get_frequency_dict(lang, wordlist="large")
    assert len(ours) == len(reference)
    assert all(ours[word] == freq for word, freq in reference.items())
