"""Quotation-mark pairing (TC208, TC209): English conventions stay silent, damage is found."""

from __future__ import annotations

import pytest

from transcheck.context import Context
from transcheck.detectors.quote_pairs import Pairing, pairing
from transcheck.documents import Document


def _pair(text: str) -> Pairing:
    return pairing(Context(Document.from_text("x.txt", text)))


@pytest.mark.parametrize(
    "text",
    [
        "Set key=\"value\" and {\"a\": \"b\"} in the config file.",
        "The report, titled “Energy\nin transition,” was\npublished on Monday and “widely read” by all.",
        "“We are done,” she said. “Absolutely done.”\n“Next question,” he added, “please.”",
        "“I have three points.\n\n“First, the budget.\n\n“Second, the staff,” she said.",
        "- “Alpha” and “Beta”\n- “Gamma”",
        "He wrote “yes”—and “no”—to both letters.",
        "The sign said \"Open 24/7\" and the 6'2\" guard laughed.",
        "‘He said “no” twice,’ she recalled.",
        "The council met late. “We will decide on the budget next week and then we",
        "The council met late.\n\n“We will decide on the budget next week. There is no hurry.",
    ],
)
def test_english_conventions_pair_up(text: str) -> None:
    assert _pair(text) == Pairing()


def test_a_quotation_closed_and_then_reopened_mid_sentence_is_a_stray_mark() -> None:
    text = "Coach: “We lost today. I don’t “I don’t like losing, but we learn.” He left."
    assert _pair(text).stray == [text.index("“I don’t like")]


def test_a_complete_text_may_not_end_inside_a_quotation() -> None:
    text = "The minister said “we will decide tomorrow. There is no hurry."
    assert _pair(text).unclosed == [text.index("“")]


def test_closing_marks_after_the_space_are_detached() -> None:
    text = "“We start on Monday, “said the mayor. “And we finish soon. “\n\nNext paragraph."
    found = _pair(text)
    assert found.detached == [text.index("“said"), text.rindex("“")]
    assert found.unclosed == found.unopened == found.stray == []


def test_a_double_pair_inside_a_double_pair_is_nested() -> None:
    text = "“He called it “a farce” on air,” she said."
    assert _pair(text).nested == [(text.index("“a"), text.index("”"))]


def test_a_line_break_inside_a_sentence_does_not_end_the_paragraph() -> None:
    long = "The committee met on Tuesday morning and discussed the budget for the coming year at great length, and "
    assert _pair(long + "the chair called it “a\ndifficult but necessary” plan.\n“We agree,” a member said.") == Pairing()


def test_inch_marks_after_a_number_are_not_quotes() -> None:
    assert _pair("The shop sold a 55” screen and a 12\" tablet.") == Pairing()


def test_a_quotation_may_run_over_lines_of_one_sentence_each() -> None:
    lines = [
        "The committee chair, who has led the budget talks since the spring, spoke after the vote and said:",
        "“We have done what we could with the money we had.",
        "Nobody on the committee is happy with every line of this budget, and nobody should be.",
        "But it is a budget that the city can live with,” she said.",
    ]
    assert _pair("\n".join(lines)) == Pairing()


def test_a_text_cut_mid_sentence_may_close_a_quotation_opened_before_it() -> None:
    assert _pair("ready to talk,” the mayor said.\n\nThe council agreed.") == Pairing()
    assert _pair("The talks are ready,” the mayor said.").unopened == [20]
