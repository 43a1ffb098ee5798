"""Phrases on part-of-speech tags: tag classes, what the treebank lexicon allows a word
to be, clauses, noun phrases and runs of adverbials (for the word-order detectors)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

from transcheck.tagger import Token, model

IRREGULAR_VERBS = Path(__file__).resolve().parent / "data" / "tagger" / "irregular-verbs.tsv"
BASE_VERBS = Path(__file__).resolve().parent / "data" / "tagger" / "base-verbs.txt"

FINITE = frozenset("VBD VBZ VBP".split())
VERBS = frozenset("VB VBD VBG VBN VBP VBZ MD".split())
NOUNS = frozenset("NN NNS NNP NNPS".split())
# Tags that can open a noun phrase (the subject after an inverted verb).
NP_START = frozenset("DT PDT PRP$ CD JJ JJR JJS NN NNS NNP NNPS".split())
# Prepositions that open a clause rather than a phrase ("Because the firm has debts, …").
CLAUSE_OPENERS = frozenset("if whether because although though while whereas unless as that than like once".split())


# Tags a capitalized word keeps even so; any other capitalized word counts as a name
# (the tagger reads unknown names in German order as verbs: `in Munderfing/VBG`).
NOT_NAMES = frozenset("DT PDT PRP$ IN CC PRP RB MD TO WDT WP WRB EX".split())


QUANTIFIED = frozenset("CD JJ NN NNS".split())


def _quantity(token: Token) -> bool:
    return token.tag == "CD" and not (token.word.isdigit() and len(token.word) == 4)


def is_word(token: Token) -> bool:
    return token.word[0].isalnum()


def clauses(sentence: list[Token]) -> Iterator[tuple[list[Token], Token | None]]:
    """The runs of words between punctuation marks, each with the mark that ends it."""
    run: list[Token] = []
    for token in sentence:
        if is_word(token) or token.word in "%$€£&":
            run.append(token)
        else:
            if run:
                yield run, token
            run = []
    if run:
        yield run, None


def could_be(token: Token, tags: frozenset[str]) -> bool:
    """The token has one of ``tags``, or the treebank saw the word with one of them, or it
    is such a form of an irregular verb (the tagger's context is German order, so its guess
    is weakest where it matters)."""
    if token.tag in tags:
        return True
    word = token.word.lower()
    return bool(tags & model().lexicon.get(word, _guess(token.word))) or bool(tags & irregular_verbs().get(word, frozenset()))


@cache
def irregular_verbs() -> dict[str, frozenset[str]]:
    """Past tenses and participles of irregular verbs (WordNet 3.0's exception list), the
    treebank's gaps among them: `risen` (never seen), `stood` (seen only as a past tense)."""
    found: dict[str, frozenset[str]] = {}
    for line in IRREGULAR_VERBS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            form, tags = line.split("\t")
            found[form] = frozenset(tags.split())
    return found


@cache
def base_verbs() -> frozenset[str]:
    """The verb lemmas of WordNet 3.0: verbs the treebank saw only as nouns (`source`,
    `level`, `damage`) among them."""
    lines = BASE_VERBS.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def may_be_base_verb(word: str) -> bool:
    """The treebank saw the word as a base-form verb, or WordNet lists it as a verb."""
    lowered = word.lower()
    return "VB" in model().lexicon.get(lowered, frozenset()) or lowered in base_verbs()


def _guess(word: str) -> frozenset[str]:
    """Verb forms a word unknown to the treebank may be, from its ending."""
    if word.endswith("ed"):
        return frozenset({"VBD", "VBN"})
    if word.endswith("s") and not word.endswith("ss"):
        return frozenset({"VBZ", "NNS"})
    return frozenset()


def only_a_verb(token: Token) -> bool:
    """The treebank saw the word, and only ever as a verb (`prevent`), whatever its tag here."""
    seen = model().lexicon.get(token.word.lower())
    return bool(seen) and seen <= VERBS


def is_noun(token: Token) -> bool:
    """Tagged as a noun or number, or a word the treebank only ever saw as a noun."""
    if token.tag in NOUNS or token.tag == "CD":
        return True
    seen = model().lexicon.get(token.word.lower())
    return bool(seen) and seen <= NOUNS


def is_verb(token: Token, forms: frozenset[str]) -> bool:
    """Could be one of the verb ``forms`` and is not tagged as a determiner, pronoun,
    preposition or number."""
    return token.tag not in ("DT", "PRP", "PRP$", "IN", "CD", "TO", "CC") and token.word.islower() and could_be(token, forms)


def sentence_is_statement(sentence: list[Token]) -> bool:
    """Ends in a full stop or an exclamation mark: not a headline or a question."""
    return sentence[-1].word in (".", "!")


PRONOUN_NOUNS = ("thing", "one", "body")  # everything, someone, nobody: a subject, not a modifier
TIME_NOUNS = frozenset("morning afternoon evening night weekend week month year day".split())
DETERMINERS = frozenset("DT PDT PRP$".split())
MONTHS = frozenset("January February March April May June July August September October November December".split())


def _joins(left: Token, right: Token, determined: bool) -> bool:
    """Whether two adjacent nouns or numbers can be one noun phrase (`tax debate`,
    `Angela Merkel`, `Saturday afternoon`, `2.69 million`, after an article any compound:
    `the SPD politician`) rather than two (`In May sales`, `In 2019 prices`, `In the end
    everything`)."""
    if right.word.lower().endswith(PRONOUN_NOUNS) and right.tag in ("NN", "CD"):
        return False
    if left.tag in ("NN", "NNS") and right.tag in ("NNP", "NNPS"):
        return False  # "with 228 days Verstappen": a name after a common noun begins anew
    if determined:
        return True
    if left.tag == "CD":
        return right.tag == "CD" or right.word in MONTHS  # 2.69 million, 1 September
    if right.tag == "CD":
        day = right.word.rstrip(".")
        return left.tag == "NNP" and day.isdigit() and int(day) <= 31  # May 27, German "1. September"
    if left.tag in ("NNP", "NNPS"):
        return right.tag in ("NNP", "NNPS") or right.word.lower() in TIME_NOUNS
    return right.tag == "NN" and right.word.islower()  # common compounds: seasonal adjustment


def _month_day(tokens: list[Token], j: int) -> bool:
    """A month name before a day number, whatever its case or tag (`may 1`)."""
    return tokens[j].word.capitalize() in MONTHS and j + 1 < len(tokens) and tokens[j + 1].tag == "CD"


def noun_phrase_end(tokens: list[Token], k: int) -> int:
    """Index after the noun phrase starting at ``k`` (``k`` itself when none starts there).
    It stops where a second noun phrase may begin, so a subject is not taken for part of
    a fronted phrase."""
    j = k
    determined = j < len(tokens) and tokens[j].tag in DETERMINERS
    if determined:
        j += 1
    head: Token | None = None
    while j < len(tokens):
        token = tokens[j]
        if _quantity(token) and head is None and j + 1 < len(tokens) and tokens[j + 1].tag in QUANTIFIED:
            determined = True  # "350 square meters", "2.69 million people" (a year is not a quantity: "In 2019 sales")
        elif is_noun(token) or (token.word[:1].isupper() and token.tag not in NOT_NAMES) or _month_day(tokens, j):
            if _month_day(tokens, j):
                token = Token(token.start, token.end, token.word, "NNP")  # "on may 1.": a month written in lower case
            elif token.tag not in NOUNS | {"CD"}:
                token = Token(token.start, token.end, token.word, "NNP" if token.word[:1].isupper() else "NN")
            if head is not None and not _joins(head, token, determined):
                break
            head = token
        elif token.word == "old" and head is not None and head.word in ("year", "years"):
            pass  # "the 39 year old"
        elif token.tag == "POS" and head is not None:
            head = None  # the possessor ends, the possessed noun follows
        elif token.word in ("and", "or", "&") and head is not None and j + 1 < len(tokens) and tokens[j + 1].tag in NP_START:
            head, determined = None, tokens[j + 1].tag in DETERMINERS  # "Saxony and Brandenburg"
            if determined:
                j += 1
        elif token.tag in ("JJ", "JJR", "JJS", "HYPH", "VBN", "VBG") and head is None:
            pass
        elif token.tag == "RB" and head is None and j + 1 < len(tokens) and tokens[j + 1].tag in ("JJ", "CD"):
            pass  # "a very big", "about 350"
        else:
            break
        j += 1
    return j if any(t.tag in NOUNS | {"CD"} or t.word[:1].isupper() for t in tokens[k:j]) else k


def adverbials_end(tokens: list[Token], k: int, adverbs: bool = True) -> int:
    """Index after a run of prepositional phrases (and adverbs) starting at ``k``."""
    while k < len(tokens):
        if adverbs and tokens[k].tag == "RB" and tokens[k].word.lower() not in ("not", "n't"):
            k += 1
        elif tokens[k].tag in ("IN", "TO") and tokens[k].word.lower() not in CLAUSE_OPENERS:
            end = noun_phrase_end(tokens, k + 1)
            if end == k + 1:
                break
            k = end
        else:
            break
    return k


@cache
def _words_by_tag() -> dict[str, frozenset[str]]:
    """Every tag with the word forms the treebank gives it, built in one pass over the lexicon."""
    words: dict[str, set[str]] = {}
    for word, seen in model().lexicon.items():
        for tag in seen:
            words.setdefault(tag, set()).add(word)
    return {tag: frozenset(forms) for tag, forms in words.items()}


@cache
def words_tagged(*tags: str) -> frozenset[str]:
    """Every word form the treebank gives one of ``tags``, and the irregular verb forms that
    may have one (for cheap tests before tagging)."""
    by_tag, wanted = _words_by_tag(), frozenset(tags)
    irregular = (form for form, forms in irregular_verbs().items() if forms & wanted)
    return frozenset().union(*(by_tag.get(tag, frozenset()) for tag in tags), irregular)


def likely_tag(word: str) -> str | None:
    """The tag of a word the treebank nearly always tags the same way, else None."""
    tagdict = model().tagdict
    return tagdict.get(word) or tagdict.get(word.lower())


def middle_field_end(tokens: list[Token], k: int) -> int:
    """Index after the German middle field of a verb bracket that starts at ``k``:
    adverbials, an object, adverbials (`after a long dispute the plan in full`)."""
    k = adverbials_end(tokens, k)
    after_object = noun_phrase_end(tokens, k)
    return adverbials_end(tokens, after_object) if after_object > k else k
