"""The JSON report of `transcheck score`: every corpus and segment score (results in, str out)."""

from __future__ import annotations

import json
from dataclasses import asdict

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


def _segments(system: SystemRun) -> list[dict]:
    keys = list(system.result.segments)
    rows = []
    for i, hyp in enumerate(system.hypotheses):
        row = {"index": i, "source": system.labels[i], "hypothesis": hyp,
               "references": [ref[i] for ref in system.references]}
        row.update({key: system.result.segments[key][i] for key in keys})
        rows.append(row)
    return rows


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
        "segments": _segments(system),
    }
    alignment = _alignment(system)
    if alignment is not None:
        data["alignment"] = alignment
    return data


def render(run: ScoreRun) -> str:
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
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
