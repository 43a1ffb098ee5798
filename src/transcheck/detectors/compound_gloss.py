"""German compounds glossed part by part ("party point" for Parteispitze), from a generated table.

The table (``data/calques/compound-gloss.tsv``, built by ``scripts/build_calques.py`` from
German Wiktionary) holds thousands of two-word glosses; one Aho-Corasick pass over the
lower-cased text finds them all, and only the rare hits are checked for word boundaries.
Title-case hits (Mission District, Development Minister) are names and offices and pass;
so does a modifier English also uses as an adjective (a key supporter), and one it also
uses as a verb unless a determiner, possessive, adjective, number or preposition shows a
noun phrase (photos show players; the study colleagues), by the treebank's lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

from ahocorasick_rs import AhoCorasick, MatchKind

from transcheck import tables
from transcheck.context import Context, automaton_matches, lower
from transcheck.detectors import detector
from transcheck.models import Match
from transcheck.tagger import Token, model, tagged_sentences

TABLE = Path(__file__).resolve().parent.parent / "data" / "calques" / "compound-gloss.tsv"
WORD_CHAR = re.compile(r"[\w'’-]")
PREVIOUS_WORD = re.compile(r"([\w'’]+)\s*$")
ADJECTIVE = frozenset({"JJ"})
VERB = frozenset({"VB", "VBP", "VBD"})
NOUN_PHRASE = frozenset({"DT", "PRP$", "JJ", "JJR", "JJS", "CD", "IN", "POS"})


@dataclass(frozen=True)
class GlossTable:
    """The literal glosses, the German compound and English term of each, and their automaton."""

    literals: list[str]
    german: list[str]
    english: list[str]
    automaton: AhoCorasick


@lru_cache(maxsize=None)
def load_table() -> GlossTable:
    """The compound-gloss table."""
    return read_gloss_table("compound-gloss", TABLE)


def read_gloss_table(name: str, path: Path) -> GlossTable:
    """A gloss table (gloss TAB German TAB English), its columns read from the cache folder
    after the first run (``tables.derived``)."""
    literals, german, english = tables.derived(name, partial(_read_columns, path))
    return GlossTable(literals, german, english, AhoCorasick(literals, matchkind=MatchKind.LeftmostLongest))


def _read_columns(path: Path) -> tuple[list[str], list[str], list[str]]:
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]


def _bounded(text: str, start: int, end: int) -> bool:
    """True when the hit is a whole-word sequence (no word character just before or after)."""
    return not (start > 0 and WORD_CHAR.match(text, start - 1)) and not (end < len(text) and WORD_CHAR.match(text, end))


def _title_case(found: str) -> bool:
    """Both words capitalised: a name or an office English writes that way (Mission District)."""
    return all(word[:1].isupper() for word in found.split())


def _english_reading(before: str, modifier: str) -> bool:
    """The modifier reads as an English adjective, or as a verb with no noun phrase opened
    before it (in ``before``, the lower-cased 40 characters in front of it)."""
    lexicon = model().lexicon
    seen = lexicon.get(modifier, frozenset())
    if seen & ADJECTIVE:
        return True
    if not seen & VERB:
        return False
    before = PREVIOUS_WORD.search(before)
    if before is None:
        return True
    word = before.group(1)
    if word.endswith(("'s", "’s")):
        return False
    return word == "to" or not lexicon.get(word, frozenset()) & NOUN_PHRASE


# A compound's head is a noun: a gloss whose last word the tagger reads otherwise is two
# words of an English sentence (`get its business back on track`, `the money set aside`).
HEAD_TAGS = frozenset("NN NNS NNP NNPS".split())


def _heads_read_as_no_nouns(ctx: Context, found: list[Match]) -> set[int]:
    """End offsets of the hits whose last word the tagger reads, in its sentence, as no noun
    (the hits are rare, so tagging their sentences is cheap)."""
    ends = {m.end for m in found}
    return {token.end for sentence in tagged_sentences(ctx, at=(m.start for m in found))
            for token in sentence if token.end in ends and _read_as_no_noun(token)}


def _read_as_no_noun(token: Token) -> bool:
    """Tagged as no noun, with a tag the treebank gives the word (not `hundred/VBD`)."""
    return token.tag not in HEAD_TAGS and token.tag in model().lexicon.get(token.word.lower(), frozenset())


@detector("compound-gloss")
@dataclass
class CompoundGloss:
    """A two-word literal gloss of a German compound noun, with the compound's English term."""

    def find(self, ctx: Context) -> Iterator[Match]:
        table = load_table()
        found = [m for base, text in ctx.lower_stretches() for m in self._glosses(ctx, table, base, text)]
        if found:
            not_nouns = _heads_read_as_no_nouns(ctx, found)
            yield from (m for m in found if m.end not in not_nouns)

    @staticmethod
    def _glosses(ctx: Context, table: GlossTable, base: int, text: str) -> Iterator[Match]:
        """The glosses in ``text``, the lower case of a stretch of lines at ``base``."""
        for index, first, last in automaton_matches(table.automaton, text):
            start, end = base + first, base + last
            if _bounded(text, first, last) and not _title_case(ctx.text[start:end]):
                before = lower(ctx.text[max(0, start - 40) : start])  # may reach into the lines above
                if _english_reading(before, table.literals[index].split()[0]):
                    continue
                english = table.english[index]
                if ctx.text[start].isupper() and english[:1].islower():
                    english = english[0].upper() + english[1:]
                yield Match(start, end, suggestion=english, detail=f"German: {table.german[index]}")
