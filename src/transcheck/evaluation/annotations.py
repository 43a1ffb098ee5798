"""Annotation files: ``NAME.annotations.jsonl`` beside ``NAME.txt``, one JSON object a line.

Each object has ``start``/``end`` (code-point offsets into the file read as UTF-8 with
``newline=''``, end exclusive), ``quote`` (the text at the span), ``category`` and an
optional ``note``. A malformed file raises an AnnotationError naming the file and line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from transcheck.errors import InputError

SUFFIX = ".annotations.jsonl"
REQUIRED = {"start": int, "end": int, "quote": str, "category": str}
OPTIONAL = {"note": str}


class AnnotationError(InputError):
    """An annotation file that is not valid; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class Annotation:
    """One hand-marked span of a text file."""

    path: str
    line: int  # line of the annotation file, for messages
    start: int
    end: int
    quote: str
    category: str
    note: str = ""

    def overlaps(self, start: int, end: int) -> bool:
        """The corpus's matching rule: spans overlap by at least one code point."""
        return start < self.end and self.start < end


def annotation_path(text_path: str | Path) -> Path:
    """``dir/NAME.annotations.jsonl`` for ``dir/NAME.txt``."""
    path = Path(text_path)
    return path.with_name(path.stem + SUFFIX)


def load(text_path: str, text: str, required: bool = True) -> list[Annotation]:
    """The annotations of ``text_path`` (whose raw text is ``text``), validated against it."""
    path = annotation_path(text_path)
    if not path.exists():
        if required:
            raise AnnotationError(f"{path}: no such annotation file (every text needs one beside it)")
        return []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise AnnotationError(f"{path}: cannot read ({err})") from None
    return [_parse(str(path), number, line, text_path, text) for number, line in enumerate(lines, 1) if line.strip()]


def _parse(where: str, number: int, line: str, text_path: str, text: str) -> Annotation:
    def fail(problem: str) -> AnnotationError:
        return AnnotationError(f"{where}:{number}: {problem}")

    try:
        data = json.loads(line)
    except json.JSONDecodeError as err:
        raise fail(f"invalid JSON ({err.msg} at column {err.colno})") from None
    if not isinstance(data, dict):
        raise fail("expected a JSON object")
    unknown = sorted(set(data) - set(REQUIRED) - set(OPTIONAL))
    if unknown:
        raise fail(f"unknown key {unknown[0]!r} (expected {', '.join([*REQUIRED, *OPTIONAL])})")
    for key, kind in {**REQUIRED, **OPTIONAL}.items():
        if key not in data:
            if key in REQUIRED:
                raise fail(f"missing key {key!r}")
        elif not isinstance(data[key], kind) or isinstance(data[key], bool):
            raise fail(f"key {key!r} must be {'an integer' if kind is int else 'a string'}")
    start, end = data["start"], data["end"]
    if not 0 <= start < end <= len(text):
        raise fail(f"span {start}-{end} lies outside the text ({len(text)} code points)")
    if text[start:end] != data["quote"]:
        raise fail(f"quote {data['quote']!r} differs from the text at {start}-{end}: {text[start:end]!r}")
    return Annotation(text_path, number, start, end, data["quote"], data["category"], data.get("note", ""))
