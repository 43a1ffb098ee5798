"""Drop-cap artifacts: "Dhe Russian President" where a German initial replaced the English one."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from string import ascii_lowercase

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.detectors.author_box import person_names
from transcheck import speller
from transcheck.models import Match
from transcheck.wordfreqs import zipf

# a line's first token, after an optional opening quote or bracket: many pages separate
# paragraphs with a single line break
LINE_START = r"(?:\A|\n)[ \t]*(?:[\"“‘'„«(][ \t]*)?"
# a dateline that may come before an article's first word: `BERLIN (dpa) – `, `LUCERNE – `
DATELINE = r"(?:[A-ZÄÖÜ][A-ZÄÖÜ./-]+(?:[ \t/][A-ZÄÖÜ][A-ZÄÖÜ./-]+){0,2}(?:[ \t]*\([\w/ .-]{1,20}\))?[ \t]*[–—-][ \t]+)?"
# after a single line break, an article paragraph is told from a menu item or an icon
# name glued to its label ("giftOffers") by its length
MIN_LINE_WORDS = 6
BLANK_LINE_BEFORE = re.compile(r"\n[ \t]*\n[ \t]*\Z")


def _in_prose(ctx: Context, offset: int) -> bool:
    """True when the line holding ``offset`` opens the text or follows a blank line, or is a
    sentence of some length (not page chrome)."""
    start, end = ctx.line_span(offset)
    if start == 0 or BLANK_LINE_BEFORE.search(ctx.text, max(0, start - 12), start):
        return True
    return len(ctx.text[start:end].split()) >= MIN_LINE_WORDS


FIRST_WORD_RE = re.compile(LINE_START + r"([A-ZÄÖÜ][a-zäöüß']{1,14})\b(?!\.)")
SHORT_MAX_ZIPF = 4.0
SHORT_MIN_CANDIDATE = 6.5


@detector("drop-cap")
@dataclass
class DropCap:
    """The first word of a paragraph (a line of prose) is not English, but swapping its initial
    gives a common word."""

    max_word_zipf: float = 2.7
    min_candidate_zipf: float = 5.0
    min_gap: float = 2.5

    def candidate(self, word: str) -> str | None:
        """The common English word that ``word`` becomes with another first letter (each
        word judged once: a page's lines open with the same few words)."""
        return _swapped_initial(word, self.max_word_zipf, self.min_candidate_zipf, self.min_gap)

    def find(self, ctx: Context) -> Iterator[Match]:
        for m in FIRST_WORD_RE.finditer(ctx.text):
            word = m.group(1)
            fixed = self.candidate(word)
            if fixed and not _reads_as_name(ctx.text, word) and _in_prose(ctx, m.start(1)):
                yield Match(m.start(1), m.end(1), fixed)


@lru_cache(maxsize=1 << 14)
def _swapped_initial(word: str, max_word_zipf: float, min_candidate_zipf: float, min_gap: float) -> str | None:
    """``DropCap.candidate`` with its thresholds."""
    stem = word.removesuffix("'s").removesuffix("’s")
    if speller.known(stem) or stem in person_names()[1]:
        return None  # an English word or a surname (Rot, Vet's, Roney), not a remnant
    own = zipf(word)
    # two- and three-letter remnants ("Tn" for "In") are also abbreviations, so they
    # may be more frequent; the word they become must then be a very common one
    short = len(word) <= 3 and own <= SHORT_MAX_ZIPF
    if (own > max_word_zipf and not short) or zipf(word, "de") >= 5.0:
        return None
    rest = word[1:]
    floor = SHORT_MIN_CANDIDATE if own > max_word_zipf else min_candidate_zipf
    return _with_initial(rest, max(floor, own + min_gap), skip=word[0].lower())


def _reads_as_name(text: str, word: str) -> bool:
    """A word the text also uses inside a line, or a longer one it repeats ("Klose ... Klose said"),
    is a name; a short leftover (Tn, Dhe) may open several paragraphs of one page."""
    if len(word) >= 4 and text.count(word) > 1:
        return True
    i = text.find(word)
    while i != -1:
        before = text[:i].rstrip("“\"‘'„«»( \t")
        if before and not before.endswith("\n"):
            return True
        i = text.find(word, i + 1)
    return False


def _with_initial(rest: str, floor: float, skip: str = "") -> str | None:
    """The most frequent English word (Zipf >= floor) that one more initial makes of ``rest``."""
    best, best_zipf = None, floor
    for letter in ascii_lowercase:
        if letter != skip:
            z = zipf(letter + rest)
            if z >= best_zipf:
                best, best_zipf = letter.upper() + rest, z
    return best


LOWER_FIRST_WORD_RE = re.compile(LINE_START + r"([a-zäöüß][a-zäöüß']{0,14})\b(?![.’'-])")


@detector("drop-cap-lost-initial")
@dataclass
class LostInitial:
    """A paragraph opens with a word fragment that a missing capital would complete:
    `ccording to the police` (the drop cap `A` was lost in scraping)."""

    max_word_zipf: float = 2.7
    min_candidate_zipf: float = 5.0
    min_gap: float = 2.5

    def candidate(self, fragment: str) -> str | None:
        own = zipf(fragment)
        if own > (SHORT_MAX_ZIPF if len(fragment) <= 2 else self.max_word_zipf):
            return None
        return _with_initial(fragment, max(self.min_candidate_zipf, own + self.min_gap))

    def find(self, ctx: Context) -> Iterator[Match]:
        for m in LOWER_FIRST_WORD_RE.finditer(ctx.text):
            fixed = self.candidate(m.group(1))
            if fixed and _in_prose(ctx, m.start(1)):
                yield Match(m.start(1), m.end(1), fixed)


SPLIT_INITIAL_RE = re.compile(LINE_START + DATELINE + r"(?P<token>(?P<initial>[A-Z])(?P<sep>\.|[ \t])(?P<tail>[a-z]{1,14}))\b(?![.'’-])")
# capitals that are English words (A, I, O) or name things before a noun (T cells, X marks)
WORD_INITIALS = frozenset("AIO")
NAMING_WORDS = frozenset({"and", "or", "is", "was", "are", "has", "for", "of", "vs", "plus", "stands", "means", "to"})
# The particles of surnames in any language after an initial: `R de Marigny`, `J van Dijk`
# (untranslated.NAME_PARTICLES holds the German ones only, which TC501 must tell apart).
SURNAME_PARTICLES = frozenset("de da di du del della des dos van von der den ter ten le la bin ibn al el".split())


MIN_SPLIT_WORD_ZIPF = 3.5  # a less common word when the tail is no word at all: `E xperts`
JOINED_MARGIN = 0.3  # the joined word this much more frequent (Zipf) than the tail alone: W hen, T his


def _no_word(initial: str, tail: str) -> bool:
    """The tail reads as the rest of a word, not as a word of its own: it is no English
    word, or, after a capital that is no word itself, far rarer than the word joined
    (`W hen`, `T his`; but `A bout of flu`, `I tem`, `T rain` read as written)."""
    if not speller.known(tail):
        return True
    return initial not in WORD_INITIALS and zipf(initial + tail) - zipf(tail) >= JOINED_MARGIN


def _one_letter(tail: str) -> bool:
    """A lone lower-case letter that is no word (`n` of `I n`; not `a`)."""
    return len(tail) == 1 and tail not in "ai"


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


@detector("drop-cap-split-initial")
@dataclass
class SplitInitial:
    """A paragraph (a line of prose) opens with a lone capital split from a lower-case word by a dot or a
    space: ``D.he`` (German ``D`` + English ``he`` of ``The``) or ``M this`` (German ``M``
    of ``Mit`` before the translated sentence)."""

    min_word_zipf: float = 5.0

    def candidate(self, initial: str, sep: str, tail: str) -> str | None:
        """The sentence's real first word: the word the initial and the tail make (`W hen`,
        `A fter`: an English page's own drop cap split off), else the tail alone or with
        another initial."""
        joined = initial + tail
        if zipf(joined) >= self.min_word_zipf and (_one_letter(tail) or len(tail) > 1 and _no_word(initial, tail)):
            return joined  # `W hen`, `I n the morning`
        if len(tail) > 2 and zipf(joined) >= MIN_SPLIT_WORD_ZIPF and not speller.known(tail) and zipf(tail) <= zipf(joined) - 2.0:
            return joined  # `S wiss`, `T housands`: no word is left without its initial
        if sep != "." and (initial in WORD_INITIALS or tail in NAMING_WORDS | SURNAME_PARTICLES or zipf(tail) < self.min_word_zipf):
            return None
        alone = zipf(tail)
        other = _with_initial(tail, max(self.min_word_zipf, alone), skip=initial.lower())
        if other:
            return other
        return _capitalised(tail) if alone >= self.min_word_zipf else None

    def find(self, ctx: Context) -> Iterator[Match]:
        for m in SPLIT_INITIAL_RE.finditer(ctx.text):
            fixed = self.candidate(m["initial"], m["sep"], m["tail"])
            if fixed and _in_prose(ctx, m.start("token")):
                yield Match(m.start("token"), m.end("token"), fixed)


# a capital alone on its line, then (after line breaks) the paragraph's first word
INITIAL_LINE_RE = re.compile(r"(?:\A|\n)[ \t]*(?P<initial>[A-Z])[ \t]*\n\s*(?P<tail>[A-Za-z][a-z]{0,14})\b(?![.'’-])")
ROMAN_NUMERALS = frozenset("IVX")


@detector("drop-cap-initial-line")
@dataclass
class InitialLine:
    """A capital stands alone on its line before a paragraph: the drop cap was scraped as an
    element of its own (``D`` / ``The Russian President ...``, ``D`` / ``he Russian ...``)."""

    min_word_zipf: float = 5.0

    def candidate(self, initial: str, tail: str) -> str | None:
        """The paragraph's real first word, or None for a glossary letter (``B`` / ``Bundestag``)."""
        if tail[0].isupper():
            return tail if tail[0] != initial else None
        return _with_initial(tail, self.min_word_zipf) or (_capitalised(tail) if zipf(tail) >= self.min_word_zipf else None)

    def find(self, ctx: Context) -> Iterator[Match]:
        for m in INITIAL_LINE_RE.finditer(ctx.text):
            if m["initial"] in ROMAN_NUMERALS or _after_letter_line(ctx.text, m.start("initial")):
                continue
            fixed = self.candidate(m["initial"], m["tail"])
            if fixed and _in_prose(ctx, m.start("tail")):
                yield Match(m.start("initial"), m.end("tail"), fixed)


def _after_letter_line(text: str, start: int) -> bool:
    """True when the line before is also a lone letter: an alphabetical index, not a drop cap."""
    before = text[max(0, start - 8) : start].rstrip()
    return len(before) >= 1 and before[-1].isalpha() and (len(before) == 1 or not before[-2].isalnum())


DOUBLED_INITIAL_RE = re.compile(LINE_START + DATELINE + r"(?P<stray>[A-Z])(?P<word>[A-Z][a-z]{1,20})\b(?![’'-])")
# the stray capital before the English word's own lower-case start: `Dthe storm` (the drop cap
# took the English capital's place and the word kept its lower case)
FUSED_INITIAL_RE = re.compile(LINE_START + r"(?P<stray>[A-Z])(?P<word>[a-z]{3,20})\b(?![’'.-])")
MIN_FUSED_WORD_ZIPF = 6.0  # what follows is one of the commonest words (the, after, when; not under)


@detector("drop-cap-doubled-initial")
@dataclass
class DoubledInitial:
    """A paragraph opens with a stray capital fused to a capitalised English word:
    ``BAgriculture Minister`` (the German drop cap ``B`` of ``Bundeslandwirtschaftsminister``
    survived before the translation), or to a very common word in lower case (``Dthe``)."""

    min_word_zipf: float = 3.5
    max_token_zipf: float = 1.0
    max_doubled_zipf: float = 3.0  # `TThe`: scraped pages repeat the drop cap so often that `tthe` is in the web's counts

    def is_stray(self, stray: str, word: str) -> bool:
        """True when ``word`` is English, but neither the token nor a shift typo (``THis``) is."""
        token = stray + word
        typo = stray + word[0].lower() + word[1:]
        limit = self.max_doubled_zipf if stray == word[0] else self.max_token_zipf
        return (
            zipf(word) >= self.min_word_zipf
            and zipf(token) <= limit
            and zipf(token, "de") <= self.max_token_zipf
            and zipf(typo) < self.min_word_zipf
        )

    def is_fused(self, stray: str, word: str) -> bool:
        """True when ``word`` is one of the commonest English words and the token is no word;
        a doubled initial (``Tthe``, ``Sseveral``) needs only a common word, and the web's
        counts hold the commonest ones (``tthe``) as often as a scraped drop cap repeats them."""
        token = stray + word
        doubled = stray.lower() == word[0]
        return (
            (stray != "I" or word in ("the", "this", "these", "his", "their"))  # `Isay`: a space lost after the pronoun
            and zipf(word) >= (self.min_word_zipf if doubled else MIN_FUSED_WORD_ZIPF)
            and not speller.known(token)
            and zipf(token) <= (self.max_doubled_zipf if doubled else self.max_token_zipf)
            and zipf(token, "de") <= self.max_token_zipf
        )

    def find(self, ctx: Context) -> Iterator[Match]:
        for m in DOUBLED_INITIAL_RE.finditer(ctx.text):
            if self.is_stray(m["stray"], m["word"]) and _in_prose(ctx, m.start("stray")):
                yield Match(m.start("stray"), m.end("word"), m["word"])
        for m in FUSED_INITIAL_RE.finditer(ctx.text):
            token = m["stray"] + m["word"]
            if self.is_fused(m["stray"], m["word"]) and not _reads_as_name(ctx.text, token) and _in_prose(ctx, m.start("stray")):
                yield Match(m.start("stray"), m.end("word"), _capitalised(m["word"]))


TRANSLATED_INITIAL_RE = re.compile(LINE_START + r"(?P<head>[a-z]{2,14})(?P<word>[A-Z][a-z]{1,14})\b(?![’'-])")


@detector("drop-cap-translated-initial")
@dataclass
class TranslatedInitial:
    """A paragraph opens with a lower-case English word glued to a capitalised one:
    ``northAfter`` (the German drop cap ``N`` of ``Nach`` was split off and translated as
    ``north``, the rest of the word as ``After``)."""

    min_head_zipf: float = 4.0
    min_word_zipf: float = 4.5
    max_token_zipf: float = 1.0

    def is_glued(self, head: str, word: str) -> bool:
        """True when both parts are common English words and the whole is no word (not ``youTube``)."""
        token = head + word
        return (
            zipf(head) >= self.min_head_zipf
            and zipf(word) >= self.min_word_zipf
            and zipf(token) <= self.max_token_zipf
            and zipf(token, "de") <= self.max_token_zipf
        )

    def find(self, ctx: Context) -> Iterator[Match]:
        for m in TRANSLATED_INITIAL_RE.finditer(ctx.text):
            if self.is_glued(m["head"], m["word"]) and _in_prose(ctx, m.start("head")):
                yield Match(m.start("head"), m.end("word"), m["word"])
