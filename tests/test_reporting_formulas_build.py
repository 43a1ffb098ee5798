"""The reporting-formula lexicon (TC425): rebuilt from the reviewed formulas and, when ../shared/wmt is there, the WMT counts."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import SHARED, load_script


def _script():
    return load_script("mine_reporting_formulas")


@pytest.mark.skipif(not (SHARED / "wmt").is_dir(), reason="needs the WMT data in ../shared/wmt")
def test_lexicon_is_rebuilt_from_the_formulas_and_wmt():
    build = _script()
    assert build.lexicon_text(build.load_wmt(SHARED)) == build.LEXICON.read_text(encoding="utf-8")


def test_shipped_entries_are_the_formulas_and_no_reference_writes_them():
    build = _script()
    text = build.LEXICON.read_text(encoding="utf-8")
    counts = re.findall(r"evidence: WMT21-23 (\d+) systems, (\d+) system lines \((\d+) with the German\), references (\d+)", text)
    assert len(counts) == len(build.FORMULAS)
    assert all(int(refs) == 0 for *_, refs in counts)
    assert yaml.safe_load(text)["entries"] == build.entries()


def test_outlet_slot_takes_names_quoted_titles_and_media_words_not_places():
    outlet = re.compile(rf"(?:{_script().outlet()})$", re.IGNORECASE)
    for text in ("the German Press Agency", "ORF", "the news agency dpa", "the “Kieler Boten”", "the newspaper", "Süddeutsche Zeitung"):
        assert outlet.match(text), text
    for text in ("the building", "the court", "orf", "the crowd"):
        assert not outlet.match(text), text


def test_counts_only_what_the_matcher_would_report():
    build = _script()
    formula = next(f for f in build.FORMULAS if "gegenüber" in f["german"])
    entry = build.entry_of(formula)
    assert build.hits(entry, ["\"It burned,\" said the chief in front of ORF Tyrol."])
    assert not build.hits(entry, ["Protesters stood in front of ORF headquarters."])  # no verb of saying
    assert not build.hits(entry, ["He said he parked in front of the newspaper offices."])  # a place
