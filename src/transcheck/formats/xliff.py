"""XLIFF 1.2 (``trans-unit``) and 2.x (``unit``/``segment``): each target is a segment."""

from __future__ import annotations

from transcheck.errors import InputError
from transcheck.formats.inline import segment, xml_escape
from transcheck.formats.model import Builder, MappedDocument
from transcheck.formats.xmltree import Node, parse


def read(path: str, data: bytes, raw: str, bom: bool) -> MappedDocument:
    root = parse(data, raw, path)
    if root.name != "xliff":
        raise InputError(f"{path}:{root.line}: not an XLIFF file (root element <{root.name}>)")
    b = Builder(raw)
    if (root.attr("version") or "1.2").startswith("2"):
        _units_2(b, root)
    else:
        _units_1(b, root)
    return b.document(path, "xliff", xml_escape, bom)


def _units_1(b: Builder, root: Node) -> None:
    for unit in root.iter("trans-unit"):
        target = unit.find("target")
        if target is not None and unit.attr("translate") != "no":
            segment(b, unit.find("source"), target, unit.attr("id"))


def _units_2(b: Builder, root: Node) -> None:
    for unit in root.iter("unit"):
        if unit.attr("translate") == "no":
            continue
        uid = unit.attr("id")
        for seg in (c for c in unit.children if isinstance(c, Node) and c.name == "segment"):
            target = seg.find("target")
            if target is not None:
                sid = seg.attr("id")
                segment(b, seg.find("source"), target, f"{uid}/{sid}" if sid else uid)
