"""SIGTERM and SIGINT stop `transcheck score` and its worker processes: exit 143 / 130, nothing left running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from processes import descendants
from conftest import ROOT, SHARED

WMT21 = SHARED / "wmt" / "wmt21-newstest2021-deen"
pytestmark = pytest.mark.skipif(not WMT21.is_dir(), reason="../shared/wmt is absent")



def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("signum,code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)], ids=["SIGTERM", "SIGINT"])
def test_signal_stops_score_and_its_workers(tmp_path, signum, code):
    lines = {name: (WMT21 / name).read_text(encoding="utf-8").splitlines() * 6 for name in ("hyp.UF.en", "ref.en")}
    for name, text in lines.items():
        (tmp_path / name).write_text("\n".join(text) + "\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "transcheck", "score", "hyp.UF.en", "-r", "ref.en", "-m", "ter",
                             "--jobs", "2", "-f", "json"], cwd=tmp_path, env={**os.environ, "NO_COLOR": "1"},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while len(descendants(proc.pid)) < 2 and time.monotonic() < deadline:  # the two workers are up
            time.sleep(0.05)
        workers = descendants(proc.pid)
        assert len(workers) >= 2, "no worker processes started"
        time.sleep(0.5)
        proc.send_signal(signum)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == code, err.decode()
    assert out == b""  # no partial report
    assert "Traceback" not in err.decode()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if _alive(pid)]
