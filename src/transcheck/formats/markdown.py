"""Markdown: the text as written, without front matter, code blocks and code spans.

markdown-it-py (CommonMark, with mdit-py-plugins' front matter) finds the skipped blocks
by line; code spans become one placeholder character. Lines keep their numbers. A file
with nothing to skip is checked exactly as plain text.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from transcheck.documents import Document
from transcheck.formats.model import PLACEHOLDER, Builder, verbatim

SKIPPED_BLOCKS = frozenset({"front_matter", "fence", "code_block"})
CODE_SPAN_RE = re.compile(r"(?<![`\\])(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_PARSER = MarkdownIt("commonmark").use(front_matter_plugin)


def _skipped(raw: str, starts: list[int]) -> list[tuple[int, int, bool]]:
    """(start, end, is_code_span) raw ranges to leave out, in order."""
    out: list[tuple[int, int, bool]] = []
    for token in _PARSER.parse(raw):
        if token.map is None:
            continue
        first, last = token.map
        start, end = starts[first], starts[min(last, len(starts) - 1)] if last < len(starts) else len(raw)
        if token.type in SKIPPED_BLOCKS:
            out.append((start, end, False))
        elif token.type == "inline" and any(c.type == "code_inline" for c in token.children or ()):
            out.extend((m.start(), m.end(), True) for m in CODE_SPAN_RE.finditer(raw, start, end))
    return sorted(out)


def read(path: str, data: bytes, raw: str, bom: bool) -> Document:
    if "`" not in raw and "~~~" not in raw and not raw.startswith("---") and "    " not in raw and "\t" not in raw:
        return Document.from_text(path, ("\ufeff" if bom else "") + raw)
    starts = [0, *(m.end() for m in re.finditer("\n", raw))]
    skipped = _skipped(raw, starts)
    if not skipped:
        return Document.from_text(path, ("\ufeff" if bom else "") + raw)
    b = Builder(raw)
    pos = 0
    for start, end, code_span in skipped:
        if start < pos:
            continue
        b.text(raw[pos:start].replace("\r\n", "\n"), pos)
        if code_span:
            b.opaque(PLACEHOLDER, start, end)
        else:  # a skipped block keeps its line breaks, so lines keep their numbers
            for m in re.finditer(r"\r?\n", raw[start:end]):
                b.opaque("\n", start + m.start(), start + m.end())
        pos = end
    b.text(raw[pos:].replace("\r\n", "\n"), pos)
    return b.document(path, "markdown", verbatim, bom)
