"""Sentence alignment of a draft with its reference, for ``transcheck score --align``.

Method
------
1. **Segmentation.** Each non-empty line is a paragraph; a paragraph is split into
   sentences after ``.``, ``!`` or ``?`` (plus closing quotes or brackets) when white space
   and an upper-case letter, a digit or an opening quote follow, except after common
   abbreviations (Mr., Dr., U.S., single initials).
2. **Similarity.** Two spans of sentences are compared by a character n-gram F-score
   (orders 1 to 4, white space excluded, the n-grams chrF uses, extracted by sacrebleu's
   ``extract_all_char_ngrams``): ``sim`` is in [0, 1].
3. **Dynamic programming.** A monotone alignment in the manner of Gale and Church: a bead
   takes 1-1, 1-2, 2-1, 1-3 or 3-1 sentences (draft-reference), or leaves one sentence
   unmatched on either side (1-0: dropped from the draft, e.g. scraped boilerplate;
   0-1: missing from the draft). A matching bead gains
   ``sim - THRESHOLD - MERGE_PENALTY * (sentences - 2) - LENGTH_WEIGHT * |log(len_d / len_r)|``;
   the last term is Gale and Church's length criterion (a translation's length is close
   to its reference's); an unmatched sentence gains 0. The alignment with the largest
   total gain wins, so a sentence is matched only when it is clearly similar to its
   counterpart, and merged only when merging makes the match better. The search runs in
   a diagonal band (``BAND`` sentences plus the length difference) so long files stay fast.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from sacrebleu.metrics.helpers import extract_all_char_ngrams

THRESHOLD = 0.35  # a 1-1 bead needs sim above this to beat leaving both sentences unmatched
MERGE_PENALTY = 0.04  # per extra sentence in a bead
LENGTH_WEIGHT = 0.1  # weight of |log length ratio|
BAND = 40
NGRAM_ORDER = 4
BEADS = ((1, 1), (1, 2), (2, 1), (1, 3), (3, 1))

_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "e.g", "i.e",
                            "u.s", "u.k", "no", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "gen", "gov"})
_END = re.compile(r"[.!?]+[\"”’'»)\]]*(?=\s+[\"“”‘'«(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Segment:
    """A sentence and the 1-based line it comes from."""

    text: str
    line: int


@dataclass(frozen=True)
class Bead:
    """Draft sentences aligned with reference sentences; one side is empty when unmatched."""

    hyp: tuple[int, ...]
    ref: tuple[int, ...]
    similarity: float | None = None

    @property
    def kind(self) -> str:
        return f"{len(self.hyp)}-{len(self.ref)}"


@dataclass(frozen=True)
class Alignment:
    hyp: list[Segment]
    ref: list[Segment]
    beads: list[Bead]

    @property
    def matched(self) -> list[Bead]:
        return [b for b in self.beads if b.hyp and b.ref]

    @property
    def unmatched_hyp(self) -> list[Segment]:
        """Draft sentences left out of scoring (boilerplate, additions)."""
        return [self.hyp[b.hyp[0]] for b in self.beads if not b.ref]

    @property
    def unmatched_ref(self) -> list[Segment]:
        """Reference sentences with no counterpart in the draft (omissions)."""
        return [self.ref[b.ref[0]] for b in self.beads if not b.hyp]

    @property
    def merged(self) -> list[Bead]:
        return [b for b in self.matched if len(b.hyp) > 1 or len(b.ref) > 1]

    def pairs(self) -> tuple[list[str], list[str]]:
        """The aligned (draft, reference) texts to score, merged beads joined with a space."""
        hyps = [" ".join(self.hyp[i].text for i in b.hyp) for b in self.matched]
        refs = [" ".join(self.ref[i].text for i in b.ref) for b in self.matched]
        return hyps, refs


def sentences(text: str) -> list[Segment]:
    """Split text into sentences, paragraph by paragraph (one paragraph per non-empty line)."""
    out: list[Segment] = []
    for number, line in enumerate(text.split("\n"), 1):
        line = line.strip()
        start = 0
        for match in _END.finditer(line):
            if _is_abbreviation(line[start:match.start() + 1]):
                continue
            out.append(Segment(line[start:match.end()].strip(), number))
            start = match.end()
        if line[start:].strip():
            out.append(Segment(line[start:].strip(), number))
    return out


def _is_abbreviation(sentence: str) -> bool:
    words = sentence.split()
    if not words or not words[-1].endswith("."):
        return False
    word = words[-1].rstrip(".").lstrip("\"“‘'(").lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def similarity(a: str, b: str) -> float:
    """Character n-gram F1 (orders 1-4, no white space) of two texts, in [0, 1]."""
    return _f1(_ngrams(a), _ngrams(b))


@lru_cache(maxsize=4096)
def _ngrams(text: str) -> tuple[Counter, ...]:
    return tuple(extract_all_char_ngrams(text, NGRAM_ORDER, include_whitespace=False))


def _f1(hyp: tuple[Counter, ...], ref: tuple[Counter, ...]) -> float:
    scores = []
    for h, r in zip(hyp, ref):
        total_h, total_r = sum(h.values()), sum(r.values())
        if not total_h or not total_r:
            continue
        if len(h) > len(r):
            h, r = r, h
        common = sum(min(count, r[gram]) for gram, count in h.items() if gram in r)  # = sum((h & r).values()), faster
        scores.append(2 * common / (total_h + total_r))
    return sum(scores) / len(scores) if scores else 0.0


def align(hyp: list[Segment], ref: list[Segment], *, threshold: float = THRESHOLD,
          similar: Callable[[str, str], float] | None = None) -> Alignment:
    """Monotone alignment of draft sentences with reference sentences (see the module doc).

    ``similar`` and ``threshold`` replace :func:`similarity` and ``THRESHOLD``, e.g. to align
    a translation with its source (``check --source --align``), where similarity is lower.
    """
    m, n = len(hyp), len(ref)
    band = BAND + abs(m - n)
    best: dict[tuple[int, int], tuple[float, tuple[int, int], Bead]] = {(0, 0): (0.0, (0, 0), Bead((), ()))}
    for i in range(m + 1):
        centre = i * n // m if m else 0
        for j in range(max(0, centre - band), min(n, centre + band) + 1):
            if (i, j) == (0, 0):
                continue
            best[(i, j)] = _best_step(i, j, hyp, ref, best, threshold, similar or similarity)
    beads: list[Bead] = []
    cell = (m, n)
    while cell != (0, 0):
        _, previous, bead = best[cell]
        beads.append(bead)
        cell = previous
    return Alignment(hyp, ref, beads[::-1])


def _best_step(i: int, j: int, hyp: list[Segment], ref: list[Segment], best: dict,
               threshold: float = THRESHOLD, similar: Callable[[str, str], float] = similarity) -> tuple:
    options = []
    if (i - 1, j) in best:
        options.append((best[(i - 1, j)][0], (i - 1, j), Bead((i - 1,), ())))
    if (i, j - 1) in best:
        options.append((best[(i, j - 1)][0], (i, j - 1), Bead((), (j - 1,))))
    for a, b in BEADS:
        previous = (i - a, j - b)
        if previous not in best:
            continue
        h = " ".join(s.text for s in hyp[i - a:i])
        r = " ".join(s.text for s in ref[j - b:j])
        sim = similar(h, r)
        gain = sim - threshold - MERGE_PENALTY * (a + b - 2) - LENGTH_WEIGHT * abs(math.log(len(h) / len(r)))
        options.append((best[previous][0] + gain, previous, Bead(tuple(range(i - a, i)), tuple(range(j - b, j)), sim)))
    if not options:
        return (-math.inf, (0, 0), Bead((), ()))
    return max(options, key=lambda option: option[0])
