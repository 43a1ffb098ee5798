"""The genre-sense lexicon (TC415): rebuilt from the reviewed entries, Wiktionary and the WMT data."""

from __future__ import annotations

import re

import pytest

from conftest import SHARED, load_script


def _script():
    return load_script("build_genre_senses")


@pytest.mark.heavy
@pytest.mark.skipif(not (SHARED / "wmt").is_dir(), reason="needs the WMT data in ../shared")
def test_lexicon_is_rebuilt_from_the_reviewed_entries_wiktionary_and_wmt():
    build = _script()
    reviewed = build.yaml.safe_load(build.REVIEWED.read_text(encoding="utf-8"))
    text = build.lexicon_text(reviewed, build.load_wmt(SHARED), build.load_wiktionary(), "TC415-genre-sense-calque.yaml")
    assert text == build.LEXICON.read_text(encoding="utf-8")


def test_the_human_references_rarely_write_an_entry():
    # the few reference lines (at most 2 an entry) were read: German-shaped English such as
    # "the AfD state association and the fraction" or "the coalition contract intends"
    counts = re.findall(r"evidence: WMT21-23 .* references (\d+)", _script().LEXICON.read_text(encoding="utf-8"))
    assert counts and all(int(refs) <= 2 for refs in counts)


def test_genre_cues_become_a_line_context_and_cues_replace_them():
    build = _script()
    genres = {"court": "court|judge", "market": "DAX"}
    assert build.context({"genre": ["court", "market"]}, genres) == [r"^(?i:.*\b(?:court|judge|DAX)\b.*)$"]
    assert build.context({"genre": ["court"], "cues": "SPD"}, genres) == [r"^(?i:.*\b(?:SPD)\b.*)$"]
    assert build.context({"genre": []}, genres) == []


LOCAL_CULTURE = ("local-culture-science.yaml", "calques-genres-local-culture-science.yaml", "TC421-local-culture-sense-calque.yaml")


@pytest.mark.heavy
@pytest.mark.skipif(not (SHARED / "wmt").is_dir(), reason="needs the WMT data in ../shared")
def test_local_culture_science_lexicon_is_rebuilt():
    build = _script()
    reviewed_path = build.REVIEWED.parent / LOCAL_CULTURE[0]
    reviewed = build.yaml.safe_load(reviewed_path.read_text(encoding="utf-8"))
    text = build.lexicon_text(reviewed, build.load_wmt(SHARED), build.load_wiktionary(), LOCAL_CULTURE[2], reviewed_path)
    assert text == (build.LEXICON.parent / LOCAL_CULTURE[1]).read_text(encoding="utf-8")


def test_local_culture_references_rarely_write_an_entry():
    # Moderator is the exception: its reference lines were read, and all but one are
    # German-shaped ("TV moderator Michael Strahan", "late-night moderator Stephen Colbert"
    # where English news says host); the one debate moderator is passed by unless.
    text = (_script().LEXICON.parent / LOCAL_CULTURE[1]).read_text(encoding="utf-8")
    counts = re.findall(r"# (.*?) \(genre.*\n  # evidence: WMT21-23 .* references (\d+)", text)
    assert counts and all(int(refs) <= 2 for german, refs in counts if not german.startswith("Moderator"))
