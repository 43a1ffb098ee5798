"""Glossaries for the terminology check: TBX (2008 ``termEntry``, v3 ``conceptEntry``) or CSV.

CSV: a header naming a German and an English column (``de``/``german``/``source`` and
``en``/``english``/``target``), or the first two columns; several approved English terms in
one cell are separated by ``|`` or ``;``. TBX is parsed as safely as any other XML.
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache

from transcheck.documents import decode, read_bytes
from transcheck.errors import InputError
from transcheck.formats.model import Glossary
from transcheck.formats.xmltree import Node, parse

GERMAN_COLUMNS = ("de", "de-de", "german", "deutsch", "source")
ENGLISH_COLUMNS = ("en", "en-us", "en-gb", "english", "target")


def _alternatives(cell: str) -> tuple[str, ...]:
    return tuple(t.strip() for t in cell.replace(";", "|").split("|") if t.strip())


def _csv(path: str, text: str) -> dict[str, tuple[str, ...]]:
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return {}
    header = [c.strip().lower() for c in rows[0]]
    de = next((header.index(c) for c in GERMAN_COLUMNS if c in header), None)
    en = next((header.index(c) for c in ENGLISH_COLUMNS if c in header), None)
    if de is None or en is None:
        de, en = 0, 1
    else:
        rows = rows[1:]
    terms: dict[str, tuple[str, ...]] = {}
    for number, row in enumerate(rows, 2 if de else 1):
        if len(row) <= max(de, en):
            if any(c.strip() for c in row):
                raise InputError(f"{path}:{number}: a glossary row needs a German and an English term")
            continue
        if row[de].strip() and _alternatives(row[en]):
            terms[row[de].strip()] = terms.get(row[de].strip(), ()) + _alternatives(row[en])
    return terms


def _terms(node: Node, lang: str) -> list[str]:
    out = []
    for lang_set in node.iter("langSet"):
        code = (lang_set.attr("lang") or "").lower()
        if code == lang or code.startswith(lang + "-"):
            out.extend(t.plain().strip() for t in lang_set.iter("term") if t.plain().strip())
    return out


def _tbx(path: str, data: bytes, text: str) -> dict[str, tuple[str, ...]]:
    root = parse(data, text, path)
    terms: dict[str, tuple[str, ...]] = {}
    entries = [*root.iter("termEntry"), *root.iter("conceptEntry")]
    for entry in entries:
        english = tuple(_terms(entry, "en"))
        for german in _terms(entry, "de"):
            if english:
                terms[german] = terms.get(german, ()) + english
    return terms


@lru_cache(maxsize=8)
def load(path: str) -> Glossary:
    """The glossary in ``path`` (``.tbx`` or ``.csv``/``.tsv``), read once per process."""
    data = read_bytes(path)
    text = decode(data, path).lstrip("\ufeff")
    if path.lower().endswith((".tbx", ".xml")):
        terms = _tbx(path, data, text)
    else:
        terms = _csv(path, text.replace("\t", ",") if path.lower().endswith(".tsv") else text)
    if not terms:
        raise InputError(f"{path}: glossary holds no German-English term pair")
    return Glossary(tuple(sorted(terms.items())))
