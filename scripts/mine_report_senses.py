#!/usr/bin/env python3
r"""Evidence for the genre-sense lexicon (rule TC416, rules/lexicons/calques-genres-reports.yaml).

Mechanism: in a German report of a recurring genre (police and fire brigade, weather,
football, corona, rail), a polysemous genre word is rendered by its everyday English
sense (Streife "stripe", Gäste "guests", Sturmflut "storm flood"). Each lexicon entry
names the German word; this script prints what the resources say about it:

    # per entry: the German Wiktionary translations of its German nouns (the shipped
    # 2018 extract), and its WMT21-23 hits with the rule's context and unless applied:
    # system-output lines (systems; lines whose aligned German source holds the German
    # word) against human-reference lines
    .venv/bin/python scripts/mine_report_senses.py audit [SHARED]
    # every hit on the WMT human references, to read (a hit there is a false positive
    # unless the reference itself is German-shaped)
    .venv/bin/python scripts/mine_report_senses.py refs [SHARED]
    # source-conditioned renderings: for German source lines matching REGEX, the
    # English n-grams (1-3 words) systems write that the references of those lines do
    # not, to find a genre word's literal renderings
    .venv/bin/python scripts/mine_report_senses.py renderings REGEX [SHARED]
    # after editing the lexicon: write each \s outside look-arounds of its patterns as
    # [ \t\xa0], so that no entry can span a line break (each runs on its lines only)
    .venv/bin/python scripts/mine_report_senses.py spaces

SHARED defaults to ../shared next to the repository. WMT text is read here only; the
lexicon stores phrases and the counts noted in its comments, never WMT sentences.
"""

from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

from build_genre_senses import line_spaces  # scripts/ is on sys.path when run as a script
from transcheck.documents import Document
from transcheck.engine import check
from transcheck.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
WIKTIONARY = ROOT / "src" / "transcheck" / "data" / "calques" / "wiktionary-de-en-nouns.tsv"
LEXICON = ROOT / "rules" / "lexicons" / "calques-genres-reports.yaml"
RULE = "TC416"
PATTERN_LINE = re.compile(r"^(  - pattern: ')(.*)(')$")
GERMAN = re.compile(r"German: (.*?)\)?\.?$")
WORD = re.compile(r"[a-z]+(?:['’-][a-z]+)*")


def german_words(detail: str) -> list[str]:
    """The German words of an entry's `german` field (capitalised nouns and the rest)."""
    return re.findall(r"[^\W\d_]{4,}", detail)


def source_holds(words: list[str], source_line: str) -> bool:
    """Does the German source line hold (the stem of) one of the entry's German words?"""
    line = source_line.lower()
    stems = {w.lower()[:5] for w in words} | {w.lower()[-6:] for w in words if len(w) > 7}
    return any(stem in line for stem in stems)


def wmt_sets(shared: Path):
    """(set name, source lines, {system: lines}, [reference lines files])."""
    for folder in sorted(shared.glob("wmt/*-deen")):
        source = (folder / "source.de").read_text(encoding="utf-8").split("\n")
        hyps = {p.name[4:-3]: p.read_text(encoding="utf-8") for p in sorted(folder.glob("hyp.*.en"))}
        refs = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("ref*.en"))}
        yield folder.name[:5], source, hyps, refs


def hits(rules, text: str):
    """(line index, German detail, matched text, line) of each TC416 finding in a WMT file."""
    lines = text.split("\n")
    for f in check(Document.from_text("wmt.en", text), rules, "en-US"):
        m = GERMAN.search(f.message)
        yield f.line - 1, (m.group(1) if m else "?"), text[f.start : f.end], lines[f.line - 1]


def audit(shared: Path) -> None:
    """Per German entry: Wiktionary senses, WMT output hits (with the German in the source), reference hits."""
    rules = load_rules().select([RULE])
    out: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    systems: dict[str, set] = collections.defaultdict(set)
    for name, source, hyps, refs in wmt_sets(shared):
        for system, text in hyps.items():
            for i, german, _, _ in hits(rules, text):
                out[german]["hyp"] += 1
                out[german]["hyp_src"] += source_holds(german_words(german), source[i])
                systems[german].add(f"{name}/{system}")
        for text in refs.values():
            for _, german, _, _ in hits(rules, text):
                out[german]["ref"] += 1
    wikt = wiktionary()
    for german in sorted(out, key=lambda g: -out[g]["hyp"]):
        c = out[german]
        senses = "; ".join(f"{w} = {wikt[w]}" for w in german_words(german) if w in wikt)
        print(f"{german}\tWMT21-23 {len(systems[german])} systems {c['hyp']}x ({c['hyp_src']} with the German), refs {c['ref']}x\t{senses}")


def refs_report(shared: Path) -> None:
    """Every TC416 hit on the human references, with its line."""
    rules = load_rules().select([RULE])
    for name, _, _, refs in wmt_sets(shared):
        for ref, text in refs.items():
            for i, german, found, line in hits(rules, text):
                print(f"{name} {ref}:{i + 1} [{found}] ({german}) {line[:200]}")


def renderings(pattern: str, shared: Path, top: int = 40) -> None:
    """English n-grams that systems write, and references do not, where the source matches."""
    regex = re.compile(pattern)
    in_hyp: collections.Counter = collections.Counter()
    in_ref: collections.Counter = collections.Counter()
    segments = 0
    for _, source, hyps, refs in wmt_sets(shared):
        hyp_lines = {s: t.split("\n") for s, t in hyps.items()}
        ref_lines = [t.split("\n") for t in refs.values()]
        for i, line in enumerate(source):
            if not regex.search(line):
                continue
            segments += 1
            ref_grams = set().union(*(ngrams(r[i]) for r in ref_lines))
            in_ref.update(ref_grams)
            for lines in hyp_lines.values():
                in_hyp.update(ngrams(lines[i]) - ref_grams)
    print(f"{segments} source segments match {pattern!r}")
    for gram, n in in_hyp.most_common(top):
        print(f"{n}\t{gram}")


def ngrams(line: str) -> set[str]:
    words = WORD.findall(line.lower())
    return {" ".join(words[i : i + n]) for n in (1, 2, 3) for i in range(len(words) - n + 1)}


def wiktionary() -> dict[str, str]:
    """German noun -> its English translations (senses separated by ';')."""
    out = {}
    for line in WIKTIONARY.read_text(encoding="utf-8").splitlines():
        noun, _, english = line.partition("\t")
        if english:
            out[noun] = english
    return out


def spaces() -> None:
    """Rewrite the lexicon's `pattern:` lines with line_spaces (idempotent)."""
    lines = LEXICON.read_text(encoding="utf-8").split("\n")
    for n, line in enumerate(lines):
        m = PATTERN_LINE.match(line)
        if m:
            body = line_spaces(m.group(2).replace("''", "'"))
            lines[n] = m.group(1) + body.replace("'", "''") + m.group(3)
    LEXICON.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in {"audit", "refs", "renderings", "spaces"}:
        sys.exit(__doc__)
    if argv[0] == "spaces":
        spaces()
        return
    if argv[0] == "renderings":
        renderings(argv[1], Path(argv[2]) if len(argv) > 2 else SHARED)
        return
    shared = Path(argv[1]) if len(argv) > 1 else SHARED
    (audit if argv[0] == "audit" else refs_report)(shared)


if __name__ == "__main__":
    main(sys.argv[1:])
