"""Measure the built-in rules on the development corpus and commit the figures.

Runs `transcheck eval` exactly as the quality gate does (tests/test_eval_gate.py) and
writes tests/data/eval-figures.json (with the date and the command) and the figures table
in README.md between the eval-figures markers. Run it after every improvement:

    .venv/bin/python scripts/update_eval_figures.py
"""

from __future__ import annotations

import datetime
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIGURES = ROOT / "tests" / "data" / "eval-figures.json"
README = ROOT / "README.md"
ARGS = [
    "eval", "../shared/corpus/dev/mt",
    "--clean", "../shared/corpus/dev/clean",
    "--clean", "tests/data/native/en-US",
    "--clean", "tests/data/native/en-GB",
    "--config", "tests/data/eval.toml",
    "--format", "json",
]
MARKERS = ("<!-- eval-figures:start -->", "<!-- eval-figures:end -->")


def measure() -> dict:
    """The figures the gate compares: recall per category and overall, precision, clean rates."""
    proc = subprocess.run([sys.executable, "-m", "transcheck", *ARGS], cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"transcheck eval failed ({proc.returncode}): {proc.stderr.strip()}")
    return summarize(json.loads(proc.stdout))


def summarize(report: dict) -> dict:
    categories = {c: {"annotated": v["annotated"], "found": v["found"], "recall": round(v["recall"], 4)}
                  for c, v in report["categories"].items()}
    return {
        "recall": round(report["mt"]["recall"], 4),
        "precision": round(report["mt"]["precision"] or 0.0, 4),
        "findings": report["mt"]["findings"],
        "categories": categories,
        "clean_rate": {c["folder"]: c["rate"] for c in report["clean"]},
    }


def table(figures: dict) -> str:
    """The README's figures table (Markdown)."""
    rows = ["| category | found / annotated | recall |", "|---|---:|---:|"]
    for category, c in figures["categories"].items():
        rows.append(f"| {category} | {c['found']} / {c['annotated']} | {c['recall']:.2f} |")
    rows.append(f"| **all** | | **{figures['recall']:.2f}** |")
    rows.append("")
    rows.append(f"Precision of all findings on `mt/`: **{figures['precision']:.2f}** ({figures['findings']} findings).")
    rows.append("Unmatched findings per 1,000 words on native English: "
                + ", ".join(f"`{folder}` {rate:.2f}" for folder, rate in figures["clean_rate"].items()) + ".")
    return "\n".join(rows)


def readme_section(data: dict) -> str:
    return (f"{MARKERS[0]}\nMeasured on {data['date']} with `{data['command']}`:\n\n{table(data['figures'])}\n{MARKERS[1]}")


def main() -> None:
    data = {
        "date": datetime.date.today().isoformat(),
        "command": "transcheck " + " ".join(ARGS),
        "figures": measure(),
    }
    FIGURES.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    text = README.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(MARKERS[0]) + r".*?" + re.escape(MARKERS[1]), re.S)
    if not pattern.search(text):
        sys.exit(f"README.md has no {MARKERS[0]} … {MARKERS[1]} section")
    README.write_text(pattern.sub(lambda _: readme_section(data), text), encoding="utf-8")
    print(table(data["figures"]))


if __name__ == "__main__":
    main()
