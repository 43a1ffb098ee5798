"""A long text's shared caches (tagged sentences, quote pairs, ...) are freed after the last
rule that uses them (engine.releases), with the findings of a run that keeps them all."""

from __future__ import annotations

from pathlib import Path

import pytest

from transcheck import engine, runner
from transcheck.config import Config
from transcheck.context import RecordedCache
from transcheck.documents import Document

ROOT = Path(__file__).resolve().parents[1]
TEXTS = sorted([*ROOT.glob("samples/*.txt"), *ROOT.glob("tests/data/native/en-US/*.txt")])


def test_the_recorded_cache_names_the_last_rule_that_used_each_key() -> None:
    cache = RecordedCache()
    cache["a"] = 1
    cache.user = 2
    assert "a" in cache and cache.get("b") is None
    cache.user = 5
    cache.setdefault("c", [])
    assert cache.last_use == {"a": 2, "b": 2, "c": 5}


@pytest.mark.parametrize("probe", [10, 3_000])  # a probe that sees almost nothing frees caches early
def test_freed_caches_change_no_finding(monkeypatch, probe) -> None:
    doc = Document.from_text("all.txt", "\n\n".join(p.read_text(encoding="utf-8") for p in TEXTS))
    ruleset = runner.Checker(Config()).catalog
    monkeypatch.setenv(engine.BLOCK_CHARS_VARIABLE, "2000")
    monkeypatch.setattr(engine, "PROBE_CHARS", probe)
    monkeypatch.setattr(engine, "_PROBES", {})
    freed = engine.check(doc, ruleset)
    (probed,) = engine._PROBES.values()
    release = probed.releases()
    assert any("pos" in names for names in release.values()) or probe == 10
    monkeypatch.setattr(engine, "releases", lambda *args: {})
    assert engine.check(doc, ruleset) == freed and len(freed) > 50


@pytest.mark.parametrize("overlapping", [False, True])
def test_automaton_matches_a_chunk_at_a_time_are_those_of_the_whole_text(monkeypatch, overlapping) -> None:
    from ahocorasick_rs import AhoCorasick, MatchKind

    from transcheck import context

    monkeypatch.setattr(context, "CHUNK_CHARS", 7)
    text = "the ölpreis rose 🙂\nand the preis fell\nölpreis\n\npreisölpreis"
    kinds = [MatchKind.Standard] if overlapping else [MatchKind.Standard, MatchKind.LeftmostLongest]
    for kind in kinds:
        automaton = AhoCorasick(["preis", "ölpreis", "the p", "is"], matchkind=kind)
        expected = automaton.find_matches_as_indexes(text, overlapping=overlapping)
        assert list(context.automaton_matches(automaton, text, overlapping)) == expected
