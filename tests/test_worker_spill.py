"""A long file checked in a worker process (``--jobs 2`` and 4 files or more) gives, through
the real CLI, the report, summary and exit code of ``--jobs 1`` in every format: the worker
writes its findings past the spill limit to a file in a private folder (``spill.spool``), and
the calling process reads them back a piece at a time and removes the folder. No temporary
file is left, after a run or a signal. The evidence stretch, block and spill sizes are made
small so that a small file is long and spans many of each."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from processes import descendants
from transcheck import engine, formats, runner, spill
from transcheck.config import Config
from transcheck.models import Finding

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted(ROOT.glob("samples/*.mt.en.txt"))
FORMATS = ["json", "sarif", "text", "concise", "github", "junit", "html"]
# the CLI in a process (and its forked workers) whose engine sees 2,000 characters of evidence
# at a time, so that a plain-text file longer than that is a LongDocument
CLI = "from transcheck import engine\nengine.EVIDENCE_CHARS = 2_000\nfrom transcheck.cli.app import main\nmain()\n"


def _text(copies: int = 1) -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in SAMPLES * copies)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """Two long files (one with CRLF line ends and a BOM) and two short ones."""
    folder = tmp_path_factory.mktemp("pooled")
    text = _text()
    (folder / "b.txt").write_text(text, encoding="utf-8")
    (folder / "a.txt").write_bytes(("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"))
    (folder / "short.txt").write_text("The minister said „yes“ on 3.5.2021.\n", encoding="utf-8")
    (folder / "other.txt").write_text("He goes tomorrow with the train to Berlin.\n", encoding="utf-8")
    (folder / "transcheck.toml").write_text('[severity]\nquotes = "critical"\n', encoding="utf-8")
    return folder


def _env(tmp: Path, spill_findings: str) -> dict[str, str]:
    return {**os.environ, "TRANSCHECK_BLOCK_CHARS": "300", "TMPDIR": str(tmp), "TRANSCHECK_SPILL_FINDINGS": spill_findings}


def _check(folder: Path, jobs: int, *args: str, spill_findings: str = "0") -> subprocess.CompletedProcess:
    tmp = folder / f"tmp-{jobs}"
    tmp.mkdir(exist_ok=True)
    proc = subprocess.run([sys.executable, "-c", CLI, "check", "--jobs", str(jobs), *args], cwd=folder,
                          env=_env(tmp, spill_findings), capture_output=True, text=True, encoding="utf-8")
    assert not list(tmp.iterdir()), "a temporary file was left behind"
    return proc


def _same(folder: Path, *args: str, spill_findings: str = "0") -> None:
    one, two = (_check(folder, jobs, *args, spill_findings=spill_findings) for jobs in (1, 2))
    assert (two.stdout, two.stderr, two.returncode) == (one.stdout, one.stderr, one.returncode)
    assert two.returncode in (0, 1), two.stderr


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_long_file_checked_in_a_worker_gives_the_report_of_one_process(folder: Path, fmt: str) -> None:
    _same(folder, "-f", fmt, ".")


@pytest.mark.parametrize("spill_findings", ["40", "1000000"])
def test_the_same_below_and_across_the_spill_limit(folder: Path, spill_findings: str) -> None:
    """Part of the findings held before the worker spools them, or all held in memory."""
    _same(folder, "-f", "json", "--select", "quotes,numbers", ".", spill_findings=spill_findings)
    _same(folder, "-f", "concise", "--max-penalty", "5", ".", spill_findings=spill_findings)


def test_a_worker_spools_a_long_files_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the worker sends back is a file's name; claiming it unlinks the file and gives
    the findings of ``Checker.check`` in order."""
    monkeypatch.setattr(engine, "EVIDENCE_CHARS", 2_000)
    monkeypatch.setenv("TRANSCHECK_BLOCK_CHARS", "300")
    monkeypatch.setenv(spill.SPILL_VARIABLE, "0")
    for name in ("_WORKER", "_READ", "_SPOOL"):
        monkeypatch.setattr(runner, name, getattr(runner, name))
    path, spool = tmp_path / "long.txt", tmp_path / "spool"
    path.write_text(_text(), encoding="utf-8")
    spool.mkdir()
    runner._init_worker(Config(), formats.DEFAULT, str(spool))
    doc, found = runner._check_path(str(path))
    assert isinstance(found, spill.SpooledBatches) and Path(found.path).parent == spool
    pieces = found.claim()
    assert not list(spool.iterdir())
    findings = [f for piece in pieces for f in piece]
    assert findings and findings == sorted(runner._WORKER.check(doc), key=Finding.sort_key)  # type: ignore[union-attr]


def test_a_spool_folder_goes_with_what_it_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Removed with a stopped worker's file on an error; None where no folder can be made."""
    with pytest.raises(RuntimeError):
        with spill.spool_folder() as folder:
            assert folder is not None
            Path(folder, "findings-left").write_bytes(b"part of a piece")
            raise RuntimeError
    assert not Path(folder).exists()

    def refuse(*args, **kwargs):
        raise PermissionError("read-only")

    monkeypatch.setattr(spill.tempfile, "mkdtemp", refuse)
    with spill.spool_folder() as folder:
        assert folder is None


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _wait_for(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_while_a_worker_spools_leaves_no_file(tmp_path: Path, signum: int, code: int) -> None:
    """Stopped while a worker is writing a long file's findings: exit 143 / 130, every worker
    gone and the private folder removed with what it held."""
    for i in range(3):
        (tmp_path / f"s{i}.txt").write_text("The minister said „yes“ on 3.5.2021.\n", encoding="utf-8")
    (tmp_path / "long.txt").write_text(_text(copies=30), encoding="utf-8")
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    proc = subprocess.Popen([sys.executable, "-c", CLI, "check", "--isolated", "--jobs", "2", "-f", "json", "."],
                            cwd=tmp_path, env=_env(tmp, "0"), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    spooling = _wait_for(lambda: any(tmp.glob("transcheck-*/findings-*")), 120)
    workers = descendants(proc.pid)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    assert spooling, "no worker spooled the long file's findings"
    assert proc.returncode == code, err
    assert _wait_for(lambda: not any(_alive(pid) for pid in workers), 10), "a worker outlived the run"
    assert not list(tmp.iterdir()), "a temporary file was left behind"
