"""More German clause order kept in English, found on part-of-speech tags: `but` between
subject and verb, a relative clause moved behind the verb, the verb bracket and the
verb-second order after an opening adverb, the verb at the end of a subordinate clause
after a noun subject and its object, a split verb bracket with a time phrase inside, and a
time phrase between the verb and a short object.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.detectors.wordorder import BE, HAVE_DO, bracket_verb_after_subject
from transcheck.detectors.wordorder import DEFINITE_OPENERS as DEFINITE
from transcheck.models import Match
from transcheck.phrases import (
    DETERMINERS,
    FINITE,
    NOUNS,
    VERBS,
    adverbials_end,
    could_be,
    is_verb,
    middle_field_end,
    noun_phrase_end,
    words_tagged,
)
from transcheck.tagger import Token, model, tagged_sentences

SUBJECT_TAGS = NOUNS | {"PRP"}


@detector("conjunction-after-subject", line_local=True)
@dataclass
class ConjunctionAfterSubject:
    """`but` stands between the subject and its verb, with no verb before it in the
    clause: German `aber` keeps the place after the subject that it may take in German
    (`Der Minister aber sagte` → `The minister but said`)."""

    @staticmethod
    def candidates(ctx: Context) -> Iterator[int]:
        """Offsets of `but` followed by a word that may be a past or third-person verb."""
        text, finite = ctx.text, words_tagged("VBD", "VBZ")
        for start, end in ctx.occurrences({"but"} & ctx.vocabulary):
            following = text[end : end + 30].split(None, 1)
            if text[start - 2 : start] != ", " and following and (following[0] in finite or following[0].endswith(("s", "ed"))):
                yield start

    def find(self, ctx: Context) -> Iterator[Match]:
        for sentence in tagged_sentences(ctx, at=self.candidates(ctx)):
            begin = 0
            for j, token in enumerate(sentence[:-1]):
                if token.word in CLAUSE_MARKS:
                    begin = j + 1  # a hyphen or a decimal point does not end the clause ("a 16-year high")
                elif token.word == "but" and j > begin and self._subject_but_verb(sentence[begin:], j - begin) and not _verb_before(sentence, begin):
                    yield Match(sentence[j - 1].start, sentence[j + 1].end, detail=sentence[j + 1].word)

    @staticmethod
    def _subject_but_verb(run: list[Token], j: int) -> bool:
        subject, verb = run[j - 1], run[j + 1]
        if subject.tag not in SUBJECT_TAGS or subject.word.lower() in NOT_SUBJECTS:
            return False
        if verb.tag not in ("VBD", "VBZ") or not verb.word.islower():
            return False
        # A verb earlier in the clause makes `but` join two verb phrases: "He likes tea but hates coffee".
        if any(t.tag in VERBS or t.tag in ("WDT", "WP", "WRB") for t in run[: j - 1]):
            return False
        # Before `but`: adverbials and the subject, nothing else ("while the state issues/NNS condemnations but …").
        fronted = adverbials_end(run, 0, adverbs=True)
        return fronted == j or noun_phrase_end(run, fronted) == j


def _verb_before(sentence: list[Token], begin: int) -> bool:
    """A verb earlier in the sentence, before the comma that opens the run: `but` joins two
    verb phrases across a list or a series of adjectives (`is considering action on tomatoes,
    potatoes and corn but has urged`, `works on flat, two-dimensional shapes but says`)."""
    return any(t.tag in VERBS for t in sentence[:begin])


CLAUSE_MARKS = frozenset(',;:–—()"“”„')
# Words before `but` that make it a preposition or part of a fixed phrase ("nobody but").
NOT_SUBJECTS = frozenset("nobody nothing none anyone anything everyone everything everybody all last".split())

# Nouns that take a plural verb though they are singular in form ("a number of them are").
PLURAL_SENSE = frozenset(
    "percent per cent % million billion thousand hundred dozen couple number majority minority lot lots rest "
    "remainder half third quarter bunch pair series range variety total share proportion data media police staff "
    "personnel cattle criteria phenomena".split()
)
PLURAL_VERBS = frozenset("were are have".split())


@detector("relative-after-verb", line_local=True)
@dataclass
class RelativeAfterVerb:
    """`, which were` follows a singular noun: the relative clause belongs to a plural noun
    earlier in the sentence and was moved behind the verb as German allows (`Fälle wurden
    gemeldet, die … übertragen wurden` → `cases were reported this week, which were
    transmitted …`). English keeps the relative clause next to its noun."""

    @staticmethod
    def candidates(ctx: Context) -> Iterator[int]:
        """Offsets of `, which` followed by a plural verb."""
        text = ctx.text
        for start, end in ctx.occurrences({"which"} & ctx.vocabulary):
            following = text[end : end + 12].split(None, 1)
            if text[max(0, start - 2) : start].rstrip().endswith(",") and following and following[0] in PLURAL_VERBS:
                yield start

    def find(self, ctx: Context) -> Iterator[Match]:
        for sentence in tagged_sentences(ctx, at=self.candidates(ctx)):
            for k in range(2, len(sentence) - 2):
                if sentence[k].word == "which" and sentence[k - 1].word == "," and sentence[k + 1].word in PLURAL_VERBS:
                    if self._singular_before(sentence[:k - 1]):
                        yield Match(sentence[k].start, sentence[k + 1].end, detail=sentence[k - 2].word)

    @staticmethod
    def _singular_before(tokens: list[Token]) -> bool:
        """The words before the comma end in a singular noun that is not one of a pair
        (`France and Italy`) and has no plural reading (`data`, `police`, `percent`)."""
        noun = tokens[-1]
        if noun.tag not in ("NN", "NNP") or not noun.word.isalpha() or noun.word.lower() in PLURAL_SENSE:
            return False
        if noun.word.endswith("s") or "NNS" in model().lexicon.get(noun.word.lower(), frozenset()):
            return False
        if any(t.word.lower() in ("and", "or", "&", "both", "of") for t in tokens[-6:-1]):
            return False
        # The plural noun the clause belongs to comes before a finite verb: the clause was
        # moved behind the verb ("cases were reported this week, which were"), not behind
        # a phrase of its noun ("the turbines on the coast, which are").
        plural = max((n for n, t in enumerate(tokens) if t.tag in ("NNS", "NNPS")), default=None)
        return plural is not None and any(t.tag in FINITE | {"MD"} for t in tokens[plural + 1 :])


# Adverbs a German main clause may open with before its verb; English inverts after none
# of them with `have` or a modal (`Then had the ministers agreed`, `There were the ministers agreed`).
FRONTED_ADVERBS = frozenset(
    "there then today yesterday now meanwhile afterwards later still also therefore nevertheless however "
    "finally recently previously already soon".split()
)
BRACKET_AUXILIARIES = frozenset("had has have was were is are will would can could must should may might".split())


@detector("adverb-verb-bracket", line_local=True)
@dataclass
class AdverbVerbBracket:
    """A sentence opens with an adverb, then an auxiliary, then a definite subject, and
    ends with the participle or infinitive: the German verb bracket after a fronted adverb
    (`Darauf hatten sich die Minister geeinigt` → `There had the ministers agreed.`)."""

    @staticmethod
    def wants(text: str) -> bool:
        """Opens with a fronting adverb or time phrase and an auxiliary, and ends a statement."""
        words = text.split(None, 6)
        a = _auxiliary_after_opening(words)
        return (
            a is not None
            and len(words) > a + 2
            and text.endswith((".", "!"))
            and any(w.lower() in DEFINITE or w[:1].isupper() for w in words[a + 1 : a + 4])  # a definite subject or a name
        )

    def find(self, ctx: Context) -> Iterator[Match]:
        for sentence in tagged_sentences(ctx, self.wants):
            tokens = list(_outside_brackets(sentence[:-1]))
            a = _auxiliary_after_opening([t.word for t in tokens])
            if a is None or len(tokens) <= a + 3 or tokens[a].tag not in FINITE | {"MD"}:
                continue
            end = self._bracket_end(tokens) if a == 1 else None
            if end is None and tokens[a].word.lower() in PARTIAL_BRACKET:
                end = bracket_verb_after_subject(tokens, 0, a)  # "Yesterday have the police arrested two men"
            if end is not None:
                yield Match(tokens[0].start, tokens[end].end, detail=tokens[a].word)

    @staticmethod
    def _bracket_end(tokens: list[Token]) -> int | None:
        """Index of the closing participle or infinitive after a definite subject, when
        only adverbials follow it."""
        auxiliary, first = tokens[1], tokens[2]
        if first.tag in DETERMINERS and first.word.lower() not in DEFINITE:
            return None  # "There were some people injured": an indefinite subject is English
        subject = noun_phrase_end(tokens, 2)
        while 2 < subject < len(tokens) and tokens[subject].tag in NOUNS:
            subject = noun_phrase_end(tokens, subject)  # compounds and apposition: "party leader Anna Berg"
        if subject == 2 or not (first.tag in DETERMINERS or any(t.tag in ("NNP", "NNPS") for t in tokens[2:subject])):
            return None  # a bare common noun may be an English existential: "There were people injured"
        closing = frozenset({"VB"}) if auxiliary.tag == "MD" else frozenset({"VBN"})
        k = middle_field_end(tokens, subject)
        if k < len(tokens) and _closes(tokens[k], closing) and adverbials_end(tokens, k + 1) == len(tokens):
            return k
        # the tagger may read the last verb as a noun of the phrase before it: "after a long dispute agreed/NN"
        last = len(tokens) - 1
        if last > subject and _closes(tokens[last], closing) and middle_field_end(tokens[:last], subject) == last:
            return last
        return None


# A time phrase of two words that opens a clause like an adverb: `Last week`, `This year`.
TIME_OPENERS = frozenset("last next this".split())
# Auxiliaries that English never puts before a definite subject and its verb after such an
# opening (`be` may: `Yesterday was the day`).
PARTIAL_BRACKET = frozenset("had has have will would can could must should may might".split())


def _auxiliary_after_opening(words: list[str]) -> int | None:
    """Index of the auxiliary after an opening adverb (`Then had`) or time phrase (`Last
    week have`, `Yesterday evening was`); None when the words open otherwise."""
    if len(words) > 1 and words[0].lower() in FRONTED_ADVERBS and words[1] in BRACKET_AUXILIARIES:
        return 1
    if len(words) > 2 and words[2] in BRACKET_AUXILIARIES and words[1].lower() in OPENING_TIMES and (
            words[0].lower() in TIME_OPENERS or words[0] in ("Yesterday", "Today", "Tomorrow")):
        return 2
    return None


def _closes(token: Token, forms: frozenset[str]) -> bool:
    """A participle or infinitive that may close the verb bracket."""
    return token.word.islower() and is_verb(token, forms) and token.tag not in ("JJ", "RB")




def _outside_brackets(tokens: list[Token]) -> Iterator[Token]:
    """The tokens not inside parentheses (`Lisa Paus (Greens)`)."""
    depth = 0
    for token in tokens:
        if token.word == "(":
            depth += 1
        elif token.word == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            yield token


# Adverbs after which English never puts a lexical verb before its subject (unlike `here`,
# `there`, `now`, `today`: "Now comes the hard part", "Today marks the anniversary").
SECOND_POSITION_ADVERBS = frozenset(
    "also therefore meanwhile nevertheless nonetheless afterwards subsequently later then recently previously "
    "finally already currently likewise moreover furthermore additionally consequently accordingly".split()
)
# Verbs English does put before the subject after an adverb ("Then came the rain").
INVERTING = frozenset(
    "came comes come followed follows follow began begins stood stands lay lies remained remains appeared appears "
    "emerged emerges arose arises rose rises went goes".split()
)
NOMINATIVE = frozenset("I he she we they".split())
NOT_LEXICAL = frozenset("is are was were be been has have had do does did 's".split())


@detector("adverb-verb-second", line_local=True)
@dataclass
class AdverbVerbSecond:
    """A sentence opens with an adverb and its verb, then the subject, then more of the
    clause: German verb-second order (`Außerdem fordert die Partei höhere Steuern` →
    `Also demands the party higher taxes.`)."""

    @staticmethod
    def wants(text: str) -> bool:
        """Opens with one of the adverbs and a word that may be a past or present verb."""
        words = text.split(None, 4)
        if len(words) > 1 and words[0] in ("And", "But"):
            words = [words[1].capitalize(), *words[2:]]
        return (
            len(words) > 3
            and words[0].lower() in SECOND_POSITION_ADVERBS
            and words[1] not in NOT_LEXICAL | INVERTING
            and (words[1] in words_tagged("VBD", "VBZ") or words[1].endswith(("s", "ed")))
            and text.endswith((".", "!"))
        )

    def find(self, ctx: Context) -> Iterator[Match]:
        for sentence in tagged_sentences(ctx, self.wants):
            tokens = sentence[1:-1] if sentence[0].word in ("And", "But") else sentence[:-1]
            if len(tokens) > 3 and tokens[0].word.lower() in SECOND_POSITION_ADVERBS:
                end = self._subject_end(tokens)
                if end is not None:
                    yield Match(tokens[0].start, tokens[end - 1].end, detail=tokens[1].word)

    @staticmethod
    def _subject_end(tokens: list[Token]) -> int | None:
        """Index after the subject that follows the verb, when more of the clause follows it."""
        verb, first = tokens[1], tokens[2]
        if not verb.word.islower() or verb.word in NOT_LEXICAL | INVERTING or verb.tag in ("MD", "VBG", "IN", "DT"):
            return None
        if not is_verb(verb, frozenset({"VBD", "VBZ"})) or could_be(verb, frozenset({"VB"})):
            return None  # a base form is an imperative: "Then put the cushion back."
        if could_be(verb, frozenset({"VBN"})) and any(t.word.lower() in BE_FORMS for t in tokens[2:6]):
            return None  # a fronted participle before `be`: "Also released this year was the game"
        if first.word in NOMINATIVE:
            return 3  # "Also wants he …": a subject pronoun after the verb
        if first.word.lower() not in DEFINITE and (first.tag not in ("NNP", "NNPS") or verb.tag in NOUNS):
            return None  # the tagger may read the verb as a noun ("demands/NNS the party"), not before a name
        end = noun_phrase_end(tokens, 2)
        return end if 2 < end < len(tokens) and tokens[end].word[0].isalnum() else None  # more after the subject


BE_FORMS = frozenset("is are was were".split())
# Conjunctions that open a subordinate clause, whose verb German puts last.
SUBORDINATING = frozenset("that because although though while whereas if whether unless".split())


@detector("subordinate-verb-final", line_local=True)
@dataclass
class SubordinateVerbFinal:
    """A subordinate clause runs subject, object, verb and ends: German verb-final order
    (`weil die Regierung den Plan abgelehnt hat` → `because the government the plan
    rejected`). In English the verb follows its subject and comes before the object."""

    @staticmethod
    def candidates(ctx: Context) -> Iterator[int]:
        """Offsets of a conjunction followed by an article or possessive and, within the
        clause, a second one."""
        text, finite = ctx.text, words_tagged("VBD", "VBZ", "VBP")
        for start, end in ctx.occurrences((SUBORDINATING | {w.capitalize() for w in SUBORDINATING}) & ctx.vocabulary):
            clause = CLAUSE_TEXT_END.split(text[end : end + 150], 1)[0].split()
            if len(clause) > 3 and clause[0].lower() in DEFINITE and any(w.lower() in ARTICLE_WORDS for w in clause[2:-1]):
                if clause[-1] in finite or clause[-1].endswith(("ed", "s")):
                    yield start  # the clause may end in its verb

    def find(self, ctx: Context) -> Iterator[Match]:
        for sentence in tagged_sentences(ctx, at=self.candidates(ctx)):
            for j, token in enumerate(sentence[:-3]):
                if token.word.lower() in SUBORDINATING and token.tag in ("IN", "WDT", "DT"):
                    end = self._verb_last(sentence, j + 1)
                    if end is not None:
                        yield Match(token.start, sentence[end].end, detail=sentence[end].word)

    @staticmethod
    def _verb_last(tokens: list[Token], k: int) -> int | None:
        """Index of the clause's last word when it may be a finite verb and a subject and
        an object come before it (the tagger, misled by the German order, may read that
        verb as a noun or adjective: `the costs underestimated/JJ`)."""
        last = k
        while last + 1 < len(tokens) and tokens[last + 1].word[0].isalnum():
            last += 1
        verb = tokens[last]
        if tokens[k].word.lower() not in DEFINITE or not verb.word.islower() or not is_verb(verb, FINITE):
            return None
        body = tokens[k:last]
        if any(t.tag in VERBS or t.tag in ("WDT", "WP", "TO") or _only_verb(t) for t in body):
            return None  # another verb: "because the company the group bought failed"
        subject = noun_phrase_end(body, 0)
        middle = adverbials_end(body, subject)
        if subject == 0 or middle >= len(body) or body[middle].tag not in DETERMINERS:
            return None
        if any(t.word.lower() in TIME_WORDS for t in body[middle:]):
            return None  # a time phrase, not an object: "because the talks last week failed"
        return last if middle_field_end(body, subject) == len(body) else None


def _only_verb(token: Token) -> bool:
    """A word the treebank saw only as a verb (`bought`), whatever the tagger says here."""
    seen = model().lexicon.get(token.word.lower())
    return bool(seen) and seen <= VERBS


CLAUSE_TEXT_END = re.compile(r"[.;:!?,–—()“”\"]")
ARTICLE_WORDS = frozenset("the a an his her its their our this these those".split())
TIME_WORDS = frozenset(
    "morning afternoon evening night weekend week month year day time season spring summer autumn winter "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


MONTH_WORDS = frozenset("january february march april may june july august september october november december".split())
TIME_ADVERBS = frozenset("yesterday today tomorrow recently already meanwhile".split())
NOMINAL_TIME_ADVERBS = frozenset("yesterday today tomorrow".split())
# the times of a two-word opening (`Last week`, `This summer`, `Next Monday`)
OPENING_TIMES = TIME_WORDS - {"day", "time"}
# Verbs that open a German verb bracket and what closes it in English word order.
BRACKET_OPENERS = {
    **dict.fromkeys(("has", "have", "had"), "VBN"),
    **dict.fromkeys(("wants", "want", "wanted"), "VB"),
}


@detector("split-verb-bracket", line_local=True)
@dataclass
class SplitVerbBracket:
    """`has` (or `wants`) is followed by its object, a time phrase, and the participle (or
    infinitive) at the end of the clause: the German verb bracket (`hat den Plan am Montag
    vorgestellt` → `has the plan on Monday presented`, `will die Steuer nächstes Jahr
    erhöhen` → `wants the tax next year raise`)."""

    @staticmethod
    def candidates(ctx: Context) -> Iterator[int]:
        """Offsets of the opener followed by an article, in a clause that ends in a word
        that may close the bracket."""
        text, participles, infinitives = ctx.text, words_tagged("VBN"), words_tagged("VB")
        for start, end in ctx.occurrences(set(BRACKET_OPENERS) & ctx.vocabulary):
            clause = CLAUSE_TEXT_END.split(text[end : end + 150], 1)[0].split()
            if len(clause) < 4 or clause[0].lower() not in ARTICLE_WORDS:
                continue
            closing = infinitives if BRACKET_OPENERS[text[start:end]] == "VB" else participles
            if clause[-1] in closing or (closing is participles and clause[-1].endswith("ed")):
                yield start

    def find(self, ctx: Context) -> Iterator[Match]:
        for sentence in tagged_sentences(ctx, at=self.candidates(ctx)):
            for j, token in enumerate(sentence[1:-3], start=1):
                closing = BRACKET_OPENERS.get(token.word)
                if closing is not None and sentence[j - 1].word.lower() not in INVERSION_WORDS:
                    end = self._closing(sentence, j, closing)
                    if end is not None:
                        yield Match(token.start, sentence[end].end, detail=sentence[end].word)

    @staticmethod
    def _closing(tokens: list[Token], j: int, closing: str) -> int | None:
        """Index of the clause's last word when object, time phrase and it follow the opener."""
        last = j + 1
        while last + 1 < len(tokens) and tokens[last + 1].word[0].isalnum():
            last += 1
        verb, body = tokens[last], tokens[j + 1 : last]
        if tokens[j + 1].tag not in DETERMINERS or not verb.word.islower() or not _closes(verb, frozenset({closing})):
            return None
        if closing == "VB" and not _only_verb(verb):
            return None  # "wants the money back": the last word must be a verb
        if any(t.tag in VERBS - {"VBN", "VB"} or t.tag in ("WDT", "WP", "TO") or _only_verb(t) for t in body):
            return None
        obj = noun_phrase_end(body, 0)
        if obj == 0 or middle_field_end(body, obj) != len(body):
            return None
        middle = [t.word.lower().rstrip(".") for t in body[obj:]]
        timed = any(w in TIME_WORDS or w in MONTH_WORDS or w in TIME_ADVERBS or (w.isdigit() and len(w) == 4) for w in middle)
        # the tagger may read `yesterday` as the object's last noun: "has the plans yesterday/NN presented"
        timed = timed or any(t.word.lower() in NOMINAL_TIME_ADVERBS for t in body[1:obj])
        # A time phrase between object and verb: English has it after ("had the car repaired
        # on Monday"), and a place may belong to the noun ("had the windows in the kitchen replaced").
        return last if timed else None


INVERSION_WORDS = frozenset("so nor neither only never rarely seldom hardly not".split())


# A time phrase right after a verb and before a determiner or number: the German place of
# the adverbial in the middle field (`nahm am Sonntag zwei Männer fest`).
TIME_AFTER_VERB = re.compile(
    r"(?<=[a-z] )(?:yesterday|today|again|on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
    r"(?:last|this) (?:week|month|year|weekend|morning|afternoon|evening|night)|in (?:19|20)[0-9][0-9])"
    r"(?= (?:the|a|an|his|her|its|their|our|two|three|four|five|six|seven|eight|nine|ten|several|[0-9]))"
)
NOT_OBJECT_HEADS = frozenset("day days week weeks month months year years morning evening night time times weekend season".split())
MAX_SHORT_OBJECT = 4  # tokens: a longer object may follow its adverbial in English too (heavy-NP shift)


@detector("time-before-object", line_local=True)
@dataclass
class TimeBeforeObject:
    """A time phrase between a finite verb and its short object at the end of the clause:
    German keeps the adverbial in the middle field (`Die Polizei nahm am Sonntag zwei Männer
    fest` → `The police arrested on Sunday two men.`); English puts it after the object
    (`arrested two men on Sunday`), and before it only when the object is long."""

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        starts = {m.start(): len(m.group().split()) for m in TIME_AFTER_VERB.finditer(text)}
        if not starts:
            return
        for sentence in tagged_sentences(ctx, at=starts):
            for i, token in enumerate(sentence):
                if token.start in starts and i >= 2:
                    end = self._object_end(sentence, i, starts[token.start])
                    if end is not None:
                        verb = sentence[i - 1]
                        yield Match(verb.start, sentence[end - 1].end, detail=verb.word)

    @staticmethod
    def _object_end(tokens: list[Token], i: int, length: int) -> int | None:
        """Index after the short clause-final object that follows the time phrase at ``i``
        (``length`` words), when a subject and a lexical verb stand before it."""
        verb, subject = tokens[i - 1], tokens[i - 2]
        if verb.tag not in ("VBD", "VBZ") or not verb.word.islower() or verb.word in BE | HAVE_DO:
            return None
        if subject.tag not in SUBJECT_TAGS:
            return None
        start = i + length
        end = noun_phrase_end(tokens, start)
        if end == start or end - start > MAX_SHORT_OBJECT or tokens[end - 1].word.lower() in NOT_OBJECT_HEADS:
            return None
        return end if end == len(tokens) or tokens[end].word in (".", ",", ";", "!", ":") else None
