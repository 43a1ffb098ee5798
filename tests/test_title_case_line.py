"""The title-case line test of the capitalisation detectors: the same lines as the
backtracking pattern it replaced, and no hang on a long line of capitals."""

import random
import re

from transcheck.detectors.capitalization import title_case_line

BACKTRACKING = re.compile(r"^(?:[A-Z0-9][\w’'-]*\W*\s*){3,}$")
PIECES = ["A", "b", "Mc", "D", "-", " ", "  ", "'", "’", "x", "1", ",", "é", "Ä", ".", "\t"]


def test_same_lines_as_the_backtracking_pattern() -> None:
    rng = random.Random(7)
    for _ in range(50_000):
        line = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 10)))
        assert title_case_line(line) == bool(BACKTRACKING.match(line)), line


def test_headlines_and_prose() -> None:
    assert title_case_line("Storm Warning For The North Sea Coast")
    assert title_case_line("HOME | NEWS | SPORT")
    assert not title_case_line("The storm reached the coast at noon.")
    assert not title_case_line("Big News")


def test_long_line_of_capitals_ending_in_lower_case() -> None:
    # The backtracking pattern tried 2**60 ways to split this line before failing.
    assert not title_case_line("PLEASE READ THIS " * 20 + "now")
