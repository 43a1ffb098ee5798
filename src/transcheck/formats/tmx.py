"""TMX translation memories: the English variant of each ``tu`` is checked, the German one is its source."""

from __future__ import annotations

from transcheck.errors import InputError
from transcheck.formats.inline import segment, xml_escape
from transcheck.formats.model import Builder, MappedDocument
from transcheck.formats.xmltree import Node, parse


def _variant(tu: Node, prefix: str) -> Node | None:
    """The ``seg`` of the first ``tuv`` whose language starts with ``prefix`` (en, de)."""
    for tuv in tu.children:
        if isinstance(tuv, Node) and tuv.name == "tuv":
            lang = (tuv.attr("lang") or "").lower()
            if lang == prefix or lang.startswith(prefix + "-") or lang.startswith(prefix + "_"):
                return tuv.find("seg")
    return None


def read(path: str, data: bytes, raw: str, bom: bool) -> MappedDocument:
    root = parse(data, raw, path)
    if root.name != "tmx":
        raise InputError(f"{path}:{root.line}: not a TMX file (root element <{root.name}>)")
    b = Builder(raw)
    for number, tu in enumerate(root.iter("tu"), 1):
        target = _variant(tu, "en")
        if target is not None:
            segment(b, _variant(tu, "de"), target, str(number))
    return b.document(path, "tmx", xml_escape, bom)
