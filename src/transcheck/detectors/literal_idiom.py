"""German idioms rendered word for word ("name horse and rider"), from a generated table.

The table (``data/idioms/idiom-gloss.tsv``, built by ``scripts/build_idioms.py`` from
German Wiktionary) holds, for each German idiom, the pairs of English glosses of two of
its nouns or adjectives that native English does not put together. A sentence in which
the two words of such a pair (any inflection) are joined only by articles, possessives,
prepositions or "and"/"or" (a phrase, not a clause) is flagged with the idiom and its meaning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from transcheck.context import Context, lower
from transcheck.detectors import detector
from transcheck.models import Match

DATA = Path(__file__).resolve().parent.parent / "data" / "idioms"
WINDOW = 4  # as scripts/build_idioms.py WINDOW
WORD = re.compile(r"[A-Za-z]+")
SENTENCE_END = re.compile(r"[.,!?;:()\"\n]")
# English closed-class words that may stand between the two glosses ("horse and rider",
# "hair in the soup"): articles, possessives, prepositions, and/or. Any other word between
# them makes it a clause, not the idiom ("the horse threw its rider").
LINKS = frozenset(
    "the a an and or of in on off from to into onto out with without by at for over under "
    "through behind before after between its his her their our your my".split()
)


@dataclass(frozen=True)
class IdiomTable:
    """English word form -> gloss; gloss pair -> (German idiom, its meaning)."""

    forms: dict[str, str]
    pairs: dict[tuple[str, str], tuple[str, str]]


@lru_cache(maxsize=None)
def load_table() -> IdiomTable:
    """Read the generated table and the glosses' English word forms."""
    forms: dict[str, str] = {}
    for line in (DATA / "english-forms.tsv").read_text(encoding="utf-8").splitlines():
        lemma, words = line.split("\t")
        for form in words.split():
            forms.setdefault(form, lemma)
    pairs: dict[tuple[str, str], tuple[str, str]] = {}
    for line in (DATA / "idiom-gloss.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            idiom, meaning, glosses = line.split("\t")
            for pair in glosses.split():
                a, b = pair.split("+")
                pairs.setdefault((a, b), (idiom, meaning))
    used = {w for pair in pairs for w in pair}
    return IdiomTable({f: g for f, g in forms.items() if g in used}, pairs)


@detector("literal-idiom")
@dataclass
class LiteralIdiom:
    """Two content words of a German idiom, glossed into English, joined only by articles and prepositions."""

    def find(self, ctx: Context) -> Iterator[Match]:
        table = load_table()
        written = {w: table.forms[w.lower()] for w in ctx.vocabulary if w.lower() in table.forms}
        glosses = set(written.values())
        paired = {g for pair in table.pairs if pair[0] in glosses and pair[1] in glosses for g in pair}
        if not paired:
            return
        for start, end in ctx.occurrences({w for w, g in written.items() if g in paired}):
            # the lower case of the words that may follow (no copy of a long text)
            text = lower(ctx.text[start : end + 25 * WINDOW])
            match = self._phrase(table, text, 0, end - start)
            if match:
                yield Match(start + match.start, start + match.end, detail=match.detail)

    @staticmethod
    def _phrase(table: IdiomTable, text: str, start: int, end: int) -> Match | None:
        """The idiom whose other gloss follows the word at start:end of the lower-cased
        ``text``, joined only by link words."""
        gloss = table.forms.get(text[start:end])
        previous = end
        for count, word in enumerate(WORD.finditer(text, end, end + 25 * WINDOW)):
            if count >= WINDOW or SENTENCE_END.search(text, previous, word.start()):
                return None
            second = table.forms.get(word.group())
            entry = table.pairs.get((min(gloss, second), max(gloss, second))) if gloss and second and second != gloss else None
            if entry:
                return Match(start, word.end(), detail=f"German idiom '{entry[0]}' ({entry[1]})")
            if word.group() not in LINKS:
                return None
            previous = word.end()
        return None
