"""gettext PO/POT: each msgstr (each plural form) is a segment, its msgid the source.

polib parses the file; the raw position of each msgstr string is then found from the
entry's line, and its C escapes (``\\n``, ``\\"``) map back as opaque pieces.
"""

from __future__ import annotations

import re

import polib

from transcheck.errors import InputError
from transcheck.formats.model import Builder, MappedDocument

STRING_RE = re.compile(r'"((?:[^"\\]|\\.)*)"')
ESCAPE_RE = re.compile(r"\\(.)")
ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
UNIT_WIDTH = 60


def escape(text: str) -> str:
    """A replacement written inside a PO string."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")


def _unit(entry: polib.POEntry, form: int | None) -> str:
    msgid = entry.msgid if len(entry.msgid) <= UNIT_WIDTH else entry.msgid[: UNIT_WIDTH - 1] + "…"
    unit = f"{entry.msgctxt}|{msgid}" if entry.msgctxt else msgid
    return unit if form is None else f"{unit}[{form}]"


class _Lines:
    """Line starts of the raw text, to walk an entry's lines from polib's line number."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.starts = [0, *(m.end() for m in re.finditer("\n", raw))]

    def line(self, index: int) -> tuple[int, str]:
        start = self.starts[index]
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.raw)
        return start, self.raw[start:end]


def _msgstr_strings(lines: _Lines, first_line: int, keyword: str) -> list[tuple[int, str]]:
    """(raw offset of the content, escaped content) of each string of ``keyword``."""
    i = first_line
    while i < len(lines.starts):
        start, text = lines.line(i)
        if text.startswith(keyword + " ") or text.startswith(keyword + '"'):
            m = STRING_RE.search(text, len(keyword))
            found = [(start + m.start(1), m.group(1))] if m else []
            i += 1
            while i < len(lines.starts):
                start, text = lines.line(i)
                stripped = text.lstrip()
                if not stripped.startswith('"'):
                    break
                m = STRING_RE.match(text, len(text) - len(stripped))
                if m:
                    found.append((start + m.start(1), m.group(1)))
                i += 1
            return found
        i += 1
    return []


def _emit(b: Builder, strings: list[tuple[int, str]]) -> str:
    """Add the decoded strings to ``b``; returns the decoded text."""
    decoded = []
    for offset, content in strings:
        pos = 0
        for m in ESCAPE_RE.finditer(content):
            b.text(content[pos : m.start()], offset + pos)
            char = ESCAPES.get(m.group(1), m.group(1))
            b.opaque(char, offset + m.start(), offset + m.end())
            decoded.append(content[pos : m.start()] + char)
            pos = m.end()
        b.text(content[pos:], offset + pos)
        decoded.append(content[pos:])
    return "".join(decoded)


def read(path: str, data: bytes, raw: str, bom: bool) -> MappedDocument:
    try:
        po = polib.pofile(raw, encoding="utf-8", wrapwidth=0)
    except (OSError, ValueError) as err:
        raise InputError(f"{path}: malformed PO file: {err}") from None
    lines = _Lines(raw)
    b = Builder(raw)
    for entry in po:
        if entry.obsolete or not entry.msgid:
            continue
        state = "fuzzy" if entry.fuzzy else None
        forms = sorted(entry.msgstr_plural.items()) if entry.msgid_plural else [(None, entry.msgstr)]
        for form, msgstr in forms:
            if not msgstr:
                continue
            keyword = "msgstr" if form is None else f"msgstr[{form}]"
            strings = _msgstr_strings(lines, max(0, entry.linenum - 1), keyword)
            if not strings:
                continue
            source = entry.msgid if not form else entry.msgid_plural
            b.begin(strings[0][0])
            _emit(b, strings)
            last_offset, last = strings[-1]
            b.end(last_offset + len(last), _unit(entry, form), source=source, state=state)
    return b.document(path, "po", escape, bom)
