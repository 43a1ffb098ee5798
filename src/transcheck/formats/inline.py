"""Inline codes of XLIFF 1.2, XLIFF 2.x and TMX: kept out of the checked text, positions mapped.

Paired codes whose content is translatable text (``g``, ``mrk``, ``pc``, ``hi``) keep their
content; codes whose content is native markup (``bpt``, ``ph``, ...) and empty codes
(``x``, ``sc``, ...) become one placeholder character standing for the whole element.
"""

from __future__ import annotations

from xml.sax.saxutils import escape as xml_escape

from transcheck.formats.model import PLACEHOLDER, Builder
from transcheck.formats.xmltree import Node, Text

CONTENT = frozenset({"g", "mrk", "pc", "hi"})
MARKERS = frozenset({"sm", "em"})  # zero-width annotation markers: nothing to check or compare
__all__ = ["emit", "flatten", "xml_escape"]


def code_id(node: Node) -> str:
    """A code's identity for comparing source and target: element name and id."""
    ref = node.attr("id") or node.attr("startRef") or node.attr("rid") or node.attr("i") or node.attr("x") or ""
    return f"{node.name}:{ref}"


def emit(b: Builder, node: Node, codes: list[str]) -> None:
    """Add the checked text of ``node``'s content to ``b``; collect its code ids."""
    raw = b.raw
    for child in node.children:
        if isinstance(child, Text):
            if raw[child.start : child.end] == child.text:
                b.text(child.text, child.start)
            else:
                b.opaque(child.text, child.start, child.end)
        elif child.name in CONTENT:
            if child.name != "mrk":
                codes.append(code_id(child))
            emit(b, child, codes)
        elif child.name not in MARKERS:
            codes.append(code_id(child))
            b.opaque(PLACEHOLDER, child.start, child.end)


def flatten(node: Node | None) -> tuple[str, tuple[str, ...]]:
    """The text of a source element (codes as placeholders) and its code ids."""
    if node is None:
        return "", ()
    parts: list[str] = []
    codes: list[str] = []

    def walk(n: Node) -> None:
        for child in n.children:
            if isinstance(child, Text):
                parts.append(child.text)
            elif child.name in CONTENT:
                if child.name != "mrk":
                    codes.append(code_id(child))
                walk(child)
            elif child.name not in MARKERS:
                codes.append(code_id(child))
                parts.append(PLACEHOLDER)

    walk(node)
    return "".join(parts), tuple(codes)


def segment(b: Builder, source: Node | None, target: Node, unit: str | None) -> None:
    """One bilingual segment: the target's text checked, the source's kept beside it."""
    source_text, source_codes = flatten(source)
    codes: list[str] = []
    b.begin(target.tag_end)
    emit(b, target, codes)
    b.end(target.end, unit, source=source_text if source is not None else None,
          source_codes=source_codes, target_codes=tuple(codes))
