"""Benchmark: `transcheck check` on 50,000 PO units side by side with translate-toolkit's `pofilter`.

The PO file is built at run time from the WMT German sources and English system outputs in
../shared/wmt (never copied into the project): each unit's msgid is a German source line,
its msgstr one system's English line, its msgctxt the system and line number. Both tools
run in one process each, one core, on the same file; wall-clock and CPU seconds are
reported. Each tool first runs once, untimed, on a 10-unit file, so transcheck's caches
(rules, word tables, language model) are filled as on any run after a user's first, and
both find their files in the page cache. Usage: python benchmarks/bench_formats.py
[--units 50000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WMT = Path(__file__).resolve().parents[2] / "shared" / "wmt"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t") + '"'


def build_po(path: Path, units: int) -> int:
    """Write ``units`` PO entries from the WMT sets; returns the number of English words."""
    out = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    words = n = 0
    while n < units:
        for folder in sorted(p for p in WMT.iterdir() if p.is_dir()):
            source = (folder / "source.de").read_text(encoding="utf-8").split("\n")
            for hyp in sorted(folder.glob("hyp.*.en")):
                for i, (de, en) in enumerate(zip(source, hyp.read_text(encoding="utf-8").split("\n"))):
                    if not de.strip() or not en.strip():
                        continue
                    out += [f"msgctxt {_quote(f'{hyp.name}:{i + 1}:{n}')}", f"msgid {_quote(de)}", f"msgstr {_quote(en)}", ""]
                    words += len(en.split())
                    n += 1
                    if n == units:
                        path.write_text("\n".join(out), encoding="utf-8")
                        return words
    raise AssertionError("unreachable")


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system of the child) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _load() -> str:
    """The 1-minute load average: other work on the machine slows both tools."""
    return f"{os.getloadavg()[0]:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=int, default=50_000)
    parser.add_argument("--keep", help="keep the built PO file in this folder")
    args = parser.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="bench-formats-"))
    folder.mkdir(parents=True, exist_ok=True)
    po = folder / "wmt.po"
    words = build_po(po, args.units)
    warm = folder / "warm.po"
    build_po(warm, 10)
    bin_dir = Path(sys.executable).parent

    def transcheck(path: Path) -> list[str]:
        return [sys.executable, "-m", "transcheck", "check", "--select", "bilingual", "--jobs", "1", "--isolated",
                "-f", "json", "-o", str(folder / "report.json"), str(path)]

    def pofilter(path: Path) -> list[str]:
        return [str(bin_dir / "pofilter"), "--progress=none", str(path), str(folder / "pofilter.po")]

    load = _load()
    timed(transcheck(warm))
    timed(pofilter(warm))
    ours = timed(transcheck(po))
    theirs = timed(pofilter(po))
    print(f"{args.units:,} PO units, {words:,} English words; load average {load} before, {_load()} after")
    print(f"transcheck check --select bilingual (12 checks), --jobs 1:   {ours[0]:.1f} s wall, {ours[1]:.1f} s CPU")
    print(f"pofilter (translate-toolkit, default checks):               {theirs[0]:.1f} s wall, {theirs[1]:.1f} s CPU")
    print(f"transcheck is {theirs[0] / ours[0]:.1f}x faster (wall), {theirs[1] / ours[1]:.1f}x (CPU)")
    if not args.keep:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
