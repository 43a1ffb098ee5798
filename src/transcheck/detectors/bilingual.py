"""Bilingual checks: each target segment compared with its German source (XLIFF, PO, TMX, --source).

They run only on documents whose segments carry a source (``formats.MappedDocument``);
on plain text they find nothing. Every check reports spans in the target text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

from ahocorasick_rs import AhoCorasick

from transcheck.context import Context, automaton_matches
from transcheck.detectors import detector
from transcheck.collector import collector_paused
from transcheck.langid import language
from transcheck.models import Match
from transcheck.wordfreqs import zipf

WORD_RE = re.compile(r"[^\W\d_][\w’'-]*")


class Pair(NamedTuple):
    """A segment's target (its span in the checked text) and its source (a tuple: 50,000 are
    made in a blink)."""

    start: int
    end: int
    target: str
    source: str
    source_codes: tuple[str, ...]
    target_codes: tuple[str, ...]
    key: str  # the source, white space and case normalised
    target_key: str  # the target, normalised so

    @property
    def same(self) -> bool:
        """The target is the source (white space and case aside)."""
        return self.target_key == self.key


def pairs(ctx: Context) -> list[Pair]:
    """The document's segments that have a source, once per document."""
    if "bilingual.pairs" not in ctx.cache:
        text = ctx.text
        with collector_paused():
            ctx.cache["bilingual.pairs"] = [
                Pair(s.start, s.end, target, s.source, s.source_codes, s.target_codes, _norm(s.source), _norm(target))
                for s in getattr(ctx.document, "segments", ())
                if s.source and not s.source.isspace()  # a source with something to translate
                for target in (text[s.start : s.end],)
            ]
    return ctx.cache["bilingual.pairs"]


def _norm(text: str) -> str:
    """The text case folded, its white space runs made one space and trimmed."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text.casefold()  # the only printable white space is the space: nothing to collapse (most texts)
    return " ".join(text.split()).casefold()


def _holding(ctx: Context, literals: tuple[str, ...]) -> list[Pair]:
    """The pairs whose source or target holds one of ``literals`` (none with a newline): the
    only ones a pattern that needs one of them can match. One search over all sources, one
    over the text."""
    if not _any(ctx, literals):
        return []
    regex = re.compile("|".join(map(re.escape, literals)))
    found = {i for i, _, _ in _in_sources(ctx, regex)}
    found.update(_in_targets(ctx, ((m.start(), m.end()) for m in regex.finditer(ctx.text))))
    return [pairs(ctx)[i] for i in sorted(found)]


def _in_targets(ctx: Context, spans: Iterable[tuple[int, int]]) -> set[int]:
    """The indices of the pairs whose target holds one of ``spans`` (offsets in the text)."""
    key = "bilingual.starts"
    if key not in ctx.cache:
        ctx.cache[key] = [p.start for p in pairs(ctx)]
    starts, all_pairs, found = ctx.cache[key], pairs(ctx), set()
    for start, end in spans:
        i = bisect_right(starts, start) - 1
        if i >= 0 and end <= all_pairs[i].end:
            found.add(i)
    return found


def _sources(ctx: Context) -> tuple[str, list[int]]:
    """The sources of all pairs joined by newlines, and where each begins: a pattern that
    cannot match across a newline runs once over all of them (``_in_sources``)."""
    key = "bilingual.sources"
    if key not in ctx.cache:
        starts, pos = [], 0
        for p in pairs(ctx):
            starts.append(pos)
            pos += len(p.source) + 1
        ctx.cache[key] = "\n".join(p.source for p in pairs(ctx)), starts
    return ctx.cache[key]


def _in_sources(ctx: Context, regex: re.Pattern) -> Iterator[tuple[int, int, re.Match]]:
    """(pair index, offset of its source in the joined text, match) of each match of ``regex``
    in the sources, in order; ``regex`` must see a newline as it sees the start or end of a text."""
    joined, starts = _sources(ctx)
    for m in regex.finditer(joined):
        i = bisect_right(starts, m.start()) - 1
        yield i, starts[i], m


def _any(ctx: Context, literals: tuple[str, ...]) -> bool:
    """Whether any source or target of the document holds one of ``literals`` (str.find in C)."""
    return any(lit in _sources(ctx)[0] or lit in ctx.text for lit in literals)


def _whole(p: Pair, detail: str) -> Match:
    """A finding on the whole target segment (trailing space excluded)."""
    return Match(p.start, p.start + len(p.target.rstrip()), detail=detail)


# -- numbers ------------------------------------------------------------------------------
# A number not glued to a word or another number; the first digit comes first, so the regex
# engine skips to digits in C (it is `(?<![\w.,:])(?:\d{1,3}(?: \d{3})+(?![\d.,])|\d+(?:[.,:]\d+)*)`).
NUMBER_RE = re.compile(r"\d(?<![\w.,:]\d)(?:\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])|\d*(?:[.,:]\d+)*)")
# also digits inside words (A81, K2, 11x15mm): `\d{1,3}(?: \d{3})+(?![\d.,])|\d+(?:[.,:]\d+)*`, first digit first
LOOSE_NUMBER_RE = re.compile(r"\d(?:\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])|\d*(?:[.,:]\d+)*)")
GERMAN_NUMBERS = {
    w: i for i, w in enumerate(
        "null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn "
        "sechzehn siebzehn achtzehn neunzehn zwanzig".split()
    )
} | {"ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "beide": 2, "beiden": 2, "dreißig": 30, "vierzig": 40,
     "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90, "hundert": 100, "tausend": 1000,
     "dutzend": 12, "halb": 0.5, "halbe": 0.5, "hälfte": 0.5, "achtel": 16, "viertel": 4}
GERMAN_ORDINAL_RE = re.compile(
    r"(erst|zweit|dritt|viert|fünft|sechst|siebt|acht|neunt|zehnt|elft|zwölft)(?:e|en|er|es|em)\b", re.IGNORECASE
)
NUMBER_WORDS = {
    w: i for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
     "thousand": 1000, "dozen": 12, "half": 0.5, "once": 1, "twice": 2, "single": 1, "double": 2, "noon": 12, "midnight": 0}
ORDINAL_WORDS = {w: i for i, w in enumerate(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()
)}
MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)


def _canon(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _time(hours: int, minutes: int) -> set[str]:
    out = {f"{hours}:{minutes:02d}", f"{hours % 12 or 12}:{minutes:02d}"}
    if minutes == 0:
        out |= {str(hours), str(hours % 12 or 12)}
    return out


def _scaled(value: Decimal) -> set[str]:
    """A big number also reads in millions, billions or thousands (2,500,000 = 2.5 million)."""
    out = {_canon(value)}
    for scale in (Decimal(1000), Decimal(10**6), Decimal(10**9)):
        if value >= scale and (value / scale) == (value / scale).quantize(Decimal("0.001")):
            out.add(_canon(value / scale))
    return out


GROUP_SPACE_RE = re.compile(r"[ \u00a0\u202f]")


@lru_cache(maxsize=65536)
def readings(token: str) -> frozenset[str]:
    """Every value a number token may stand for, read the German or the English way."""
    return frozenset(_readings(token))


def _readings(token: str) -> set[str]:
    """Readings of one token (uncached); spaces that group thousands are left out."""
    token = GROUP_SPACE_RE.sub("", token)
    out: set[str] = set()
    parts = re.split(r"[.,:]", token)
    if ":" in token:  # a time, or a score (61:72)
        times = _time(int(parts[0]), int(parts[1])) if len(parts) == 2 and len(parts[1]) == 2 and int(parts[0]) < 25 else set()
        return times | {str(int(p)) for p in parts}
    if re.fullmatch(r"\d+(?:\.\d+){2}", token):  # a date 3.5.2021: day and year (the month may become a word)
        return {str(int(parts[0])), str(int(parts[2]))}
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", token):  # grouped thousands, either way
        out |= _scaled(Decimal(re.sub(r"[.,]", "", token)))
    if re.fullmatch(r"\d+(?:[.,]\d+)?", token):  # a decimal with a point or a comma
        out |= _scaled(Decimal(token.replace(",", ".")))
        if len(parts) == 2 and len(parts[1]) == 2 and int(parts[0]) < 25 and int(parts[1]) < 60:
            out |= _time(int(parts[0]), int(parts[1]))  # 18.30 (Uhr)
        if "." in token and len(parts) == 2 and len(parts[0]) <= 2 and len(parts[1]) <= 2:
            out |= {str(int(parts[0])), str(int(parts[1]))}  # a day and month: 16.3.
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d+", token) or re.fullmatch(r"\d{1,3}(?:,\d{3})+\.\d+", token):
        whole, frac = re.split(r"[.,](?=\d+$)", token)
        out |= _scaled(Decimal(re.sub(r"[.,]", "", whole) + "." + frac))
    if not out:
        out = {str(int(p)) for p in parts}
    if re.fullmatch(r"\d+", token) and 12 < int(token) <= 24:
        out.add(str(int(token) - 12))  # 18 Uhr = 6 p.m.
    return out


def _numbers(text: str, regex: re.Pattern = NUMBER_RE) -> list[tuple[int, int, set[str]]]:
    out = []
    for m in regex.finditer(text):
        try:
            out.append((m.start(), m.end(), readings(m.group())))
        except (InvalidOperation, ValueError):
            continue
    return out


def _source_numbers(ctx: Context) -> dict[int, list[tuple[int, int, frozenset[str]]]]:
    """``_numbers(source)`` of each pair whose source has a number, by pair index (one pass)."""
    out: dict[int, list[tuple[int, int, frozenset[str]]]] = {}
    for i, base, m in _in_sources(ctx, NUMBER_RE):
        try:
            values = readings(m.group())
        except (InvalidOperation, ValueError):
            continue
        out.setdefault(i, []).append((m.start() - base, m.end() - base, values))
    return out


def _word_values(text: str) -> set[str]:
    """Values of spelled-out numbers and ordinals in English text."""
    values = set()
    for word in WORD_RE.findall(text.lower()):
        for part in word.split("-"):
            if part in NUMBER_WORDS:
                values.add(_canon(Decimal(str(NUMBER_WORDS[part]))))
            elif part in ORDINAL_WORDS:
                values.add(str(ORDINAL_WORDS[part]))
    return values


def _german_word_values(text: str) -> set[str]:
    """Values of German number words and ordinals (also at the end of compounds: Tabellenvierten)."""
    values = {_canon(Decimal(str(GERMAN_NUMBERS[w]))) for w in WORD_RE.findall(text.lower()) if w in GERMAN_NUMBERS}
    stems = "erst zweit dritt viert fünft sechst siebt acht neunt zehnt elft zwölft".split()
    values |= {str(stems.index(m.group(1).lower()) + 1) for m in GERMAN_ORDINAL_RE.finditer(text)}
    return values


@detector("bilingual-numbers")
@dataclass
class BilingualNumbers:
    """Numbers, amounts, dates and times of the source missing from the target, or changed."""

    def find(self, ctx: Context) -> list[Match]:
        out = []
        all_pairs = pairs(ctx)
        for i, source in _source_numbers(ctx).items():  # numbers only a target has are not reported
            p = all_pairs[i]
            target_values = set().union(*(v for *_, v in _numbers(p.target, LOOSE_NUMBER_RE)))
            if all(v & target_values for *_, v in source):
                continue
            target_values |= _word_values(p.target)
            missing = [p.source[s:e] for s, e, v in source if not v & target_values]
            if not missing:
                continue
            source_values = set().union(*(v for *_, v in _numbers(p.source, LOOSE_NUMBER_RE))) | _german_word_values(p.source)
            added = [(s, e) for s, e, v in _numbers(p.target) if not v & source_values]
            for s, e in added:
                out.append(Match(p.start + s, p.start + e, detail=f"not in the source, which has {', '.join(missing)}"))
            if not added:
                out.append(_whole(p, f"the source's {', '.join(missing)} is missing from the translation"))
        return out


# -- untranslated -------------------------------------------------------------------------
@lru_cache(maxsize=65536)
def _germanness(word: str) -> float:
    return zipf(word, "de") - zipf(word, "en")


@detector("bilingual-identical")
@dataclass
class BilingualIdentical:
    """A target identical to its source, when the source has words to translate."""

    min_words: int = 2

    def find(self, ctx: Context) -> list[Match]:
        out = []
        for p in pairs(ctx):
            if not p.same:
                continue
            words = WORD_RE.findall(p.target)
            if len(words) >= self.min_words and any(w[0].islower() and len(w) > 2 for w in words):
                out.append(_whole(p, p.source.strip()))
        return out


@lru_cache(maxsize=4096)
def _language(text: str) -> str:
    return language(text)


@detector("bilingual-german-target")
@dataclass
class BilingualGermanTarget:
    """A target that is still German although it differs from its source."""

    min_words: int = 4
    share: float = 0.6

    @staticmethod
    def _german(word: str) -> bool:
        return _germanness(word) > 0.5

    def find(self, ctx: Context) -> list[Match]:
        if not pairs(ctx):
            return []  # no segment has a source (plain text): no word needs judging
        german_words = ctx.words_where(self._german)
        if not german_words:
            return []
        out = []
        for p in pairs(ctx):
            tokens = p.target.split()
            if len(tokens) < self.min_words or p.same or len(german_words.intersection(tokens)) < 2:
                continue
            words = WORD_RE.findall(p.target)
            german = sum(1 for w in words if w in german_words)
            if german >= self.share * len(words) and _language(p.target) == "de":
                out.append(_whole(p, p.target.strip()))
        return out


@detector("bilingual-source-words")
@dataclass
class BilingualSourceWords:
    """German words of the source copied into a target that is otherwise English."""

    min_length: int = 4
    max_english: float = 1.5  # Zipf: rarer than this in English
    min_german: float = 2.5  # and at least this common in German
    min_german_noun: float = 4.0  # a capitalised word (a name, more often than not) must be very common German

    def _german(self, word: str) -> bool:
        if len(word) < self.min_length or not word.isalpha() or zipf(word, "en") > self.max_english:
            return False
        return zipf(word, "de") >= (self.min_german if word[0].islower() else self.min_german_noun)

    def find(self, ctx: Context) -> list[Match]:
        if not pairs(ctx):
            return []  # no segment has a source (plain text): no word needs judging
        candidates = ctx.words_where(self._german)
        if not candidates:
            return []
        out = []
        for p in _with_words(ctx, candidates):
            if p.same:
                continue  # an identical target is reported by the identical-target rule
            shared = set(WORD_RE.findall(p.source)) & set(WORD_RE.findall(p.target))
            left = {w for w in shared if self._german(w)}
            if not left or len(left) * 2 > len(WORD_RE.findall(p.target)):
                continue  # a target mostly German is reported whole by the German-target rule
            for m in WORD_RE.finditer(p.target):
                if m.group() in left and not (m.group()[0].isupper() and _in_name(p.target, m.start(), m.end())):
                    out.append(Match(p.start + m.start(), p.start + m.end(), detail=m.group()))
        return out


def _with_words(ctx: Context, words: set[str]) -> list[Pair]:
    """The pairs whose target holds one of ``words`` (word characters only) as a whole word,
    as ``\\b(?:word|...)\\b`` finds it: one Aho-Corasick pass over the text."""
    text = ctx.text
    hits = automaton_matches(AhoCorasick(list(words)), text, overlapping=True)
    found = _in_targets(ctx, (
        (start, end) for _, start, end in hits
        if not (start and _word_char(text[start - 1])) and not (end < len(text) and _word_char(text[end]))
    ))
    return [pairs(ctx)[i] for i in sorted(found)]


def _word_char(char: str) -> bool:
    """What ``\\w`` matches."""
    return char.isalnum() or char == "_"


NAME_NEIGHBOUR_RE = re.compile(r"[A-ZÄÖÜ][\w’'-]*")


def _in_name(text: str, start: int, end: int) -> bool:
    """A capitalised word beside another capitalised word (not a common one like The): part of a name."""
    before = re.search(r"([\w’'-]+)[ -]$", text[max(0, start - 40) : start])
    after = NAME_NEIGHBOUR_RE.match(text, end + 1) if text[end : end + 1] in (" ", "-") else None
    return bool(after) or bool(before and before.group(1)[0].isupper() and zipf(before.group(1), "en") < 5.0)


# -- names, URLs, placeholders, tags ------------------------------------------------------------
URL_RE = re.compile(r"\b(?:https?://|www\.)[^\s<>\"“”„]+[^\s<>\"“”„.,;:!?)\]]|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# `\b(?:[A-Z]{2,6}|[A-Z][a-z]?[A-Z]{1,4})\b`, its first capital first (the engine skips to
# capitals in C), the word boundary before it a look-behind. Letters only: a token with digits
# (A81, Covid-19) is no name to look for, and trying one at every capitalised German noun is slow.
ACRONYM_RE = re.compile(r"[A-Z](?<!\w[A-Z])(?:[A-Z]{1,5}|[a-z]?[A-Z]{1,4})\b")


def _url_key(url: str) -> str:
    return url.lower().rstrip("/")


def _tokens(regex: re.Pattern, text: str) -> Counter:
    return Counter(m.group() for m in regex.finditer(text))


def _missing_added(p: Pair, regex: re.Pattern, fold=lambda s: s) -> list[Match]:
    if not regex.search(p.source) and not regex.search(p.target):
        return []
    source = Counter(fold(t) for t in _tokens(regex, p.source).elements())
    target = Counter(fold(t) for t in _tokens(regex, p.target).elements())
    out = []
    for m in regex.finditer(p.target):
        if target[fold(m.group())] > source[fold(m.group())]:
            out.append(Match(p.start + m.start(), p.start + m.end(), detail=f"“{m.group()}” is not in the source"))
    missing = list((source - target).elements())
    if missing and not out:  # with an added one too, that one (the changed form) is reported
        out.append(_whole(p, f"the source's {', '.join(f'“{t}”' for t in missing)} is missing from the translation"))
    return out


@detector("bilingual-urls")
@dataclass
class BilingualUrls:
    """URLs and e-mail addresses of the source missing from the target, changed or added."""

    def find(self, ctx: Context) -> list[Match]:
        return [m for p in _holding(ctx, ("://", "www.", "@")) for m in _missing_added(p, URL_RE, _url_key)]


@detector("bilingual-names")
@dataclass
class BilingualNames:
    """International acronyms and names (EU, NATO, UEFA, BMW) of the source missing from the target.

    Only acronyms English uses as much as German are compared, so German ones that a translation
    spells out or renders (WM, DDR, EKG) are left alone; short ones that are also English words
    (US, AM, IT) too.
    """

    min_english: float = 3.0

    def _international(self, token: str) -> bool:
        return _international(token, self.min_english)

    def find(self, ctx: Context) -> list[Match]:
        all_pairs = pairs(ctx)
        names: set[str] = set()
        holders: set[int] = set()  # the pairs whose source holds one
        for i, _, m in _in_sources(ctx, ACRONYM_RE):
            if self._international(m.group()):
                names.add(m.group())
                holders.add(i)
        out = []
        for i in sorted(holders):
            p = all_pairs[i]
            target = set(re.findall(r"[^\W\d_]+", p.target.casefold()))
            tokens = dict.fromkeys(ACRONYM_RE.findall(p.source))
            missing = [t for t in tokens if t in names and t.casefold() not in target and not _spelled(t, p.target)]
            if missing:
                out.append(_whole(p, f"the source's {', '.join(f'“{t}”' for t in missing)} is missing from the translation"))
        return out


@lru_cache(maxsize=65536)
def _international(token: str, min_english: float) -> bool:
    """An acronym English uses as much as German, and not an English word itself (US, AM)."""
    if len(token) <= 3 and zipf(token.lower(), "en") >= 4.0:
        return False
    return zipf(token, "en") >= min_english and zipf(token, "de") <= zipf(token, "en") + 0.5


def _spelled(acronym: str, target: str) -> bool:
    """The acronym's letters begin consecutive words of the target (SPD ~ Social Democratic Party)."""
    letters = "".join(c for c in acronym if c.isalpha()).lower()
    initials = "".join(w[0] for w in WORD_RE.findall(target)).lower()
    return len(letters) >= 2 and letters in initials


PLACEHOLDER_RE = re.compile(
    r"\{\{\s*[\w.]+\s*\}\}|\{\d+\}|\{[A-Za-z_][\w.]*\}|\$\{\w+\}"
    r"|%(?:\d+\$)?[-+0#]?\d*(?:\.\d+)?[sdifuxXoecgGp@](?!\w)|%\(\w+\)[sdifr]"
)
PRINTF_RE = re.compile(r"%[-+0#]?\d*(?:\.\d+)?[sdifuxXoecgGp@](?!\w)")
TAG_RE = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")


@detector("bilingual-placeholders")
@dataclass
class BilingualPlaceholders:
    """Placeholders ({0}, %s, {{name}}) missing, added or, when unnumbered, reordered."""

    def find(self, ctx: Context) -> list[Match]:
        out = []
        for p in _holding(ctx, ("{", "%")):
            found = _missing_added(p, PLACEHOLDER_RE)
            if not found:
                source_order = [m.group() for m in PRINTF_RE.finditer(p.source) if "$" not in m.group()]
                target_order = [m.group() for m in PRINTF_RE.finditer(p.target) if "$" not in m.group()]
                if source_order != target_order:
                    found = [_whole(p, f"unnumbered placeholders reordered: {' '.join(source_order)} became {' '.join(target_order)}")]
            out.extend(found)
        return out


def _tag_key(tag: str) -> str:
    name = re.match(r"</?([A-Za-z][\w:-]*)", tag).group(1).lower()
    return ("/" if tag.startswith("</") else "") + name + ("/" if tag.endswith("/>") else "")


def _nested(keys: list[str]) -> bool:
    stack: list[str] = []
    for key in keys:
        if key.endswith("/"):
            continue
        if key.startswith("/"):
            if not stack or stack.pop() != key[1:]:
                return False
        else:
            stack.append(key)
    return not stack


@detector("bilingual-tags")
@dataclass
class BilingualTags:
    """Inline codes (XLIFF, TMX) or markup tags missing, added, or no longer nested properly."""

    def find(self, ctx: Context) -> list[Match]:
        out = []
        for p in pairs(ctx):
            if not ("<" in p.source or "<" in p.target or p.source_codes or p.target_codes):
                continue
            codes_missing = Counter(p.source_codes) - Counter(p.target_codes)
            codes_added = Counter(p.target_codes) - Counter(p.source_codes)
            problems = [f"code {c} missing" for c in codes_missing.elements()]
            problems += [f"code {c} added" for c in codes_added.elements()]
            source_tags = [_tag_key(t) for t in TAG_RE.findall(p.source)]
            target_tags = [_tag_key(t) for t in TAG_RE.findall(p.target)]
            problems += [f"tag <{t}> missing" for t in (Counter(source_tags) - Counter(target_tags)).elements()]
            problems += [f"tag <{t}> added" for t in (Counter(target_tags) - Counter(source_tags)).elements()]
            if not problems and _nested(source_tags) and not _nested(target_tags):
                problems.append("tags no longer nest as in the source")
            if problems:
                out.append(_whole(p, "; ".join(problems)))
        return out


# -- length, terminology, consistency ---------------------------------------------------------
@detector("bilingual-length")
@dataclass
class BilingualLength:
    """A target far longer or shorter than its source (Gale and Church's length criterion)."""

    ratio: float = 0.97  # English characters per German character (WMT21-22 references: mean 0.97-0.98)
    variance: float = 6.8  # variance of that difference per source character (Gale and Church)
    threshold: float = 2.0  # |z|; human references stay below 1.75
    min_chars: int = 30

    def find(self, ctx: Context) -> list[Match]:
        out = []
        for p in pairs(ctx):
            ls, lt = len(p.source.strip()), len(p.target.strip())
            if max(ls, lt) < self.min_chars:
                continue
            z = (lt - self.ratio * ls) / ((max(ls, 1) * self.variance) ** 0.5)
            if abs(z) > self.threshold:
                what = "shorter" if z < 0 else "longer"
                out.append(_whole(p, f"{lt} characters for a source of {ls}: far {what} than a translation should be"))
        return out


@detector("bilingual-omission")
@dataclass
class BilingualOmission:
    """Source sentences the sentence alignment found no translation for (``--source --align``)."""

    min_words: int = 3  # shorter leftovers are mostly captions, credits and datelines
    quote: int = 60  # characters of the first omitted sentence quoted in the message

    def find(self, ctx: Context) -> list[Match]:
        out = []
        for gap in getattr(ctx.document, "omitted", ()):
            if sum(len(s.split()) for s in gap.sentences) < self.min_words:
                continue
            first = gap.sentences[0]
            quoted = first if len(first) <= self.quote else first[: self.quote].rsplit(" ", 1)[0] + " …"
            more = f" and {len(gap.sentences) - 1} more" if len(gap.sentences) > 1 else ""
            where = "after" if gap.after else "before"
            detail = f"source line {gap.line} “{quoted}”{more}, {where} this sentence"
            end = gap.start + len(ctx.text[gap.start : gap.end].rstrip())
            out.append(Match(gap.start, end, detail=detail))
        return out


@lru_cache(maxsize=4096)
def _term_regex(term: str, german: bool) -> re.Pattern:
    suffix = r"(?:e|en|n|s|es|er|ern)?" if german else r"(?:s|es)?"
    return re.compile(rf"(?<!\w){re.escape(term)}{suffix}(?!\w)", re.IGNORECASE)


@detector("bilingual-glossary")
@dataclass
class BilingualGlossary:
    """A glossary term of the source not rendered with its approved English term (``--glossary``)."""

    def find(self, ctx: Context) -> list[Match]:
        glossary = getattr(ctx.document, "glossary", None)
        if glossary is None:
            return []
        out = []
        for p in pairs(ctx):
            for german, english in glossary.terms:
                if _term_regex(german, True).search(p.source) and not any(_term_regex(e, False).search(p.target) for e in english):
                    out.append(_whole(p, f"“{german}” should be “{' / '.join(english)}”"))
        return out


@detector("bilingual-consistency")
@dataclass
class BilingualConsistency:
    """The same source translated differently within one file: one finding per source, on its
    first deviating translation, with the number of variants (a translator fixes them together)."""

    min_words: int = 2

    def find(self, ctx: Context) -> list[Match]:
        variants: dict[str, dict[str, Pair]] = {}  # source key -> normalised target -> first pair
        for p in pairs(ctx):
            if p.key.count(" ") + 1 >= self.min_words:  # words of the normalised source
                variants.setdefault(p.key, {}).setdefault(p.target_key, p)
        out = []
        for found in variants.values():
            if len(found) > 1:
                first, second, *rest = found.values()
                more = f" ({len(found)} translations in all)" if rest else ""
                out.append(_whole(second, f"earlier in this file: “{first.target.strip()}”{more}"))
        out.sort(key=lambda m: m.start)
        return out


def project_consistency(documents: list, rule_for: Callable[[object], object | None]) -> list:
    """TC1011 across files: a segment whose source an earlier file translated differently.

    ``rule_for(doc)`` gives the consistency rule when it runs for that document's path, else
    None. Within one file the detector itself reports; here only pairs across files are.
    """
    from transcheck.engine import to_finding

    first: dict[str, tuple[object, str]] = {}
    out = []
    for doc in documents:
        segments = [s for s in getattr(doc, "segments", ()) if s.source and s.source.strip()]
        rule = rule_for(doc) if segments else None
        seen_here: set[str] = set()
        for s in segments:
            key, target = _norm(s.source), doc.text[s.start : s.end]
            if len(key.split()) < 2:
                continue
            if key in first and first[key][0] is not doc and key not in seen_here:
                other, earlier = first[key]
                if rule is not None and _norm(earlier) != _norm(target):
                    match = Match(s.start, s.start + len(target.rstrip()), detail=f"in {other.path}: “{earlier.strip()}”")
                    out.extend(doc.finish([to_finding(doc, rule, match)]))
            first.setdefault(key, (doc, target))
            seen_here.add(key)
    return out
