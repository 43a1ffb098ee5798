"""Overhead of `transcheck score` over plain sacrebleu on 100,000 segment pairs.

The pairs are WMT21/WMT22 de-en system outputs and references from ../shared/wmt, read at run
time and repeated up to the requested count (never copied into this repository).

Times are CPU seconds (user + system, children included), not wall time, so that other work
on a shared machine does not skew the ratio. Two comparisons, each printed with the ratio
transcheck / sacrebleu:

* API: ``Metric().corpus_score(hyps, [refs])`` per metric (plain sacrebleu) against
  transcheck's ``build_metrics`` + ``score_system`` (corpus score, signature and every sentence
  score), and with the 1,000-sample bootstrap CI (sacrebleu: ``n_bootstrap=1000``) on 10,000
  pairs (sacrebleu materialises all resamples: gigabytes at 100,000).
* CLI: the ``sacrebleu`` command against ``transcheck score`` on the same files (process start,
  reading, scoring, report), text output with the 5 worst segments.

Measured 2026-11-28 on the 2-core machine (sacrebleu 2.6.0, a busy machine, hence CPU time):

    100,000 segment pairs from wmt21-newstest2021-deen, wmt22-generaltest2022-deen
    comparison                                          sacrebleu cpu s transcheck cpu s   ratio
    API bleu                                                       9.54             9.85   1.033
    API chrf                                                      32.23            30.30   0.940
    API chrf++                                                    35.42            36.61   1.034
    API ter                                                      391.52           395.33   1.010
    API bleu+chrf, CI (1000 resamples, 10,000 pairs)               8.23             6.17   0.749
    CLI bleu+chrf (process, read, score, report)                  47.05            47.20   1.003
    API, all metrics without CI                                  468.70           472.09   1.007

Usage: .venv/bin/python benchmarks/bench_score.py [--segments 100000] [--metrics bleu,chrf,chrf++,ter]
       [--cli-metrics bleu,chrf]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

from sacrebleu.metrics import BLEU, CHRF, TER

from transcheck.scoring import ScoreOptions, build_metrics, score_system

WMT = Path(__file__).resolve().parents[2] / "shared" / "wmt"
SETS = ("wmt21-newstest2021-deen", "wmt22-generaltest2022-deen")
PLAIN = {"bleu": BLEU, "chrf": CHRF, "chrf++": lambda: CHRF(word_order=2), "ter": TER}


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


def _cpu() -> float:
    """CPU seconds of this process and its finished children (robust to a busy machine)."""
    own = time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own + children.ru_utime + children.ru_stime


def timed(fn) -> tuple[float, object]:
    start = _cpu()
    value = fn()
    return _cpu() - start, value


def api(hyps: list[str], refs: list[str], metrics: tuple[str, ...], bootstrap: int) -> tuple[float, float]:
    """Seconds for plain sacrebleu and for transcheck's scoring, checking the scores agree."""
    def plain():
        return {k: PLAIN[k]().corpus_score(hyps, [refs], n_bootstrap=max(bootstrap, 1)).score for k in metrics}

    def ours():
        options = ScoreOptions(metrics=metrics, bootstrap=bootstrap)
        result, _ = score_system("bench", hyps, build_metrics(options, [refs]), options)
        return {k: s.score for k, s in result.scores.items()}

    t_plain, plain_scores = timed(plain)
    t_ours, our_scores = timed(ours)
    assert plain_scores == our_scores, (plain_scores, our_scores)
    return t_plain, t_ours


def cli(hyps: list[str], refs: list[str], metrics: tuple[str, ...]) -> tuple[float, float]:
    bindir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as tmp:
        hyp, ref = Path(tmp, "hyp.txt"), Path(tmp, "ref.txt")
        hyp.write_text("\n".join(hyps) + "\n", encoding="utf-8")
        ref.write_text("\n".join(refs) + "\n", encoding="utf-8")
        theirs = [str(bindir / "sacrebleu"), str(ref), "-i", str(hyp), "-m", *metrics]
        ours = [str(bindir / "transcheck"), "score", str(hyp), "-r", str(ref), "-m", ",".join(metrics),
                "--bootstrap", "0", "--worst", "5"]
        t_plain, _ = timed(lambda: subprocess.run(theirs, check=True, capture_output=True))
        t_ours, _ = timed(lambda: subprocess.run(ours, check=True, capture_output=True))
    return t_plain, t_ours


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=100_000)
    parser.add_argument("--metrics", default="bleu,chrf,chrf++,ter")
    parser.add_argument("--cli-metrics", default="bleu,chrf")
    parser.add_argument("--bootstrap-metrics", default="bleu,chrf")
    parser.add_argument("--bootstrap-segments", type=int, default=10_000,
                        help="pairs for the CI row: sacrebleu holds every resample in memory (GBs at 100,000)")
    args = parser.parse_args()
    if not WMT.is_dir():
        sys.exit(f"bench_score: {WMT} is absent")
    hyps, refs = pairs(args.segments)
    print(f"{len(hyps):,} segment pairs from {', '.join(SETS)}")
    print(f"{'comparison':<50} {'sacrebleu cpu s':>16} {'transcheck cpu s':>16} {'ratio':>7}")
    rows = [(f"API {m}", lambda m=m: api(hyps, refs, (m,), 0)) for m in args.metrics.split(",")]
    boot = tuple(args.bootstrap_metrics.split(","))
    n_boot = min(args.bootstrap_segments, len(hyps))
    rows.append((f"API {'+'.join(boot)}, CI (1000 resamples, {n_boot:,} pairs)",
                 lambda: api(hyps[:n_boot], refs[:n_boot], boot, 1000)))
    cli_metrics = tuple(args.cli_metrics.split(","))
    rows.append((f"CLI {'+'.join(cli_metrics)} (process, read, score, report)", lambda: cli(hyps, refs, cli_metrics)))
    total_plain = total_ours = 0.0
    for label, run in rows:
        t_plain, t_ours = run()
        if label.startswith("API") and "CI" not in label:
            total_plain, total_ours = total_plain + t_plain, total_ours + t_ours
        print(f"{label:<50} {t_plain:>16.2f} {t_ours:>16.2f} {t_ours / t_plain:>7.3f}", flush=True)
    print(f"{'API, all metrics without CI':<50} {total_plain:>16.2f} {total_ours:>16.2f} {total_ours / total_plain:>7.3f}")


if __name__ == "__main__":
    main()
