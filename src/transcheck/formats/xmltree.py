"""Safe XML parsing with positions: a small element tree whose nodes know their place in the file.

Parsing is done by expat (the parser under Python's ElementTree and defusedxml), hardened
as defusedxml hardens it: an entity declaration (billion laughs, external entities) or an
external reference stops the parse with defusedxml's own exception, and no DTD, entity or
URL is ever loaded. Every element and every run of character data carries its offset in
the decoded file text, taken from expat's byte index, so checked text maps back exactly.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from xml.parsers import expat

from defusedxml import DefusedXmlException, EntitiesForbidden, ExternalReferenceForbidden

from transcheck.errors import InputError

TAG_END_RE = re.compile(r"""(?:[^>"']|"[^"]*"|'[^']*')*>""")


@dataclass
class Text:
    """Character data as parsed, and where it starts in the raw text."""

    text: str
    start: int
    end: int  # raw end: past an entity reference or CDATA marker when there is one


@dataclass
class Node:
    """An element: local name, attributes (qualified names as written), raw extent, children."""

    name: str
    attrs: dict[str, str]
    start: int
    tag_end: int  # end of the start tag (== end for an empty element)
    end: int = -1
    line: int = 0
    children: list["Node | Text"] = field(default_factory=list)

    def iter(self, name: str):
        """Descendants (and self) with local name ``name``, in document order."""
        if self.name == name:
            yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter(name)

    def find(self, name: str) -> "Node | None":
        return next((c for c in self.children if isinstance(c, Node) and c.name == name), None)

    def attr(self, name: str) -> str | None:
        """An attribute by local name (``xml:lang`` found as ``lang`` too)."""
        for key, value in self.attrs.items():
            if key == name or key.rsplit(":", 1)[-1] == name:
                return value
        return None

    def plain(self) -> str:
        """All character data below this node."""
        return "".join(c.text if isinstance(c, Text) else c.plain() for c in self.children)


class _ByteToChar:
    """Byte offsets of the UTF-8 encoding to offsets in the decoded text."""

    def __init__(self, text: str) -> None:
        self.bytes: list[int] = []
        self.extra: list[int] = []
        total = 0
        for m in re.finditer(r"[^\x00-\x7f]", text):
            width = len(m.group().encode("utf-8")) - 1
            self.bytes.append(m.start() + total)
            total += width
            self.extra.append(total)

    def __call__(self, byte: int) -> int:
        i = bisect_right(self.bytes, byte - 1)
        return byte - (self.extra[i - 1] if i else 0)


def _forbid_entity(name, *args):
    raise EntitiesForbidden(name, None, None, None, None, None)


def _forbid_external(context, base, sysid, pubid):
    raise ExternalReferenceForbidden(context, base, sysid, pubid)


class _TreeBuilder:
    def __init__(self, raw: str, data: bytes) -> None:
        self.raw = raw
        self.char = _ByteToChar(raw) if len(data) != len(raw) else (lambda b: b)
        self.stack: list[Node] = []
        self.root: Node | None = None
        self.parser = expat.ParserCreate()
        p = self.parser
        p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        p.EntityDeclHandler = _forbid_entity
        p.UnparsedEntityDeclHandler = _forbid_entity
        p.ExternalEntityRefHandler = _forbid_external
        p.StartElementHandler = self.start
        p.EndElementHandler = self.end
        p.CharacterDataHandler = self.data
        p.buffer_text = False

    def start(self, name: str, attrs: dict[str, str]) -> None:
        pos = self.char(self.parser.CurrentByteIndex)
        m = TAG_END_RE.match(self.raw, pos + 1)
        tag_end = m.end() if m else pos + 1
        node = Node(name.rsplit(":", 1)[-1], attrs, pos, tag_end, line=self.parser.CurrentLineNumber)
        if self.stack:
            self.stack[-1].children.append(node)
        else:
            self.root = node
        self.stack.append(node)

    def end(self, name: str) -> None:
        node = self.stack.pop()
        pos = self.char(self.parser.CurrentByteIndex)
        if self.raw.startswith("</", pos):
            m = TAG_END_RE.match(self.raw, pos + 2)
            node.end = m.end() if m else pos
        else:  # an empty element: <x/>
            node.end = node.tag_end

    def data(self, text: str) -> None:
        if not self.stack:
            return
        pos = self.char(self.parser.CurrentByteIndex)
        raw = self.raw
        if raw.startswith("&", pos):  # entity or character reference
            end = raw.find(";", pos) + 1
        elif raw.startswith(text, pos) or (text == "\n" and raw.startswith("\r\n", pos)):
            end = pos + (2 if text == "\n" and raw[pos] == "\r" else len(text))
        elif raw.startswith("<![CDATA[", pos):
            pos += len("<![CDATA[")
            end = pos + len(text)
        else:
            end = pos + len(text)
        self.stack[-1].children.append(Text(text, pos, end))


def parse(data: bytes, raw: str, path: str) -> Node:
    """Parse XML bytes (already decoded to ``raw``) into a positioned tree; errors end in InputError."""
    builder = _TreeBuilder(raw, data)
    try:
        builder.parser.Parse(data, True)
    except DefusedXmlException as err:
        line = builder.parser.CurrentLineNumber
        raise InputError(f"{path}:{line}: unsafe XML refused ({type(err).__name__}: entities are never expanded or fetched)") from None
    except expat.ExpatError as err:
        raise InputError(f"{path}:{err.lineno}:{err.offset + 1}: malformed XML: {expat.ErrorString(err.code)}") from None
    assert builder.root is not None
    return builder.root
