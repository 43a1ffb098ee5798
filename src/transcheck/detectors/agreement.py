"""Subject–verb agreement lost in German reported speech: `he`/`she`, a person noun or a
name followed by a base form (`Sie bezweifle, …` → `She doubt the figures …`, `Der Minister
wolle …` → `The minister want …`), found on part-of-speech tags."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.detectors.author_box import person_names
from transcheck.detectors.pronoun_gender import group_nouns, person_nouns
from transcheck.models import Match
from transcheck.phrases import words_tagged
from transcheck.tagger import Token, tagged_sentences
from transcheck.wordfreqs import zipf

SUBJECTS = frozenset("he she He She".split())
# Words before the pronoun that make the base form right: a modal or `do` in a question
# (`Did he know`), a causative or perception verb (guards against tagger slips: `let him
# go` is right, `let he go` does not occur), a subjunctive after `that`, `if`, `lest` or a
# verb of demanding (`The court ordered he pay the costs`).
GOVERNORS = frozenset(
    "can could may might must shall should will would do does did let lets make makes made help helps helped "
    "see sees saw hear hears heard watch watched have has had if lest whether unless whatever wherever "
    "till until dare demand demands demanded insist insists insisted order orders ordered require requires "
    "required recommend recommends recommended suggest suggests suggested propose proposes proposed request "
    "requests requested urge urges urged ask asks asked".split()
)
# Words that make a base form after `that` a subjunctive (`insisted that he leave`,
# `it is essential that she attend`), matched at the start of a word.
MANDATIVE = (
    "demand", "insist", "order", "requir", "recommend", "suggest", "propos", "request", "urg", "ask", "essential",
    "important", "vital", "necessary", "crucial", "imperative", "mandatory", "advis", "stipulat", "prefer",
)
# Base forms that head a fixed phrase after a subject (`she sort of agreed`) or are adverbs.
NOT_VERBS = frozenset("sort kind even further last first once still only long no like better".split())
AFTER_NOT = frozenset("VBD VBN VBZ VBG MD".split())
# `need` and `dare` are modals before `not` or `only` (`He need only ask`).
SEMI_MODALS = frozenset({"need", "dare"})
SEMI_MODAL_AFTER = frozenset({"not", "only", "hardly", "never", "n't", "n’t"})
NEXT_WORD = re.compile(r"\s+([a-z]+?)(?:n[’']t)?\b")


@cache
def _base_forms() -> frozenset[str]:
    """Words the treebank saw as a base form but never as a past, participle or
    third-person form (`put`, `cast`, `spread` are past tenses as well); made once
    a process (three set differences of about 2,000 words: 0.3 ms a document before)."""
    return words_tagged("VB", "VBP") - words_tagged("VBD", "VBN", "VBZ", "MD") - NOT_VERBS


# Determiners before a singular person noun that is the subject (`the minister want`).
SINGULAR_DETERMINERS = frozenset("the a an this that our his her its their".split())


def _person_noun(word: str) -> bool:
    """A common noun naming one person (WordNet): minister, spokeswoman, mayor."""
    return word in person_nouns() and word not in group_nouns()


def _surname(word: str) -> bool:
    """A capitalised surname of the name lists that is no common word (Lauterbach, Weber)."""
    return word[:1].isupper() and word in person_names()[1] and zipf(word.lower()) < 4.0


NOUN_PHRASE_TAGS = frozenset("DT JJ NN NNP NNPS PRP$".split())
VERB_TAGS = frozenset("VB VBD VBG VBN VBP VBZ MD".split())


def _subject_start(sentence: list[Token], k: int) -> int | None:
    """Where the singular subject ending at ``sentence[k]`` starts: `he`/`she`; or a noun
    phrase that opens the clause (the sentence, or what follows an opening phrase without a
    verb and its comma) and ends in a person noun after a determiner (`The new mayor`) or
    in a full name (`The party leader Karl Weber`). None when the word ends no such subject
    (`the creators of the browser are`, `Anna and her husband have`)."""
    token = sentence[k]
    if token.word in SUBJECTS:
        return k
    if k == 0:
        return None
    person = token.tag == "NN" and _person_noun(token.word)
    name = (token.tag == "NNP" and _surname(token.word) and sentence[k - 1].word in person_names()[0]
            and sentence[k + 1].word not in ("are", "were"))  # a firm's name may take a plural: Merrill Lynch are
    if not (person or name):
        return None
    comma = max((j for j in range(k) if sentence[j].word == ","), default=-1)
    if comma >= 0 and any(t.tag in VERB_TAGS for t in sentence[:comma]):
        return None  # a clause before the comma: the noun may be its object's
    start = comma + 1
    phrase = sentence[start:k]
    if not phrase or any(t.tag not in NOUN_PHRASE_TAGS for t in phrase):
        return None
    return start if name or phrase[0].word.lower() in SINGULAR_DETERMINERS else None


def _verb_read_as_noun(sentence: list[Token], k: int) -> bool:
    """After a name the tagger may read the base form as the head of a compound
    (`Karl Weber meet/NN with`): a preposition, determiner or possessive follows it."""
    after = sentence[k + 2] if k + 2 < len(sentence) else None
    return sentence[k].tag == "NNP" and sentence[k + 1].tag == "NN" and after is not None and after.tag in ("IN", "DT", "PRP$", "TO")


@detector("subject-verb-agreement")
@dataclass
class SubjectVerbAgreement:
    """A singular subject (`he`/`she`, a person noun, a full name) directly before a verb in
    its base form, in a statement: German reported speech (Konjunktiv I: `er glaube`, `sie
    habe`) rendered without the English `-s`."""

    def candidates(self, ctx: Context) -> Iterator[int]:
        """Offsets of a word that may be a singular subject (`he`, `she`, a person noun, a
        name) followed by a word that can only be a base form."""
        text, base = ctx.text, _base_forms()
        subjects = (SUBJECTS | ctx.words_where(_person_noun) | ctx.words_where(_surname)) & ctx.vocabulary
        for start, end in ctx.occurrences(subjects):
            following = NEXT_WORD.match(text, end)
            if following and following.group(1) in base:
                yield start

    def find(self, ctx: Context) -> Iterator[Match]:
        base = _base_forms()
        for sentence in tagged_sentences(ctx, at=self.candidates(ctx)):
            if sentence[-1].word == "?":
                continue
            for k in range(len(sentence) - 1):
                start = _subject_start(sentence, k)
                if start is not None and self._disagrees(sentence, start, k, base):
                    negated = k + 2 < len(sentence) and sentence[k + 2].word in ("n’t", "n't")
                    last = k + 2 if negated else k + 1
                    yield Match(sentence[k].start, sentence[last].end, detail=sentence[k + 1].word)

    @staticmethod
    def _disagrees(sentence: list[Token], start: int, k: int, base: frozenset[str]) -> bool:
        """The subject ``sentence[start:k + 1]`` stands before a base form in a statement."""
        verb = sentence[k + 1]
        if verb.word not in base or verb.tag not in ("VB", "VBP", "VBZ") and not _verb_read_as_noun(sentence, k):
            return False  # VBZ: the tagger reads the context
        before = sentence[start - 1].word.lower() if start else ""
        if before in GOVERNORS:
            return False
        if before == "that" and any(t.word.lower().startswith(MANDATIVE) for t in sentence[: start - 1]):
            return False
        after = sentence[k + 2] if k + 2 < len(sentence) else None
        if verb.word in SEMI_MODALS and after is not None and after.word.lower() in SEMI_MODAL_AFTER:
            return False  # `he need not fear`, `she dare not say`: used as a modal
        # `He cross examined`, `she sort of`: the base form is part of a longer verb or phrase.
        return after is None or (after.tag not in AFTER_NOT and after.word not in ("of", "-"))
