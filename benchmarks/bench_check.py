"""Benchmark the rule engine: words per second on one core, peak memory, time per rule.

The corpus (at least 1,000,000 words) is built at run time from the WMT system outputs
and references in ../shared/wmt (never copied into the repository), grouped into
articles of about 600 words, the size of a news article.

    .venv/bin/python benchmarks/bench_check.py [--words 1000000] [--all-rules]

Measured 2026-11-28 on the project's 2-core machine (quiet, load < 1): 1,540 articles,
1,000,032 words, 66 rules: 6.42 s wall, 6.49 s CPU = 154,108 words per CPU second,
4,338 findings, peak RSS 253 MiB. Top rules: TC406 9 %, TC405 8 %, TC501 8 %, TC407 6 %.
2026-11-30, 138 rules, ``--words 200000`` (319 articles), load 4.5: 4.54 s CPU = 44,045 words
per CPU second (7.5 s, 26,500 words/s before the batched tagger and the conjunctive literal
prefilter), 1,853 findings either way; top rules TC703 8 %, TC314 6 %, TC310 5 %, TC313 5 %.
"""

from __future__ import annotations

import argparse
import resource
import time
from collections import defaultdict
from pathlib import Path

from transcheck.context import Context
from transcheck.documents import Document
from transcheck.engine import check, run_rule
from transcheck.rules import load_rules

WMT = Path(__file__).resolve().parents[2] / "shared" / "wmt"


def build_corpus(min_words: int, article_words: int = 600) -> list[str]:
    """Articles of paragraphs (3 lines each), cycling through every WMT English file."""
    lines = [line for path in sorted(WMT.glob("*/*.en")) for line in path.read_text(encoding="utf-8").splitlines()]
    articles, current, count, total, i = [], [], 0, 0, 0
    while total < min_words:
        paragraph = " ".join(lines[i % len(lines)] for i in range(i, i + 3))
        i += 3
        current.append(paragraph)
        words = len(paragraph.split())
        count += words
        total += words
        if count >= article_words:
            articles.append("\n\n".join(current) + "\n")
            current, count = [], 0
    if current:
        articles.append("\n\n".join(current) + "\n")
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--all-rules", action="store_true", help="list the time of every rule")
    args = parser.parse_args()
    if not WMT.is_dir():
        raise SystemExit(f"{WMT} not found: the benchmark reads the WMT files from ../shared/wmt")

    articles = build_corpus(args.words)
    words = sum(len(a.split()) for a in articles)
    start = time.perf_counter()
    ruleset = load_rules()
    documents = [Document.from_text(f"article-{n}", text) for n, text in enumerate(articles)]
    check(documents[0], ruleset)  # load word-frequency tables and language identification once
    warm = time.perf_counter() - start

    start, cpu_start = time.perf_counter(), time.process_time()
    findings = sum(len(check(doc, ruleset)) for doc in documents)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"corpus: {len(articles):,} articles, {words:,} words, {sum(map(len, articles)) / 1e6:.1f} M characters")
    print(f"rules: {len(ruleset)} (loading rules and tables: {warm:.2f} s)")
    print(f"check: {elapsed:.2f} s wall, {cpu:.2f} s CPU on one core = {words / cpu:,.0f} words per CPU second, {findings:,} findings")
    print(f"peak memory (max RSS): {peak_mib:,.0f} MiB")
    limit = 10 if not args.all_rules else None
    print("time per rule:")
    for rule_id, seconds in _per_rule(ruleset, documents)[:limit]:
        print(f"  {rule_id:<8} {seconds:6.3f} s  {100 * seconds / elapsed:5.1f} %")


def _per_rule(ruleset, documents) -> list[tuple[str, float]]:
    spent: dict[str, float] = defaultdict(float)
    for doc in documents:
        ctx = Context(doc)
        for rule in ruleset:
            t = time.perf_counter()
            run_rule(rule, ctx)
            spent[rule.spec.id] += time.perf_counter() - t
    return sorted(spent.items(), key=lambda kv: -kv[1])


if __name__ == "__main__":
    main()
