"""Writing a report or a fixed file: a regular file is replaced whole, a symbolic link keeps
pointing at the file it names, and a device or a pipe is written to, never replaced."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import ROOT
from transcheck import fileio
from transcheck.errors import InputError


def test_a_regular_file_is_replaced_and_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("old")
    path.chmod(0o640)
    fileio.atomic_write(path, b"new")
    assert path.read_text() == "new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


def test_a_symbolic_link_stays_a_link_to_the_new_content(tmp_path: Path) -> None:
    real, link = tmp_path / "real.json", tmp_path / "link.json"
    real.write_text("old")
    link.symlink_to(real.name)
    with fileio.atomic_writer(link) as stream:
        stream.write("new")
    assert link.is_symlink() and os.readlink(link) == real.name
    assert real.read_text() == "new"


def _reading(fifo: Path) -> tuple[threading.Thread, list[bytes]]:
    """A thread reading ``fifo`` to its end, and the list its content goes into (a daemon:
    should nothing ever write to the pipe, the test still ends)."""
    read: list[bytes] = []
    reader = threading.Thread(target=lambda: read.append(fifo.read_bytes()), daemon=True)
    reader.start()
    return reader, read


def test_a_pipe_is_written_to_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader, read = _reading(fifo)
    fileio.atomic_write(fifo, b"through the pipe")
    reader.join(10)
    assert read == [b"through the pipe"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_the_cli_writes_a_report_into_a_pipe(tmp_path: Path) -> None:
    fifo = tmp_path / "report.json"
    os.mkfifo(fifo)
    reader, read = _reading(fifo)
    proc = subprocess.Popen([sys.executable, "-m", "transcheck", "check", "--isolated", "-f", "json", "-o", str(fifo),
                             str(ROOT / "samples" / "putin-biden.mt.en.txt")], cwd=ROOT, stderr=subprocess.PIPE)
    _, err = proc.communicate(timeout=120)
    reader.join(10)
    assert proc.returncode == 1, err
    assert len(read) == 1 and b'"findings"' in read[0]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


full = pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")


@full
def test_a_full_device_is_one_error_naming_it() -> None:
    with pytest.raises(InputError, match="/dev/full: cannot write"):
        fileio.atomic_write("/dev/full", b"x" * 100_000)
    with pytest.raises(InputError, match="/dev/full: cannot write"):
        with fileio.atomic_writer("/dev/full") as stream:
            stream.write("x" * 100_000)


@full
def test_the_cli_reports_a_full_disk_in_one_line() -> None:
    done = subprocess.run([sys.executable, "-m", "transcheck", "check", "--isolated", "-f", "json", "-o", "/dev/full",
                           str(ROOT / "samples" / "putin-biden.mt.en.txt")], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == ["transcheck: error: /dev/full: cannot write (No space left on device)"]


@full
@pytest.mark.parametrize("fmt", ["json", "text"])
def test_standard_output_on_a_full_disk_is_one_line(fmt: str) -> None:
    with open("/dev/full", "w") as out:
        done = subprocess.run([sys.executable, "-m", "transcheck", "check", "--isolated", "-f", fmt,
                               str(ROOT / "samples" / "putin-biden.mt.en.txt")], cwd=ROOT, stdout=out,
                              stderr=subprocess.PIPE, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == ["transcheck: error: cannot write the output (No space left on device)"]
