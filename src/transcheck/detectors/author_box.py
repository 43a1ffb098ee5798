"""Author boxes: a person's name alone on a line, with the role and outlet lines after it.

A news page shows the author under the headline or beside the text: the name, a line
with the role ("Editor in the features section") and the outlet ("F.A.Z."). A scraper
keeps them as lines of the article. A line is a name when it is two or three
capitalised words, the last a known surname that is not a common English word, the
others not common words; it is reported when its first word is a known given name or
a role line follows. Names come from the 1990 US Census lists (``data/person-names``).
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator, Set
from dataclasses import dataclass
from functools import lru_cache, partial
from importlib import resources

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.models import Match
from transcheck.rules.matchers import line_block_span
from transcheck.wordfreqs import zipf

WORD = r"[A-ZÀ-Þ][a-zß-ÿ'’]+(?:-[A-ZÀ-Þ][a-zß-ÿ'’]+)?"
NAME_LINE = re.compile(rf"^[ \t]*({WORD}(?:[ \t]+{WORD}){{1,2}})[ \t]*$", re.MULTILINE)
NEXT_LINE = re.compile(r"\n+[ \t]*([^\n]*\S)[ \t]*")
ROLE = re.compile(
    r"\b(?:editor|correspondent|reporter|author|journalist|writer|columnist|contributor|freelance|"
    r"redakteur(?:in)?|korrespondent(?:in)?|autor(?:in)?|head of|desk|department|section|ressort)\b",
    re.IGNORECASE,
)
OUTLET = re.compile(r"^[A-Z](?:\.?[ \t]?[A-Z]){1,5}\.?$")  # "F. A. Z.", "SZ", "N.Y.T."


@lru_cache(maxsize=1)
def person_names() -> tuple[Set[str], Set[str]]:
    """(given names, surnames), capitalised: memory-mapped tries from the cache folder
    (``tables.word_set``, a sixth of two frozensets' memory)."""
    from transcheck import tables

    return (tables.word_set("given-names", partial(_read_names, True)),
            tables.word_set("surnames", partial(_read_names, False)))


def _read_names(given: bool) -> list[str]:
    """The given names (or the surnames) of ``data/person-names.txt.gz``."""
    data = resources.files("transcheck") / "data" / "person-names.txt.gz"
    lines = gzip.decompress(data.read_bytes()).decode("ascii").splitlines()
    return [line[2:] for line in lines if (line[:2] == "G ") == given]


@detector("author-box")
@dataclass
class AuthorBox:
    """A name alone on a line, and the role and outlet lines right after it."""

    max_surname_zipf: float = 4.0  # "Young", "Brown", "Power" are words first
    max_name_zipf: float = 5.0  # "The", "New" are no given names
    max_role_words: int = 10

    def is_name(self, words: list[str]) -> bool:
        given, surnames = person_names()
        last = words[-1]
        return (
            last in surnames
            and zipf(last) < self.max_surname_zipf
            and all(zipf(w) < self.max_name_zipf for w in words[:-1])
        )

    def is_role(self, line: str) -> bool:
        """A short line that names a job ("editor in the features section") or an outlet."""
        return OUTLET.match(line) is not None or (len(line.split()) <= self.max_role_words and ROLE.search(line) is not None)

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        first_line = len(text) - len(text.lstrip())  # where the headline starts
        for m in NAME_LINE.finditer(text):
            words = m.group(1).split()
            if m.start(1) == first_line or not self.is_name(words):
                continue  # the first line is the headline
            end = m.end(1)
            for _ in range(3):
                nxt = NEXT_LINE.match(text, end)
                if not nxt or not self.is_role(nxt.group(1)):
                    break
                end = nxt.end(1)
            if end > m.end(1) or words[0].split("-")[0] in person_names()[0]:  # the lists load on a name line only
                fs, fe = line_block_span(text, m.start(1), end)
                yield Match(m.start(1), end, "", fs, fe, suggestion="delete")
