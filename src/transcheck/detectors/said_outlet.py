"""The German dative object of `sagen` kept after `said`: `sagte sie dem Spiegel`
→ `she said the Spiegel`, where English needs `told` (or `said to`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.models import Match
from transcheck.tagger import Token, tagged_sentences

# Verbs of saying that take the person addressed in the German dative (sagte, erklärte, betonte).
VERBS = "said|explained|stressed|emphasized|emphasised"
# English words for a news outlet, as MT renders `der Zeitung`, `dem Magazin`, `dem Sender`.
MEDIA_NOUNS = (
    "newspaper", "magazine", "news magazine", "broadcaster", "news agency", "tabloid", "daily", "weekly",
    "news portal", "radio station", "TV station", "television station", "channel",
)
ARTICLES = re.compile(r"^(?:Die|Der|Das|der|die)\s+")
ONLINE = re.compile(r"\s+Online$")  # Spiegel Online is cited as Der Spiegel
FINITE = frozenset("VBD VBZ VBP MD".split())
CLAUSE_END = frozenset(",;:.!?–—()")


@cache
def media_names() -> tuple[tuple[str, str], ...]:
    """(name, acronym or "") of each German, Austrian and Swiss newspaper and broadcaster
    in the fundus publisher list (``data/calques/media-names.tsv``): `Norddeutscher
    Rundfunk (NDR)` → (`Norddeutscher Rundfunk`, `NDR`)."""
    table = (files("transcheck") / "data" / "calques" / "media-names.tsv").read_text(encoding="utf-8")
    pairs = []
    for line in table.splitlines():
        if not line.startswith("#") and line.count("\t") >= 2:
            full, _, acronym = line.split("\t")[1].partition(" (")
            acronym = acronym.rstrip(")")
            pairs.append((full.strip(), "" if acronym == "DE" else acronym))  # `Euronews (DE)`: a country
    return tuple(pairs)


@cache
def outlets() -> tuple[str, ...]:
    """The outlets' names without a German article or an `Online` suffix, and their
    acronyms, longest first."""
    names = {ONLINE.sub("", ARTICLES.sub("", full)) for full, _ in media_names()}
    names |= {acronym for _, acronym in media_names() if acronym}
    return tuple(sorted(names, key=len, reverse=True))


@cache
def pattern() -> re.Pattern[str]:
    """A verb of saying and an outlet: `the` and an English word for one, or a name with
    an optional article and quotation marks."""
    names = "|".join(re.escape(n) for n in outlets())
    nouns = "|".join(sorted(MEDIA_NOUNS, key=len, reverse=True))
    outlet = rf"the\s+(?:{nouns})|(?:(?:the|Der|Die|Das|der|die)\s+)?[“\"„]?(?:{names})\b[”\"]?"
    return re.compile(rf"((?:{VERBS})\s+(?:{outlet}))(?![’'-]\w)")


def verbs_and_outlets(text: str) -> Iterator[re.Match]:
    """The matches of ``pattern`` after a word and blanks (not after a quotation's closing
    mark: `…,” said the newspaper`), as ``(?<=\\w)\\s+\\b`` before it would give them. The
    verbs go first, so that ``re`` looks for their first letters instead of trying the
    look-behind at every position."""
    found, start = pattern(), 0
    while m := found.search(text, start):
        if _after_word(text, m.start()):
            yield m
            start = m.end()
        else:
            start = m.start() + 1


def _after_word(text: str, start: int) -> bool:
    """Whether blanks and, before them, a word character (``\\w``) come before ``start``."""
    i = start
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return 0 < i < start and (text[i - 1].isalnum() or text[i - 1] == "_")


def _told(phrase: str) -> str:
    """`said the paper` → `told the paper`; `explained the paper` → `explained to the paper`."""
    verb, rest = phrase.split(None, 1)
    return f"told {rest}" if verb == "said" else f"{verb} to {rest}"


@detector("said-outlet")
@dataclass
class SaidOutlet:
    """A subject, `said` and a news outlet as its object (`he said the newspaper`): the
    German dative of the person addressed. Not the English inversion after a quotation
    (`…,” said the newspaper`), which has no subject before the verb, nor `said` with a
    clause whose subject is the outlet (`she said the newspaper had erred`)."""

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        if not any(verb in ctx.vocabulary for verb in VERBS.split("|")):
            return
        found = {m.start(1): m for m in verbs_and_outlets(text)}
        if not found:
            return
        for sentence in tagged_sentences(ctx, at=list(found)):
            for k, token in enumerate(sentence):
                m = found.get(token.start)
                if m is not None and k and not self._clause_follows(sentence[k:], m.end()):
                    yield Match(m.start(1), m.end(1), replacement=_told(m.group(1)), detail=token.word)

    @staticmethod
    def _clause_follows(tokens: list[Token], end: int) -> bool:
        """A finite verb follows the outlet in the same clause: the outlet is the subject
        of a reported clause (`said the paper had erred`), or a possessive (`the paper's`)."""
        for token in tokens:
            if token.start < end:
                continue
            if token.word in CLAUSE_END or token.word == "that":
                return False
            if token.tag in FINITE or token.word in ("’s", "'s", "’", "'"):
                return True
        return False
