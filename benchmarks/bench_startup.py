"""Start-up time: whole processes on a one-line file, transcheck side by side with proselint.

Each repetition runs, one after another: ``transcheck check`` with an empty cache folder
(cold: rules parsed and compiled, word tables built), ``transcheck check`` with the cache
of an earlier run (warm: what a user feels on every save), the same on a one-line file
with a finding (its report is laid out by rich, which a clean file's two lines do without),
``transcheck rules``, ``transcheck --help``, and proselint 0.16 on the clean file (after
one untimed run, so its own caches are warm too). ``--before SRC`` adds the warm check,
``rules`` and ``--help`` of another version in the same loop (the ``src`` folder of a
whole tree, e.g. from ``git archive REV | tar -x -C /tmp/old``, so that its ``rules``
folder is beside it; run with this venv through PYTHONPATH), so that a busy machine
slows both alike. A run that fails (exit code other than 0 or 1) stops the benchmark
instead of being timed. Figures are the median and the minimum wall time over the repetitions.
proselint is installed from PyPI into the benchmark's own environment
``benchmarks/.venv-peers`` (created when missing; never the project's venv).

    .venv/bin/python benchmarks/bench_startup.py [--runs 7] [--before /tmp/old/src]

Measured 2026-11-30 14:32 on the project's 2-core machine while other engineers ran tests
and benchmarks on it (load average 5.7 falling to 4.0: wall medians are inflated; compare
the rows with each other), ``--before`` the code of c390fd3. 7 runs, wall / CPU medians
and ratio to proselint: check, warm cache 0.56 s / 0.37 s (2.5x / 1.8x; fastest run
0.29 s wall), before 1.31 s / 1.08 s (5.8x / 5.4x); with a finding 0.46 s / 0.39 s
(2.0x / 1.9x); cold cache 7.7 s / 5.5 s; rules 0.66 s / 0.54 s (before 0.66 s / 0.64 s);
--help 0.45 s / 0.34 s (before 0.54 s / 0.40 s); proselint 0.23 s / 0.20 s.
See README "Speed".
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from peers import proselint

ROOT = Path(__file__).resolve().parents[1]
TRANSCHECK = [sys.executable, "-m", "transcheck"]
LINE = "The committee met on Tuesday and agreed on the budget for next year.\n"
FLAGGED = "The committee met on 3.5.2021 and agreed on the budget for next year.\n"  # a German date: one finding



def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):  # a run that failed (a --before tree without its rules) is no figure
        sys.exit(f"{' '.join(command)} exited {proc.returncode}: {proc.stderr.decode(errors='replace').strip()[-300:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def add_before_option(parser: argparse.ArgumentParser) -> None:
    """``--before SRC``: another version's src folder, timed in the same loop."""
    parser.add_argument("--before", type=Path, help="the src folder of another version, timed in the same loop")


def before_env(env: dict[str, str], src: Path, cache: Path) -> dict[str, str]:
    """``env`` running the transcheck of ``src`` with its own cache folder."""
    return {**env, "PYTHONPATH": str(src.resolve()), "TRANSCHECK_CACHE_DIR": str(cache)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="repetitions of each command (default 7)")
    add_before_option(parser)
    args = parser.parse_args()
    peer = proselint()
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        sample = Path(tmp) / "one-line.txt"
        sample.write_text(LINE, encoding="utf-8")
        flagged = Path(tmp) / "one-finding.txt"
        flagged.write_text(FLAGGED, encoding="utf-8")
        warm_env = {**os.environ, "TRANSCHECK_CACHE_DIR": str(Path(tmp) / "warm-cache"), "NO_COLOR": "1"}
        warm_env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package runs from its .pyc files
        cold_cache = Path(tmp) / "cold-cache"
        cold_env = {**warm_env, "TRANSCHECK_CACHE_DIR": str(cold_cache)}
        cases = {
            "transcheck check (cold cache)": (TRANSCHECK + ["check", str(sample)], cold_env),
            "transcheck check (warm cache)": (TRANSCHECK + ["check", str(sample)], warm_env),
            "check, a finding (warm cache)": (TRANSCHECK + ["check", str(flagged)], warm_env),
            "transcheck rules": (TRANSCHECK + ["rules"], warm_env),
            "transcheck --help": (TRANSCHECK + ["--help"], warm_env),
            "proselint check": ([str(peer), "check", str(sample)], warm_env),
        }
        if args.before:
            old = before_env(warm_env, args.before, Path(tmp) / "before-cache")
            for name, arguments in (("check (warm cache)", ["check", str(sample)]), ("rules", ["rules"]), ("--help", ["--help"])):
                cases[f"before: {name}"] = (TRANSCHECK + arguments, old)
        for command, env in cases.values():  # untimed: fill the warm caches
            if env is not cold_env:
                timed(command, env)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
        for _ in range(args.runs):
            for name, (command, env) in cases.items():
                if env is cold_env:
                    shutil.rmtree(cold_cache, ignore_errors=True)
                times[name].append(timed(command, env))
    peer_wall, peer_cpu = (statistics.median(t[i] for t in times["proselint check"]) for i in (0, 1))
    print(f"{'command':32} {'wall median':>11} {'wall min':>9} {'× proselint':>11} {'CPU median':>11} {'× proselint':>11}"
          f"   ({args.runs} runs, one-line file)")
    for name, values in times.items():
        walls, cpus = [t[0] for t in values], [t[1] for t in values]
        wall, cpu = statistics.median(walls), statistics.median(cpus)
        print(f"{name:32} {wall:10.3f}s {min(walls):8.3f}s {wall / peer_wall:10.1f}× {cpu:10.3f}s {cpu / peer_cpu:10.1f}×")
    print(f"load average: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
