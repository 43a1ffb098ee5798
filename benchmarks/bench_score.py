"""`transcheck score` against the `sacrebleu` command, side by side, as whole processes.

Builds SEGMENTS (default 100,000) hypothesis/reference lines at run time from the WMT21 and
WMT22 de-en system outputs and references in ../shared/wmt (every system output of both sets,
then cycled; never copied into this repository), then runs, one after the other in one run:

* ``sacrebleu REF -i HYP -m bleu chrf ter -w 4 -f json`` (sacrebleu from the benchmark's own
  venv ``benchmarks/.venv-peers``, created if absent, with the project's sacrebleu version);
* ``transcheck score HYP -r REF -m bleu,chrf,ter --bootstrap 0 -f json`` (no CIs, like the
  sacrebleu command without ``--confidence``; JSON, which holds every segment's sentence
  scores and texts besides the corpus scores, so transcheck does more work than sacrebleu).

For each: wall time, CPU time (user + system of the process and every process it started,
from ``os.wait4``) and peak memory — the largest sum of the resident sets of the process and
all its descendants, sampled every 50 ms from /proc (transcheck's worker processes count in
full, shared pages included) — and transcheck's ratio to sacrebleu. It checks that both
report the same BLEU, chrF2 and TER (sacrebleu's 4 decimals).

The machine is shared: figures are noisy and only the side-by-side ratio means much.
Measured 2026-11-30 on the project's 2-core machine, very busy (load average 11-15 from other
sessions throughout, so each process got a fraction of a core), sacrebleu 2.6.0,
``--jobs 2`` (the default: all cores). A side-by-side run of 100,000 lines did not fit in the
time left on the busy machine, so the side-by-side run is on 20,000 lines:

    $ .venv/bin/python benchmarks/bench_score.py --segments 20000
    20,000 segment pairs from wmt21-newstest2021-deen, wmt22-generaltest2022-deen; load average 11.7 at start
    same scores: bleu 33.7458, chrf 61.7104, ter 51.336
    command         wall s     cpu s  peak MiB (tree)  largest process MiB
    sacrebleu        817.7     153.2             1042                 1042
    transcheck       253.7      59.7              237                   85
    ratio             0.31      0.39             0.23                 0.08

100,000 lines, one side at a time (the load changed between the runs, so the wall ratio is
not like for like; CPU and memory are):

    $ .venv/bin/python benchmarks/bench_score.py --only sacrebleu     # load average 2.5-4
    sacrebleu: wall 707.3 s, cpu 636.0 s, peak 4706 MiB (tree), largest process 4706 MiB
    $ .venv/bin/python benchmarks/bench_score.py --only transcheck    # load average 0.5-1.9
    transcheck: wall 133.3 s, cpu 251.4 s, peak 274 MiB (tree), largest process 121 MiB
    $ .venv/bin/python benchmarks/bench_score.py --only sacrebleu     # right after it, load 1.6-4
    sacrebleu: wall 662.7 s, cpu 625.4 s, peak 4706 MiB (tree), largest process 4706 MiB
    $ .venv/bin/python benchmarks/bench_score.py --only transcheck    # earlier, load 11 falling to 4
    transcheck: wall 841.8 s, cpu 332.9 s, peak 299 MiB (tree), largest process 132 MiB

Usage: .venv/bin/python benchmarks/bench_score.py [--segments 100000] [--jobs 2] [--only transcheck]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from importlib.metadata import version
from itertools import cycle, islice
from pathlib import Path

HERE = Path(__file__).resolve().parent
WMT = HERE.parents[1] / "shared" / "wmt"
SETS = ("wmt21-newstest2021-deen", "wmt22-generaltest2022-deen")
PEERS = HERE / ".venv-peers"
NAMES = {"BLEU": "bleu", "chrF2": "chrf", "TER": "ter"}


def _read(path: Path) -> list[str]:
    with open(path, encoding="utf-8", newline="\n") as handle:
        return [line.rstrip() for line in handle]


def pairs(count: int) -> tuple[list[str], list[str]]:
    """``count`` (hypothesis, reference) pairs cycling through every WMT21/22 system output."""
    chunks = []
    for name in SETS:
        folder = WMT / name
        ref = _read(folder / "ref.en")
        for hyp_file in sorted(folder.glob("hyp.*.en")):
            chunks.append(list(zip(_read(hyp_file), ref)))
    rows = list(islice(cycle(row for chunk in chunks for row in chunk), count))
    return [h for h, _ in rows], [r for _, r in rows]


def peer_sacrebleu() -> Path:
    """The `sacrebleu` command of benchmarks/.venv-peers, installed there if missing."""
    command = PEERS / "bin" / "sacrebleu"
    if not command.exists():
        if not (PEERS / "bin" / "python").exists():
            subprocess.run([sys.executable, "-m", "venv", str(PEERS)], check=True)
        subprocess.run([str(PEERS / "bin" / "pip"), "install", "-q", f"sacrebleu=={version('sacrebleu')}"], check=True)
    return command


def _tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants (from /proc)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        rss[int(entry.name)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, frontier = 0, [pid]
    while frontier:
        current = frontier.pop()
        total += rss.get(current, 0)
        frontier.extend(child for child, parent in parents.items() if parent == current)
    return total


def measure(command: list[str], cwd: Path) -> dict:
    """Run ``command``; wall s, CPU s (with its children), peak tree RSS in MiB, and stdout."""
    out_path = cwd / f"out.{Path(command[0]).name}.json"
    err_path = out_path.with_suffix(".err")
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err)
        peak = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, _tree_rss(proc.pid))
                done.wait(0.05)

        sampler = threading.Thread(target=sample)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        done.set()
        sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"bench_score: {command[0]} failed ({proc.returncode}): {err_path.read_text()[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": peak / 2**20,
            "max_rss_one": usage.ru_maxrss / 1024, "out": out_path.read_text(encoding="utf-8")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=None, help="transcheck's --jobs (default: all cores)")
    parser.add_argument("--only", choices=("sacrebleu", "transcheck"), help="run one side only (no ratios)")
    args = parser.parse_args()
    if not WMT.is_dir():
        sys.exit(f"bench_score: {WMT} is absent")
    sacrebleu = peer_sacrebleu()
    transcheck = Path(sys.executable).parent / "transcheck"
    hyps, refs = pairs(args.segments)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "hyp.txt").write_text("\n".join(hyps) + "\n", encoding="utf-8")
        (folder / "ref.txt").write_text("\n".join(refs) + "\n", encoding="utf-8")
        del hyps, refs
        jobs = ["--jobs", str(args.jobs)] if args.jobs else []
        commands = {
            "sacrebleu": [str(sacrebleu), "ref.txt", "-i", "hyp.txt", "-m", "bleu", "chrf", "ter", "-w", "4", "-f", "json"],
            "transcheck": [str(transcheck), "score", "hyp.txt", "-r", "ref.txt", "-m", "bleu,chrf,ter",
                           "--bootstrap", "0", "-f", "json", *jobs],
        }
        print(f"{args.segments:,} segment pairs from {', '.join(SETS)}; load average {os.getloadavg()[0]:.1f} at start")
        results = {}
        for name, command in commands.items():
            if args.only not in (None, name):
                continue
            results[name] = measure(command, folder)
            print(f"  {name}: done, load average {os.getloadavg()[0]:.1f}", flush=True)
    if args.only:
        r = results[args.only]
        print(f"{args.only}: wall {r['wall']:.1f} s, cpu {r['cpu']:.1f} s, peak {r['rss']:.0f} MiB (tree), "
              f"largest process {r['max_rss_one']:.0f} MiB")
        return
    theirs = {NAMES[item["name"]]: item["score"] for item in json.loads(results["sacrebleu"]["out"])}
    scores = json.loads(results["transcheck"]["out"])["systems"][0]["scores"]
    ours = {key: round(scores[key]["score"], 4) for key in theirs}
    assert ours == theirs, (ours, theirs)
    print(f"same scores: {', '.join(f'{k} {v}' for k, v in theirs.items())}")
    print(f"{'command':<12} {'wall s':>9} {'cpu s':>9} {'peak MiB (tree)':>16} {'largest process MiB':>20}")
    for name, r in results.items():
        print(f"{name:<12} {r['wall']:>9.1f} {r['cpu']:>9.1f} {r['rss']:>16.0f} {r['max_rss_one']:>20.0f}")
    s, t = results["sacrebleu"], results["transcheck"]
    print(f"{'ratio':<12} {t['wall'] / s['wall']:>9.2f} {t['cpu'] / s['cpu']:>9.2f} {t['rss'] / s['rss']:>16.2f} "
          f"{t['max_rss_one'] / s['max_rss_one']:>20.2f}")


if __name__ == "__main__":
    main()
