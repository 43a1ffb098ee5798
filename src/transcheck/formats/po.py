"""gettext PO/POT: each msgstr (each plural form) is a segment, its msgid the source.

polib parses the file; one pass over the raw text finds every msgstr string in file
order (the entries' order), and its C escapes (``\\n``, ``\\"``) map back as opaque pieces.
As this reader decodes the msgstr strings itself, polib gets each of them as one character
(or none, when empty): it checks and parses the file's structure, msgids and contexts, but
does not copy, scan and decode every translation a second time.
"""

from __future__ import annotations

import re

import polib

from transcheck.errors import InputError
from transcheck.formats.model import Builder, MappedDocument

STRING_RE = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"')  # loops unrolled: one repeat per run of plain characters
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


HEADER_RE = re.compile(r'(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*msgid[ \t]+""[ \t]*\r?\n[ \t]*msgstr[ \t]')
LINE_STRING = r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"'  # a quoted string on one line
# a msgstr starting a line, blanks before it allowed as polib allows them (the file's first line
# cannot be one: polib refuses the file)
BLOCK_RE = re.compile(rf"\n[ \t]*msgstr(?:\[(\d+)\])?[ \t]*({LINE_STRING}[ \t]*(?:\r?\n[ \t]*{LINE_STRING}[ \t]*)*)", re.M)


STRING_LINE_RE = re.compile(rf"[ \t]*(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]+)?({LINE_STRING})?[ \t]*\r?$")


# a line that starts a keyword or a string and holds a quote, but is not a keyword and one whole
# string; the test of a valid line first, so most lines are scanned once
BAD_LINE = rf'(?=[ \t]*(?:msg|"))(?!{STRING_LINE_RE.pattern})(?=[^\n]*")'
BAD_FIRST_LINE_RE = re.compile("^" + BAD_LINE, re.M)
BAD_NEXT_LINE_RE = re.compile(r"\n" + BAD_LINE, re.M)  # from a newline: the engine skips to each in C


def _check_strings(path: str, raw: str) -> None:
    """polib reads an unterminated string as empty: refuse it, naming the line (one regex search)."""
    bad = BAD_FIRST_LINE_RE.match(raw) or BAD_NEXT_LINE_RE.search(raw)
    if bad is not None:
        number = raw.count("\n", 0, bad.start()) + 1 + (bad.group().startswith("\n"))
        raise InputError(f"{path}:{number}: malformed PO file: unterminated or invalid quoted string")


def _blocks(raw: str) -> list[list[tuple[int, str]]]:
    """Every msgstr (and msgstr[n]) of the file in order: (raw offset, escaped content) of each string."""
    out = []
    for m in BLOCK_RE.finditer(raw):
        block, offset = m.group(2), m.start(2)
        if "\n" in block:
            out.append([(offset + s.start(1), s.group(1)) for s in STRING_RE.finditer(block)])
        else:  # one string, blanks after it at most
            out.append([(offset + 1, block[1 : block.rindex('"')])])
    return out


def _emit(b: Builder, strings: list[tuple[int, str]]) -> None:
    """Add the decoded strings to ``b``: plain runs as they stand, each escape as an opaque piece."""
    for offset, content in strings:
        if "\\" not in content:
            b.text(content, offset)
            continue
        pos = 0
        for m in ESCAPE_RE.finditer(content):
            b.text(content[pos : m.start()], offset + pos)
            b.opaque(ESCAPES.get(m.group(1), m.group(1)), offset + m.start(), offset + m.end())
            pos = m.end()
        b.text(content[pos:], offset + pos)


def _shortened(raw: str, blocks: list[list[tuple[int, str]]]) -> str:
    """The file with the content of every msgstr string found cut to one character (lines kept)."""
    parts, pos = [], 0
    for strings in blocks:
        for offset, content in strings:
            if content:
                parts += (raw[pos:offset], "x")
                pos = offset + len(content)
    parts.append(raw[pos:])
    return "".join(parts)


def read(path: str, data: bytes, raw: str, bom: bool) -> MappedDocument:
    _check_strings(path, raw)  # every string line whole: polib needs not see the msgstr strings
    found_blocks = _blocks(raw)
    try:
        po = polib.pofile(_shortened(raw, found_blocks), encoding="utf-8", wrapwidth=0)
    except (OSError, ValueError) as err:
        raise InputError(f"{path}: malformed PO file: {err}") from None
    blocks = iter(found_blocks)
    if HEADER_RE.match(raw):
        next(blocks, None)  # polib keeps the header entry (msgid "") as metadata, not as an entry
    b = Builder(raw)
    for entry in po:
        if entry.obsolete:
            continue
        forms = sorted(entry.msgstr_plural.items()) if entry.msgid_plural else ((None, entry.msgstr),)
        found = [next(blocks, []) for _ in forms]  # the file's msgstr blocks, in the order of the entries
        if not entry.msgid:
            continue
        state = "fuzzy" if entry.fuzzy else None
        for (form, msgstr), strings in zip(forms, found):
            if not msgstr or not strings:
                continue
            source = entry.msgid if not form else entry.msgid_plural
            if len(strings) == 1 and "\\" not in strings[0][1]:  # one string, no escape: one run
                b.segment(strings[0][1], strings[0][0], _unit(entry, form), source, state)
                continue
            b.begin(strings[0][0])
            _emit(b, strings)
            last_offset, last = strings[-1]
            b.end(last_offset + len(last), _unit(entry, form), source=source, state=state)
    po.clear()  # polib's parser holds the file in a reference cycle: its entries are freed now, not by the collector
    return b.document(path, "po", escape, bom)
