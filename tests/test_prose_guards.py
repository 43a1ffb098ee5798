"""The shared guard for code-like tokens and the lower-case style measure."""

from __future__ import annotations

import pytest

from transcheck.context import in_code
from transcheck.detectors.capitalization import _lower_case_style


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Open example.org/?lang=de&page=2 now.", "page", True),
        ("Mail anna.berg@example.com today.", "anna", True),
        ("The photo came from Weather.com yesterday.", "Weather", True),
        ("Write the number after Case# here.", "Case", True),
        ("Type C:\\data\\old in the box.", "data", True),
        ("The U.S. team won, e.g. in May.", "team", False),
        ("He met F.A.Z. readers in Frankfurt.", "readers", False),
        ("Prices fell.The rest rose.", "Prices", False),
    ],
)
def test_in_code(text: str, word: str, expected: bool) -> None:
    start = text.index(word)
    assert in_code(text, start, start + len(word)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i think so too.\n\nanyone else going?", True),
        ("love this park\n\nthis is a great place for kids.", True),
        ("Prices rose.\n\ninflation rate in germany remains high\n\nThe bank spoke. It warned. Rates stay.", False),
        ("The U.S. team won at 7 p.m. on Friday. The F.A.Z. reported it. Fans cheered.", False),
        ("Part i of the report. The rest follows.", False),
    ],
)
def test_lower_case_style(text: str, expected: bool) -> None:
    assert _lower_case_style(text) is expected
