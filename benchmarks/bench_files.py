"""`transcheck check` over many files: wall time and words/second with --jobs 1 and --jobs 2.

Generates (at run time, in a temporary folder) FILES articles of at least WORDS words in
all, from the English lines of ../shared/wmt/*/*.en (WMT de-en references and system
outputs, read at run time, never copied into this repository): each article is a run of
consecutive lines, one paragraph a line, separated by blank lines, spread over 10 folders.
Then runs the real CLI (``python -m transcheck check -f concise --jobs N DIR``) for each N,
checks that the reports are identical, and prints wall time, files/s and words/s, with
the CPU seconds the run used (all processes) and the load average before it: on a busy
machine with autogroup scheduling, a session's processes share one CPU share, so wall
time with --jobs 2 only beats --jobs 1 when a second core is actually free.

Usage: .venv/bin/python benchmarks/bench_files.py [--files 1000] [--words 1000000] [--jobs 1,2] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import cycle
from pathlib import Path

WMT = Path(__file__).resolve().parents[1].parent / "shared" / "wmt"


def corpus_lines() -> list[str]:
    lines = []
    for path in sorted(WMT.glob("*/*.en")):
        lines.extend(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    if not lines:
        sys.exit(f"no English lines found in {WMT}/*/*.en")
    return lines


def generate(root: Path, files: int, words: int) -> int:
    """Write ``files`` articles of about words/files words each; return the total word count."""
    per_file = -(-words // files)
    source = cycle(corpus_lines())
    total = 0
    for i in range(files):
        paragraphs, count = [], 0
        while count < per_file:
            line = next(source)
            paragraphs.append(line)
            count += len(line.split())
        folder = root / f"part{i % 10}"
        folder.mkdir(exist_ok=True)
        (folder / f"article{i:05}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        total += count
    return total


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(root: Path, jobs: int) -> tuple[float, float, bytes, int]:
    """Wall seconds, CPU seconds, the report and the exit code of one CLI run."""
    env = {**os.environ, "CI": "true", "NO_COLOR": "1"}
    cpu, start = _children_cpu(), time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "transcheck", "check", "-f", "concise", "--jobs", str(jobs), str(root)],
        capture_output=True, env=env,
    )
    elapsed, cpu = time.perf_counter() - start, _children_cpu() - cpu
    if proc.returncode not in (0, 1):
        sys.exit(f"transcheck failed ({proc.returncode}): {proc.stderr.decode()}")
    return elapsed, cpu, proc.stdout, proc.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values to time")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; best and median are reported")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="transcheck-bench-") as tmp:
        root = Path(tmp) / "corpus"
        root.mkdir()
        words = generate(root, args.files, args.words)
        print(f"corpus: {args.files} files, {words:,} words (from {WMT}/*/*.en), cores: {os.cpu_count()}")
        reports: dict[int, bytes] = {}
        times: dict[int, list[float]] = {}
        for round_ in range(1, args.repeat + 1):  # interleaved, so a busy spell hits both settings
            for jobs in (int(j) for j in args.jobs.split(",")):
                load = os.getloadavg()[0]
                elapsed, cpu, report, code = run(root, jobs)
                reports[jobs] = report
                times.setdefault(jobs, []).append(elapsed)
                print(
                    f"round {round_} --jobs {jobs}: {elapsed:6.2f} s wall, {args.files / elapsed:7.1f} files/s, "
                    f"{words / elapsed:9,.0f} words/s; {cpu:6.2f} s CPU; {len(report.splitlines())} findings, "
                    f"exit {code}; load average before: {load:.1f}"
                )
        for jobs, walls in times.items():
            best, median = min(walls), statistics.median(walls)
            print(f"--jobs {jobs}: best {best:.2f} s ({words / best:,.0f} words/s), median {median:.2f} s ({words / median:,.0f} words/s)")
        if len(set(reports.values())) > 1:
            sys.exit("the reports differ between --jobs values (or the rule files changed during the run)")
        print("reports identical across --jobs values")


if __name__ == "__main__":
    main()
