"""The duplicate-line rule compares each line with the few before it in one pass; it must
report what comparing every pair of lines within reach (kept here as the reference) reports."""

from __future__ import annotations

import random

from transcheck.context import Context
from transcheck.detectors.duplicate_lines import Duplicates, _is_sentence, _shared_tail, _typography_lost, lines_of
from transcheck.documents import Document


def _reference(d: Duplicates, text: str) -> set[int]:
    lines = lines_of(Context(Document.from_text("t.txt", text)))
    teasers = set()
    for i, short in enumerate(lines):
        if len(short.words) >= d.min_teaser_words:
            for j in range(i + 1, min(len(lines), i + d.max_distance + 1)):
                longer = lines[j].words
                if len(longer) > len(short.words) and longer[: len(short.words)] == short.words:
                    teasers.add(i)
    copies = set(teasers)
    first: dict[str, int] = {}
    for j, line in enumerate(lines):
        if len(line.words) < d.min_words:
            continue
        i = first.get(line.key, j)
        first[line.key] = j
        if i == j or j - i > d.max_distance:
            continue
        if (_is_sentence(text, line) or _is_sentence(text, lines[i])) and (j > i + 1 or len(line.words) < d.min_teaser_words):
            continue
        lost_i, lost_j = (_typography_lost(text[x.start : x.end]) for x in (lines[i], line))
        if lost_i != lost_j:
            copies.add(i if lost_i > lost_j else j)
        else:
            copies.add(i if i + 1 in teasers and i + 1 < j else j)
    n = d.min_shared_tail
    for i in range(len(lines) - 1):
        a, b = lines[i].words, lines[i + 1].words
        if len(a) > n and len(b) > n and a[-n:] == b[-n:] and _shared_tail(a, b) < min(len(a), len(b)):
            if not (_is_sentence(text, lines[i]) or _is_sentence(text, lines[i + 1])):
                copies |= {i, i + 1}
    return copies


HEADLINES = [
    "Storm closes the coastal road for two days",
    "Storm closes the coastal road for two days.",
    "STORM CLOSES THE COASTAL ROAD FOR TWO DAYS",
    'Storm closes the "coastal" road for two days',
    "Storm closes the coastal road for two days and nights after the warning of the weather service",
    "Storm closes the coastal road for two days and nights after the warning",
    "In video: council votes to rebuild the old harbour bridge",
    "“We will not wait” – council votes to rebuild the old harbour bridge",
    "Home",
    "Council votes",
    "The mayor said the work would start in spring.",
]


def test_one_pass_reports_what_every_pair_within_reach_reports() -> None:
    rng = random.Random(5)
    d = Duplicates()
    checked = 0
    for _ in range(400):
        lines = [rng.choice(HEADLINES) for _ in range(rng.randint(1, 40))]
        text = "".join(line + rng.choice(["\n", "\n", "\n\n", "\n \n"]) for line in lines)
        expected = _reference(d, text)
        found = d.find_copies(Context(Document.from_text("t.txt", text)))
        assert set(found) == expected, text
        spans = {i: (line.start, line.end) for i, line in enumerate(lines_of(Context(Document.from_text("t.txt", text))))}
        assert all(found[i] == spans[i] for i in found)
        checked += len(expected)
    assert checked > 500
