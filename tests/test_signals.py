"""SIGTERM and SIGINT stop every process a command started, leave no partial report, and exit 143 / 130."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from processes import descendants as children
from conftest import ROOT
from transcheck.languagetool.install import is_installed

PARAGRAPH = "The minister said „yes“ on 3.5.2021 in Berlin, and Dhe talks went on for hours.\n\n"



def _is_java(pid: int) -> bool:
    try:
        return b"java" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _start(*args: str) -> subprocess.Popen:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.Popen([sys.executable, "-m", "transcheck", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)


def _wait_for(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def _stop(proc: subprocess.Popen, signum: int) -> tuple[int, str, list[int]]:
    """Send the signal; return the exit code, stderr and the descendants seen just before."""
    descendants = children(proc.pid)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    return proc.returncode, err.decode(), descendants


@pytest.fixture
def many_files(tmp_path: Path) -> Path:
    folder = tmp_path / "drafts"
    folder.mkdir()
    for i in range(400):
        (folder / f"d{i:03}.txt").write_text(PARAGRAPH * 60, encoding="utf-8")
    return folder


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_check_with_workers_stops_them_all(many_files: Path, tmp_path: Path, signum: int, code: int) -> None:
    report = tmp_path / "report.json"
    proc = _start("check", "--isolated", "--jobs", "2", "-f", "json", "-o", str(report), str(many_files))
    assert _wait_for(lambda: len(children(proc.pid)) >= 2, 60), "the workers never started"
    returncode, err, descendants = _stop(proc, signum)
    assert returncode == code, err
    assert "Traceback" not in err and err.strip().splitlines()[-1] in ("transcheck: terminated", "transcheck: interrupted")
    assert descendants and _wait_for(lambda: not any(_alive(pid) for pid in descendants), 10), "a worker outlived the run"
    assert not report.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".report.json.")], "a temporary report was left"


@pytest.mark.skipif(not is_installed(), reason="LanguageTool's jars are not installed (scripts/setup installs them)")
def test_languagetool_serve_stops_its_server_on_sigterm() -> None:
    proc = _start("languagetool", "serve", "--port", "0")
    assert _wait_for(lambda: bool(children(proc.pid)), 30), "no server process started"
    time.sleep(1.0)
    returncode, err, descendants = _stop(proc, signal.SIGTERM)
    assert returncode == 143, err
    assert _wait_for(lambda: not any(_alive(pid) for pid in descendants), 15), "the LanguageTool server outlived the command"


@pytest.mark.skipif(not is_installed(), reason="LanguageTool's jars are not installed (scripts/setup installs them)")
def test_check_with_languagetool_stops_its_server_on_sigterm(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    # A sentence no earlier run has sent, so LanguageTool's match cache cannot answer it without a server.
    unique = f"The note {uuid.uuid4().hex} was filed.\n\n"
    draft.write_text(unique + PARAGRAPH * 3, encoding="utf-8")
    env_url = os.environ.pop("TRANSCHECK_LANGUAGETOOL_URL", None)
    try:
        proc = _start("check", "--isolated", "--languagetool", str(draft))
    finally:
        if env_url is not None:
            os.environ["TRANSCHECK_LANGUAGETOOL_URL"] = env_url
    assert _wait_for(lambda: any(_is_java(pid) for pid in children(proc.pid)), 60), "no LanguageTool server started"
    returncode, err, descendants = _stop(proc, signal.SIGTERM)
    assert returncode == 143, err
    assert _wait_for(lambda: not any(_alive(pid) for pid in descendants), 15), "the LanguageTool server outlived the run"
