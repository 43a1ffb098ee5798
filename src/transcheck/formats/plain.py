"""Plain-text pairs: a target file checked beside its German source (``--source``).

By default the two files are line-aligned: each target line is a segment with the
source's line beside it. With ``--align`` both files are split into sentences and aligned
by ``transcheck.align`` (the aligner of ``score --align``) with a cross-lingual similarity;
each aligned bead is a segment, and source sentences left unaligned are kept on the
document as possible omissions (TC1012).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from transcheck.errors import InputError
from transcheck.formats.model import Builder, MappedDocument, Omission, Segment, verbatim

if TYPE_CHECKING:
    from transcheck import align  # imported when used: sacrebleu is slow to import

# Cross-lingual alignment: German and English share names, numbers and many stems, but far
# fewer character n-grams than two English versions do. Measured on WMT21/22 German sources
# with system outputs regrouped into paragraphs: true pairs score ~0.32, neighbours ~0.20.
CROSS_THRESHOLD = 0.12
LENGTH_RATIO = 0.97  # English characters per German character (TC1009)
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "Ä": "a", "Ö": "o", "Ü": "u"})
# a German sentence does not end after an ordinal (am 5. April) or a common abbreviation
_GERMAN_NO_END = re.compile(
    r"(?:(?<![\w.])\d{1,3}|\b(?:Nr|Dr|Prof|St|Str|bzw|ca|usw|vgl|Abs|Art|Jh|Mio|Mrd|Tsd|evtl|ggf|inkl|zzgl|"
    r"u\.a|z\.B|z\. B|d\.h|d\. h|u\.\s?a))\.$"
)


def cross_similarity(target: str, source: str) -> float:
    """``align.similarity`` of a translation and its source, case and umlauts folded."""
    from transcheck import align

    return align.similarity(target.lower().translate(_FOLD), source.lower().translate(_FOLD))


def paired(path: str, raw: str, source: str, bom: bool = False, source_name: str = "source") -> MappedDocument:
    """The target text as plain text, each line a segment with the source's line beside it."""
    target_lines = raw.replace("\r\n", "\n").split("\n")
    source_lines = source.replace("\r\n", "\n").split("\n")
    if target_lines and target_lines[-1] == "" and source_lines and source_lines[-1] == "":
        target_lines, source_lines = target_lines[:-1], source_lines[:-1]
    if len(target_lines) != len(source_lines):
        raise InputError(
            f"{path}: {len(target_lines)} line(s), but {source_name} has {len(source_lines)}: "
            "a source must be line-aligned with its target (or use --align)"
        )
    doc = _plain(path, raw, bom)
    segments = []
    t = 0
    for line, src in zip(target_lines, source_lines):
        segments.append(_segment(doc, t, t + len(line), src))
        t += len(line) + 1
    return _with_segments(doc, tuple(segments))


@dataclass(frozen=True)
class _Sentence:
    start: int  # offsets in the checked text
    end: int
    text: str


def aligned(path: str, raw: str, source: str, bom: bool = False) -> MappedDocument:
    """The target text as plain text, its sentences aligned with the source's (``--align``)."""
    from transcheck import align

    doc = _plain(path, raw, bom)
    target = _target_sentences(doc.text)
    source_sents = german_sentences(source.replace("\r\n", "\n"))
    alignment = align.align(
        [align.Segment(s.text, 0) for s in target], source_sents, threshold=CROSS_THRESHOLD, similar=cross_similarity
    )
    segments: list[Segment] = []
    omitted: list[Omission] = []
    gap: list[align.Segment] = []  # unaligned source sentences since the last aligned bead
    stray = False  # an unaligned target sentence lies in the same stretch: a poor match, not an omission
    for bead in alignment.beads:
        if not bead.hyp:
            gap.append(source_sents[bead.ref[0]])
            continue
        if not bead.ref:
            stray = True
            continue
        first, last = target[bead.hyp[0]], target[bead.hyp[-1]]
        text = " ".join(source_sents[j].text for j in bead.ref)
        segment = _segment(doc, first.start, last.end, text, f"source line {source_sents[bead.ref[0]].line}")
        if gap and not stray and not _absorbed(doc.text, gap, segments[-1:] + [segment]):
            omitted.append(_omission(gap, segments[-1] if segments else None, first))
        gap, stray = [], False
        segments.append(segment)
    if gap and not stray and target and not _absorbed(doc.text, gap, segments[-1:]):
        omitted.append(_omission(gap, segments[-1] if segments else None, target[-1]))
    return replace(_with_segments(doc, tuple(segments)), omitted=tuple(omitted))


def _absorbed(text: str, gap: list[align.Segment], neighbours: list[Segment]) -> bool:
    """Whether a neighbouring segment's length fits its source better with the gap's sentences
    added: the sentence was merged into that translation, not dropped (Gale and Church's criterion)."""
    extra = sum(len(s.text) + 1 for s in gap)
    for seg in neighbours:
        length, source = seg.end - seg.start, len(seg.source or "")
        if abs(math.log(length / (LENGTH_RATIO * (source + extra)))) < abs(math.log(length / (LENGTH_RATIO * source))):
            return True
    return False


def _omission(gap: list[align.Segment], before: Segment | None, after: _Sentence) -> Omission:
    """Source sentences with no counterpart, reported on the target text before them (or after)."""
    start, end = (before.start, before.end) if before is not None else (after.start, after.end)
    return Omission(start, end, tuple(s.text for s in gap), gap[0].line, before is not None)


def german_sentences(text: str) -> list[align.Segment]:
    """``align.sentences`` of a German text, not split after ordinals and abbreviations."""
    from transcheck import align

    out: list[align.Segment] = []
    for s in align.sentences(text):
        if out and out[-1].line == s.line and _GERMAN_NO_END.search(out[-1].text):
            out[-1] = align.Segment(f"{out[-1].text} {s.text}", s.line)
        else:
            out.append(s)
    return out


def _target_sentences(text: str) -> list[_Sentence]:
    """``align.sentences`` of the checked text, with their offsets."""
    from transcheck import align

    line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
    out: list[_Sentence] = []
    cursor = 0
    for s in align.sentences(text):
        line_start = line_starts[s.line - 1]
        start = text.find(s.text, max(cursor, line_start))
        out.append(_Sentence(start, start + len(s.text), s.text))
        cursor = start + len(s.text)
    return out


def _plain(path: str, raw: str, bom: bool) -> MappedDocument:
    b = Builder(raw)
    b.text(raw.replace("\r\n", "\n"), 0)
    return b.document(path, "text", verbatim, bom)


def _segment(doc: MappedDocument, start: int, end: int, source: str, unit: str | None = None) -> Segment:
    return Segment(unit, start, end, doc._raw(start, False), doc._raw(end, True), source=source)


def _with_segments(doc: MappedDocument, segments: tuple[Segment, ...]) -> MappedDocument:
    return replace(doc, segments=segments, seg_starts=tuple(s.raw_start for s in segments))


def example_document(text: str, source: str, glossary: tuple[tuple[str, str], ...] = ()) -> MappedDocument:
    """A rule example's target with its source (and glossary), as the bilingual rules see a file.

    Line-aligned when both have as many lines, else sentence-aligned as ``--align`` does.
    """
    from transcheck.formats.model import Glossary

    same_lines = text.count("\n") == source.count("\n")
    doc = paired("<example>", text, source) if same_lines else aligned("<example>", text, source)
    if glossary:
        doc = replace(doc, glossary=Glossary(tuple((german, (english,)) for german, english in glossary)))
    return doc
