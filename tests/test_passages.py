"""Passages end at a blank line or at a line break after a sentence's end: the prefilter
scans a pattern's passages, and a long text without blank lines is cut into blocks at them."""

from __future__ import annotations

import random

from transcheck import passages
from transcheck.context import Context
from transcheck.documents import Document, blocks
from transcheck.rules import prefilter

# A headline, a wrapped sentence, a quoted sentence ending a line, a blank line, a list line.
TEXT = (
    "Storm warning for the coast\n"
    "The weather service warned of gusts on\n"
    "Tuesday night.\n"
    "“Stay at home,” the mayor said. “It is not safe.”\n"
    "\n"
    "Closed: schools, parks\n"
    "and the zoo"
)


def _windows(text: str, positions: list[int], paragraphs: bool) -> list[tuple[int, int]]:
    return list(prefilter.windows(Context(Document.from_text("t.txt", text)), positions, paragraphs))


def _passage(i: int) -> str:
    start, end = passages.window(TEXT, i)
    return TEXT[start:end]


def test_a_passage_runs_over_lines_that_end_no_sentence() -> None:
    assert _passage(TEXT.index("warned")) == (
        "Storm warning for the coast\nThe weather service warned of gusts on\nTuesday night.\n")
    assert _passage(TEXT.index("coast")) == _passage(TEXT.index("night"))


def test_a_sentence_end_with_closing_quotes_ends_a_passage() -> None:
    assert _passage(TEXT.index("mayor")) == "“Stay at home,” the mayor said. “It is not safe.”\n"


def test_a_blank_line_ends_a_passage_and_the_text_ends_the_last() -> None:
    assert _passage(TEXT.index("zoo")) == "Closed: schools, parks\nand the zoo"
    assert _passage(0) == _passage(TEXT.index("Tuesday"))


def test_scan_windows_are_passages_not_the_whole_paragraph() -> None:
    segments = "".join(f"Segment {n} ends here.\n" for n in range(6))
    at = segments.index("Segment 3")
    assert _windows(segments, [at], paragraphs=True) == [(at, segments.index("Segment 4"))]
    assert _windows(segments, [at], paragraphs=False) == [(at, segments.index("Segment 4"))]
    wrapped = "one line\nrunning on\nand on.\n"
    assert _windows(wrapped, [wrapped.index("running")], paragraphs=True) == [(0, len(wrapped))]


def test_blocks_prefer_blank_lines_within_reach() -> None:
    text = "Aaa aa.\nBbb bb.\n\nCcc cc.\nDdd dd."
    assert [text[s:e] for s, e in blocks(text, 8)] == ["Aaa aa.\nBbb bb.\n\n", "Ccc cc.\nDdd dd."]


def test_a_text_without_blank_lines_is_cut_after_sentence_lines() -> None:
    text = "".join(f"Line {n} of the file.\n" for n in range(40))
    spans = blocks(text, 100)
    assert len(spans) > 5 and spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(text[e - 2:e] == ".\n" for _, e in spans)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))


def test_a_text_with_no_passage_end_is_one_block() -> None:
    text = "no punctuation\nat all\n" * 20
    assert blocks(text, 30) == [(0, len(text))]


def test_a_partly_read_text_waits_for_what_decides_the_cut() -> None:
    text = "".join(f"Line {n} of the file.\n" for n in range(40))
    assert passages.cut(text[:150], 0, 100, complete=False) is None  # a blank line may yet come
    whole = passages.cut(text, 0, 100)
    assert passages.cut(text[:300], 0, 100, complete=False) == whole
    assert passages.cut(text[:whole], 0, 100, complete=False) is None  # more line breaks may follow


def test_a_line_without_breaks_is_scanned_a_few_sentences_around_each_hit() -> None:
    line = " ".join(f"Sentence {n} is here." for n in range(3_000))
    at = line.index("Sentence 1500 ")
    start, end = passages.window(line, at, lines=True)
    assert passages.MARGIN <= at - start <= 2 * passages.MARGIN + 40
    assert passages.MARGIN <= end - at <= passages.MARGIN + 40
    assert line[start:].startswith("Sentence ") and line[end - 2:end] == ". "
    assert passages.window(line[:5_000], 2_500, lines=True) == (0, 5_000)  # shorter than LONG: the whole line
    assert len(_windows(line, [at, at + 10, at + 5_000], paragraphs=False)) == 2


def _windows_one_by_one(text: str, offsets: list[int], lines: bool) -> list[tuple[int, int]]:
    """The reference: ``window`` asked at each offset past the spans found so far, the
    touching or overlapping merged."""
    spans: list[tuple[int, int]] = []
    for i in offsets:
        if spans and i < spans[-1][1]:
            continue
        start, end = passages.window(text, i, lines)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def test_windows_looked_up_in_the_passage_starts_are_those_found_one_by_one() -> None:
    rng = random.Random(7)
    pieces = ["word", " ", "  ", "\t", ".", "!", "?", "…", "”", ")", "’", "\n", "\n\n", "\n \n", "\r\n", "A", "e.g."]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 80))) for _ in range(400)]
    texts += [TEXT, "x" * (passages.LONG + 50) + ".\nshort line.\n" + "y. " * 9000]  # passages longer than LONG
    for text in texts:
        for lines in (True, False):
            starts = passages.starts(text, lines)
            singles = [[i] for i in (0, len(text) // 2, len(text) - 1)]
            for offsets in (list(range(len(text))), sorted(rng.sample(range(len(text)), min(5, len(text)))), *singles):
                assert list(passages.windows(text, offsets, lines, starts)) == _windows_one_by_one(text, offsets, lines), (text, lines)


def _ends_a_passage(text: str, newline: int) -> bool:
    """The plain definition: the line that the line break at ``newline`` ends is empty, or
    ends, but for blanks and closing quotes or brackets after it, with a sentence's end."""
    line = text[text.rfind("\n", 0, newline) + 1 : newline]
    if not line:
        return newline > 0  # a blank line (not the text's first: no line break before it)
    return line.rstrip(" \t").rstrip(passages.CLOSERS)[-1:] in tuple(passages.SENTENCE_ENDS)


def test_passage_starts_follow_the_plain_definition() -> None:
    """On random texts of line breaks, sentence ends, closers and blanks, ``starts`` gives
    0 and the offset after each line break that ends a passage, and no other."""
    pieces = ["\n", "\n\n", ".", "!", "?", "…", '"', "'", "”", "’", "»", ")", "]", " ", "\t", "a", "word", "\r", "\u2028"]
    draw = random.Random(5)
    for _ in range(20_000):
        text = "".join(draw.choice(pieces) for _ in range(draw.randint(0, 30)))
        expected = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n" and _ends_a_passage(text, i)]
        assert list(passages.starts(text)) == expected, repr(text)
        assert list(passages.starts(text, lines=True)) == [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
