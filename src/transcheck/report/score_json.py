"""The JSON report of `transcheck score`: every corpus and segment score (results in, text out).

:func:`write` streams the report: the segment rows of each system are made and written one
at a time, so 100,000 segments never become 100,000 dictionaries at once; :func:`render`
returns the same text as one string.
"""

from __future__ import annotations

import io
import json
import textwrap
from collections.abc import Iterator
from dataclasses import asdict
from typing import TextIO

from transcheck import __version__
from transcheck.scoring import CorpusScore, ScoreRun, SystemRun

SCHEMA_VERSION = 1


def _corpus(score: CorpusScore, run: ScoreRun) -> dict:
    data = {"name": score.name, "score": score.score, "signature": score.signature}
    if score.verbose:
        data["verbose"] = score.verbose
    if score.ci_mean is not None:
        data["ci"] = {"level": 0.95, "mean": score.ci_mean, "half_width": score.ci_half_width,
                      "bootstrap": run.options.bootstrap, "seed": run.options.seed}
    return data


def _segments(system: SystemRun) -> Iterator[dict]:
    keys = list(system.result.segments)
    columns = zip(system.labels, system.hypotheses, zip(*system.references),
                  *(system.result.segments[key] for key in keys))  # one pass over each (lazy) sequence
    for i, (label, hyp, refs, *scores) in enumerate(columns):
        row = {"index": i, "source": label, "hypothesis": hyp, "references": list(refs)}
        row.update(zip(keys, scores))
        yield row


def _alignment(system: SystemRun) -> dict | None:
    alignment = system.alignment
    if alignment is None:
        return None
    return {
        "hyp_sentences": len(alignment.hyp),
        "ref_sentences": len(alignment.ref),
        "pairs": len(alignment.matched),
        "merged": [{"kind": b.kind, "hyp_lines": sorted({alignment.hyp[i].line for i in b.hyp}),
                    "ref_lines": sorted({alignment.ref[i].line for i in b.ref})} for b in alignment.merged],
        "unmatched_hyp": [{"line": s.line, "text": s.text} for s in alignment.unmatched_hyp],
        "unmatched_ref": [{"line": s.line, "text": s.text} for s in alignment.unmatched_ref],
    }


def _system(system: SystemRun, run: ScoreRun) -> dict:
    data = {
        "path": system.path,
        "segments_scored": len(system.hypotheses),
        "scores": {key: _corpus(score, run) for key, score in system.result.scores.items()},
        "segments": _SEGMENTS,  # written row by row in its place (see write)
    }
    alignment = _alignment(system)
    if alignment is not None:
        data["alignment"] = alignment
    return data


_SEGMENTS = "\x00segments\x00"  # a placeholder no JSON string of ours can contain unescaped


def render(run: ScoreRun) -> str:
    out = io.StringIO()
    write(run, out)
    return out.getvalue()


def write(run: ScoreRun, out: TextIO) -> None:
    """Write the report to ``out``, the segments of each system streamed."""
    significance = None
    if run.significance is not None:
        significance = asdict(run.significance)
    data = {
        "schema": "transcheck-score",
        "schema_version": SCHEMA_VERSION,
        "transcheck_version": __version__,
        "options": asdict(run.options),
        "systems": [_system(s, run) for s in run.systems],
        "significance": significance,
        "gates": [{**asdict(g), "passed": g.passed} for g in run.gates],
        "passed": run.passed,
        "notes": run.notes,
    }
    placeholder = json.dumps(_SEGMENTS)
    parts = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").split(placeholder)
    out.write(parts[0])
    for system, part in zip(run.systems, parts[1:]):
        _write_rows(_segments(system), out)
        out.write(part)


def _write_rows(rows: Iterator[dict], out: TextIO) -> None:
    """A JSON list of rows, laid out as ``json.dumps(indent=2)`` lays it out at this depth."""
    first = True
    for row in rows:
        out.write("[\n" if first else ",\n")
        out.write(textwrap.indent(json.dumps(row, ensure_ascii=False, indent=2), "        "))
        first = False
    out.write("[]" if first else "\n      ]")
