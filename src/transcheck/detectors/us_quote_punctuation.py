"""en-US: a period or comma after a closing quotation mark belongs inside it (TC210, TC211).

British (and German) usage puts the mark outside unless it belongs to the quotation.
A document spelt the British way throughout (`colour`, `realised`, `centre`; pairs from
SCOWL in ``data/spelling-variants.tsv``) follows the British convention on purpose, so the rule
stays silent there even when it is checked as en-US.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.models import Match

# a closing double quote (curly, or straight after a word) then . or , (not an ellipsis
# or a decimal); after a quoted ! or ? the period or comma is dropped instead
DOUBLE = re.compile(r'(?P<span>(?P<q>[”"])(?<=[^\s\d(\[][”"])(?:(?<=[!?][”"])[.,]|(?P<p>[.,])))(?![.\d])')
# ‘…’ then . or , — apostrophes between letters may occur inside the quotation
SINGLE = re.compile(r"‘(?:[^‘’\n]|(?<=\w)’(?=\w)){1,400}?(?P<span>(?P<q>’)(?P<p>[.,]))(?![.\d\w])")


@lru_cache(maxsize=1)
def spelling_variants() -> tuple[frozenset[str], frozenset[str]]:
    """(British forms, American forms) of words spelt differently in the two locales."""
    text = (resources.files("transcheck") / "data" / "spelling-variants.tsv").read_text(encoding="utf-8")
    pairs = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return frozenset(b for b, _ in pairs), frozenset(a for _, a in pairs)


def british_spelling(ctx: Context) -> bool:
    """Two or more distinct British spellings among the lower-case words, and no American
    one (machine translation mixes them: one `centre` in an en-US draft proves little)."""
    if "british_spelling" not in ctx.cache:
        british, american = spelling_variants()
        words = ctx.vocabulary
        gb, us = len(words & british), len(words & american)
        ctx.cache["british_spelling"] = gb >= 2 and not us
    return ctx.cache["british_spelling"]


def _inside_double(text: str, i: int) -> bool:
    """Offset ``i`` lies inside a double-quoted passage of its line."""
    before = text[text.rfind("\n", 0, i) + 1 : i]
    return before.count("“") + before.count("„") > before.count("”") or before.count('"') % 2 == 1


@detector("us-quote-punctuation")
@dataclass
class UsQuotePunctuation:
    """``”.`` ``”,`` (``marks: double``), or ``’.`` ``’,`` closing a ‘…’ nested in a
    double-quoted passage (``marks: single``)."""

    marks: str = "double"

    def find(self, ctx: Context) -> Iterator[Match]:
        regex = SINGLE if self.marks == "single" else DOUBLE
        text = ctx.text
        if ("’" if regex is SINGLE else "”") not in text and (regex is SINGLE or '"' not in text):
            return
        if british_spelling(ctx):
            return
        for m in regex.finditer(text):
            if regex is SINGLE and not _inside_double(text, m.start()):
                continue  # single marks as the outer quotes: the British style, not a nested quote
            yield Match(m.start("span"), m.end("span"), (m["p"] or "") + m["q"])
