"""Text without line breaks: whole processes on the same WMT segments one a line and joined
into a single line, at two sizes, transcheck side by side with proselint 0.16.

A rule reads a bounded stretch of a line around each match (``context.line_around``), so the
time on one long line grows with its length, as on lines of prose; before, each match read
its whole line and a file saved as one line took time growing with the square of its
length. ``--before SRC`` times another version (its ``src`` folder, rules beside it) in the
same loop. Figures: wall time and words per second of each run; the last column is the
time at the larger size over the time at the smaller one (linear: about the size ratio).

    .venv/bin/python benchmarks/bench_long_lines.py [--words 40000] [--before /tmp/old/src]

Measured 2026-12-01 10:42 (quiet machine, load 1.0), ``--words 80000 --before`` the code of
217b08f: one line of 80,000 / 160,000 words 6.52 s / 12.97 s (growth 2.0×), before 10.46 s /
28.75 s (2.7×; a 300,000-word line took 275 s, now 27 s); the same words one segment a line
1.15 s / 1.99 s, before 1.19 s / 2.03 s; proselint 0.95 s / 1.79 s either way.
2026-12-01 17:35, ``--before`` the code of 475ee97: one line 1.55 s / 2.74 s, before 5.39 s /
10.74 s (a line over 20,000 characters is scanned a few sentences around each hit,
``passages.window``); lines 1.13 s / 1.95 s; proselint 0.98 s / 1.80 s.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from bench_check import build_corpus
from bench_startup import TRANSCHECK, add_before_option, before_env, timed
from peers import proselint, uncapped_config


def write_texts(folder: Path, words: int) -> dict[str, Path]:
    """The corpus cut to ``words`` words: one segment a line, and all on one line."""
    segments, count = [], 0
    for article in build_corpus(words):
        for line in article.splitlines():
            if count >= words:
                break
            segments.append(line)
            count += len(line.split())
    lines, single = folder / f"lines-{words}.txt", folder / f"one-line-{words}.txt"
    lines.write_text("\n".join(segments) + "\n", encoding="utf-8")
    single.write_text(" ".join(s.strip() for s in segments if s.strip()) + "\n", encoding="utf-8")
    return {"lines": lines, "one line": single}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=40_000, help="the smaller size; the larger is twice it")
    add_before_option(parser)
    args = parser.parse_args()
    peer = proselint()
    with tempfile.TemporaryDirectory(prefix="bench-long-lines-") as tmp:
        env = {**os.environ, "TRANSCHECK_CACHE_DIR": str(Path(tmp) / "cache"), "NO_COLOR": "1"}
        config = uncapped_config(Path(tmp))
        tools = {"transcheck": (TRANSCHECK + ["check", "-f", "json", "-o", os.devnull], env),
                 "proselint": ([str(peer), "--config", str(config), "--output-format", "json", "check"], env)}
        if args.before:
            tools["before"] = (TRANSCHECK + ["check", "-f", "json", "-o", os.devnull], before_env(env, args.before, Path(tmp) / "before"))
        sizes = (args.words, 2 * args.words)
        texts = {size: write_texts(Path(tmp), size) for size in sizes}
        for command, tool_env in tools.values():  # untimed: warm the caches
            timed(command + [str(texts[sizes[0]]["lines"])], tool_env)
        print(f"{'tool':11} {'layout':9} " + " ".join(f"{f'{s:,} words':>22}" for s in sizes) + f" {'growth':>7}")
        for name, (command, tool_env) in tools.items():
            for layout in ("lines", "one line"):
                walls = [timed(command + [str(texts[s][layout])], tool_env)[0] for s in sizes]
                cells = " ".join(f"{w:8.2f} s {s / w:9,.0f} w/s" for s, w in zip(sizes, walls))
                print(f"{name:11} {layout:9} {cells} {walls[1] / walls[0]:6.1f}×")
    print(f"load average: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
