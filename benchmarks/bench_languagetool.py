"""LanguageTool throughput: words per second, cold (empty cache) and warm (everything cached).

The corpus is built at run time from the WMT German-English test sets in ../shared/wmt:
every ref.en, then system outputs (hyp.*.en), each segment once, until at least 100,000
words; each segment is a paragraph, 50 segments make a document. The server is started
and warmed up before timing. Run:

    .venv/bin/python benchmarks/bench_languagetool.py [--workers 2] [--words 100000]

Measured 2026-11-28 (2 cores, 24 GiB, -Xmx2g; the machine shared with other jobs, load 5-10):

    corpus: 110680 words, 5335 paragraphs, 107 documents; LanguageTool 6.8
    cold:     97.8 s        1132 words/s  (534 findings, 113 requests, 2 workers)
    warm:     0.39 s      283554 words/s  (534 findings, 0 requests)
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from transcheck.documents import Document
from transcheck.languagetool.install import LT_VERSION, install
from transcheck.languagetool.runner import LTSettings, languagetool_findings
from transcheck.languagetool.server import LocalServer

WMT = Path(__file__).resolve().parents[2] / "shared" / "wmt"


def corpus(min_words: int) -> list[Document]:
    """Unique WMT segments (references first) until ``min_words``, as 50-paragraph documents."""
    files = sorted(WMT.glob("*/ref.en")) + sorted(WMT.glob("*/hyp.*.en"))
    seen: set[str] = set()
    segments: list[str] = []
    words = 0
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and line not in seen:
                seen.add(line)
                segments.append(line)
                words += len(line.split())
        if words >= min_words:
            break
    return [
        Document.from_text(f"wmt-{i // 50:04d}.txt", "\n\n".join(segments[i : i + 50]) + "\n")
        for i in range(0, len(segments), 50)
    ]


def timed(documents: list[Document], settings: LTSettings) -> tuple[float, int]:
    start = time.perf_counter()
    findings = languagetool_findings(documents, settings)
    return time.perf_counter() - start, len(findings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--words", type=int, default=100_000)
    args = parser.parse_args()
    install()
    documents = corpus(args.words)
    words = sum(d.word_count for d in documents)
    paragraphs = sum(d.text.count("\n\n") + 1 for d in documents)
    print(f"corpus: {words} words, {paragraphs} paragraphs, {len(documents)} documents; LanguageTool {LT_VERSION}")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    with tempfile.TemporaryDirectory() as tmp, LocalServer() as server:
        cache = Path(tmp) / "lt.sqlite3"
        languagetool_findings([Document.from_text("warm-up", "He go home.\n")], LTSettings(url=server.url, use_cache=False))
        cold = LTSettings(url=server.url, cache_path=cache, workers=args.workers)
        cold_s, n = timed(documents, cold)
        print(f"cold: {cold_s:8.1f} s  {words / cold_s:10.0f} words/s  ({n} findings, {cold.stats['requests']} requests, "
              f"{args.workers} workers)")
        warm = LTSettings(url=server.url, cache_path=cache, workers=args.workers)
        warm_s, n2 = timed(documents, warm)
        assert n2 == n and warm.stats["requests"] == 0, "warm run must be served from the cache"
        print(f"warm: {warm_s:8.2f} s  {words / warm_s:10.0f} words/s  ({n2} findings, 0 requests)")


if __name__ == "__main__":
    main()
