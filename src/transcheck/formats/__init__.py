"""Input formats: XLIFF, PO, TMX, HTML and Markdown files read into mapped documents.

``read(path, options)`` picks the reader by ``--input-format`` or by extension; a plain
text file (or ``--input-format text``) is read exactly as before, or, with ``--source``,
paired line by line with its German source for the bilingual checks (sentence by sentence
with ``--align``).
"""

from __future__ import annotations

import sys
from importlib import import_module
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from transcheck.documents import BOM, Document, decode, read_bytes
from transcheck.collector import collector_paused
from transcheck.formats.model import PLACEHOLDER, Glossary, MappedDocument, Segment
from transcheck.formats.plain import aligned, paired

# Reader modules by format name, imported only when a file of that format is read.
READERS = {"xliff": "xliff", "po": "po", "tmx": "tmx", "html": "html", "markdown": "markdown"}
SUFFIXES = {
    ".xlf": "xliff", ".xliff": "xliff", ".po": "po", ".pot": "po", ".tmx": "tmx",
    ".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown",
}
NAMES = ("auto", "text", *READERS)
BILINGUAL = frozenset({"xliff", "po", "tmx"})
__all__ = ["PLACEHOLDER", "Glossary", "MappedDocument", "ReadOptions", "Segment", "read", "read_text"]


@dataclass(frozen=True)
class ReadOptions:
    """How to read input files: ``--input-format``, ``--source``, ``--glossary``, ``--align``."""

    input_format: str = "auto"
    source: str | None = None
    glossary: str | None = None
    align: bool = False  # --source: sentence-aligned rather than line-aligned


DEFAULT = ReadOptions()


def format_of(path: str, options: ReadOptions = DEFAULT) -> str:
    if options.input_format != "auto":
        return options.input_format
    return SUFFIXES.get(Path(path).suffix.lower(), "text")


def read_text(path: str, text: str, options: ReadOptions = DEFAULT) -> Document:
    """A document from decoded file text (a BOM allowed), in the format ``path``/``options`` name."""
    bom = text.startswith(BOM)
    raw = text[1:] if bom else text
    fmt = format_of(path, options)
    if fmt == "text":
        if options.source is None:
            return Document.from_text(path, text)
        source = decode(read_bytes(options.source), options.source).lstrip(BOM)
        pair = aligned if options.align else partial(paired, source_name=options.source)
        doc: Document = pair(path, raw, source, bom)
    else:
        reader = import_module(f"transcheck.formats.{READERS[fmt]}").read
        with collector_paused():
            doc = reader(path, raw.encode("utf-8"), raw, bom)
    if options.glossary and isinstance(doc, MappedDocument):
        glossary = import_module("transcheck.formats.glossary")
        doc = replace(doc, glossary=glossary.load(options.glossary))
    return doc


def read(path: str, options: ReadOptions = DEFAULT) -> Document:
    """Read a file (``-`` for stdin) into a document of its format."""
    if path == "-":
        return read_text("<stdin>", decode(sys.stdin.buffer.read(), "<stdin>"), options)
    return read_text(path, decode(read_bytes(path), path), options)
