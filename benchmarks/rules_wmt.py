"""Every built-in rule on the WMT German→English test sets: references against system outputs.

The references (ref*.en) are professional translations, but translations all the same: WMT's
keep German score notation (2:0 (1:0)) and four-digit amounts (3300 residents), so a hit
there is a reason to read, not a verdict. A rule that fires on them about as often as on
system outputs (hyp.*.en) may be flagging English rather than machine translation. Each
segment is a paragraph of its own (segments joined by blank lines, 50 to a document), so
paragraph-start rules see real paragraph starts. Prints, per rule, hits per 1,000 words on
references and on outputs, and their ratio; `--show RULE` prints that rule's hits on the
references, to read.

    .venv/bin/python benchmarks/rules_wmt.py [--shared ../shared] [--systems 3] [--show TC812]
"""

from __future__ import annotations

import argparse
import collections
from pathlib import Path

from transcheck.documents import Document
from transcheck.engine import check
from transcheck.rules import load_rules

SEGMENTS_PER_DOCUMENT = 50


def documents(path: Path) -> list[Document]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        Document.from_text(f"{path.parent.name}/{path.name}#{i}", "\n\n".join(lines[i:i + SEGMENTS_PER_DOCUMENT]) + "\n")
        for i in range(0, len(lines), SEGMENTS_PER_DOCUMENT)
    ]


def files(shared: Path, systems: int) -> dict[str, list[Path]]:
    out: dict[str, list[Path]] = {"ref": [], "hyp": []}
    for folder in sorted((shared / "wmt").glob("wmt*-deen")):
        out["ref"].extend(sorted(folder.glob("ref*.en")))
        out["hyp"].extend(sorted(folder.glob("hyp.*.en"))[:systems])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--systems", type=int, default=3, help="system outputs per test set")
    parser.add_argument("--show", help="print this rule's hits on the references")
    args = parser.parse_args()
    ruleset = load_rules()
    words: dict[str, int] = collections.Counter()
    hits: dict[str, collections.Counter] = {"ref": collections.Counter(), "hyp": collections.Counter()}
    for kind, paths in files(Path(args.shared), args.systems).items():
        for path in paths:
            for doc in documents(path):
                words[kind] += doc.word_count
                for f in check(doc, ruleset):
                    hits[kind][f.rule] += 1
                    if kind == "ref" and f.rule == args.show:
                        print(f"{doc.path}:{f.line}: {doc.text[f.start:f.end]!r}  |  {doc.line_text(f.line)[:160]}")
    print(f"references: {words['ref']:,} words; system outputs: {words['hyp']:,} words")
    print(f"{'rule':8} {'ref/1k':>8} {'hyp/1k':>8} {'hyp:ref':>8}")
    for rule in sorted(set(hits["ref"]) | set(hits["hyp"])):
        ref = 1000 * hits["ref"][rule] / words["ref"]
        hyp = 1000 * hits["hyp"][rule] / words["hyp"]
        ratio = f"{hyp / ref:.1f}" if ref else "inf"
        print(f"{rule:8} {ref:8.3f} {hyp:8.3f} {ratio:>8}")
    total_ref = 1000 * sum(hits["ref"].values()) / words["ref"]
    total_hyp = 1000 * sum(hits["hyp"].values()) / words["hyp"]
    print(f"{'all':8} {total_ref:8.3f} {total_hyp:8.3f}")


if __name__ == "__main__":
    main()
