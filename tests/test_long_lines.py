"""A text saved without line breaks: a rule reads a bounded stretch of the line around each
match (context.line_around), so its work per match does not grow with the line, and it finds
what it finds on the same sentences with their line breaks. (How long such a check takes is
measured by benchmarks/bench_long_lines.py, not here.)"""

from __future__ import annotations

from rule_cases import rules, spans_found

from transcheck.context import LINE_REACH, Context, line_around
from transcheck.detectors.quote_pairs import pairing
from transcheck.documents import Document

FILLER = "The council met on Tuesday and agreed on the new timetable for the buses. "


def test_a_short_line_is_read_whole():
    text = "First line.\nThe second line holds the match.\nThird line."
    start = text.index("match")
    assert line_around(text, start, start + 5) == (12, 44, False)
    assert text[12:44] == "The second line holds the match."


def test_a_long_line_is_read_around_the_match():
    text = "x" * (3 * LINE_REACH) + " match " + "y" * (3 * LINE_REACH)
    start = text.index("match")
    low, high, cut = line_around(text, start, start + 5)
    assert cut and (low, high) == (start - LINE_REACH, start + 5 + LINE_REACH)


def test_a_long_line_ending_near_the_match_keeps_its_end():
    text = "x" * (3 * LINE_REACH) + " match.\nNext line."
    start = text.index("match")
    low, high, cut = line_around(text, start, start + 5)
    assert cut and low == start - LINE_REACH and text[high] == "\n"


def test_a_guarded_entry_fires_on_a_long_line_as_on_short_ones():
    """A report-genre entry needs a cue word on its line; on one very long line the cue near
    the match counts, read as the line's own start and end (its ^...$ context regex)."""
    sentence = "The police [[ask for hints]] about the theft."
    plain = sentence.replace("[[", "").replace("]]", "")
    half = FILLER * (2 * LINE_REACH // len(FILLER) + 1)
    long_line = half + plain + " " + half
    assert len(long_line) > 4 * LINE_REACH and "\n" not in long_line
    tc416 = rules("TC416")
    assert spans_found(plain, tc416) == ["ask for hints"]
    assert spans_found(long_line, tc416) == ["ask for hints"]


def test_a_paragraph_of_thousands_of_quotation_marks_pairs_them_all():
    """Pairing keeps its results on a paragraph with thousands of marks (membership in sets)."""
    text = "“Yes,” she said. " * 3000 + "“An opening " * 2000 + "left open."
    found = pairing(Context(Document.from_text("<test>", text), "en-US"))
    assert not found.unopened and not found.detached and not found.unclosed
    # the paragraph opens with a quotation mark, so its last quotation may run on: the
    # 1,999 openings before it are strays, in the order they came
    assert len(found.stray) == 1999 and found.stray == sorted(found.stray)
    assert text[found.stray[0]:].startswith("“An opening")
