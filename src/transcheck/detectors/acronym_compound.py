"""German acronym compounds kept with their hyphen: `IT-Abteilung` →
`IT-department`, `BKA-Präsident` → `BKA-President`, where English writes the
acronym as a separate modifier (`IT department`, `BKA president`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from transcheck import speller
from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.detectors.untranslated import MixedCompound
from transcheck.models import Match
from transcheck.tagger import model

# An acronym (CDU, AfD, BKA, G20) joined by a hyphen to a word with a lower-case tail.
COMPOUND = re.compile(r"(?<![\w-])([A-Z][A-Za-z\d]{0,4}[A-Z\d])-([A-Za-z][a-z]+)(?![\w-])")
# English compound modifiers: `US-led`, `EU-wide`, `UK-style`, `CEO-level`, `HIV-positive`.
MODIFIER_ENDINGS = (
    "ed", "ing", "free", "style", "wide", "like", "friendly", "proof", "run", "born", "made", "level", "type",
    "class", "era", "size", "scale", "grade", "only", "specific", "ready", "centric", "savvy", "related", "based",
)
# All-capital English prefixes in a headline (`ANTI-war`, `NON-profit`).
PREFIXES = frozenset("ANTI NON PRE CO RE EX POST PRO SELF SEMI SUB MULTI MID OVER UNDER OUT ALL HALF".split())
NOUN_TAGS = frozenset({"NN", "NNS"})
OTHER_TAGS = frozenset("JJ JJR JJS VBN VBG VBD RB".split())


@lru_cache(maxsize=20_000)
def english_noun(word: str) -> bool:
    """An English common noun, not an adjective or participle (`security`, `president`;
    not `positive`, `led`, `China`): the dictionary knows it in lower case, and the
    treebank saw it as a noun and never as an adjective or verb participle."""
    lower = word.lower()
    if lower not in speller.words() or lower.endswith(MODIFIER_ENDINGS):
        return False
    seen = model().lexicon.get(lower)
    if seen is None:
        return not speller.adjective(lower)
    return bool(seen & NOUN_TAGS) and not seen & OTHER_TAGS


@detector("acronym-compound", line_local=True)
@dataclass
class AcronymCompound:
    """An acronym, a hyphen and an English common noun: a German compound spelled the
    German way (`SPD-chairmanship`). Compounds the German-compound rule (TC504) reports,
    whose second part is still German (`CDU-Chef`), are left to it."""

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        if "-" not in text:
            return
        german = MixedCompound()
        for m in COMPOUND.finditer(text):
            acronym, noun = m.groups()
            if acronym in PREFIXES or not english_noun(noun) or german.hyphenated(acronym, noun):
                continue
            yield Match(m.start(), m.end(), replacement=f"{acronym} {noun}")
