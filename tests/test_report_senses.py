"""The genre-sense lexicon of TC416 (rules/lexicons/calques-genres-reports.yaml): every entry is documented."""

from __future__ import annotations

from pathlib import Path

import yaml

LEXICON = Path(__file__).resolve().parent.parent / "rules" / "lexicons" / "calques-genres-reports.yaml"


def test_every_entry_names_its_german_word_and_the_genre_english():
    entries = yaml.safe_load(LEXICON.read_text(encoding="utf-8"))["entries"]
    assert len(entries) >= 100
    for entry in entries:
        assert entry.get("german") and entry.get("suggestion"), entry


def test_every_entry_has_an_evidence_comment():
    """The line before each entry is a comment: its German word and the resource attesting it."""
    lines = LEXICON.read_text(encoding="utf-8").splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("  - pattern:") or line.startswith("  - phrase:")]
    for i in starts:
        assert lines[i - 1].lstrip().startswith("#"), lines[i]


def test_every_entry_runs_on_its_line_only():
    """No entry can match across a line break, so none is scanned paragraph by paragraph."""
    from transcheck.rules import load_rules

    (rule,) = list(load_rules().select(["TC416"]))
    assert not [e.phrase for e, s in zip(rule.matcher.entries, rule.matcher.scanners) if s.paragraphs]
