"""Baselines: record today's findings, then report only new ones.

A finding is matched by its file, its rule and a fingerprint of the flagged text and
the words around it on its line — not by line numbers, so edits elsewhere in the file
do not bring old findings back. Counts make duplicates work: a baseline entry with
``count: 2`` absorbs two identical findings, a third is new. Format: docs/baseline.md.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from transcheck import __version__
from transcheck.documents import Document
from transcheck.errors import InputError
from transcheck.fileio import atomic_write
from transcheck.models import Finding

SCHEMA = "transcheck-baseline"
SCHEMA_VERSION = 1
CONTEXT_WORDS = 4

Key = tuple[str, str, str]  # (path relative to the baseline's folder, rule, fingerprint)


def _span_text(doc: Document, f: Finding) -> tuple[str, str, str]:
    """The text before the span on its first line, the span, and the text after it on its last line."""
    first = doc.line_text(f.line)
    if f.end_line == f.line:
        return first[: f.column - 1], first[f.column - 1 : f.end_column - 1], first[f.end_column - 1 :]
    last = doc.line_text(f.end_line)
    middle = [doc.line_text(n) for n in range(f.line + 1, f.end_line)]
    span = "\n".join([first[f.column - 1 :], *middle, last[: f.end_column - 1]])
    return first[: f.column - 1], span, last[f.end_column - 1 :]


def fingerprint(doc: Document, f: Finding) -> str:
    """Rule + normalised flagged text + up to four words either side of it, hashed."""
    before, span, after = _span_text(doc, f)
    parts = [f.rule, " ".join(span.split()), " ".join(before.split()[-CONTEXT_WORDS:]), " ".join(after.split()[:CONTEXT_WORDS])]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:20]


def _relative(path: str, folder: Path) -> str:
    if path == "<stdin>":
        return path
    return Path(os.path.relpath(os.path.abspath(path), folder)).as_posix()


def keys(findings: list[Finding], documents: dict[str, Document], baseline_path: str) -> list[Key]:
    """The baseline key of each finding, in order."""
    folder = Path(baseline_path).resolve().parent
    return [(_relative(f.path, folder), f.rule, fingerprint(documents[f.path], f)) for f in findings]


def write(path: str, findings: list[Finding], documents: dict[str, Document]) -> int:
    """Write the baseline atomically; returns the number of findings recorded."""
    counts = Counter(keys(findings, documents, path))
    entries = [{"path": p, "rule": r, "fingerprint": fp, "count": n} for (p, r, fp), n in sorted(counts.items())]
    data = {"schema": SCHEMA, "schema_version": SCHEMA_VERSION, "transcheck_version": __version__, "findings": entries}
    atomic_write(path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return len(findings)


def load(path: str) -> Counter[Key]:
    """Read a baseline file into counts per key; bad files raise InputError naming the file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: baseline file not found") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(f"{path}: not a readable baseline file ({err})") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or data.get("schema_version") != SCHEMA_VERSION:
        raise InputError(f"{path}: not a transcheck baseline (schema {SCHEMA} version {SCHEMA_VERSION})")
    counts: Counter[Key] = Counter()
    try:
        for entry in data["findings"]:
            counts[(entry["path"], entry["rule"], entry["fingerprint"])] += int(entry["count"])
    except (KeyError, TypeError, ValueError):
        raise InputError(f"{path}: malformed baseline entry") from None
    return counts


@dataclass(frozen=True)
class Filtered:
    findings: list[Finding]
    known: int  # findings absorbed by the baseline


def new_findings(findings: list[Finding], documents: dict[str, Document], baseline_path: str) -> Filtered:
    """Findings not in the baseline: each entry absorbs up to ``count`` matching findings, in order."""
    remaining = load(baseline_path)
    out = []
    for f, key in zip(findings, keys(findings, documents, baseline_path)):
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            out.append(f)
    return Filtered(out, len(findings) - len(out))
