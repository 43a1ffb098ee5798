"""Amounts without a thousands separator, the German way: ``4000 tractors``, ``28000 deaths``.

German writes ``4000`` (or ``4.000``); English news style (AP, Chicago, the Guardian,
the Economist) writes ``4,000``. The hard part is what else four digits can be: years
(``in 2019``, ``the 2019 elections``, ``to 1990 levels``), model and road numbers
(``FritzBox 7590``, ``road 1230``), postcodes and house numbers (``8001 Zurich``). A
number is reported only when what surrounds it shows it counts things.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.models import Match
from transcheck.wordfreqs import zipf

NUMBER_RE = re.compile(
    r"(?P<num>[1-9](?<![\w.,:/$€£#+\-−–][1-9])[0-9]{3,5})(?![\w%°]|[.,:/\-–][0-9])"
    r"(?P<after>(?:[ \u00a0]+[A-Za-z][\w’'-]*){0,2})"
)
WORD_BEFORE_RE = re.compile(r"(?:(?P<word>[\w’'-]+)|(?P<sign>[^\w\s]))?[ \u00a0]*\Z")
IRREGULAR_PLURALS = frozenset({"people", "men", "women", "children", "police", "staff", "cattle", "personnel"})
MIN_ZIPF = 3.0


def plural_noun(word: str) -> bool:
    """A lower-case English plural (``customers``, ``people``), by its singular's frequency."""
    if word in IRREGULAR_PLURALS:
        return True
    if not word.islower() or not word.endswith("s") or word.endswith(("ss", "us", "is", "'s", "’s")):
        return False
    singulars = [word[:-1], word[:-2] if word.endswith("es") else "", word[:-3] + "y" if word.endswith("ies") else ""]
    return zipf(word) >= MIN_ZIPF and any(s and zipf(s) >= MIN_ZIPF for s in singulars)


@detector("amount-without-separator", line_local=True)
@dataclass
class AmountWithoutSeparator:
    """``4000 tractors``, ``around 3500``, ``wrote to 1825 customers``, ``28000 deaths``: an
    amount of four to six digits with no thousands comma. Year-like numbers (1000-2100)
    need a plural noun after them and no word before them that introduces a year."""

    quantity_words: frozenset[str] = frozenset()   # around, about, some: an amount follows
    label_words: frozenset[str] = frozenset()      # road, model, page: a number names a thing
    year_words: frozenset[str] = frozenset()       # in, since, the: a year follows
    attributive_nouns: frozenset[str] = frozenset()  # levels, elections: "the 2019 elections"
    amount_modifiers: frozenset[str] = frozenset()   # further, new: "1730 further customers"

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        for m in NUMBER_RE.finditer(text):
            before = WORD_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())
            word = (before["word"] or "") if before else ""
            sign = (before["sign"] or "") if before else ""
            if self.is_amount(int(m["num"]), word, sign, m["after"].split()):
                yield Match(m.start("num"), m.end("num"), f"{int(m['num']):,}")

    def is_amount(self, number: int, before: str, sign: str, after: list[str]) -> bool:
        """Whether the number counts things, judged by the word before it and the words after it."""
        if self.labelled(before, after) or sign not in ("", "(", "–", "—", ":"):
            return False
        if not 1000 <= number <= 2100:
            return self.counted(after) or before.lower() in self.quantity_words
        year_start = not before or before.lower() in self.year_words or before.endswith(("'s", "’s"))
        return not year_start and sign == "" and self.counted(after, modifiers=self.amount_modifiers)

    def labelled(self, before: str, after: list[str]) -> bool:
        """A name, a label word before it or a capitalised word after it: ``Route 1000``, ``1010 Vienna``."""
        if before.lower() in self.label_words:
            return True
        if before[:1].isupper() and before.lower() not in self.quantity_words:
            return True
        return bool(after) and after[0][:1].isupper()

    def counted(self, after: list[str], modifiers: frozenset[str] | None = None) -> bool:
        """A plural noun follows, directly or after one modifier: ``tractors``, ``further customers``
        (only the ``modifiers`` given, when given)."""
        for i, word in enumerate(after[:2]):
            if word in self.attributive_nouns:
                return False
            if plural_noun(word):
                return True
            if i == 0 and not (word.islower() and (modifiers is None or word in modifiers)):
                return False
        return False
