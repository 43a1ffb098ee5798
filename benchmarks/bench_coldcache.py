"""A first run on an empty cache against a run on a warm one: whole processes, wall time,
CPU time and peak memory.

Each repetition runs ``transcheck check -f json --jobs 1 FILE`` on each file, first with
an empty cache folder (``TRANSCHECK_CACHE_DIR``: rules parsed and compiled, tables built),
then again with the folder that run filled. The peak is what ``/usr/bin/time -v`` gives
("Maximum resident set size", from ``wait4``): the largest of the process and of the
processes it started and waited for, so a build done in a child process counts too.
``--before SRC`` runs another version in the same loop (its ``src`` folder, e.g. from
``git archive``, through PYTHONPATH), so that a busy machine slows both alike; the reports
of all runs of a file must be the same, or the script says so.

    .venv/bin/python benchmarks/bench_coldcache.py [--runs 3] [--before /tmp/old/src] FILE...
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(command: list[str], env: dict[str, str]) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds, peak MiB and a digest of the output of one run."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        out.seek(0)
        digest = hashlib.sha256(out.read()).hexdigest()[:12]
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, digest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", type=Path, help="the src folder of another version")
    args = parser.parse_args()
    versions = {"now": {}} | ({"before": {"PYTHONPATH": str(args.before)}} if args.before else {})
    digests: dict[Path, set[str]] = {}
    print(f"load {os.getloadavg()[0]:.1f}", flush=True)
    for n in range(args.runs):
        for file in args.files:
            for label, extra in versions.items():
                cache = tempfile.mkdtemp(prefix="bench-coldcache-")
                env = os.environ | extra | {"TRANSCHECK_CACHE_DIR": cache}
                command = [sys.executable, "-m", "transcheck", "check", "-f", "json", "--jobs", "1", str(file)]
                for state in ("cold", "warm"):
                    wall, cpu, peak, digest = run(command, env)
                    digests.setdefault(file, set()).add(digest)
                    print(f"run {n + 1} {file.name} {label:6} {state}: {wall:6.2f} s wall {cpu:6.2f} s CPU "
                          f"{peak:6.1f} MiB peak  load {os.getloadavg()[0]:.1f}", flush=True)
                shutil.rmtree(cache, ignore_errors=True)
    for file, seen in digests.items():
        print(f"{file.name}: {'the same report in every run' if len(seen) == 1 else 'REPORTS DIFFER'}")


if __name__ == "__main__":
    main()
