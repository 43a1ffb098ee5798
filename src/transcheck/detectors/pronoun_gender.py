"""Pronouns that follow German grammar instead of English meaning.

German pronouns agree with the grammatical gender of their noun, and `sie`/`ihr` serve
for she, they and the formal you. Machine translation carries both over:

- ``pronoun-gender`` (TC330): he/she and their forms for a thing or an institution whose
  usual German translation has that gender ("the railway ... she": die Bahn ... sie). It
  fires when the pronoun's sentence up to the pronoun and ``window`` sentences before it
  name no person who could be meant (no person noun of that sex or of either sex, no
  earlier pronoun of the same gender, no capitalised word that may be a name), while a
  definite singular noun of that German gender stands since the previous sentence.
- ``their-for-her`` (TC331): "their" where one woman is the only owner in view (`ihr`).
- ``sie-as-you`` (TC332): a sentence opened by "You" in a text that addresses no reader.

The tables (``data/pronoun-gender/``) are built by ``scripts/build_pronoun_gender.py`` from
German Wiktionary genders, WordNet 3.0 and the US Census given names; see the README there.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.detectors.author_box import person_names
from transcheck.models import Match
from transcheck.tagger import TOKEN, Token, document_sentences, model, tagged_spans
from transcheck.wordfreqs import zipf

DATA = Path(__file__).resolve().parent.parent / "data" / "pronoun-gender"

# --- he/she for a thing (TC330)
PRONOUNS = {
    "she": "f", "her": "f", "hers": "f", "herself": "f",
    "he": "m", "him": "m", "his": "m", "himself": "m",
}  # fmt: skip
FORMS = frozenset(f for p in PRONOUNS for f in (p, p.capitalize()))
# Each of these regexes opens with a look-ahead for the letters its words start with (or
# with that letter, its word boundary looked for behind it): the engine tests one character
# at a position where no such word starts. The same matches as without it.
PRONOUN_RE = re.compile(r"(?=[SsHh])\b(?:[Ss]he|[Hh]ers?|[Hh]erself|[Hh]e|[Hh]im|[Hh]is|[Hh]imself)\b")
SAME_GENDER = {
    "f": re.compile(r"(?=[SsHh])\b(?:[Ss]he|[Hh]ers?|[Hh]erself)\b"),
    "m": re.compile(r"(?=[Hh])\b(?:[Hh]e|[Hh]im|[Hh]is|[Hh]imself)\b"),
}
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our", "you", "your"})
FIRST_PERSON_RE = re.compile(r"(?=[IMmWwUuOoYy])\b(?:I|[Mm]e|[Mm]y|[Ww]e|[Uu]s|[Oo]ur|[Yy]our?)\b")
WORD_RE = re.compile(r"[a-z]+")
AFTER_QUOTE = re.compile(r"[’”\"'»«]\s*$")  # ‘…,’ she says: the speaker of a quotation
QUOTE_OPENERS = frozenset('"“„‘\'«»:')  # the next word starts a sentence
# "..., he says": the pronoun names a speaker or thinker, a person even when unnamed nearby
SPEAKER = re.compile(
    r"\s+(?:\w+ly\s+)?(?:say|said|add|explain|recall|tell|told|stress|think|thought|believe|feel|felt|laugh|admit|"
    r"insist|smile|sigh|write|wrote|remember|hope|wonder)(?:s|ed|es)?\b"
)
NEXT_WORDS = re.compile(r"((?:\s+[\w-]+){1,3})")
SINGULAR_NOUN = frozenset({"NN", "NNP"})
PLURAL = frozenset({"NNS", "NNPS"})
NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "POS"})
ADJECTIVE = frozenset({"JJ", "JJR", "JJS", "CD", "VBN"})
DETERMINER = frozenset({"DT", "PRP$", "WP$"})
DEFINITE = frozenset({"the", "this", "that", "its", "our", "their", "his", "her", "my", "your"})
MODIFIER = frozenset({"JJ", "JJR", "JJS", "NN", "NNP", "VBN", "VBG", "CD", "HYPH", "POS"})
COMPLEMENT = frozenset({"that", "of"})  # "the fact that she ...": not the antecedent

# --- their for her (TC331)
THEIR_RE = re.compile(r"[Tt](?<!\w[Tt])heir\b")  # \b[Tt]heir\b
FEMALE_WORDS = frozenset({"she", "her", "hers", "herself"})
NAME_RE = re.compile(r"[A-Z](?<!\w[A-Z])[a-z]+\b")  # \b[A-Z][a-z]+\b
# plural or coordinated owners, and words that English takes up with a singular "their"
NOT_ONE_WOMAN = frozenset({
    "they", "them", "their", "theirs", "themselves", "we", "us", "our", "you", "your",
    "both", "each", "every", "everyone", "everybody", "someone", "somebody", "anyone", "anybody",
    "nobody", "no-one", "whoever", "person", "together", "plus", "/",
})  # fmt: skip
CALENDAR = re.compile(r"(?:Jan|Febr)uary|March|April|May|June|July|August|(?:Septem|Octo|Novem|Decem)ber")  # given names too

# --- You for Sie (TC332)
SECOND_PERSON = re.compile(r"[Yy](?<!\w[Yy])ou(?:rs?|rself|rselves)?\b")  # \b[Yy]ou…
YOU_OPENS = re.compile(r"(?<![^\n])You\b|(?<=[.!?] )You\b|(?<=[.!?][”\"’] )You\b")
# "You can see ...": the generic "you" of English (German "man"), not a mistaken "Sie"
GENERIC_YOU = re.compile(r"\s+(?:can|could|may|might)\b|[’']")
QUOTE_CLOSED = re.compile(r"[”»]|’(?![a-z])")
MIN_PROSE_LINE = 80
# Words a text needs before one `You` in it is evidence: a short review or answer (`You will
# not be disappointed.`) has too few sentences to show that it addresses nobody.
MIN_TEXT_WORDS = 150


@lru_cache(maxsize=1)
def inanimate_genders() -> dict[str, tuple[str, str]]:
    """English inanimate noun -> (German gender m/f, its main German nouns)."""
    rows = _rows(DATA / "inanimate-gender.tsv")
    return {r[0]: (r[1], r[3].replace("|", ", ")) for r in rows}


@lru_cache(maxsize=1)
def person_nouns() -> dict[str, str]:
    """English noun naming a person -> sex (f, m, or x for either)."""
    return {r[0]: r[1] for r in _rows(DATA / "person-nouns.tsv")}


def _rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]


@lru_cache(maxsize=1)
def group_nouns() -> frozenset[str]:
    """English nouns naming a group (team, band, family), which English may call "they"."""
    lines = (DATA / "group-nouns.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and line[0] != "#")


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Given name -> the sex (f/m) of nearly all its bearers (1990 US Census)."""
    return {r[0]: r[1] for r in _rows(DATA / "given-names-sex.tsv")}


def singular(word: str) -> list[str]:
    """Candidate singular forms of an English plural (regular endings only)."""
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    if word.endswith("men"):
        forms.append(word[:-3] + "man")
    return forms


def pronoun_windows(
    ctx: Context, pattern: re.Pattern[str], size: int, wanted: Callable[[re.Match[str], str, str], bool],
    hopeless: Callable[[re.Match[str], list[tuple[str, bool]]], bool] | None = None,
) -> Iterator[tuple[re.Match[str], list[tuple[Token, bool]], int, int]]:
    """Each match of ``pattern`` whose window passes ``wanted`` (a cheap test of the match, the
    window's text and the text from the previous sentence on, before anything is tagged)
    and is not ``hopeless`` (a test of the window's words, as ``words_before`` gives them,
    that settles before tagging what the tags could not change), with the tagged tokens of
    the window: its sentence up to the match and the ``size`` sentences before (each token
    with True when it starts a sentence), and the offsets where the previous sentence and
    its own sentence start."""
    text = ctx.text
    spans = document_sentences(ctx)
    starts = [s for s, _ in spans]
    chosen = []
    for m in pattern.finditer(text):
        index = bisect_right(starts, m.start()) - 1
        if index < 0:
            continue
        first, near = max(0, index - size), spans[max(0, index - 1)][0]
        if wanted(m, text[spans[first][0] : m.start()], text[near : m.start()]):
            if hopeless is None or not hopeless(m, words_before(text, spans[first : index + 1], m.start())):
                chosen.append((m, first, index, near))
    tagged = tagged_spans(ctx, sorted({spans[n] for _, first, index, _ in chosen for n in range(first, index + 1)}))
    for m, first, index, near in chosen:
        window = []
        for n in range(first, index + 1):
            window.extend((t, k == 0) for k, t in enumerate(tagged[spans[n][0]]) if t.start < m.start())
        yield m, window, near, spans[index][0]


def words_before(text: str, sentences: list[tuple[int, int]], end: int) -> list[tuple[str, bool]]:
    """The words of ``sentences`` before offset ``end`` as the tagger cuts them, each with
    True when it starts its sentence: the tagged window's tokens without their tags."""
    return [(m.group(), k == 0) for start, stop in sentences
            for k, m in enumerate(TOKEN.finditer(text, start, stop)) if m.start() < end]


@detector("pronoun-gender")
@dataclass
class PronounGender:
    """He/she (and forms) for an inanimate noun whose German translation has that gender."""

    window: int = 3  # sentences before the pronoun's own that must name no person
    max_name_zipf: float = 4.5  # a capitalised word rarer than this in English may be a name
    max_first_zipf: float = 3.0  # the same at a sentence start
    max_surname_zipf: float = 4.0  # "Young", "Brown", "Bank" are words first

    def find(self, ctx: Context) -> Iterator[Match]:
        if not ctx.vocabulary & FORMS:
            return
        flagged = set()
        for m, window, near, sentence in pronoun_windows(ctx, PRONOUN_RE, self.window, self.wanted, self.hopeless):
            if sentence in flagged:
                continue
            antecedent = self.antecedent(window, PRONOUNS[m.group().lower()], near)
            if antecedent is not None:
                flagged.add(sentence)
                german, noun = antecedent
                yield Match(m.start(), m.end(), suggestion=_it(m.group()), detail=f"{noun} (German {german})")

    @staticmethod
    def wanted(m: re.Match[str], before: str, near: str) -> bool:
        """Cheap tests before tagging: not a speaker (after a quotation, before "says"), not
        the owner of a person (his wife), no same-gender or first-person pronoun before it,
        and some noun of that German gender since the previous sentence."""
        text, gender = m.string, PRONOUNS[m.group().lower()]
        if AFTER_QUOTE.search(before[-4:]) or SPEAKER.match(text, m.end()) or owns_person(m.group(), text, m.end()):
            return False
        if SAME_GENDER[gender].search(before) or FIRST_PERSON_RE.search(before):
            return False
        genders = inanimate_genders()
        return any(genders.get(w, ("",))[0] == gender for w in set(WORD_RE.findall(near.lower())))

    def hopeless(self, m: re.Match[str], words: list[tuple[str, bool]]) -> bool:
        """Whether ``antecedent`` finds a person before any tag is looked at: a pronoun of the
        same gender, a first-person one, or a word that may be a name (its tests that need
        no tag, made on the same words)."""
        gender, previous = PRONOUNS[m.group().lower()], ""
        for word, first in words:
            after, previous = previous, word
            lower = word.lower()
            if PRONOUNS.get(lower) == gender or lower in FIRST_PERSON:
                return True
            if word[:1].isupper() and self.may_be_name(word, first or after in QUOTE_OPENERS):
                return True
        return False

    def antecedent(self, window: list[tuple[Token, bool]], gender: str, near: int) -> tuple[str, str] | None:
        """The German noun and English noun the pronoun may stand for, or None when a
        person of that sex may be meant or no inanimate noun of that gender is near."""
        genders, persons = inanimate_genders(), person_nouns()
        found, candidate, previous, definite = None, None, "", False
        for (token, first), (following, _) in zip(window, [*window[1:], (None, False)]):
            word, after = token.word, previous
            previous = word
            lower = word.lower()
            if PRONOUNS.get(lower) == gender or lower in FIRST_PERSON:
                return None
            in_name = word[:1].isupper() and following is not None and following.tag == "NNP"  # European Central Bank
            if token.tag not in PLURAL and (persons.get(lower) in (gender, "x") and not in_name or is_age(lower, after)):
                return None  # a person noun, or "the 17-year-old"
            if word[:1].isupper() and self.may_be_name(word, first or after in QUOTE_OPENERS):
                return None
            if candidate is not None and token.tag not in NOUN_TAGS and lower not in COMPLEMENT:
                found = candidate  # the head of its noun phrase, not "the fact that ..."
            candidate = None
            if token.tag in DETERMINER:
                definite = lower in DEFINITE
            elif token.tag not in MODIFIER:
                definite = False
            if definite and token.tag in SINGULAR_NOUN and token.start >= near and genders.get(lower, ("",))[0] == gender:
                candidate = (genders[lower][1], word)
        return found

    def may_be_name(self, word: str, first: bool) -> bool:
        """A capitalised word that may name a person: a census given name or surname that is
        not a common English word, or a word English rarely writes (rarer still at a
        sentence start, where every word is capitalised)."""
        if not word.isalpha():
            return False
        given, surnames = person_names()
        frequency = zipf(word)
        if (word in given or word in surnames) and frequency < self.max_surname_zipf:
            return True
        return frequency < (self.max_first_zipf if first else self.max_name_zipf)


@detector("their-for-her")
@dataclass
class TheirForHer:
    """"their" where the only possible owner is one woman: German ``ihr`` (her/their) read as plural."""

    window: int = 2  # sentences before the pronoun's own that are searched for other owners

    def find(self, ctx: Context) -> Iterator[Match]:
        if not ctx.vocabulary & {"their", "Their"}:
            return
        for m, window, _, _ in pronoun_windows(ctx, THEIR_RE, self.window, self.wanted, self.hopeless):
            if self.one_woman(window):
                her = "Her" if m.group()[0] == "T" else "her"
                yield Match(m.start(), m.end(), replacement=her, suggestion=her)

    @staticmethod
    def wanted(m: re.Match[str], before: str, near: str) -> bool:
        """Cheap test before tagging: a she/her or a woman's given name in the window."""
        return bool(SAME_GENDER["f"].search(before)) or any(given_names().get(w) == "f" for w in NAME_RE.findall(before))

    @staticmethod
    def hopeless(m: re.Match[str], words: list[tuple[str, bool]]) -> bool:
        """Whether ``one_woman`` says no before any tag is looked at: a word that is no woman
        and that it refuses whatever its tag (a plural pronoun, a group, a man, a person noun
        for either sex before no name, a man's given name)."""
        persons, groups, given = person_nouns(), group_nouns(), given_names()
        for (word, first), (following, _) in zip(words, [*words[1:], ("", False)]):
            lower = word.lower()
            sex = persons.get(lower)
            if lower in FEMALE_WORDS or sex == "f":
                continue  # may be the woman, as its tag decides
            if lower in NOT_ONE_WOMAN or lower in groups or sex == "m" or PRONOUNS.get(lower) == "m":
                return True
            if sex == "x" and not following[:1].isupper():
                return True
            if given.get(word) == "m" and (not first or following[:1].isupper()) and not CALENDAR.fullmatch(word):
                return True
        return False

    def one_woman(self, window: list[tuple[Token, bool]]) -> bool:
        """A she/her (or a woman) in the window, and nothing plural, no group, no man and no
        second person: no plural pronoun, no plural noun but of things, no person noun that
        may be a man (but a title before a name), no man's given name and one woman's at most."""
        persons, groups, given = person_nouns(), group_nouns(), given_names()
        female, names, before = False, set(), ""
        for (token, first), (following, _) in zip(window, [*window[1:], (None, False)]):
            lower, after = token.word.lower(), following.word if following else ""
            previous, before = before, token.word
            if lower in ("and", "&") and previous[:1].isupper() and after[:1].isupper():
                return False  # two people named: "Amelie Mauresmo and Maria Sharapova won their matches"
            if lower in FEMALE_WORDS or persons.get(lower) == "f" and token.tag in SINGULAR_NOUN:
                female = True
            elif lower in NOT_ONE_WOMAN or lower in groups or token.tag in PLURAL and not self.plural_thing(lower):
                return False
            elif persons.get(lower) == "m" or PRONOUNS.get(lower) == "m":
                return False
            elif persons.get(lower) == "x" and not after[:1].isupper():
                return False  # "the customer ... their", but not "singer Mara Lind"
            elif token.word in given and (not first or after[:1].isupper()) and not CALENDAR.fullmatch(token.word):
                if given[token.word] == "m":
                    return False
                female = True
                names.add(token.word)
        return female and len(names) <= 1

    @staticmethod
    def plural_thing(word: str) -> bool:
        """A plural noun that names things, not people or groups (shows, dates, songs)."""
        genders, persons, groups = inanimate_genders(), person_nouns(), group_nouns()
        forms = singular(word)[1:]
        return any(f in genders for f in forms) and not any(f in persons or f in groups for f in forms)


@detector("sie-as-you")
@dataclass
class SieAsYou:
    """A sentence opened by "You" in a text that addresses no reader: German ``Sie`` (they,
    she) read as the formal "you"."""

    def find(self, ctx: Context) -> Iterator[Match]:
        if not ctx.vocabulary & {"You", "you", "Your", "your", "yours", "Yours", "yourself"}:
            return
        text = ctx.text
        outside = [m for m in SECOND_PERSON.finditer(text) if not inside_quotation(text, m.start())]
        if len(outside) == 1 and YOU_OPENS.match(text, outside[0].start()):
            m = outside[0]
            if not GENERIC_YOU.match(text, m.end()) and in_prose(text, m.start()) and _long_enough(text):
                yield Match(m.start(), m.end(), suggestion="They")


def _long_enough(text: str) -> bool:
    """The text has ``MIN_TEXT_WORDS`` words (split no further than that)."""
    return len(text.split(maxsplit=MIN_TEXT_WORDS - 1)) >= MIN_TEXT_WORDS


def in_prose(text: str, offset: int) -> bool:
    """The sentence follows another on its line, or opens a line of prose (long, and ending
    like a sentence): not page chrome such as "You are here: Home"."""
    start, end = text.rfind("\n", 0, offset) + 1, text.find("\n", offset)
    line = text[start : len(text) if end == -1 else end].rstrip()
    return offset > start or (len(line) >= MIN_PROSE_LINE and line[-1:] in '.!?"”’')


def inside_quotation(text: str, offset: int) -> bool:
    """True when a quotation opened earlier on the line is still open at ``offset``."""
    before = text[text.rfind("\n", 0, offset) + 1 : offset]
    if before.count('"') % 2:
        return True
    opened = max(before.rfind(mark) for mark in "“‘„«")
    return opened >= 0 and not QUOTE_CLOSED.search(before, opened + 1)


def is_age(word: str, previous: str) -> bool:
    """``the 17-year-old``, ``the 17-year old``: a person named by age."""
    return word.endswith("-old") or word == "old" and previous.lower() in ("year", "years")


def owns_person(pronoun: str, text: str, end: int) -> bool:
    """``his wife``, ``her fans``, ``his 17-year-old son``: only a person has them."""
    following = NEXT_WORDS.match(text, end) if pronoun.lower() in ("his", "her") else None
    if following is None:
        return False
    persons, lexicon = person_nouns(), model().lexicon
    for word in following.group(1).split():
        lower = word.lower()
        if lower in persons or lower.rstrip("s") in persons or lower.endswith("-old"):
            return True
        if not (lexicon.get(lower, frozenset()) & ADJECTIVE or word[0].isdigit()):
            return False
    return False


def _it(pronoun: str) -> str:
    """The English neuter form of a he/she pronoun, in the pronoun's case."""
    lower = pronoun.lower()
    word = {"she": "it", "he": "it", "him": "it", "her": "it/its", "his": "its", "hers": "its", "herself": "itself", "himself": "itself"}[lower]
    return word.capitalize() if pronoun[0].isupper() else word
