"""Stray fragments of German word order: a finite verb left at the end of a clause."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from transcheck import speller
from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.models import Match
from transcheck.phrases import may_be_base_verb

MODALS = frozenset("would will can could must should may might shall".split())
AUXILIARIES = "was|were|is|are|has|have|had|would|will|can|could|must|should|may|might|shall|became|becomes"
# Modals that are also nouns, and the words that mark the noun reading.
NOUN_BEFORE = {
    "can": frozenset("a the garbage trash tin watering beer soda oil paint spray aerosol petrol".split()),
    "will": frozenset("a the at free good ill last own political popular strong iron his her their".split()),
    "must": frozenset("a".split()),
}
# A clause-final auxiliary: followed by the end of a sentence, a semicolon, a dash with
# more of the line after it (a dash that ends the line breaks off speech: `All he said
# was —`), or a comma that opens a new clause (in English an embedded clause rarely ends this way).
FINAL_AUX = re.compile(
    rf"\b({AUXILIARIES})(?=\s*[.!?;](?:\s|$)|\s*$|\s+[–—][^\S\n]+\S|\s*,\s+(?:but|and|or|while|whereas|although|though|because|since|so)\b)",
    re.MULTILINE,
)
CLAUSE_START = re.compile(r"[,.;:!?()\[\]–—\n“”\"]")
WORD = re.compile(r"[\w’'-]+")
FINITE = frozenset(
    "is are was were has have had will would can could may might must shall should does did "
    "said says say told tells announced declared stressed added explained".split()
)
# English puts a verb last in embedded questions, comparatives and relative clauses.
EMBEDDING = frozenset(
    "than as what how who whom whose which where when why whether if whatever whoever "
    "wherever however though although unless whichever such so".split()
)
# Words after which a final auxiliary is ordinary English ("as he was", "it never did").
NOT_BEFORE = frozenset(
    "i you he she it we they there this that these those one ones who what which so too also "
    "not never still already just really always indeed certainly probably is are was were "
    "has have had will would can could should may might must be been being to do does did "
    "else all both ever some many most few others none several either neither".split()
)


@detector("verb-final", line_local=True)
@dataclass
class VerbFinal:
    """A clause that already has a finite verb ends in another auxiliary: `… ready to cooperate with the US was – but`."""

    min_words: int = 5

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        for m in FINAL_AUX.finditer(text):
            start = self._clause_start(text, m.start())
            words = [w.lower() for w in WORD.findall(text, start, m.start())]
            if self._suspicious(words, m.group(1)):
                yield Match(m.start(), m.end(), "", _delete_start(text, m.start()), m.end())

    @staticmethod
    def _clause_start(text: str, end: int) -> int:
        window_start = max(0, end - 300)
        starts = [c.end() for c in CLAUSE_START.finditer(text, window_start, end)]
        return starts[-1] if starts else window_start

    def _suspicious(self, words: list[str], auxiliary: str) -> bool:
        if len(words) < self.min_words or words[-1] in NOT_BEFORE or words[-1].endswith(("ly", "-")):
            return False  # "as he was", "only some had" (ellipsis), "a must-have" (a compound)
        if words[-1] in NOUN_BEFORE.get(auxiliary, ()) or (auxiliary == "will" and _before_noun(words[-1])):
            return False  # "the garbage can", "of their own free will", "the divine will", "self-will"
        if EMBEDDING.intersection(words):
            return False
        # "sink will.": a modal after a word that is not its subject is German order by
        # itself; "was"/"is" may end a clause after a noun, so they need a second verb.
        return auxiliary in MODALS or bool(FINITE.intersection(words[:-1]))


def _before_noun(word: str) -> bool:
    """An adjective, a possessive or a compound's first part: the noun `will` follows."""
    return word.endswith("-") or word in ("my", "your", "our", "its") or speller.adjective(word)


def _delete_start(text: str, start: int) -> int:
    """Deleting a word takes the space before it too."""
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    return start


MODAL_OPENING = re.compile(
    r"\b(?P<modal>should|would|will|must|could|can|may|might|shall|(?:wants?|wanted|intends?|intended|plans?|planned|"
    r"hopes?|hoped|tries|try|tried|needs?|needed)\s+to)\s+"
    r"(?P<opener>the|a|an|this|these|those|his|her|its|their|our|my|your|no|some|any|by|in|on|at|"
    r"from|with|for|about|around|over|under|until|since|\d[\d.,]*)\s"
    r"(?P<middle>(?:[^.;:!?,\n“”\"()]|(?<=\d)[.,](?=\d)){0,90}?)\b(?P<verb>[a-z]+)(?=\s*(?:[.;!](?:\s|$)|\s[–—]\s|$|,\s*[”\"]))",
    re.MULTILINE,
)
# Words before a modal that make its object-first order ordinary English: questions and
# inversions ("nor can the court"), and nouns ("the will of", "in May the").
INVERTING = frozenset(
    "nor neither so only never rarely seldom hardly not little how what why where when who whom which whether "
    "if than as and but or the a an his her its their our my your this that free good ill last political in "
    "on at by of for to from with".split()
)
CLAUSE_FINAL_ADVERBS = frozenset(
    "too again yet soon later now today tomorrow here there ago abroad home well instead anyway either "
    "though also together alone first".split()
)
# Adverbials that English does put between a modal and its verb ("will in future decide").
ADVERBIAL_OPENERS = re.compile(
    r"(?:in (?:particular|fact|turn|future|part|general|principle|time|addition|theory|practice|effect|total)|"
    r"for (?:example|instance|now|sure|the (?:first|time)|a (?:while|time))|at (?:least|last|first|most|all|once|times|best|worst|the (?:same|very) time)|"
    r"no (?:longer|doubt|more)|by (?:then|now|far|and large|the (?:way|end))|on (?:average|time|balance|the (?:contrary|other hand|whole))|"
    r"of course|above all|in all (?:likelihood|probability)|to (?:some|a large|a certain) (?:extent|degree)|to date|any (?:longer|more))\b"
)
DETERMINERS = frozenset("the a an its his her their our this these those my your some any no every each".split())
COMPARISONS = frozenset("as than like".split())
AUXILIARIES_BEFORE = frozenset("be been being have has had get got become".split())


@detector("modal-verb-final", line_local=True)
@dataclass
class ModalVerbFinal:
    """A modal is followed by its object or an adverbial, and its verb comes last:
    `We must the debt brake respect.` (German `müssen … respektieren`)."""

    max_words: int = 12

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        for m in MODAL_OPENING.finditer(text):
            middle = m.group("middle").split()
            previous = text[max(0, m.start() - 40) : m.start()].split()
            if not previous or previous[-1].lower() in INVERTING or previous[-1][-1:] in ".!?:;“\"(":
                continue
            if len(middle) + 1 > self.max_words or m.group("verb") in CLAUSE_FINAL_ADVERBS:
                continue
            if AUXILIARIES_BEFORE.intersection(middle) or ADVERBIAL_OPENERS.match(text, m.start("opener")):
                continue  # the verb came in English order ("will in future be decided")
            if DETERMINERS.intersection(([m.group("opener")] + middle)[-2:]) or (len(previous) > 1 and previous[-2].lower() in COMPARISONS):
                continue  # the last word is a noun ("reverse its flow"), or ellipsis ("as it would")
            if (middle and middle[-1] == "to") or not may_be_base_verb(m.group("verb")):
                continue  # an English infinitive ("allow athletes to compete"), or no verb's base form ("issues")
            yield Match(m.start("verb"), m.end("verb"), detail=m.group("modal"))


# led by the literal "not", so the regex engine skips ahead at the speed of a string search
NEGATED_FINAL = re.compile(
    r"not(?<![\w’'-]not)(?<=\snot)\s+(?P<verb>[a-z]+)(?=\s*(?:[.;!?](?:\s|$)|,|\s[–—]\s|$))", re.MULTILINE
)
WORD_TOKEN = re.compile(r"[\w’'-]+")
DO_SUPPORT = frozenset(
    "do does did don’t doesn’t didn’t will would can could shall should may might must is are was were be been "
    "being am has have had to why or and but if whether".split()
)


@detector("negation-without-do", line_local=True)
@dataclass
class NegationWithoutDo:
    """`if the energy prices not sink`: German `nicht sinken` kept without English do-support."""

    verbs: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.verbs = frozenset(verb.lower() for verb in self.verbs)

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        for m in NEGATED_FINAL.finditer(text):
            before = text[max(0, m.start() - 30) : m.start()].split()
            if m.group("verb") in self.verbs and before and WORD_TOKEN.fullmatch(before[-1]) and before[-1].lower() not in DO_SUPPORT:
                yield Match(m.start(), m.end("verb"), detail=m.group("verb"))
