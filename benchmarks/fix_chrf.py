"""chrF of the Putin–Biden draft before and after `transcheck fix`, against the post-edited reference.

Two measurements, both with sacrebleu's default chrF2 (case-sensitive, nc=6, nw=0):

* whole text: each article as one segment (runs of whitespace joined to one space), so that
  deleted boilerplate counts (it lowers the draft's precision);
* aligned: `transcheck score --align` (sentence-split and aligned; unaligned segments such as
  boilerplate are left out, so this measures the in-sentence fixes only).

Usage: .venv/bin/python benchmarks/fix_chrf.py

Measured (2026-11-28, rules at commit 2d49c15; the fix applies 18 safe fixes):

    draft  whole-text chrF2  79.58   aligned chrF2  76.89 (41 segments)   chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0
    fixed  whole-text chrF2  80.12   aligned chrF2  77.04 (41 segments)   chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0

With --unsafe-fixes as well (21 fixes): whole-text 80.35, aligned 77.35. The gain is small
because the reference also rewrites every calque and much of the wording, and uses straight
quotes where the draft (and the fix) use curly ones.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import sacrebleu

ROOT = Path(__file__).resolve().parents[1]
REF = ROOT.parent / "shared" / "corpus" / "putin-biden.ref.en.txt"
TEXTS = {"draft": ROOT / "samples" / "putin-biden.mt.en.txt", "fixed": ROOT / "samples" / "putin-biden.fixed.en.txt"}


def whole_text(path: Path, ref: str) -> float:
    hyp = " ".join(path.read_text(encoding="utf-8").split())
    return sacrebleu.corpus_chrf([hyp], [[" ".join(ref.split())]]).score


def aligned(path: Path) -> tuple[float, int, str]:
    proc = subprocess.run(
        [sys.executable, "-m", "transcheck", "score", str(path), "--ref", str(REF), "--align", "-m", "chrf", "-f", "json"],
        capture_output=True, check=True, cwd=ROOT,
    )
    system = json.loads(proc.stdout)["systems"][0]
    chrf = system["scores"]["chrf"]
    return chrf["score"], system["segments_scored"], chrf["signature"]


def main() -> None:
    ref = REF.read_text(encoding="utf-8")
    for name, path in TEXTS.items():
        score, segments, signature = aligned(path)
        print(f"{name:5}  whole-text chrF2 {whole_text(path, ref):6.2f}   aligned chrF2 {score:6.2f} "
              f"({segments} segments)   {signature}")


if __name__ == "__main__":
    main()
