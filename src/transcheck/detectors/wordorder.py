"""German clause structure kept in English, found on part-of-speech tags (``transcheck.tagger``).

German puts the finite verb second in a main clause, whatever comes first, and the rest
of the verb (infinitive, participle, separable particle) at the end of the clause; it
puts participle phrases before the noun. Each detector here looks for one of these
shapes in the tagged sentences of a document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.models import Match
from transcheck.phrases import (
    CLAUSE_OPENERS,
    DETERMINERS,
    FINITE,
    NOUNS,
    NP_START,
    TIME_NOUNS,
    VERBS,
    adverbials_end,
    base_verbs,
    clauses,
    could_be,
    is_noun,
    is_verb,
    is_word,
    likely_tag,
    may_be_base_verb,
    middle_field_end,
    noun_phrase_end,
    only_a_verb,
    sentence_is_statement,
    words_tagged,
)
from transcheck.tagger import Token, model, tagged_sentences

BE = frozenset("is are was were 's am".split())
# English inverts these after a fronted place or time phrase ("In the corner stood a lamp").
INVERTING_VERBS = BE | frozenset(
    "come comes came stand stands stood lie lies lay sit sits sat remain remains remained follow follows followed "
    "emerge emerges emerged exist exists existed hang hangs hung loom looms loomed rise rises rose appear appears "
    "appeared live lives lived go goes went run runs ran".split()
)
# Verbs of saying that English inverts after a quotation or a fronted clause ("…, said the minister, …").
SPEECH_VERBS = frozenset("said says told tells asked asks added adds explained explains wrote writes stressed stresses replied replies".split())
SUBORDINATORS = frozenset(
    "if when whenever because although though while whereas since after before until unless once as how whether "
    "where why what".split()
)


def _starts_with_preposition(text: str) -> bool:
    """A statement without inner punctuation (but a comma before a possible finite verb)
    whose first word after adverbs and conjunctions is a preposition that opens a phrase
    (the punctuation, a scan of the whole sentence, is looked at last: few sentences pass
    the test of their first words)."""
    return text.endswith((".", "!")) and _opens_with_preposition(text) and _plain_or_fronted_comma(text)


def _opens_with_preposition(text: str) -> bool:
    """The first word after adverbs and conjunctions is a preposition that opens a phrase."""
    words = text.split(None, 3)[:3]
    if len(words) > 1 and words[0].lower() in COMPLEX_PREPOSITIONS and words[1] in ("to", "of"):
        return True  # "According to the police took part …"
    for word in words:
        tag = likely_tag(word)
        if tag == "IN" or (tag is None and word.lower() in words_tagged("IN")):
            return word.lower() not in CLAUSE_OPENERS
        if tag not in ("CC", "RB") and (tag is not None or word.lower() not in words_tagged("CC", "RB")):
            return False
    return False


def _plain_or_fronted_comma(text: str) -> bool:
    """No inner punctuation; or one comma, followed by a word that may be a finite verb;
    or a first comma that opens an attribution or a new clause (`…, as the agency said`)."""
    marks = [m.group() for m in INNER_PUNCTUATION.finditer(text, 0, len(text) - 1)]
    if not marks:
        return True
    if marks[0] != ",":
        return False
    following = text[INNER_PUNCTUATION.search(text).end() :].split(None, 1)
    if not following:
        return False
    return following[0].lower() in CONTINUATIONS or (len(marks) == 1 and following[0] in words_tagged("VBD", "VBZ", "VBP", "MD"))


# Words after a comma that end the clause before them: an attribution or a new clause.
CONTINUATIONS = frozenset("as according which who while whereas said says".split())


def _before_continuation(tokens: list[Token], j: int) -> list[Token]:
    """The tokens up to a comma after ``j`` that opens an attribution or a new clause."""
    for k in range(j + 1, len(tokens) - 1):
        if tokens[k].word == "," and tokens[k + 1].word.lower() in CONTINUATIONS:
            return tokens[:k]
    return tokens


# Prepositions of two words whose first word the tagger reads as a verb or adverb.
COMPLEX_PREPOSITIONS = frozenset("according due thanks owing because".split())


INNER_PUNCTUATION = re.compile(r"[;:()“”\"–—]|,(?!\d)")  # not the comma of 20,000


@detector("fronted-verb-second", line_local=True)
@dataclass
class FrontedVerbSecond:
    """After a fronted adverbial the finite verb comes before its subject and the clause
    runs to the end of the sentence with no other verb: `After the holidays rose in May the
    number of bookings by ten percent.`"""

    def find(self, ctx: Context) -> Iterator[Match]:
        for sentence in tagged_sentences(ctx, _starts_with_preposition):
            if sentence_is_statement(sentence):
                verb = self._inverted_verb(sentence[:-1])
                if verb is not None:
                    yield Match(verb.start, verb.end, detail=verb.word)

    @staticmethod
    def _inverted_verb(tokens: list[Token]) -> Token | None:
        i = 0
        while i < len(tokens) and tokens[i].tag in ("CC", "RB") and tokens[i].word.lower() not in INVERSION | {"here", "there", "so"}:
            i += 1
        if i + 1 < len(tokens) and tokens[i].word.lower() in COMPLEX_PREPOSITIONS and tokens[i + 1].word in ("to", "of"):
            i += 1  # "According to the police"
        elif i >= len(tokens) or tokens[i].tag != "IN" or tokens[i].word.lower() in CLAUSE_OPENERS:
            return None
        j = adverbials_end(tokens, i, adverbs=False)
        comma = j < len(tokens) - 1 and tokens[j].word == ","
        if comma:
            if tokens[j + 1].word.lower() in SPEECH_VERBS:
                return None  # "On Monday, said the minister, …"
            tokens = tokens[:j] + tokens[j + 1 :]  # "In June, fell the number …": the comma ends the fronted phrase
        if j == i or j >= len(tokens) - 1 or (j - 2 > i and all(t.word[:1].isupper() for t in tokens[j - 2 : j])):
            return None  # a name at the end of the fronted phrase may be the subject: "Beside Tom Ann scored"
        verb = tokens[j]
        if verb.word.lower() in HAVE_FORMS | MODALS and verb.word.islower() and bracket_verb_after_subject(tokens, i, j) is not None:
            return verb  # "On Monday have the police arrested two men.", "Because of the storm must the match be …"
        if verb.tag == "MD" and verb.word.islower():
            if j + 1 < len(tokens) and tokens[j + 1].tag in DETERMINERS and FrontedVerbSecond._bracket(tokens, j, "VB"):
                return verb  # "On Monday will the cabinet the budget approve."
            if j + 1 >= len(tokens) or tokens[j + 1].tag != "VB":
                return None  # "will in particular play": English order
            while j + 1 < len(tokens) and (tokens[j + 1].tag in ("VB", "RP") or tokens[j + 1].word in ("not", "be", "have")):
                j += 1  # the verb group: "would break out"
        elif not is_verb(verb, FINITE) or (comma and could_be(verb, frozenset({"VB"}))):
            return None  # after a comma, a base form is an imperative: "Before use, pull the plug."
        tokens = _before_continuation(tokens, j)
        rest = tokens[j + 1 :]
        if not all(is_word(t) or t.word in "%$€£-" for t in rest):
            return None  # the clause must run to the end of the sentence
        if verb.word.lower() in BE | HAVE_DO and FrontedVerbSecond._bracket(tokens, j):
            return verb  # "In May was the new law by parliament passed."
        if any(t.tag in VERBS - {"VBG"} or t.word.lower() in ("that", "which", "who", "to") for t in rest):
            return None
        subject = adverbials_end(tokens, j + 1)
        if (subject == j + 1 and not comma) or (verb.word.lower() in INVERTING_VERBS and tokens[j + 1].tag != "IN"):
            return None  # "Among the guests were the mayor and his wife", "In May the board hired a CEO"
        end = noun_phrase_end(tokens, subject)
        if end == subject or tokens[end - 1].word.lower() in TIME_NOUNS:
            return None  # no subject after the verb: "In May traffic rose in the city (the next day)."
        return verb

    @staticmethod
    def _bracket(tokens: list[Token], j: int, closing: str = "VBN") -> bool:
        """After `was`/`has` (or a modal): the subject, then adverbials and perhaps an
        object, then the participle (infinitive) that closes the German verb bracket, and
        nothing more but adverbials."""
        subject_end = noun_phrase_end(tokens, j + 1)
        if subject_end == j + 1 or tokens[j + 1].tag not in DETERMINERS | {"CD"}:
            return False
        k = middle_field_end(tokens, subject_end)
        if k < len(tokens) and tokens[k].tag == closing:
            return adverbials_end(tokens, k + 1) == len(tokens)
        # the tagger may read the closing verb as a noun of the object: "the budget approved/NN"
        last = tokens[-1]
        return k == len(tokens) and k - 1 > subject_end and last.word.islower() and is_verb(last, frozenset({closing})) and (
            middle_field_end(tokens[:-1], subject_end) == len(tokens) - 1
        )


HAVE_FORMS = frozenset("has have had".split())
DEFINITE_OPENERS = frozenset("the this that these those his her its their our my your".split())
# Words of a fronted phrase after which English inverts too: `At no time have the police …`.
NEGATIVE_OPENERS = frozenset("no not only never nor neither little hardly scarcely seldom rarely nowhere none".split())


def bracket_verb_after_subject(tokens: list[Token], fronted: int, j: int) -> int | None:
    """Index of the participle (the infinitive after a modal) right after a definite subject
    or a name that follows `have` or a modal at ``j``, after the fronted phrase
    ``tokens[fronted:j]``: the German verb-second order kept for the auxiliary while the rest
    of the clause is English (`Last week have the police arrested two men`). None when the
    clause goes otherwise; negative and restrictive phrases invert in English too (`At no
    time have the police …`, `Only then has …`)."""
    if j + 2 >= len(tokens) or any(t.word.lower() in NEGATIVE_OPENERS for t in tokens[fronted:j]):
        return None
    first = tokens[j + 1]
    if not (first.word.lower() in DEFINITE_OPENERS or first.tag == "NNP"):
        return None
    subject_end = noun_phrase_end(tokens, j + 1)
    if subject_end == j + 1 or subject_end >= len(tokens):
        return None
    # after `have` the tagger may read the participle as a past tense (German order misleads it)
    wanted = frozenset({"VBN", "VBD"}) if tokens[j].word.lower() in HAVE_FORMS else frozenset({"VB"})
    if _verb_read_as_last_noun(tokens, j + 1, subject_end, wanted):
        return subject_end - 1
    k = subject_end
    while k < len(tokens) - 1 and tokens[k].tag == "RB" and tokens[k].word.lower() not in ("not", "n't"):
        k += 1  # "had the board already hired"
    closing = tokens[k]
    return k if closing.word.islower() and is_verb(closing, wanted) and closing.tag not in ("JJ", "NN", "NNS", "RB") else None


def _verb_read_as_last_noun(tokens: list[Token], start: int, end: int, wanted: frozenset[str]) -> bool:
    """The tagger took the verb for the last noun of the subject ``tokens[start:end]``
    (`will the city build/NN a bridge`): it may be such a verb and an object or phrase follows."""
    last = tokens[end - 1]
    return end - 1 > start and last.tag == "NN" and is_verb(last, wanted) and tokens[end].tag in DETERMINERS | {"CD", "JJ", "IN", "TO"}


@detector("fronted-clause-verb-second", line_local=True)
@dataclass
class FrontedClauseVerbSecond:
    """A subordinate clause is fronted and the main clause starts with its verb, the
    subject after it, and more after the subject: `When the storm reached the coast,
    closed the port authority all terminals.` (A reporting verb followed only by its
    subject, `…, said the minister.`, is English.)"""

    @staticmethod
    def wants(text: str) -> bool:
        """Opens with a subordinator, and a word after the first comma may be a finite verb."""
        comma = text.find(",")
        if comma < 0 or text.split(None, 1)[0].lower() not in SUBORDINATORS:
            return False
        finite = words_tagged("VBD", "VBZ")
        return any(word in finite for word in text[comma + 1 : comma + 40].split()[:3])

    def find(self, ctx: Context) -> Iterator[Match]:
        for sentence in tagged_sentences(ctx, self.wants):
            if not sentence_is_statement(sentence) or sentence[0].word.lower() not in SUBORDINATORS:
                continue
            comma = next((n for n, t in enumerate(sentence) if t.word == ","), None)
            if comma is None:
                continue
            tokens = sentence[comma + 1 : -1]
            j = 0
            while j < len(tokens) and tokens[j].tag == "RB":
                j += 1
            if j >= len(tokens) - 1:
                continue
            verb = tokens[j]
            if not is_verb(verb, frozenset({"VBD", "VBZ"})) or verb.tag in ("VB", "VBP", "WRB", "WDT", "WP") or verb.word.lower() in INVERTING_VERBS:
                continue
            if self._modifies_noun(verb, tokens[j + 1]):
                continue  # "…, new figures show", "…, increased consumption might be possible"
            subject_end = noun_phrase_end(tokens, j + 1)
            if subject_end == j + 1 or tokens[j + 1].tag in ("JJ", "JJR", "JJS", "VBN"):
                continue
            tail = adverbials_end(tokens, subject_end)
            if tail < len(tokens) and (is_word(tokens[tail]) or (tokens[tail].word == "," and tail < len(tokens) - 1 and verb.word.lower() not in SPEECH_VERBS)):
                yield Match(verb.start, verb.end, detail=verb.word)  # more after the subject, or a comma (not "…, said the minister, …")

    @staticmethod
    def _modifies_noun(word: Token, following: Token) -> bool:
        """An adjective or participle right before a bare common noun: the subject's start."""
        return following.tag in ("NN", "NNS") and following.word.islower() and could_be(word, frozenset({"JJ", "VBN"}))


# Time adverbs the tagger reads as nouns: "could one day be free", "will today be debating".
TIME_ADVERBS = frozenset("today tomorrow tonight yesterday someday sometime one-day".split())


def _adverbs_end(run: list[Token], k: int) -> int:
    """Index after the adverbs from ``k`` on (not the negation), "one day" among them."""
    while k < len(run) - 1:
        word = run[k].word.lower()
        if (run[k].tag == "RB" and word not in ("not", "n't")) or word in TIME_ADVERBS:
            k += 1
        elif word == "one" and run[k + 1].word.lower() == "day" and k + 2 < len(run):
            k += 2
        else:
            break
    return k


@detector("modal-before-object", line_local=True)
@dataclass
class ModalBeforeObject:
    """A modal after its subject is followed by a noun phrase, not by its verb: the German
    verb bracket (`Can the plan reduce poverty?` kept as `But the plan can poverty reduce?`)."""

    @staticmethod
    def candidates(ctx: Context) -> Iterator[int]:
        """Offsets of a modal followed by a word that cannot be a verb or an adverb."""
        verbs_adverbs, text = words_tagged("VB", "RB"), ctx.text
        for start, end in ctx.occurrences((MODALS | OPENING_MODALS) & ctx.vocabulary):
            following = text[end : end + 40].split(None, 1)
            if text[start].isupper() and not QUESTION_AHEAD.match(text, end):
                continue  # a modal opens only a question
            if following and following[0].lower() not in verbs_adverbs:
                yield start

    def find(self, ctx: Context) -> Iterator[Match]:
        for sentence in tagged_sentences(ctx, at=self.candidates(ctx)):
            if sentence[-1].word == "?":
                yield from self._question(sentence)
            for run, _ in clauses(sentence):
                yield from self._in_clause(run)

    @staticmethod
    def _question(sentence: list[Token]) -> Iterator[Match]:
        """`But can the coalition the dispute solve?`: the subject, then another noun phrase."""
        j = 1 if sentence[0].tag == "CC" else 0
        modal = sentence[j]
        if modal.tag != "MD" or modal.word.lower() not in MODALS:
            return
        end = noun_phrase_end(sentence, j + 1)
        if end > j + 2 and only_a_verb(sentence[end - 1]):
            return  # the phrase swallowed the verb: "could new technology prevent a repeat?"
        if end > j + 1 and end < len(sentence) - 1:
            second = noun_phrase_end(sentence, end)
            if second > end and sentence[second - 1].word.lower() not in TIME_NOUNS and sentence[end].tag in DETERMINERS:
                yield Match(modal.start, modal.end, detail=modal.word)

    @staticmethod
    def _after_subject(run: list[Token], j: int) -> bool:
        """The modal follows a pronoun or a noun phrase that is not a preposition's object."""
        before = run[j - 1]
        if before.tag == "PRP":
            return True
        if before.tag not in NOUNS:
            return False
        k = j - 1
        while k > 0 and run[k - 1].tag in NP_START | {"POS"}:
            k -= 1
        return k == 0 or run[k - 1].tag not in ("IN", "TO")

    @staticmethod
    def _may_be_verb(token: Token) -> bool:
        """A base-form verb by the treebank or WordNet, or an unknown word tagged as one."""
        if token.tag in ("DT", "PRP$", "CD"):
            return token.word.lower() in base_verbs()  # "one day give/CD", not "one"
        return may_be_base_verb(token.word) or (token.tag == "VB" and token.word.lower() not in model().lexicon)

    def _in_clause(self, run: list[Token]) -> Iterator[Match]:
        for j in range(1, len(run) - 2):
            modal = run[j]
            if modal.tag != "MD" or not modal.word.islower() or not self._after_subject(run, j):
                continue
            if any(t.word.lower() in INVERSION for t in run[:j]):
                continue  # ellipsis ("than it could last year") and inversion ("only then can they")
            k = _adverbs_end(run, j + 1)
            nxt = run[k]
            if (nxt.tag not in NP_START and not is_noun(nxt)) or nxt.word.lower() in ("all", "both", "each", "no", "half", "either"):
                continue
            if self._may_be_verb(nxt):
                continue  # the verb may be there: "we can source workers", "it may level out"
            end = noun_phrase_end(run, k)
            if end == k or (end < len(run) and run[end].tag in DETERMINERS | {"PRP"}):
                continue  # no noun phrase, or its "noun" is the verb: "must free myself", "will process your order"
            yield Match(modal.start, modal.end, detail=modal.word)


@detector("verb-cluster-at-end", line_local=True)
@dataclass
class VerbClusterAtEnd:
    """The clause ends in an infinitive or participle followed by the finite verb:
    `… can no longer be guaranteed is.`, `… had nothing to report knew.`"""

    @staticmethod
    def candidates(text: str) -> Iterator[int]:
        """Offsets of the marks after a possible participle or infinitive and a possible
        finite verb."""
        finite, participles = words_tagged("VBD", "VBZ", "VBP", "MD"), words_tagged("VBN", "VB")
        for m in MARK.finditer(text):
            words = text[max(0, m.start() - 60) : m.start()].rsplit(None, 2)  # the last two words
            if len(words) > 1 and words[-1] in finite and (words[-2].lower() in participles or words[-2].endswith("ed")):
                yield m.start() - 1

    def find(self, ctx: Context) -> Iterator[Match]:
        for sentence in tagged_sentences(ctx, at=self.candidates(ctx.text)):
            for run, mark in clauses(sentence):
                if len(run) < 3 or (mark is not None and mark.word not in ".;!–—,”\"'’"):
                    continue
                first, last = run[-2], run[-1]
                finite = last.tag in FINITE | {"MD"} or last.word in FINITE_AUXILIARIES  # `seen had`: tagged VBN in German order
                if not finite or first.word.lower() in ("be", "been", "being", "had", "has", "have"):
                    continue  # `the influence he had had`
                if run[-3].tag in DETERMINERS or (first.tag in NOUNS and run[-3].tag in ("JJ", "JJS", "POS", "CD")):
                    continue  # a noun phrase, no verb cluster: "a written will", "his first thought was"
                if _has_own_auxiliary(run, len(run) - 2) or run[0].word in ("What", "Whatever"):
                    continue  # a complete clause is the subject of the last verb: "What we've seen is," "What he wanted was"
                if is_verb(first, frozenset({"VBN"})) or (run[-3].word.lower() == "to" and is_verb(first, frozenset({"VB"}))):
                    yield Match(first.start, last.end, detail=last.word)


OWN_AUXILIARIES = frozenset("is are was were has have had 've 's ’ve ’s".split())


def _has_own_auxiliary(run: list[Token], k: int) -> bool:
    """A finite `be` or `have` right before the participle at ``k`` (adverbs between): the
    participle heads a complete clause (`what we've seen`, `the cane we have got`,
    `particles that are released`), not the German cluster (`can no longer be guaranteed is`)."""
    j = k - 1
    while j > 0 and run[j].tag == "RB":
        j -= 1
    word = run[j].word.lower()
    return word in OWN_AUXILIARIES or word.endswith(("'ve", "’ve", "'re", "’re"))  # the tokenizer keeps "we've" whole


def _inner_phrase(run: list[Token], m: int) -> bool:
    """The participle opens the preposition's own noun phrase after its determiner (`those
    from the most deprived areas`), not the article's phrase (`the in May approved plan`)."""
    before = run[m - 1]
    if before.tag in DETERMINERS:
        return True
    return before.word.lower() in ("most", "more", "least", "less", "very") and m >= 2 and run[m - 2].tag in DETERMINERS


@detector("participle-before-noun", line_local=True)
@dataclass
class ParticipleBeforeNoun:
    """An article is followed by a prepositional phrase and a participle, then the noun:
    the German extended attribute (`die im Mai beschlossene Reform` → `the in May decided
    reform`, or `the decided in May reform`)."""

    max_words: int = 6

    @staticmethod
    def candidates(ctx: Context) -> Iterator[int]:
        """Offsets of an article followed by a preposition, directly or after a participle."""
        prepositions, text = attributive_prepositions(), ctx.text
        for start, end in ctx.occurrences(ctx.words_where(is_article)):
            following = text[end : end + 60].split(None, 2)[:2]
            if not following:
                continue
            preposition, adverb, participle = _after_article(following[0].lower())
            if preposition:
                yield start  # "the in May approved plan"
            elif len(following) > 1 and (adverb or participle):
                second = following[1].lower()
                if second in prepositions or (participle and second == "to"):
                    yield start  # "the already in May approved plan", "the approved in May plan"

    def find(self, ctx: Context) -> Iterator[Match]:
        for sentence in tagged_sentences(ctx, at=self.candidates(ctx)):
            for run, _ in clauses(sentence):
                yield from self._in_clause(run)

    def _in_clause(self, run: list[Token]) -> Iterator[Match]:
        for i in range(len(run) - 3):
            if run[i].tag not in ("DT", "PRP$") or run[i].word.lower() not in ARTICLES:
                continue
            first = i + 2 if run[i + 1].tag == "RB" and run[i + 2].tag == "IN" else i + 1  # "the already in May announced plan"
            second = run[first]
            if second.tag == "IN" and second.word.lower() not in NOT_ATTRIBUTIVE and run[first + 1].word.lower() not in ADVERBIAL_NOUNS:
                end = self._participle_then_noun(run, first + 1, run[i].word.lower() in ("the", "a", "an"))
            elif second.tag == "VBN" and run[i + 2].tag in ("IN", "TO") and run[i + 2].word.lower() != "of":
                end = self._noun_then_noun(run, i + 3)
            else:
                continue
            if end is not None:
                yield Match(run[i].start, run[end].end, detail=run[i + 1].word)

    def _participle_then_noun(self, run: list[Token], k: int, after_article: bool) -> int | None:
        """Index of the head noun when a participle or -ed adjective comes before it."""
        for m in range(k + 1, min(len(run) - 1, k + self.max_words)):
            token = run[m]
            infinitive = run[m - 1].tag == "TO"  # `to become doctors`: a verb after `to`, not a participle
            if not infinitive and _attributive_participle(token, after_article) and is_noun(run[m + 1]):
                return None if _inner_phrase(run, m) else m + 1
            if token.tag in FINITE | {"MD"}:
                return None
        return None

    def _noun_then_noun(self, run: list[Token], k: int) -> int | None:
        """Index of the head noun when the phrase's last noun is directly followed by it."""
        for m in range(k, min(len(run) - 1, k + self.max_words)):
            if run[m].tag not in ("JJ", "NN", "NNS", "CD"):
                return None
            if run[m].tag == "NNS" and run[m + 1].tag == "NN" and run[m + 1].word.islower():
                return m + 1
        return None


def _attributive_participle(token: Token, after_article: bool) -> bool:
    """A past participle (`approved`, `loved`, which the treebank saw only as a past
    tense), an -ed or -en adjective, or after an article a present participle (`the since
    years growing number`; after a pronoun it is a gerund: `those with difficulty swallowing pills`)."""
    word = token.word
    if token.tag == "JJ" and word.endswith(("ed", "en")):
        return True
    if word.endswith("ed") and is_verb(token, frozenset({"VBD"})):
        return True
    return is_verb(token, frozenset({"VBN"})) or (after_article and token.tag == "VBG")


# Nouns of adverbial phrases that English does put before an adjective ("the at times confusing rules").
ADVERBIAL_NOUNS = frozenset("times least first last most best all far large part once".split())
ARTICLES = frozenset("the a an this these those its their his our my your".split())
# Prepositions that also quantify or qualify ("the about 300 guests", "the above table").
NOT_ATTRIBUTIVE = frozenset(
    "of about around over under up some than like per as above below near nearly almost roughly approximately "
    "such out off down into onto upon".split()
)
STRANDED = frozenset("to at from with".split())
INVERSION = frozenset(
    "than as so nor neither only never rarely seldom hardly scarcely little nowhere not how what which who whom where when why".split()
)


@detector("stranded-preposition", line_local=True)
@dataclass
class StrandedPreposition:
    """A clause ends in a preposition right after a noun or number: the particle of a
    German separable verb (`legte um 3,000 zu` → `rose by 3,000 to.`)."""

    @staticmethod
    def candidates(ctx: Context) -> Iterator[int]:
        """Offsets of `to`, `at`, `from`, `with` before a full stop, semicolon or dash."""
        text = ctx.text
        for start, end in ctx.occurrences(STRANDED & ctx.vocabulary):
            if text[end : end + 3].lstrip(" ")[:1] in (".", ";", "!", "–", "—", "\n", ""):
                yield start

    def find(self, ctx: Context) -> Iterator[Match]:
        for sentence in tagged_sentences(ctx, at=self.candidates(ctx)):
            for run, mark in clauses(sentence):
                if len(run) < 4 or (mark is not None and mark.word not in ".;!–—"):
                    continue
                last, before = run[-1], run[-2]
                if last.word.lower() not in STRANDED or (before.tag not in NOUNS | {"CD"} and before.word not in "%"):
                    continue
                if any(t.tag in ("WDT", "WP", "WP$", "WRB") or t.word.lower() == "that" for t in run) or _bare_relative(run):
                    continue  # a relative clause may end in its preposition
                yield Match(last.start, last.end, detail=last.word)


RELATIVE_SUBJECTS = frozenset("i you he she we they".split())  # open a relative clause without its pronoun


def _bare_relative(run: list[Token]) -> bool:
    """A relative clause without its pronoun: a noun followed by a subject (`the girl I
    made the bet with`) or by `to` and a verb (`a park to have parties at`)."""
    for noun, following, after in zip(run, run[1:], run[2:]):
        if noun.tag in NOUNS and (following.word.lower() in RELATIVE_SUBJECTS or (following.tag == "TO" and after.tag == "VB")):
            return True
    return False


# Adverbs of frequency and time that English puts before the verb; German puts them after
# the object ("liest die Zeitung immer vom Vortag").
MIDDLE_ADVERBS = frozenset("always already never often usually rarely seldom sometimes".split())


@detector("adverb-after-object", line_local=True)
@dataclass
class AdverbAfterObject:
    """A frequency adverb stands after the verb's object and before more of the clause:
    `She reads the paper always in the morning.` English: `She always reads the paper in
    the morning.`"""

    @staticmethod
    def candidates(ctx: Context) -> Iterator[int]:
        """Offsets of the adverbs followed by a word that may open a noun or prepositional phrase."""
        text = ctx.text
        for start, end in ctx.occurrences(MIDDLE_ADVERBS & ctx.vocabulary):
            following = text[end : end + 30].split(None, 1)
            if following and likely_tag(following[0]) in (None, "DT", "IN", "CD", "PRP$"):
                yield start

    def find(self, ctx: Context) -> Iterator[Match]:
        for sentence in tagged_sentences(ctx, at=self.candidates(ctx)):
            for run, _ in clauses(sentence):
                yield from self._in_clause(run)

    @staticmethod
    def _in_clause(run: list[Token]) -> Iterator[Match]:
        for j, verb in enumerate(run[:-3]):
            if verb.tag not in FINITE or verb.word.lower() in BE | HAVE_DO:
                continue
            k = noun_phrase_end(run, j + 1)
            k = adverbials_end(run, k, adverbs=False)
            if k == j + 1 or k >= len(run) - 1 or run[k - 1].tag not in NOUNS | {"CD"}:
                return
            adverb, after = run[k], run[k + 1]
            if adverb.word.lower() in MIDDLE_ADVERBS and (after.tag in DETERMINERS | {"IN", "CD"}):
                yield Match(adverb.start, adverb.end, detail=adverb.word)
            return


HAVE_DO = frozenset("has have had do does did".split())
# Finite forms whatever the tagger says: after a participle, German order makes it read `had` as one.
FINITE_AUXILIARIES = frozenset("had has have is are was were would could should".split())  # not will, can, must: nouns too
MODALS = frozenset("would will can could must should may might shall".split())
OPENING_MODALS = frozenset(modal.capitalize() for modal in MODALS)  # a question opens with its modal
QUESTION_AHEAD = re.compile(r"[^.!?\n]{0,200}\?")
# A mark after a word: a space and a dash, or one of .;!,–—”" (written to start with a set
# of characters, so that the regex engine looks for those instead of trying every position:
# the matches of `(?<=[\w’'-])(?:\s[–—]|[.;!,–—”\"])`).
MARK = re.compile(r"[\s.;!,–—”\"](?<=[\w’'-][\s\S])(?:(?<=\s)[–—]|(?<!\s))")


def _participle(word: str, participles: frozenset[str]) -> bool:
    return likely_tag(word) in (None, "VBN") and (word in participles or word.endswith("ed"))


@lru_cache(maxsize=1 << 15)
def _after_article(word: str) -> tuple[bool, bool, bool]:
    """What the word (lower case) after an article may start: (a preposition; an adverb
    that a preposition may follow; a participle that a preposition or `to` may follow)."""
    if word in attributive_prepositions():
        return True, False, False
    return False, likely_tag(word) == "RB", _participle(word, words_tagged("VBN"))


@cache
def attributive_prepositions() -> frozenset[str]:
    """Words the treebank tags as prepositions (and mostly so) that do not also quantify."""
    return frozenset(w for w in words_tagged("IN") - NOT_ATTRIBUTIVE if w.isalpha() and likely_tag(w) in (None, "IN"))


def is_article(word: str) -> bool:
    return word.lower() in ARTICLES



@cache
def verb_only_words() -> frozenset[str]:
    """Words the treebank only ever tags as a base or present-tense verb (`enter`, `reduce`)."""
    return frozenset(w for w, seen in model().lexicon.items() if w.isalpha() and seen <= {"VB", "VBP"})


def _ends_in_verb(text: str) -> bool:
    words = text.rstrip(".!").split()
    return text.endswith((".", "!")) and len(words) >= 6 and words[-1].lower() in verb_only_words()


@detector("verb-last-main-clause", line_local=True)
@dataclass
class VerbLastMainClause:
    """A statement whose only verb is its last word, after the subject and adverbials:
    the German verb-final order of `dürfte … eingehen` with the modal lost: `The dispute
    probably as one of the longest in the coalition's history enter.`"""

    def find(self, ctx: Context) -> Iterator[Match]:
        for sentence in tagged_sentences(ctx, _ends_in_verb):
            tokens = sentence[:-1]
            verb, before = tokens[-1], tokens[-2]
            if not is_noun(before) or not any(t.tag in ("IN", "RB") for t in tokens[:-1]):
                continue
            if any(t.tag in VERBS or likely_tag(t.word) in VERBS or t.tag in ("WDT", "WP", "WRB") for t in tokens[:-1]):
                continue
            yield Match(verb.start, verb.end, detail=verb.word)


HAVE = frozenset("has have had".split())
CLAUSE_END = re.compile(r"[.;:!?,–—()“”\"]")
# Participles that take an object and a second participle in English: "had the car repaired".
CAUSATIVE = frozenset("had got gotten left kept made seen heard found wanted".split())


# Conjunctions whose clause ends in its own verb: "has lost 5% since the waves hit."
OWN_VERB_OPENERS = frozenset("since when after before until once as because while if although though where unless time".split())


def _after_preposition(run: list[Token], k: int) -> bool:
    """The noun phrase that ends at ``k`` is a preposition's object, so a participle after
    it modifies it: "the needs of the countries affected"."""
    while k > 0 and run[k].tag in NP_START | {"POS"}:
        k -= 1
    return run[k].tag == "IN"


@detector("second-participle-at-end", line_local=True)
@dataclass
class SecondParticipleAtEnd:
    """A perfect tense already has its participle, and another participle closes the
    clause after a noun: the German participle left at the end of the verb bracket
    (`hat sich … geeinigt` → `has followed suit the ministers agreed.`)."""

    def find(self, ctx: Context) -> Iterator[Match]:
        for sentence in tagged_sentences(ctx, at=self.candidates(ctx)):
            for run, mark in clauses(sentence):
                if mark is None or mark.word not in ".;!–—":
                    continue
                last = run[-1]
                if len(run) < 5 or last.word.lower() in CAUSATIVE or not is_verb(last, frozenset({"VBN"})) or not is_noun(run[-2]):
                    continue
                for j, aux in enumerate(run[:-3]):
                    if aux.word.lower() in HAVE and run[j + 1].tag == "VBN" and run[j + 1].word.lower() not in CAUSATIVE | {"been"}:
                        between = run[j + 2 : -1]
                        clause_between = any(t.tag in VERBS | {"WDT", "WP", "TO"} or t.word.lower() in OWN_VERB_OPENERS for t in between)
                        if not clause_between and not _after_preposition(run, len(run) - 2):
                            yield Match(last.start, last.end, detail=last.word)
                        break

    @staticmethod
    def candidates(ctx: Context) -> Iterator[int]:
        """Offsets of `has`, `have`, `had` followed by a participle, in a clause that ends
        in another possible participle."""
        text, participles = ctx.text, words_tagged("VBN")
        for start, end in ctx.occurrences(HAVE & ctx.vocabulary):
            clause = CLAUSE_END.split(text[end : end + 200], 1)[0].split()
            if len(clause) > 3 and clause[0].lower() in participles and (clause[-1] in participles or clause[-1].endswith("ed")):
                yield start


PARTICLES = frozenset("online offline off out up down back away over ahead along".split())


@detector("quote-verb-second", line_local=True)
@dataclass
class QuoteVerbSecond:
    """After a quotation the verb comes first, then its subject, then a separable
    particle: `“Now,” went the statement online.` (German `ging die Mitteilung online`).
    English inverts only a verb of saying, and never leaves a particle after its subject."""

    def find(self, ctx: Context) -> Iterator[Match]:
        for sentence in tagged_sentences(ctx, at=self.candidates(ctx)):
            tokens = sentence[:-1] if sentence[-1].word in ".!" else sentence
            for q, token in enumerate(tokens[:-3]):
                if token.word not in ("”", '"', "’"):
                    continue
                verb = tokens[q + 1]
                end = noun_phrase_end(tokens, q + 2)
                if end < len(tokens) - 1:
                    end = noun_phrase_end(tokens, end)  # subject, then object: "broke the chair the meeting off"
                end = adverbials_end(tokens, end, adverbs=False)  # "went the statement on Friday online"
                if is_verb(verb, frozenset({"VBD", "VBZ"})) and end == len(tokens) - 1 and end > q + 2:
                    if tokens[end].word.lower() in PARTICLES:
                        yield Match(verb.start, tokens[end].end, detail=verb.word)

    @staticmethod
    def candidates(ctx: Context) -> Iterator[int]:
        """Offsets of sentences ending in a particle."""
        text = ctx.text
        for start, end in ctx.occurrences(PARTICLES & ctx.vocabulary):
            if text[end : end + 1] in (".", "!", "\n", "") and ("”" in text[max(0, start - 120) : start] or '"' in text[max(0, start - 120) : start]):
                yield start


SUBJECT_PRONOUNS = frozenset("I he she we they".split())


@detector("pronoun-before-object", line_local=True)
@dataclass
class PronounBeforeObject:
    """A subject pronoun is followed by an article and the clause ends in its verb: a
    German verb-final subordinate clause (`dass er den Plan unterstützt` → `that he the
    plan supports`). In English a subject pronoun is followed by its verb."""

    def find(self, ctx: Context) -> Iterator[Match]:
        for sentence in tagged_sentences(ctx, at=self.candidates(ctx)):
            for run, _ in clauses(sentence):
                for j, pronoun in enumerate(run[:-3]):
                    if pronoun.word in SUBJECT_PRONOUNS and run[j + 1].tag in DETERMINERS:
                        body, verb = run[:-1], run[-1]  # the verb may be tagged as a noun: "the plan supports/NNS"
                        end = adverbials_end(body, noun_phrase_end(body, j + 1))
                        if end == len(body) and end > j + 2 and is_verb(verb, FINITE | {"VB"}):
                            yield Match(pronoun.start, verb.end, detail=verb.word)

    @staticmethod
    def candidates(ctx: Context) -> Iterator[int]:
        """Offsets of a subject pronoun followed by an article or a possessive."""
        text = ctx.text
        for start, end in ctx.occurrences(SUBJECT_PRONOUNS & ctx.vocabulary):
            following = text[end : end + 20].split(None, 1)
            if following and following[0].lower() in ARTICLES:
                yield start
