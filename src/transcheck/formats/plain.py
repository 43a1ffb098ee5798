"""Plain-text pairs: a target file checked beside its source (``--source``), line by line."""

from __future__ import annotations

from dataclasses import replace

from transcheck.errors import InputError
from transcheck.formats.model import Builder, MappedDocument, Segment, verbatim


def paired(path: str, raw: str, source: str, bom: bool = False, source_name: str = "source") -> MappedDocument:
    """The target text as plain text, each line a segment with the source's line beside it."""
    target_lines = raw.replace("\r\n", "\n").split("\n")
    source_lines = source.replace("\r\n", "\n").split("\n")
    if target_lines and target_lines[-1] == "" and source_lines and source_lines[-1] == "":
        target_lines, source_lines = target_lines[:-1], source_lines[:-1]
    if len(target_lines) != len(source_lines):
        raise InputError(
            f"{path}: {len(target_lines)} line(s), but {source_name} has {len(source_lines)}: "
            "a source must be line-aligned with its target"
        )
    b = Builder(raw)
    b.text(raw.replace("\r\n", "\n"), 0)
    doc = b.document(path, "text", verbatim, bom)
    segments = []
    t = 0
    for number, (line, src) in enumerate(zip(target_lines, source_lines), 1):
        r0 = doc._raw(t, False)
        segments.append(Segment(None, t, t + len(line), r0, doc._raw(t + len(line), True), source=src))
        t += len(line) + 1
    return _with_segments(doc, tuple(segments))


def _with_segments(doc: MappedDocument, segments: tuple[Segment, ...]) -> MappedDocument:
    return replace(doc, segments=segments, seg_starts=tuple(s.raw_start for s in segments))


def example_document(text: str, source: str, glossary: tuple[tuple[str, str], ...] = ()) -> MappedDocument:
    """A rule example's target with its source (and glossary), as the bilingual rules see a file."""
    from transcheck.formats.model import Glossary

    doc = paired("<example>", text, source)
    if glossary:
        doc = replace(doc, glossary=Glossary(tuple((german, (english,)) for german, english in glossary)))
    return doc
