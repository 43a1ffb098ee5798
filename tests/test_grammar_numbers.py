"""German number phrases and articles kept in English (TC360–TC365): sentences of our own,
each a shape the detectors must tell apart (the rule files hold the main examples)."""

from __future__ import annotations

import pytest

from rule_cases import rules, spans_found

RULES = rules("TC360", "TC361", "TC362", "TC363", "TC364", "TC365")

FLAGGED = [
    "The number of visitors climbed to 800 to 14,500.",
    "Unemployment decreased at 0.3 percent to 2.5 million.",
    "Profit jumped to 40 million to 1.2 billion euros.",
    "The deficit was over the previous year to 2 billion.",
    "We counted 250 members less than in 2020.",
    "The region now has 1,200 doctors more than ten years ago.",
    "Last year there were 30 dead less than the year before.",
    "The consumption fell sharply in the winter.",
    "The immigration has changed the city.",
    "The Left wants a referendum. Left and the Greens voted against it.",
    "After data from the Federal Office, exports fell.",
    "Turnout reached 60 percent by projections of the Electoral Commission.",
]
SILENT = [
    "The number of visitors climbed by 800 to 14,500.",
    "Temperatures rise to 12 to 18 degrees on Sunday.",
    "Prices fell to 3 to 4 million euros a flat.",
    "The index rose from 100 to 1,400 over the decade.",
    "The match went to 1 to 0 late in the game.",
    "Sales were 2 billion, up on the previous year.",
    "The trip took 40 minutes less than planned.",
    "Each seat costs 30 francs more than in 2019.",
    "The index rose 3 points more than analysts expected.",
    "Of 2,000 clubs more than half lost members.",
    "The firm's 500 employees more than doubled their output.",
    "Consumption fell sharply in the winter.",
    "The consumption of meat fell sharply.",
    "The immigration authorities refused the request.",
    "Left and the Greens voted against it.",
    "The Left wants a referendum. The SPD, Left and the Greens voted against it.",
    "The Netherlands and Germany agreed. Germany and the Netherlands signed.",
    "According to data from the Federal Office, exports fell.",
    "The trend is backed by estimates from the World Bank.",
    "After the data from the survey came in, the plan changed.",
]


def _found(text: str) -> list[str]:
    return spans_found(text, RULES)


@pytest.mark.parametrize("text", FLAGGED)
def test_flagged(text: str) -> None:
    assert _found(text)


@pytest.mark.parametrize("text", SILENT)
def test_silent(text: str) -> None:
    assert _found(text) == []
