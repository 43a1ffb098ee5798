"""Throughput and memory of whole processes, transcheck side by side with proselint, in one run.

Built at run time (in a temporary folder, never committed) from the English lines of
../shared/wmt/*/*.en (WMT de-en references and system outputs, sorted by file): one
segment a line, a blank line after every 5 lines, until 1,000,000 words. Then, one
after another (each command but the last once untimed first, so every cache is warm):

* ``transcheck check -f json --jobs 1`` and ``--jobs 2`` on that single file (with two
  jobs its blocks go to forked workers, ``block_pool``), and proselint 0.16 on it
  (``--output-format json``, its 1,000-error cap lifted with ``max_errors`` in a config
  file); proselint is installed from PyPI into ``benchmarks/.venv-peers`` when missing;
* ``transcheck check -f json --jobs 1`` and proselint on the same segments without the
  blank lines (one segment a line, as MT systems write them: passages end at a line that
  ends a sentence);
* ``transcheck check -f json --jobs 2`` on the same text cut into 1,000 files;
* ``transcheck check -f json --jobs 1`` on a file of ``--big-mb`` MB (the text repeated;
  ``--big-mb 0`` skips it), which is checked in blocks of paragraphs and 8 MB stretches.

Each figure is a whole process: wall time, CPU time (user + system, all its processes)
and peak RSS of the largest process (``getrusage(RUSAGE_CHILDREN)`` in a small wrapper).

    .venv/bin/python benchmarks/bench_peers.py [--words 1000000] [--files 1000] [--big-mb 50]

Measured 2026-11-30 16:24-16:39 on the project's 2-core machine while other engineers ran
tests on it (load average 4.2-5.8: wall times are 3-10 times a quiet machine's; peak RSS does
not depend on the load), after the memory work (py3langid's model read a row at a time, long
files streamed a stretch at a time, the parent keeping no file's text):

    command                                          wall       CPU    peak RSS
    transcheck check -f json --jobs 1 (1 file)      92.95 s   35.43 s    350 MiB
    proselint 0.16 --output-format json (1 file)    11.14 s   11.01 s     76 MiB
    transcheck check -f json --jobs 2 (1,000 files) 41.80 s   28.51 s    158 MiB
    transcheck check -f json --jobs 1 (53 MB file) 563.77 s  297.27 s    572 MiB

(Before, quiet machine, 15:09 the same day: 416, 242 and 766 MiB. The 53 MB file side by side
under /usr/bin/time, same report byte for byte: read whole 709 MiB, streamed 508 MiB.)

Again at 19:27-19:45 (load 3.8-6), after the per-document work (each shared cache of a long
text freed after the last rule that uses it, Aho-Corasick searches a chunk of lines at a time,
no newline-prefixed copy of the text): 1 file 280 MiB (113.71 s wall, 39.75 s CPU), proselint
76 MiB (18.70 s, 8.43 s), 1,000 files 162 MiB, 53 MB file 573 MiB (450.82 s, 309.48 s CPU).
The 53 MB file's peak did not move: not measured further; likely its ~180,000 findings (about
0.4 KB each by tracemalloc on the 1M-word file), all held until the report is written.

2026-12-01 17:36 (quiet, load 1.2): 1 file 13.21 s / 143 MiB, ``--jobs 2`` 8.16 s; proselint
5.22 s / 76 MiB; without blank lines 13.44 s / 145 MiB (57.6 s / 191 MiB before passages),
proselint 5.24 s; 1,000 files 8.83 s / 111 MiB. See README "Speed" and docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from peers import proselint, uncapped_config

ROOT = Path(__file__).resolve().parents[1]
WMT = ROOT.parent / "shared" / "wmt"
TRANSCHECK = [sys.executable, "-m", "transcheck", "check", "-f", "json"]
# Runs a command and prints its children's CPU seconds and peak RSS (KiB) as JSON on stderr's last line.
WRAPPER = (
    "import resource, subprocess, sys, json\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode\n"
    "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(json.dumps([code, u.ru_utime + u.ru_stime, u.ru_maxrss]), file=sys.stderr)\n"
)


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mib: float


def lines(min_words: int) -> list[str]:
    """WMT English segments, a blank line after every 5, until ``min_words`` words."""
    out, total, n = [], 0, 0
    for path in sorted(WMT.glob("*/*.en")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if total >= min_words:
                return out
            out.append(line)
            total += len(line.split())
            n += 1
            if n % 5 == 0:
                out.append("")
    if total < min_words:
        sys.exit(f"{WMT} holds only {total:,} words")
    return out



def measure(command: list[str]) -> Run:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", WRAPPER, *command], capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - start
    code, cpu, peak = json.loads(done.stderr.strip().splitlines()[-1])
    if code not in (0, 1):
        sys.exit(f"{command[:4]}… exited with {code}")
    return Run(wall, cpu, peak / 1024)


def timed(name: str, command: list[str], words: int, rows: list, warm: bool = True) -> Run:
    if warm:
        measure(command)  # untimed: warm caches and the page cache
    run = measure(command)
    rows.append((name, words, run))
    print(f"{name:48} {run.wall:7.2f} s {run.cpu:7.2f} s {run.peak_mib:7.0f} MiB {words / run.wall:11,.0f}", flush=True)
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--big-mb", type=int, default=50, help="size of the big file in MB (0: skip)")
    args = parser.parse_args()
    peer = proselint()
    segments = lines(args.words)
    words = sum(len(s.split()) for s in segments)
    rows: list = []
    with tempfile.TemporaryDirectory(prefix="bench-peers-") as tmp:
        folder = Path(tmp)
        single = folder / "one-million.txt"
        single.write_text("\n".join(segments) + "\n", encoding="utf-8")
        config = uncapped_config(folder)
        report = str(folder / "report.json")
        print(f"{words:,} words, {single.stat().st_size / 1e6:.1f} MB; load average {os.getloadavg()[0]:.1f}")
        print(f"{'command':48} {'wall':>9} {'CPU':>9} {'peak RSS':>11} {'words/s':>11}")
        ours = timed("transcheck check -f json --jobs 1 (1 file)", TRANSCHECK + ["--jobs", "1", str(single), "-o", report], words, rows)
        spread = timed("transcheck check -f json --jobs 2 (1 file)", TRANSCHECK + ["--jobs", "2", str(single), "-o", report], words, rows)
        theirs = timed("proselint 0.16 --output-format json (1 file)",
                       [str(peer), "--config", str(config), "--output-format", "json", "check", str(single)], words, rows)
        lined = folder / "one-million-lines.txt"
        lined.write_text("\n".join(s for s in segments if s) + "\n", encoding="utf-8")
        lines_ours = timed("transcheck check -f json --jobs 1 (no blank line)",
                           TRANSCHECK + ["--jobs", "1", str(lined), "-o", report], words, rows)
        lines_theirs = timed("proselint 0.16 --output-format json (no blank line)",
                             [str(peer), "--config", str(config), "--output-format", "json", "check", str(lined)],
                             words, rows)
        many = folder / "many"
        many.mkdir()
        per_file = -(-len(segments) // args.files)
        for i in range(args.files):
            part = segments[i * per_file : (i + 1) * per_file]
            (many / f"part{i:04}.txt").write_text("\n".join(part).strip("\n") + "\n", encoding="utf-8")
        timed(f"transcheck check -f json --jobs 2 ({args.files:,} files)", TRANSCHECK + ["--jobs", "2", str(many), "-o", report], words, rows)
        if args.big_mb:
            big = folder / "big.txt"
            text = single.read_text(encoding="utf-8")
            copies = -(-args.big_mb * 1_000_000 // len(text.encode("utf-8")))
            big.write_text("\n".join([text] * copies), encoding="utf-8")
            size = big.stat().st_size / 1e6
            timed(f"transcheck check -f json --jobs 1 ({size:.0f} MB file)", TRANSCHECK + ["--jobs", "1", str(big), "-o", report],
                  words * copies, rows, warm=False)
    print(f"single file: transcheck is {theirs.wall / ours.wall:.2f}× proselint's speed (wall), "
          f"{theirs.cpu / ours.cpu:.2f}× (CPU), at {ours.peak_mib / theirs.peak_mib:.1f}× its memory; "
          f"with --jobs 2 {theirs.wall / spread.wall:.2f}× (wall) at {spread.peak_mib / theirs.peak_mib:.1f}× its memory; "
          f"without blank lines {lines_theirs.wall / lines_ours.wall:.2f}× (wall); "
          f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
