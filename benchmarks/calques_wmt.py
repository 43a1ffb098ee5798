"""Calque rules (family 'calques') on the WMT de-en test sets and the annotated sample.

Human references (ref*.en) are professional English: their hits are mostly false
positives. System outputs (hyp.*.en) give the recall signal. Prints hits per 1,000 words
per file kind and rule, and which calque annotations of the sample article are found.

    .venv/bin/python benchmarks/calques_wmt.py [/work/shared] [--show ref|hyp]
    .venv/bin/python benchmarks/calques_wmt.py [/work/shared] --audit [LEXICON]

--audit prints, for each entry of a phrases lexicon (default calques-news), how many WMT
system-output lines match it (and how many systems, and how many of those lines have the
entry's German in the aligned source) and how many reference lines do: the evidence noted
in rules/lexicons/calques-news.yaml (entry conditions `unless`/`context` are not applied).

Printed at commit "TC403: vorsehen as 'foresee'" (382 lexicon entries, rules TC401-TC409):

    ref: 129,052 words, 83 hits, 0.643 per 1,000 words (TC403:1, TC405:15, TC407:30, TC408:6, TC409:31)
    hyp: 958,774 words, 1155 hits, 1.205 per 1,000 words (TC401:6, TC402:6, TC403:32, TC405:62,
         TC406:29, TC407:224, TC408:110, TC409:686)
    hyp hits whose source line holds the entry's German word: 1127/1155
    sample: 8/8 calque annotations found

The WMT references are translations too: read with --show ref, almost all of their hits
are German-shaped phrasing ("said to the dpa", "since three weeks", "record champion");
without the style rule TC409 (corona compounds) they are 0.40 per 1,000 words.
"""

from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

from transcheck.documents import Document
from transcheck.engine import check
from transcheck.rules import load_rules

WORD = re.compile(r"\w+")
GERMAN = re.compile(r"German: ([^)]*)\)")


def source_supports(message: str, source_line: str) -> bool:
    """Does the aligned German source line contain (the stem of) the entry's German word?"""
    m = GERMAN.search(message)
    if not m:
        return False
    words = re.findall(r"[^\W\d_]{4,}", m.group(1))
    nouns = [w for w in words if w[0].isupper()]
    if nouns:  # a German noun or compound: its start or its head
        stems = {w.lower()[:5] for w in nouns} | {w.lower()[-6:] for w in nouns if len(w) > 7}
    else:  # a verb or adjective: the longest word's stem
        stems = {max(words, key=len).lower()[:5]} if words else set()
    line = source_line.lower()
    return any(stem in line for stem in stems)


def findings(rules, path: Path):
    text = path.read_text(encoding="utf-8")
    return text, check(Document.from_text(str(path), text), rules, "en-US")


def entry_regex(entry: dict) -> re.Pattern:
    """An entry of a phrases lexicon as the matcher bounds it (case-insensitive)."""
    body = entry.get("pattern") or r"\s+".join(re.escape(w) for w in entry["phrase"].split())
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def audit(shared: Path, lexicon: str) -> None:
    """Per entry: WMT system-output lines (systems, lines whose source holds the German) and reference lines."""
    import yaml

    from transcheck.rules.loader import builtin_rules_dir

    entries = yaml.safe_load((builtin_rules_dir() / "lexicons" / f"{lexicon}.yaml").read_text(encoding="utf-8"))["entries"]
    sets = []
    for folder in sorted(shared.glob("wmt/*-deen")):
        source = (folder / "source.de").read_text(encoding="utf-8").split("\n")
        hyps = {p.name: p.read_text(encoding="utf-8").split("\n") for p in sorted(folder.glob("hyp.*.en"))}
        refs = [line for p in sorted(folder.glob("ref*.en")) for line in p.read_text(encoding="utf-8").split("\n")]
        sets.append((folder.name[:5], source, hyps, refs))
    for entry in entries:
        regex, german = entry_regex(entry), f"(German: {entry.get('german', '')})"
        evidence = []
        for name, source, hyps, refs in sets:
            lines = [(system, i) for system, text in hyps.items() for i, line in enumerate(text) if regex.search(line)]
            supported = sum(source_supports(german, source[i]) for _, i in lines)
            in_refs = sum(1 for line in refs if regex.search(line))
            if lines or in_refs:
                evidence.append(f"{name} {len({s for s, _ in lines})} systems {len(lines)}x ({supported} with the German), refs {in_refs}x")
        print(f"{(entry.get('pattern') or entry['phrase'])[:50]!r} | {entry.get('german')} | {'; '.join(evidence) or 'none'}")


def main(argv: list[str]) -> None:
    shared = Path(argv[0]) if argv and not argv[0].startswith("--") else Path("/work/shared")
    if "--audit" in argv:
        rest = argv[argv.index("--audit") + 1 :]
        audit(shared, rest[0] if rest else "calques-news")
        return
    show = argv[argv.index("--show") + 1] if "--show" in argv else None
    rules = load_rules().select(["calques"])
    words: collections.Counter = collections.Counter()
    hits: dict[str, collections.Counter] = {"ref": collections.Counter(), "hyp": collections.Counter()}
    supported: collections.Counter = collections.Counter()
    for path in sorted(shared.glob("wmt/*/*.en")):
        kind = "ref" if path.name.startswith("ref") else "hyp"
        text, found = findings(rules, path)
        source = (path.parent / "source.de").read_text(encoding="utf-8").split("\n")
        words[kind] += len(WORD.findall(text))
        for f in found:
            hits[kind][f.rule] += 1
            if kind == "hyp" and source_supports(f.message, source[f.line - 1]):
                supported[f.rule] += 1
            if show == kind:
                line = text[text.rfind("\n", 0, f.start) + 1 : text.find("\n", f.end)]
                print(f"{kind} {path.parent.name[:5]} {f.rule} [{text[f.start:f.end]}] {line[:160]}")
    for kind in ("ref", "hyp"):
        total = sum(hits[kind].values())
        per_rule = ", ".join(f"{r}:{n}" for r, n in sorted(hits[kind].items()))
        print(f"{kind}: {words[kind]:,} words, {total} hits, {1000 * total / words[kind]:.3f} per 1,000 words ({per_rule})")
    per_rule = ", ".join(f"{r}:{supported[r]}/{n}" for r, n in sorted(hits["hyp"].items()))
    print(f"hyp hits whose source line holds the entry's German word: {sum(supported.values())}/{sum(hits['hyp'].values())} ({per_rule})")
    sample = shared / "corpus" / "putin-biden.mt.en.txt"
    text, found = findings(rules, sample)
    notes = [json.loads(line) for line in (shared / "corpus" / "putin-biden.annotations.jsonl").open(encoding="utf-8")]
    calques = [a for a in notes if a["category"] == "false_friend_or_calque"]
    covered = 0
    for a in calques:
        hit = [f.rule for f in found if f.start < a["end"] and f.end > a["start"]]
        covered += bool(hit)
        print(f"  {'FOUND' if hit else 'missed'} {a['quote']!r} {hit}")
    extra = [text[f.start : f.end] for f in found if not any(f.start < a["end"] and f.end > a["start"] for a in calques)]
    print(f"sample: {covered}/{len(calques)} calque annotations found; other findings: {extra}")


if __name__ == "__main__":
    main(sys.argv[1:])
