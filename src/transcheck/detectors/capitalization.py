"""German noun capitalisation leaking into English: `announced new Measures`, `an increase in Prices`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ahocorasick_rs import AhoCorasick

from transcheck.context import Context, automaton_matches, in_code, line_around
from transcheck.detectors import detector
from transcheck.detectors.author_box import person_names
from transcheck.models import Match
from transcheck import speller, tables
from transcheck.wordfreqs import zipf

MODIFIERS = frozenset(
    "new further higher lower rising falling more fewer additional possible stricter tougher many "
    "several numerous various massive significant strong severe serious great small large first "
    "last next economic political financial social military initial current future high low "
    "considerable urgent drastic concrete clear better worse own faster quicker cheaper stronger "
    "weaker larger smaller bigger longer shorter earlier later".split()
)
PREPOSITIONS = frozenset("in of for with on about against over from to into between without and or".split())
# What may follow a common noun that ends its phrase (a brand or name used as a modifier
# is followed by the noun it modifies instead: `Apple devices`).
FOLLOWERS = re.compile(
    r"\s*(?:[.,;:!?)”’\"]|$|\s(?:against|for|in|of|on|at|to|and|or|but|this|that|which|who|from|with|by|"
    r"as|than|is|are|was|were|will|would|have|has|had|the|a|an|its|their|his|her|over|after|before|"
    r"because|while|since|if|until|under|among)\b)"
)
# A name goes on (Vision for Space Exploration) or a numbered label (Tables 1 and 2, Chapter 4).
# A title goes on in capitals past a short word (Notes on Falling Leaves, Stars on Thin Ice).
NEXT_IS_NAME = re.compile(r"\s+(?:[A-Z0-9]|(?:of|for)\s+[A-Z]|&|(?:on|in|at|to|and|the|a|with|from)\s+[A-Z][\w’'-]*\s+[A-Z])")
# Shapes of demonyms and languages (American, Germans, Chinese, Polish, Dutch): proper adjectives.
DEMONYM = re.compile(r"(?:an|ans|ese|ish|ch|i|is)$")
DAYS_AND_MONTHS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december".split()
)
MAX_ZIPF = 6.0
# A line of capitalised words: each word starts with a capital or a digit, anything but word
# characters between them. Possessive, so a failed match is linear (the backtracking form,
# `(?:[A-Z0-9][\w’'-]*\W*\s*){3,}`, took exponential time on a long line of capitals that
# ends in a lower-case word); the three words it asked for are three capitals or digits, as
# any capital inside a word could start one.
TITLE_CASE_SHAPE = re.compile(r"(?:[A-Z0-9][\w’'-]*+\W*+)++")
CAPITAL_OR_DIGIT = re.compile(r"[A-Z0-9]")


def title_case_line(line: str) -> bool:
    """Whether ``line`` is a title-case line (a headline, a menu): three or more capitalised words."""
    return TITLE_CASE_SHAPE.fullmatch(line) is not None and len(CAPITAL_OR_DIGIT.findall(line)) >= 3


@detector("german-capitalization")
@dataclass
class GermanCapitalization:
    """A common English noun capitalised mid-sentence after a lower-case modifier or preposition."""

    min_zipf: float = 4.0
    allow: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.allow = frozenset(word.lower() for word in self.allow)

    def common_noun(self, word: str) -> bool:
        """A capitalised word whose lower-case form is a common English word."""
        if len(word) < 3 or not word[0].isupper() or not word[1:].islower():
            return False
        lower = word.lower()
        if lower in self.allow or {lower, _singular(lower)} & DAYS_AND_MONTHS or DEMONYM.search(lower) or lower.endswith("ly"):
            return False
        if speller.capital_only(word):
            return False  # a name by the dictionary (Williams, Giants): lower-cased-name would fight it
        # above ~6 on the Zipf scale are function words (The, After, When) starting sentences
        frequency = max(zipf(lower), zipf(_singular(lower)) if lower.endswith("s") else 0.0)
        return self.min_zipf <= frequency < MAX_ZIPF

    def plural(self, word: str) -> bool:
        lower = word.lower()
        return lower.endswith("s") and zipf(_singular(lower)) >= self.min_zipf - 1.0

    def find(self, ctx: Context) -> Iterator[Match]:
        candidates = ctx.words_where(self.common_noun)
        if not candidates:
            return
        text = ctx.text
        found = ctx.occurrences(candidates)
        leaked = [(s, e) for s, e in found if self._leaked(text, text[s:e], s, e)]
        if leaked:  # the house style is counted only where a capital looks leaked (few pages)
            names = _house_style(text, found, ctx.vocabulary)  # always capitalised here: on Mars, in Cairns
            yield from (Match(s, e, text[s:e].lower()) for s, e in leaked if text[s:e] not in names)

    def _leaked(self, text: str, word: str, start: int, end: int) -> bool:
        words = _two_words_before(text, start)
        if words is None or NEXT_IS_NAME.match(text, end):
            return False
        earlier, previous = words
        if previous in MODIFIERS:  # not a brand before its noun ("Apple devices")
            ok = bool(FOLLOWERS.match(text, end)) or _finite_verb(_word_after(text, end))
        elif previous in PREPOSITIONS:  # a plural, not a given name (with Miles, for Charles)
            ok = self.plural(word) and earlier.islower() and word not in person_names()[0]
        else:
            return False
        if not ok:
            return False
        if _named_elsewhere(text, word):
            return False
        return not title_case_line(_line(text, start, end))


FINITE_VERB_TAGS = frozenset({"VBD", "VBP", "VBZ", "MD"})


def _finite_verb(word: str) -> bool:
    """The treebank saw the word only as a finite verb or a modal (apply, complained, can):
    the capitalised word before it ends its noun phrase (`new Rules apply`)."""
    from transcheck import tagger  # the model loads only when such a word is asked about

    tags = tagger.model().lexicon.get(word, frozenset())
    return bool(tags) and tags <= FINITE_VERB_TAGS | {"VB"} and bool(tags & FINITE_VERB_TAGS)


def _two_words_before(text: str, start: int) -> tuple[str, str] | None:
    """The two words before ``start`` on the same line (commas stripped), if the word
    directly follows a space."""
    window = text[max(0, start - 60) : start]
    if not window.endswith((" ", "\t")):
        return None
    parts = window[window.rfind("\n") + 1 :].split()
    if len(parts) < 2:
        return None
    return parts[-2].rstrip(","), parts[-1].rstrip(",")


SIBILANT_PLURAL = re.compile(r"(?:s|x|z|ch|sh)es$")


def _singular(plural: str) -> str:
    return plural[:-2] if SIBILANT_PLURAL.search(plural) else plural[:-1]


def _named_elsewhere(text: str, word: str) -> bool:
    """The word follows a capitalised name elsewhere in the text (`Lou Williams`): the
    matches of ``\\b([A-Z][a-z]+)\\s+WORD\\b``, found from the word backwards (a pattern
    that starts with a literal is searched fast)."""
    if not WORD.fullmatch(word):
        names = (m.group(1) for m in re.finditer(rf"\b([A-Z][a-z]+)\s+{re.escape(word)}\b", text))
    else:
        names = _names_before(text, word)
    return any(zipf(name) < 5.8 for name in names)


def _names_before(text: str, word: str) -> Iterator[str]:
    """The names of the successive non-overlapping ``Name WORD`` matches, left to right."""
    last_end = 0
    for m in re.finditer(re.escape(word) + r"\b", text):
        space = m.start()
        while space and text[space - 1].isspace():
            space -= 1
        start = space
        while start and "a" <= text[start - 1] <= "z":
            start -= 1
        start -= 1  # the capital
        if space == m.start() or start == space - 1 or start < max(last_end, 0) or not "A" <= text[start] <= "Z":
            continue
        if start and _is_word(text[start - 1]):
            continue  # no word boundary before the name
        last_end = m.end()
        yield text[start:space]


HONORIFICS = frozenset({"Honor", "Honour", "Majesty", "Excellency", "Grace", "Highness", "Royal", "Eminence",
                        "Holiness", "Worship", "Lordship", "Ladyship", "Reverence", "Serene"})


@detector("mid-sentence-capital", line_local=True)
@dataclass
class MidSentenceCapital:
    """Listed words capitalised after a lower-case word or a comma (`thank You for Your`),
    outside title-case lines and quotations."""

    words: frozenset[str] = frozenset()

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        for start, end in ctx.occurrences(set(self.words)):
            before = text[max(0, start - 2) : start]  # "r " or ", ": mid-sentence
            if not (before.endswith(" ") and (before[:1].islower() or before[:1] in ",;")):
                continue
            if _word_after(text, end) in HONORIFICS:  # Your Honor, Your Majesty: a title, capitalised
                continue
            if self._in_title(text, start, end, after_comma=before[:1] in ",;"):
                continue
            line_start, line_end, _ = line_around(text, start, end)
            if title_case_line(text[line_start:line_end]) or text.count("“", line_start, start) > text.count("”", line_start, start):
                continue
            yield Match(start, end, text[start:end].lower())

    def _in_title(self, text: str, start: int, end: int, after_comma: bool) -> bool:
        """A capitalised word next to it, past short lower-case words and the listed words:
        a title (`If You Tolerate This`, `I Believe in You`), not the polite `Sie`. After a
        comma only the word after counts (`Dear Mr Weber, You have won`)."""
        following = TITLE_WORD_AFTER.match(text, end)
        if following and following.group(1)[0].isupper() and following.group(1) not in self.words:
            return True
        if after_comma:
            return False
        preceding = TITLE_WORD_BEFORE.search(text, max(0, start - 80), start)
        return bool(preceding) and preceding.group(1)[0].isupper() and preceding.group(1) not in self.words


# The next and previous words past lower-case words of up to three letters (in, by, for).
TITLE_WORD_AFTER = re.compile(r"(?:[ \t]+[a-z]{1,3}\b)*[ \t]+([A-Za-z][\w’'-]*)")
TITLE_WORD_BEFORE = re.compile(r"([A-Za-z][\w’'-]*)(?:[ \t]+[a-z]{1,3})*[ \t]+$")


# --- Evidence from the case-keeping English dictionary -----------------------------------

SENTENCE_OPENERS = ".!?:“\"‘'(—–-•*#|>"
FUNCTION_WORD = 6.0  # Zipf: The, He, It: capitalised only at a sentence start
NAME_BEFORE = re.compile(r"[A-Z][\w.’'-]*[ \t]+(?:[a-z]{1,3}|for|and|&)(?:[ \t]+the)?$")
NOT_PROSE = re.compile(r"[@#/\\_.]\w|\w[@/\\_]")  # e-mail addresses, hashtags, URLs, file names


def _line(text: str, start: int, end: int) -> str:
    """The line holding [start, end), or on a very long line the stretch around it (``line_around``)."""
    line_start, line_end, _ = line_around(text, start, end)
    return text[line_start:line_end]


def _before(text: str, start: int) -> str:
    """Up to 80 characters before ``start`` on its line, without trailing spaces."""
    window = max(0, start - 80)
    return text[max(window, text.rfind("\n", window, start) + 1) : start].rstrip(" \t")


LAST_WORD = re.compile(r"([\w’'.-]+)$")
NEXT_WORD = re.compile(r"[ \t]+([\w’'-]+)")


def _word_before(text: str, start: int) -> str:
    m = LAST_WORD.search(_before(text, start))
    return m.group(1) if m else ""


def _word_after(text: str, end: int) -> str:
    m = NEXT_WORD.match(text, end)
    return m.group(1) if m else ""


def _in_prose(text: str, start: int, end: int) -> bool:
    return not NOT_PROSE.search(text[max(0, start - 1) : end + 1]) and not in_code(text, start, end)


@detector("capitalised-common-word")
@dataclass
class CapitalisedCommonWord:
    """A word that English writes only in lower case (by the dictionary), capitalised in
    the middle of a sentence: `the Situation of the SPD`, `in Plus`, `of The opposition`."""

    allow: frozenset[str] = frozenset()

    def candidate(self, word: str) -> bool:
        if len(word) < 2 or not word[0].isupper() or not word[1:].islower() or word in self.allow:
            return False
        return (len(word) > 2 and speller.lower_only(word)) or (zipf(word) >= FUNCTION_WORD and word.lower() in speller.words())

    def institution(self, word: str) -> bool:
        """A word the dictionary knows in both cases that the treebank saw only as a common
        noun (`Parliament`): a name for one body, a common noun after `a`."""
        if len(word) < 4 or not word[0].isupper() or not word[1:].islower() or word in self.allow:
            return False
        if speller.lower_only(word) or word.lower() not in speller.words() or zipf(word) >= FUNCTION_WORD:
            return False
        return _treebank_common_noun(word)

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        candidates = ctx.words_where(self.candidate)
        found = ctx.occurrences(candidates) if candidates else []
        house_style = _house_style(text, found, ctx.vocabulary)
        # a house style capitalises a title for one person or body, not after `a`: `a new Chancellor`
        spans = [(s, e) for s, e in found if text[s:e] not in house_style or _after_indefinite_article(text, s)]
        institutions = ctx.words_where(self.institution)
        generic = [(s, e) for s, e in ctx.occurrences(institutions) if _after_indefinite_article(text, s)] if institutions else []
        spans += generic
        common_nouns, vocabulary = ctx.words_where(_TC701.common_noun), ctx.vocabulary  # each word judged once a run
        if "-" in text:  # German capitalises each part of a compound: E-Mail, Know-How
            spans += [m.span() for m in CAPITAL_COMPOUND.finditer(text) if _lower_compound(m.group())]
        openers = NameOpeners(text)
        for start, end in sorted(spans):
            word = text[start:end]
            if start >= 2 and text[start - 2] in SENTENCE_END:
                continue  # the commonest case first: a sentence starts here
            common = word in common_nouns if word in vocabulary else _TC701.common_noun(word)  # E-Mail is no word of it
            if (start, end) not in generic and common and _TC701._leaked(text, word, start, end):
                continue  # german-noun-capitalization reports it (`new Measures`)
            inside = _mid_sentence(text, word, start, end) or _after_opening_article(text, word, start, end)
            if end < len(text) and inside and not _in_title(text, start, end) and not _short_name(text, word, end, openers):
                yield Match(start, end, word.lower())


class NameOpeners:
    """The words of a text that stand before a capitalised word (`Real` in `Real Madrid`).
    A text is asked about a few words: each is looked for on its own (a literal search),
    until ``SEARCHES`` have been; then all of them are found in one pass over the text."""

    WORD_BEFORE_CAPITAL = re.compile(r"\b([^\W\d_]+)(?=[ \t]+[A-Z])")
    LETTERS = re.compile(r"[^\W\d_]+")
    SEARCHES = 32

    def __init__(self, text: str):
        self.text, self.words, self.known = text, None, {}

    def __contains__(self, word: str) -> bool:
        if self.words is None and len(self.known) >= self.SEARCHES:
            self.words = {m.group(1) for m in self.WORD_BEFORE_CAPITAL.finditer(self.text)}
        if self.words is not None:
            return word in self.words
        found = self.known.get(word)
        if found is None:
            found = self.known[word] = self._opens_a_name(word)
        return found

    def _opens_a_name(self, word: str) -> bool:
        """``word`` (letters only) stands somewhere, not inside a longer word, before blanks and a capital."""
        if not self.LETTERS.fullmatch(word):
            return False
        literal = re.escape(word)  # first: the engine then looks for the word itself, not at every position
        return re.search(rf"{literal}(?<!\w{literal})(?=[ \t]+[A-Z])", self.text) is not None


def _short_name(text: str, word: str, end: int, openers: NameOpeners) -> bool:
    """An adjective that stands alone where the text elsewhere opens a name with it: the
    short form of the name (`Real Madrid … a goal for Real`), not a capital before a noun
    (`the Federal Agency … at the Federal level`) nor a German noun (`by Biathlon`)."""
    if zipf(word) >= FUNCTION_WORD or not speller.adjective(word.lower()) or word not in openers:
        return False
    following = _word_after(text, end)
    return not (following.islower() and zipf(following) < FUNCTION_WORD and _may_be_noun(following))


_TC701 = GermanCapitalization()
# `(?<![\w-])[A-Z][a-z]*-[A-Z][a-z]+(?![\w-])` with the capital first (its look-behind then
# looks past it): the engine looks for capitals instead of trying every position.
CAPITAL_COMPOUND = re.compile(r"[A-Z](?<![\w-][A-Z])[a-z]*-[A-Z][a-z]+(?![\w-])")


def _lower_compound(word: str) -> bool:
    """English writes the compound in lower case, hyphenated or closed (e-mail, email)."""
    lower = word.lower()
    vocabulary = speller.words()
    return (lower in vocabulary or lower.replace("-", "") in vocabulary) and word.replace("-", "") not in vocabulary


def _mid_sentence(text: str, word: str, start: int, end: int) -> bool:
    """The word stands inside a sentence of prose, not at its start nor inside a name."""
    before = _before(text, start)
    if not before or not (before[-1].isalnum() or before[-1] in ",;") or text[start - 2 : start - 1] != before[-1:]:
        return False  # a line, sentence, quotation, bracket or table column starts here
    if text.startswith(":", end):
        return False  # a label: Severity: high
    previous, following = _word_before(text, start), _word_after(text, end)
    if zipf(word) >= FUNCTION_WORD:  # The, He, But: after a lower-case word, a semicolon or a name
        after_name = word == "The" and previous.isalpha() and previous.istitle() and zipf(previous) < FUNCTION_WORD
        mid = previous.islower() or before.endswith(";") or after_name
        return mid and following.islower() and not NAME_BEFORE.search(before) and not NAME_AFTER.match(text, end)
    if not (previous.islower() or before.endswith((",", ";"))) or not speller.known(previous.strip(",;").rsplit("-", 1)[-1]):
        return False  # after a name, number or foreign word: Deutsche Bank, Das Haus am See
    if previous.islower() and (not _modifier(previous) or _noun_only(previous) or previous in WORK_NOUNS):
        return False  # an apposition after a noun: the union Equity, the carmaker Volkswagen, the film Closer
    if WORK_CUE.search(before):
        return False  # a title after its cue: her role in Closer, he starred in Speed
    if following[:1].isupper() or following[:1].isdigit() or (following.islower() and not speller.known(following)):
        return False  # a name of several words: Federal Reserve, Alternative für Deutschland, Leopard 2
    if NAME_BEFORE.search(before) or NAME_AFTER.match(text, end) or ABBREVIATION_DOT.match(text, end):
        return False  # Department of Energy, Das Haus am See, Industry and Commerce, Calif.
    if NAMED.search(before) or _in_list_of_names(text, before, end):
        return False  # a name given or listed: a cat named Star; Zipdash, Urchin and Picasa
    if len(word) <= 4 and text.startswith(".", end):
        return False  # an abbreviation: Gov. Mike Smith
    if following.islower() and not speller.adjective(word.lower()) and not _modifier(following):
        return False  # a name before the noun it modifies: its Copilot assistant
    before_noun = (speller.adjective(word.lower()) and following.islower() and zipf(following) < FUNCTION_WORD
                   and _may_be_noun(following))  # the Federal level; not the Court suggested
    if previous.lower() == "the" and not (following == "of" or before_noun):
        return False  # the short form of a name: the Bank, the Court with (but the Situation of, the Federal level)
    return _in_prose(text, start, end)


NAMED = re.compile(r"(?<![\w-])(?:named|name|called|nicknamed|dubbed|titled|entitled)$")
# Nouns naming a work, whose title follows them (the album Tourist, the show Motormouth),
# and the phrases that introduce a title (his role in Closer, she starred in Speed).
WORK_NOUNS = frozenset(
    "film films movie album single song hit hits show series novel book play musical opera game track "
    "documentary programme program sitcom drama thriller comedy".split()
)
WORK_CUE = re.compile(r"(?<![\w-])(?:role|roles|performance|performances|part|starred|starring|appeared|appearing|played)[ \t]+(?:in|on)[ \t]*$")
LIST_ITEM = r"([A-Z][\w’'-]*)"
NEXT_ITEM = re.compile(r",[ \t]+" + LIST_ITEM + r"(?:,|[ \t]+(?:and|or|&)[ \t])")  # Urchin, Zipdash, ...
PREVIOUS_ITEM = re.compile(r",[ \t]+" + LIST_ITEM + r",?[ \t]+(?:and|or|&)$")  # ..., Picasa and Urchin


def _in_list_of_names(text: str, before: str, end: int) -> bool:
    """The word is an item of a list of three or more whose item next to it is a name (a
    capitalised word the dictionary does not know in lower case): `Zipdash, Urchin, Picasa`.
    A list of capitalised common nouns (`Energy, Food and Rent`) is German capitalisation."""
    neighbours = [m.group(1) for m in (NEXT_ITEM.match(text, end), PREVIOUS_ITEM.search(before)) if m]
    return any(not speller.lower_only(w) and zipf(w) < FUNCTION_WORD for w in neighbours)


OPENING_ARTICLE = re.compile(r"(?:^|[.!?][”\"’]?[ \t]+)(?:The|A|An|This|That|These|Those|Every|Each|Our|Their|His|Her|Its)$")
PREPOSITION_AFTER = re.compile(
    r"[ \t]+(?:about|with|over|between|against|around|for|on|at|in|from|into|during|after|before|among|of|to)[ \t]+[a-z]"
)
INDEFINITE_ARTICLE = re.compile(r"(?:^|[\s(“\"‘])[Aa]n?((?:[ \t]+[a-z][\w’'-]*){0,2})$")


def _after_opening_article(text: str, word: str, start: int, end: int) -> bool:
    """`The Trouble about the plan`: a common noun capitalised right after the article
    that opens a sentence, before a preposition and lower-case words (a name goes on in
    capitals, `The Bank of England`, is capitalised elsewhere in the text, or is a word
    the treebank saw in names: `The Chancellor on Monday`, `The Magic at home`)."""
    if zipf(word) >= FUNCTION_WORD or not OPENING_ARTICLE.search(_before(text, start)) or not _treebank_common_noun(word):
        return False
    if not PREPOSITION_AFTER.match(text, end) or NAME_AFTER.match(text, end):
        return False
    elsewhere = (m.start(1) for m in re.finditer(rf"\b[a-z]+,?[ \t]+({re.escape(word)})\b", text))
    return _in_prose(text, start, end) and all(s == start for s in elsewhere)  # not a name used mid-sentence


def _treebank_common_noun(word: str) -> bool:
    """The treebank (UD English EWT) saw the word as a common noun and never in a name:
    `trouble`, `parliament`; not `minister`, `bank`, `magic` (the Magic, the Bank)."""
    from transcheck import tagger  # the model loads only when such a word is asked about

    tags = tagger.model().lexicon.get(word.lower(), frozenset())
    return bool(tags & {"NN", "NNS"}) and not tags & {"NNP", "NNPS"}


NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})


def _noun_only(word: str) -> bool:
    """The treebank saw the word only as a noun (company, team): a frequent word that is no
    modifier, so a capitalised word after it is a name in apposition."""
    from transcheck import tagger  # the model loads only when such a word is asked about

    tags = tagger.model().lexicon.get(word.rsplit("-", 1)[-1], frozenset())
    return bool(tags) and tags <= NOUN_TAGS


def _may_be_noun(word: str) -> bool:
    """The treebank saw the word as a noun, or never saw it."""
    from transcheck import tagger  # the model loads only when such a word is asked about

    tags = tagger.model().lexicon.get(word.lower())
    return not tags or bool(tags & NOUN_TAGS)


def _after_indefinite_article(text: str, start: int) -> bool:
    """The word follows `a` or `an` and at most two adjectives or participles: a generic use."""
    m = INDEFINITE_ARTICLE.search(_before(text, start))
    return bool(m) and all(_adjective_like(w) for w in m.group(1).split())


def _adjective_like(word: str) -> bool:
    last = word.rsplit("-", 1)[-1]
    return last in MODIFIERS or speller.adjective(last) or last.endswith(("ed", "ing"))


def _modifier(word: str) -> bool:
    """A word that may stand right before a noun: a function word (the, of, in, can), an
    adjective or a participle (new, well-disposed, anticipated)."""
    last = word.rsplit("-", 1)[-1]
    return zipf(last) >= 5.5 or speller.adjective(last) or last.endswith(("ed", "ing"))


def _in_title(text: str, start: int, end: int) -> bool:
    """The word is in a title-case stretch: a headline or a quoted or bracketed title
    (no lower-case word of four letters or more, another capitalised one)."""
    seg_start = max(max(text.rfind(ch, max(0, start - 300), start) for ch in SEGMENT_BREAKS) + 1, start - 300, 0)
    seg_ends = [i for i in (text.find(ch, end, end + 300) for ch in SEGMENT_BREAKS) if i != -1]
    words = re.findall(r"[^\W\d_][\w’'-]*", text[seg_start : min(seg_ends, default=min(len(text), end + 300))])
    # title case leaves function words in lower case, short or not (that, with, from, into)
    long_words = [w for w in words[1:] if len(w) >= 4 and not (w.islower() and zipf(w) >= FUNCTION_WORD)]
    line = _line(text, start, end).rstrip()
    headline = len(line.split()) <= 12 and not line.endswith((".", "!", "?", "”", '"', ",", ":"))
    return not any(w.islower() for w in long_words) and sum(w[0].isupper() for w in long_words) >= (1 if headline else 2)


SENTENCE_END = frozenset(".!?”\"\n")
SEGMENT_BREAKS = "\n.,;:!?()“”\"—–[]"
NAME_AFTER = re.compile(r"[ \t]+(?:(?:of|for|on|in|de|du|der)[ \t]+(?:[A-Z0-9]|the[ \t]+[A-Z][a-z])|(?:and|&)[ \t]+[A-Z])")
ABBREVIATION_DOT = re.compile(r"\.(?:[ \t]*[,;]|[ \t]+[a-z0-9])")


def _house_style(text: str, spans: list[tuple[int, int]], vocabulary: frozenset[str]) -> set[str]:
    """Words the text capitalises every time it uses them, more than once: a house style
    for titles and institutions (`the Chancellor`, `the Government`), not a slip."""
    counts: dict[str, int] = {}
    for start, end in spans:
        if _word_after(text, end)[:1].isupper():
            continue  # inside a longer name (Federal Statistical Office): no evidence of style
        counts[text[start:end]] = counts.get(text[start:end], 0) + 1
    return {
        w for w, n in counts.items()
        if (n >= 3 or (n == 2 and w.lower() not in vocabulary)) and zipf(w) < FUNCTION_WORD and not speller.adjective(w.lower())
    }


LOWERED_SHARE = 0.25

# --- A text written in lower case by its author -------------------------------------------

# Where a sentence starts: the text's start, after a blank line, or after a full stop, question
# or exclamation mark that ends a word of two letters or more (not `U.S.`, `a.m.`, `F.A.Z.`).
# Each pattern starts with a character to look for, then looks back: a fast scan.
OPENING = r"[\"“‘'(]*([^\W\d_])"
TEXT_START = re.compile(r"\s*" + OPENING)
AFTER_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*" + OPENING)
AFTER_FULL_STOP = re.compile(r"[.!?](?<=[^\W_]{2}[.!?])[.!?]*[”\"’)]*\s+" + OPENING)
# `i` as a pronoun (`i think`, `i'm`): no translation engine or editor writes it.
LOWER_I = re.compile(r"i(?<![^\s\"“(]i)(?:['’](?:m|ve|ll|d))?(?=[ \t]+[a-z])")
LOWER_STARTS = 0.25  # share of sentence starts in lower case (dev mt/: at most 0.125; UD EWT posts: most above 0.3)


def lower_case_style(ctx: Context) -> bool:
    """The author writes in lower case (a chat message, a forum post): sentences that start in
    lower case and `i` as a pronoun, at least two of them and as many as a quarter of the
    sentences. Machine translation keeps the capitals of its source, so a lower-case name or
    line start there is a slip to flag, and in such a text the author's style."""
    found = ctx.cache.get("lower_case_style")
    if found is None:
        found = ctx.cache["lower_case_style"] = _lower_case_style(ctx.text)
    return found


def _lower_case_style(text: str) -> bool:
    first = TEXT_START.match(text)
    starts = {m.start(1): m.group(1) for pattern in (AFTER_BLANK_LINE, AFTER_FULL_STOP) for m in pattern.finditer(text)}
    if first:
        starts[first.start(1)] = first.group(1)
    lower = sum(1 for ch in starts.values() if ch.islower()) + len(LOWER_I.findall(text))
    return lower >= 2 and lower >= LOWER_STARTS * len(starts)


@detector("lower-cased-name")
@dataclass
class LowerCasedName:
    """A word that English writes only capitalised (a country, month, weekday, demonym or
    name, by the dictionary) written in lower case: `in germany`, `since october`."""

    def candidate(self, word: str) -> bool:
        return len(word) > 2 and word.islower() and word.isalpha() and speller.capital_only(word)

    def unknown(self, word: str) -> bool:
        """A lower-case word that is not English in any case: a name, if the text lower-cases names."""
        if len(word) < 3 or not word.islower() or not word.isalpha() or speller.known(word):
            return False
        de = zipf(word, "de")
        return zipf(word) < 3.5 and de >= 1.5 and de >= zipf(word)  # known in German, more than in English: a name

    @staticmethod
    def capitalised_name(word: str) -> bool:
        return word[:1].isupper() and word[1:].islower() and speller.capital_only(word) and word in speller.words()

    def find(self, ctx: Context) -> Iterator[Match]:
        if lower_case_style(ctx):
            return
        text = ctx.text
        names = ctx.words_where(self.candidate)
        lowered = [(s, e) for s, e in ctx.occurrences(names) if self._prose(text, s, e)]
        unknown = [(s, e) for s, e in ctx.occurrences(ctx.words_where(self.unknown)) if self._prose(text, s, e)]
        if not lowered and not unknown:
            return
        # The text lower-cases names (a site's template): a good share of the distinct
        # names the dictionary knows are written in lower case (`germany`, `october`)
        written = len(ctx.words_where(self.capitalised_name))
        lower_cases_names = len(names) >= 2 and len(names) >= LOWERED_SHARE * (len(names) + written)
        spans = sorted(lowered + unknown)
        # a month or weekday, or a name the text capitalises elsewhere
        capitalised = set() if lower_cases_names else _capitalised_mid_sentence(text, {text[s:e].capitalize() for s, e in spans})
        for start, end in spans:
            word = text[start:end]
            if lower_cases_names or word in DAYS_AND_MONTHS or word.capitalize() in capitalised:
                yield Match(start, end, word.capitalize())

    @staticmethod
    def _prose(text: str, start: int, end: int) -> bool:
        return _in_prose(text, start, end) and not title_case_line(_line(text, start, end))


def _capitalised_mid_sentence(text: str, words: set[str]) -> set[str]:
    """The ``words`` the text writes after a lower-case word or a comma and blanks (a name,
    not a sentence start): ``[a-z,][ \\t]+WORD\\b``, all words found in one pass."""
    found: set[str] = set()
    plain = [w for w in words if WORD.fullmatch(w)]
    for w in words:
        if w and not WORD.fullmatch(w) and re.search(rf"[a-z,][ \t]+{re.escape(w)}\b", text):
            found.add(w)
    if not plain:
        return found
    n = len(text)
    for index, start, end in automaton_matches(AhoCorasick(plain), text, overlapping=True):
        if end < n and _is_word(text[end]):
            continue  # no word boundary after it
        blank = start
        while blank and text[blank - 1] in " \t":
            blank -= 1
        if blank < start and blank and text[blank - 1] in LOWER_OR_COMMA:
            found.add(plain[index])
    return found


WORD = re.compile(r"\w+")
LOWER_OR_COMMA = frozenset("abcdefghijklmnopqrstuvwxyz,")


def _is_word(ch: str) -> bool:
    """A character of ``\\w``."""
    return ch.isalnum() or ch == "_"


AFTER_COMMA = re.compile(r",[ \t]*\n(?:[ \t]*\n)?\Z")

# After a blank line or a finished sentence; a heading (no closing punctuation) or a paragraph
# after a blank line: hard-wrapped prose goes on in lower case after a line break.
LINE_START = re.compile(
    r"(?:\A|(?<=\n\n)|(?<=[.!?]\n)|(?<=[.!?][”\"]\n))([a-z]{2,})(?=[ \t]+[a-z][\w’'-]*[ \t]+\S)"
)


HEADING_WORDS = 8


def _at_line_starts(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` for a pattern that can only match at the start of a line
    and within it: tried at each line start instead of at every character."""
    start = 0
    while start != -1:
        m = pattern.match(text, start)
        if m:
            yield m
        start = text.find("\n", start)
        start = -1 if start == -1 else start + 1


@detector("lower-case-line-start")
@dataclass
class LowerCaseLineStart:
    """A heading or paragraph that starts with an English word in lower case."""

    def find(self, ctx: Context) -> Iterator[Match]:
        if lower_case_style(ctx):
            return
        text = ctx.text
        for m in _at_line_starts(LINE_START, text):
            word = m.group(1)
            if AFTER_COMMA.search(text, max(0, m.start() - 8), m.start()):
                continue  # the sentence goes on after a salutation or a broken line: `Dear Anna,`
            line = _line(text, m.start(), m.end()).rstrip()
            heading = len(line.split()) <= HEADING_WORDS and not line.endswith((".", "!", "?", ":", ",", ";", "”", '"', ")"))
            after_blank = m.start() < 2 or text[m.start() - 2] == "\n"
            if (heading or after_blank) and word in speller.words() and _in_prose(text, m.start(), m.end()):
                yield Match(m.start(), m.end(), word.capitalize())


# --- Brand names written with German house capitals ----------------------------------------

INNER_CAPITAL = re.compile(r"[a-z]?[A-Z][a-z]+[A-Z][a-z]+|[a-z][A-Z][a-z]+")  # YouTube, PayPal, iPhone
BRAND_SUFFIXES = ("", "s", "r", "rs", "er", "ers")


@lru_cache(maxsize=1)
def _inner_capital_forms() -> dict[str, str]:
    """Lower-case form -> spelling, for the dictionary's words with a capital inside
    (YouTube, iPhone, PowerPoint) that are not also common words or surnames (built
    once into the cache folder: the dictionary and the name lists take a while to load)."""
    return tables.derived("inner-capital-forms", _build_inner_capital_forms)


def _build_inner_capital_forms() -> dict[str, str]:
    from transcheck.detectors.author_box import person_names

    vocabulary = speller.words()
    given, surnames = person_names()
    forms = {}
    for word in vocabulary:
        lower = word.lower()
        short = len(word) >= 4 and word[0].islower()  # eBay, iPad; not WiFi, PhD
        if (len(word) >= 5 or short) and INNER_CAPITAL.fullmatch(word) and lower not in vocabulary and lower.capitalize() not in vocabulary:
            if lower.capitalize() not in surnames and lower.capitalize() not in given:  # Dupont, Macdonald
                forms[lower] = word
    return forms


def _inner_capital_lost(word: str) -> str | None:
    """The spelling with its inner capital, when ``word`` (Youtube, Youtubers) lost it: in
    German style, capitalised (a lower-case `teleprompter` is an English common noun)."""
    if not word.isalpha() or not word[0].isupper() or not word[1:].islower():
        return None
    lower = word.lower()
    forms = _inner_capital_forms()
    for suffix in BRAND_SUFFIXES:
        stem = lower[: len(lower) - len(suffix)] if suffix else lower
        if lower.endswith(suffix) and stem in forms:
            return forms[stem] + word[len(stem) :]
    return None


@detector("lost-inner-capital")
@dataclass
class LostInnerCapital:
    """A name with a capital inside (YouTube, PayPal) written with only its first capital,
    as German house style writes them (`Youtube`, `Paypal`, `Youtuber`), or a name the
    text writes with an inner capital elsewhere written otherwise (`AFD` beside `AfD`)."""

    def candidate(self, word: str) -> bool:
        return len(word) >= 4 and _inner_capital_lost(word) is not None

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        spelling = {word: _inner_capital_lost(word) for word in ctx.words_where(self.candidate)}
        spelling.update(_written_with_inner_capital(ctx.vocabulary))
        if lower_case_style(ctx):  # `iphone` in a text written in lower case is its style
            spelling = {word: form for word, form in spelling.items() if not word.islower()}
        for start, end in ctx.occurrences(set(spelling)):
            line = _line(text, start, end)
            if _in_prose(text, start, end + 1) and not line.isupper():  # not youtube.com, #youtube, a headline in capitals
                yield Match(start, end, spelling[text[start:end]])


TEXT_INNER_CAPITAL = re.compile(r"[A-Za-z]*[a-z][A-Z][A-Za-z]*")  # AfD, VfL, McAllister, iPhone


def _written_with_inner_capital(vocabulary: frozenset[str]) -> dict[str, str]:
    """Words the text also writes with a capital inside: `AFD` or `Afd` where it has `AfD`
    (in capitals only an abbreviation's length, four letters: README and MCCOY are spellings of
    their own)."""
    # Two inner-capital spellings (BioNTech, BionTech): the one with more capitals is the
    # name's own, ties broken alphabetically, so the suggestion never depends on set order.
    # a common word written with a capital inside for emphasis (`nOt`), or two letters
    # (`aL`), is no name
    english = speller.words()
    written = sorted((w for w in vocabulary if len(w) >= 3 and TEXT_INNER_CAPITAL.fullmatch(w) and w.lower() not in english),
                     key=lambda w: (sum(map(str.isupper, w)), w))
    inner = {word.lower(): word for word in written}
    if not inner:
        return {}
    return {
        word: inner[word.lower()]
        for word in vocabulary
        if word.lower() in inner and word != inner[word.lower()] and ((word.isupper() and len(word) <= 4) or word[1:].islower())
    }
