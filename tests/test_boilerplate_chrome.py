"""Page-chrome rules beyond their examples: recall and precision on the annotated dev
corpus, silence on native English, which copy of a duplicate is reported, the name
lists, and fixes that keep the article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SHARED
from transcheck.detectors.author_box import person_names
from transcheck.documents import Document
from transcheck.engine import check
from transcheck.fixer import fix_text

DEV = SHARED / "corpus" / "dev"
NATIVE = Path(__file__).resolve().parent / "data" / "native"
needs_dev = pytest.mark.skipif(not DEV.is_dir(), reason="the dev corpus is not beside the repository")


@pytest.fixture(scope="module")
def chrome(ruleset):
    return ruleset.select(["boilerplate"])


def _spans(rules, text: str, locale: str = "en-US") -> list[tuple[int, int]]:
    return [(f.start, f.end) for f in check(Document.from_text("<text>", text), rules, locale)]


def _annotated(path: Path) -> tuple[str, list[dict]]:
    text = path.read_text(encoding="utf-8")
    notes = path.parent / (path.stem + ".annotations.jsonl")
    wanted = [json.loads(line) for line in notes.read_text(encoding="utf-8").splitlines() if line.strip()]
    return text, [a for a in wanted if a["category"] == "boilerplate"]


def _overlaps(span: tuple[int, int], notes: list[dict]) -> bool:
    return any(span[0] < a["end"] and a["start"] < span[1] for a in notes)


@needs_dev
def test_dev_recall_and_precision(chrome):
    annotated = found = findings = matched = 0
    for path in sorted((DEV / "mt").glob("*.txt")):
        text, notes = _annotated(path)
        spans = _spans(chrome, text)
        annotated += len(notes)
        found += sum(any(_overlaps(s, [a]) for s in spans) for a in notes)
        findings += len(spans)
        matched += sum(_overlaps(s, notes) for s in spans)
    assert annotated >= 20
    assert found / annotated >= 0.8, f"recall {found}/{annotated}"
    assert matched / findings >= 0.85, f"precision {matched}/{findings}"


@needs_dev
def test_clean_pages_only_lose_their_own_chrome(chrome):
    stray = []
    for path in sorted((DEV / "clean").glob("*.txt")):
        text, notes = _annotated(path)
        stray += [text[s:e] for s, e in _spans(chrome, text) if not _overlaps((s, e), notes)]
    assert stray == []


@pytest.mark.parametrize("locale", ["en-US", "en-GB"])
def test_native_pages_are_silent(chrome, locale: str):
    paths = sorted((NATIVE / locale).glob("*.txt"))
    assert paths
    for path in paths:
        assert _spans(chrome, path.read_text(encoding="utf-8"), locale) == [], path.name


HEADLINE = "Rents in Hamburg rise faster than wages"
BODY = "Rents in the port city rose by six percent last year, the statistics office said."


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        (f"{HEADLINE}\n\n{HEADLINE}\n\n{BODY}", 1),  # the later copy
        (f"{HEADLINE.lower()}\n\n{HEADLINE}\n\n{BODY}", 0),  # the copy that lost its capitals
        (f"{HEADLINE}\n\n{HEADLINE.lower()}\n\n{BODY}", 1),
        (f"Hamburg: \"rents\"  - wages\n\nHamburg: “rents” – wages\n\n{BODY}", 0),  # straight quotes, spaced hyphen
    ],
)
def test_duplicated_headline_reports_one_copy(ruleset, text: str, reported: int):
    spans = _spans(ruleset.select(["TC812"]), text)
    lines = [line for line in text.split("\n") if line]
    assert [text[s:e] for s, e in spans] == [lines[reported]]


def test_teaser_block_repeated_whole_reports_the_first_block(ruleset):
    teaser = "Kiel (dpa) - A storm knocked down dozens of trees in the city on Monday night."
    text = f"Storm in Kiel\n\n{teaser}\n\nStorm in Kiel\n\n{teaser} Nobody was hurt.\n\nMore text follows here."
    spans = _spans(ruleset.select(["TC812"]), text)
    assert [text[s:e] for s, e in spans] == [f"Storm in Kiel\n\n{teaser}"]


def test_person_names_are_loaded():
    given, surnames = person_names()
    assert len(given) > 5000 and len(surnames) > 80000
    assert {"Oliver", "Sabine"} <= given and {"Hartmann", "Schmidt"} <= surnames


def test_fixes_keep_the_article(ruleset):
    rules = ruleset.select(["boilerplate"])
    page = (
        "Daily Metro Review\n\nRents rise faster than wages – economy\n\nRents rise faster than wages\n\n"
        "From: Sabine Hartmann, Jonas Weber\n\nStatus: 03/14/2023 9:05 a.m.\n\n"
        f"{BODY}\n\nCopy link\nAdd to watch list\n\n▶︎ The landlords’ association rejected the figures.\n\n"
        "Sabine Hartmann\n\nEditor in the business section.\n\nThe debate will go on, the mayor said."
    )
    result = fix_text(page, rules, unsafe=True)
    assert result.converged
    assert result.text == (
        "Rents rise faster than wages\n\n"
        f"{BODY}\n\nThe landlords’ association rejected the figures.\n\n"
        "The debate will go on, the mayor said."
    )
