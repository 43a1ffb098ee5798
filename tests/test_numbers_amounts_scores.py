"""Amounts without a thousands separator, colon scores and German clock times: the judgements behind the rules."""

from __future__ import annotations

import pytest

from transcheck.context import Context
from transcheck.detectors.amounts import AmountWithoutSeparator, plural_noun
from transcheck.detectors.numbers import GermanShortDate, GermanTime
from transcheck.detectors.scores import ColonScore
from transcheck.documents import Document
from transcheck.rules import load_rules

RULES = {rule.spec.id: rule for rule in load_rules()}


def spans(detector, text: str, locale: str = "en-US") -> list[tuple[str, str | None]]:
    ctx = Context(Document.from_text("<test>", text), locale)
    return [(text[m.start : m.end], m.replacement) for m in detector.find(ctx)]


@pytest.mark.parametrize(("word", "plural"), [("customers", True), ("people", True), ("tractors", True),
                                              ("levels", True), ("status", False), ("press", False),
                                              ("further", False), ("Customers", False)])
def test_plural_noun(word, plural):
    assert plural_noun(word) is plural


@pytest.fixture(scope="module")
def amounts() -> AmountWithoutSeparator:
    return RULES["TC631"].matcher


@pytest.mark.parametrize("text", [
    "Nearly 2400 workers lost their jobs.",
    "The club sold 3200 season tickets.",
    "The lava was more than 1000 degrees hot.",
    "Police counted about 1100 people.",
])
def test_amounts_found(amounts, text):
    assert len(spans(amounts, text)) == 1


@pytest.mark.parametrize("text", [
    "By 2030 emissions must fall.",
    "Turnout returned to 2017 levels.",
    "She was born in 1987 and moved in 2004.",
    "The 2024 Olympics were held in Paris.",
    "Flight 4012 landed late.",
    "Call 0800 1234 5678 for help.",
])
def test_amounts_left_alone(amounts, text):
    assert spans(amounts, text) == []


def test_scores_halftime_and_clock_times():
    halftime = ColonScore("halftime")
    assert spans(halftime, "Mainz – Bochum 2:2 (1:0)") == [("2:2 (1:0)", "2-2 (1-0)")]
    assert spans(halftime, "Kick-off at 18:30 (17:30 UK)") == []
    context = ColonScore("context")
    assert spans(context, "The hosts won 4:1 in front of 30,000 fans.") == [("4:1", "4-1")]
    assert spans(context, "The doors open at 4:15 before the match.") == []


def test_clock_times_by_locale():
    oclock = GermanTime("oclock")
    assert spans(oclock, "They met at 17 o'clock.", "en-GB") == [("17 o'clock", "5pm")]
    assert spans(oclock, "They met at 5 o'clock.") == []


def test_short_date_keeps_the_sentence_point():
    found = spans(GermanShortDate(), "The parcel left on 3.4. It arrived late.")
    assert found == [("3.4.", "April 3.")]
