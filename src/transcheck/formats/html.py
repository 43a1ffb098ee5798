"""HTML: the visible text of each block element is a segment.

Python's own HTML parser (``html.parser``, tolerant of real-world markup) reports each
construct with its line and column. Script, style, navigation, code and hidden elements
are skipped; entities are decoded; runs of white space read as one space, as a browser
shows them.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from transcheck.formats.model import Builder, MappedDocument

SKIPPED = frozenset({
    "script", "style", "noscript", "template", "nav", "head", "svg", "math", "iframe", "object",
    "code", "pre", "textarea", "select", "button", "canvas",
})
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "ol", "p", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
TOKEN_RE = re.compile(r"[ \t\r\n\f]+|[^ \t\r\n\f]+")


def _hidden(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    values = dict(attrs)
    return tag in SKIPPED or "hidden" in values or values.get("aria-hidden") == "true" or values.get("role") == "navigation"


class _Reader(HTMLParser):
    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=False)
        self.b = Builder(raw)
        self.raw = raw
        self.starts = [0, *(m.end() for m in re.finditer("\n", raw))]
        self.skip: list[str] = []  # open skipped elements
        self.space: tuple[int, int] | None = None  # a pending white-space run
        self.open = False

    def _here(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def _break(self) -> None:
        if self.open:
            self.b.end(self._here(), None)
            self.open = False
        self.space = None

    def _word(self, text: str, start: int, end: int, exact: bool) -> None:
        if not self.open:
            self.b.begin(start)
            self.open = True
        elif self.space is not None:
            s, e = self.space
            self.b.text(" ", s) if e - s == 1 and self.raw[s] == " " else self.b.opaque(" ", s, e)
        self.space = None
        self.b.text(text, start) if exact else self.b.opaque(text, start, end)

    def handle_starttag(self, tag, attrs):
        if self.skip:
            if tag == self.skip[-1] or (tag in SKIPPED and tag not in VOID):
                self.skip.append(tag)
            return
        if _hidden(tag, attrs) and tag not in VOID:
            self.skip.append(tag)
            self._break()
        elif tag in BLOCKS:
            self._break()

    def handle_endtag(self, tag):
        if self.skip:
            if tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        if tag in BLOCKS:
            self._break()

    def handle_data(self, data):
        if self.skip:
            return
        start = self._here()
        for m in TOKEN_RE.finditer(data):
            if m.group()[0] in " \t\r\n\f":
                if self.open:
                    self.space = (start + m.start(), start + m.end())
            else:
                self._word(m.group(), start + m.start(), start + m.end(), True)

    def _reference(self, text: str) -> None:
        if self.skip:
            return
        start = self._here()
        end = self.raw.find(";", start, start + 40)
        end = end + 1 if end != -1 else start + len(text)
        char = html.unescape(self.raw[start:end])
        if char.isspace() and char != "\xa0":
            if self.open:
                self.space = (start, end)
        else:
            self._word(char, start, end, False)

    def handle_comment(self, data):
        """A transcheck suppression comment is kept as a block of its own, so suppressions work in HTML."""
        if self.skip or not data.strip().startswith("transcheck-"):
            return
        self._break()
        start = self._here()
        comment = f"<!--{data}-->"
        self._word(comment, start, start + len(comment), self.raw.startswith(comment, start))
        self._break()

    def handle_entityref(self, name):
        self._reference(f"&{name}")

    def handle_charref(self, name):
        self._reference(f"&#{name}")


def read(path: str, data: bytes, raw: str, bom: bool) -> MappedDocument:
    reader = _Reader(raw)
    reader.feed(raw)
    reader.close()
    if reader.open:
        reader.b.end(len(raw), None)
    return reader.b.document(path, "html", escape, bom)


def escape(text: str) -> str:
    """A replacement written into HTML text."""
    return html.escape(text, quote=False)
