"""Untranslated German: words frequent in German and rare in English, and whole German sentences.

Decisions come from word frequencies (wordfreq's German and English tables) and, for
whole sentences, from language identification (py3langid), not from a fixed word list.
The work is done once per distinct word form, so the cost grows with the vocabulary,
not with the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from transcheck.context import Context, matches_at
from transcheck.detectors import detector
from transcheck.detectors.author_box import person_names
from transcheck.german_nouns import is_common_noun, is_kept_name
from transcheck.models import Match
from transcheck import speller
from transcheck.wordfreqs import zipf

UMLAUT = re.compile(r"[äöüßÄÖÜ]")
NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "zu", "vom", "zur", "ten", "ter"})
FUNCTION_WORD_ZIPF = 5.8  # capitalised words this common (The, In, But) are no evidence of a name


@lru_cache(maxsize=200_000)
def german_score(word: str) -> tuple[float, float]:
    """(German Zipf, English Zipf) of a word form."""
    return zipf(word, "de"), zipf(word, "en")


def _next_word(text: str, end: int) -> str:
    m = re.compile(r"[ \t]+([\w’'-]+)").match(text, end)
    return m.group(1) if m else ""


CONJUNCTIONS = frozenset({"und", "oder", "sowie"})
QUOTE_END = re.compile(r"[”“\n]")


def _previous_word(text: str, start: int) -> str:
    before = text[max(0, start - 40) : start].split()
    return before[-1] if before else ""


def inside_quotation(text: str, start: int) -> bool:
    """True when the word stands in a quotation that is itself mostly German (quoted on
    purpose, like “Wir schaffen das”); German words inside quoted English are flagged."""
    quoted = _quotation_around(text, start)
    words = re.findall(r"[^\W\d_]+", quoted.lower()) if quoted else []
    return bool(words) and 2 * sum(map(_germanic, words)) >= len(words)


def _quotation_around(text: str, start: int) -> str | None:
    """The text of the quotation open at ``start`` on its line: opened by “ or „ and not yet
    closed by ”, or opened by the last of an odd number of straight double quotes."""
    line_start = text.rfind("\n", 0, start) + 1
    opening = max(text.rfind("“", line_start, start), text.rfind("„", line_start, start))
    if opening != -1 and "”" not in text[opening:start]:
        closing = QUOTE_END.search(text, start)
        return text[opening + 1 : closing.start() if closing else len(text)]
    if text.count('"', line_start, start) % 2 == 0:
        return None
    opening = text.rfind('"', line_start, start)
    line_end = text.find("\n", start)
    line_end = len(text) if line_end == -1 else line_end
    closing = text.find('"', start, line_end)
    return text[opening + 1 : line_end if closing == -1 else closing]


@detector("german-function-words")
@dataclass
class GermanFunctionWords:
    """Lower-case words far more frequent in German than in English (und, nicht, für, laut)."""

    min_german: float = 4.0
    max_english: float = 4.2
    min_gap: float = 2.5

    def is_german(self, word: str) -> bool:
        if not word.islower():
            return False
        de, en = german_score(word)
        if de >= self.min_german and en <= self.max_english and de - en >= self.min_gap:
            return True
        if not speller.known(word) and de >= DICTIONARY_GERMAN and en < 2.0:
            return True  # not English by the dictionary, and common in German (schier, ziemlich)
        return bool(UMLAUT.search(word)) and en < 1.5 and de > 1.0

    def capitalised_german(self, word: str) -> bool:
        """A capitalised word whose lower-case form is German and unknown to English."""
        if not word[:1].isupper() or not word[1:].islower() or speller.known(word):
            return False
        lower = word.lower()  # common in German, not by an umlaut alone (Fürstenfeldbruck is a place)
        return zipf(lower, "de") >= DICTIONARY_GERMAN and self.is_german(lower)

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        german = ctx.words_where(self.is_german)
        sentences = german_sentences(ctx)
        for start, end in ctx.occurrences(german):
            word = text[start:end]
            following = _next_word(text, end)
            if word in NAME_PARTICLES and (following[:1].isupper() or following in NAME_PARTICLES):
                continue  # von der Leyen, zu Guttenberg
            if ctx.in_code(start, end):
                continue  # a URL, e-mail address, domain or file name: bild.de, ?tbm=isch
            if start > 1 and text[start - 1] in "[(" and text[start - 2].isalpha():
                continue  # an ending in brackets: patch[es]
            if word not in CONJUNCTIONS and _name_like(_previous_word(text, start)) and _name_like(following):
                continue  # inside a place name: Kirchheim unter Teck
            if inside_quotation(text, start) or _within(sentences, start) or _mentioned(text, start, end):
                continue  # a German phrase quoted on purpose, or a German sentence reported whole
            previous = _previous_word(text, start).lower()
            if previous in DETERMINERS or speller.adjective(previous):
                continue  # a German noun English borrows, after an article or adjective: the dirndl, mulled glühwein
            if speller.known(word) and _closes_sentence(text, end) and not _germanic(previous.strip(",;:")):
                continue  # an English word ending an English sentence: a fox's den. (a German one governs what follows)
            yield Match(start, end, detail=word)
        for start, end in ctx.occurrences(ctx.words_where(self.capitalised_german)):
            if ctx.in_code(start, end) or _within(sentences, start):
                continue
            if _sentence_start(text, start) and speller.adjective(_next_word(text, end)):
                yield Match(start, end, detail=text[start:end])  # “Schier hopeless situation”


DICTIONARY_GERMAN = 3.0
DETERMINERS = frozenset("the a an this that these those his her their its our my your every each some any no".split())
OPENERS = "“\"‘'„(–—-"


def _mentioned(text: str, start: int, end: int) -> bool:
    """The word alone in quotation marks: mentioned, not used (what ‘eventuell’ means)."""
    return start > 0 and text[start - 1] in "‘'“\"„" and text[end : end + 1] in ("’", "'", "”", "\"", "“")


def _closes_sentence(text: str, end: int) -> bool:
    """The word ends its sentence: a full stop, question or exclamation mark follows (after
    closing quotes or brackets), or the line ends."""
    after = text[end : end + 4].lstrip("”\"’')]")
    return not after or after[0] in ".!?\n"


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(OPENERS + " ")
    return not before or before.endswith(("\n", ".", "!", "?", ":"))


def _germanic(word: str) -> bool:
    """The next word is German too: far more frequent in German than in English."""
    de, en = german_score(word.lower())
    return de - en >= 2.0


@detector("german-nouns")
@dataclass
class GermanNouns:
    """Capitalised words that are German nouns unknown to English (Haushaltsausschuss, Bürgergeld)."""

    min_german: float = 2.0
    max_english: float = 1.0
    min_length: int = 6
    min_compound: int = 12

    def candidate(self, word: str) -> bool:
        if len(word) < self.min_length or not word[0].isupper() or not word[1:].islower():
            return False
        de, en = german_score(word)
        if en > self.max_english:
            return False
        # very frequent German words need no shape (Angaben); rarer ones must look like nouns;
        # a long compound no corpus holds whole must be made of German words (Oberrheingraben)
        if de >= FREQUENT_GERMAN:
            return True
        if de >= self.min_german:
            return is_common_noun_shape(word.lower())
        return len(word) >= self.min_compound and en == 0.0 and rare_german_compound(word.lower())

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        candidates = ctx.words_where(self.candidate)
        names = (used_as_names(ctx, candidates) - _titles(ctx, candidates)) | _explained(ctx, candidates)
        for start, end in ctx.occurrences(candidates - names):
            if not inside_quotation(text, start) and not ctx.in_code(start, end):
                yield Match(start, end, detail=text[start:end])


FREQUENT_GERMAN = 4.0
SPEECH_VERBS = frozenset("said says say told tells asked asks added adds explained explains according wrote writes".split())
NOUN_SUFFIXES = ("ung", "heit", "keit", "schaft", "ismus", "tät")
# Heads of compounds that name places and buildings (Opernplatz, Eggenfelden, Wolfgangsee).
PLACE_HEADS = frozenset(
    "platz stadt tal berg burg dorf see bach feld felde felden heim hausen kirchen kirche brück brücke "
    "straße strasse gasse weg allee markt hof au aue wald hain stein bühl gau land heide garten ring park "
    "bad brunn brunnen furt hafen ort kreis insel horn eck ecke rode leben stedt mühle kamp dom schloss "
    "halle arena stadion bühne theater oper museum galerie kino ingen ing".split()
) | frozenset("mann macher bauer meier maier mayer hofer huber".split())  # and of surnames
LINKS = ("", "s", "es", "n", "en", "er")
PLACE_ENDINGS = tuple(PLACE_HEADS) + ("chen", "lingen", "netz", "werk")


def is_common_noun_shape(word: str, depth: int = 0) -> bool:
    """A German derivational noun, or a compound of two German words whose head is a
    common noun and not a place-name element (Haushalts|ausschuss, Bürger|geld)."""
    if word.endswith(PLACE_ENDINGS):
        return False  # Merklingen, Babenhausen, Aachen: place names are not translated
    if word.endswith(NOUN_SUFFIXES):
        return True
    # a common noun: frequent, but not as frequent as function words (nach, mit), and no
    # name English keeps (Ober|allgäu; a modifier may be one: Ober|rhein|graben)
    return _head_after_modifier(word, lambda head: 3.5 <= zipf(head, "de") < 6.0 and (depth > 0 or not is_kept_name(head)), depth)


def rare_german_compound(word: str) -> bool:
    """A compound no corpus holds whole (Oberrheingraben, Landesgesundheitsamt): its head a
    German common noun that is no English word (ditch for Graben; not Allgäu, a name, nor
    Bank or Story, English too) after a German modifier, and no place name's ending."""
    if word.endswith(PLACE_ENDINGS):
        return False
    return _head_after_modifier(word, lambda head: _german_minus_english(head) >= 1.0 and is_common_noun(head), 0)


def _german_minus_english(word: str) -> float:
    de, en = german_score(word)
    return de - en


def _head_after_modifier(word: str, head_ok: Callable[[str], bool], depth: int) -> bool:
    """The word splits into a German modifier (with a linking -s-, -n-, …) and a head that
    passes ``head_ok`` and is no place-name element."""
    for i in range(3, len(word) - 3):
        head = word[i:]
        if head in PLACE_HEADS or not head_ok(head):
            continue
        modifier = word[:i]
        for link in LINKS:
            stem = modifier[: len(modifier) - len(link)] if link else modifier
            if modifier.endswith(link) and len(stem) >= 3 and (zipf(stem, "de") >= 3.0 or (depth < 1 and is_common_noun_shape(stem, depth + 1))):
                return True
    return False


def used_as_names(ctx: Context, words: set[str]) -> set[str]:
    """Words that appear next to another capitalised word or with a possessive: names."""
    text = ctx.text
    names = set()
    for start, end in ctx.occurrences(words):
        before = text[max(0, start - 30) : start].split()
        after = text[end : end + 30]
        prev = before[-1] if before else ""
        nxt = after.split()[0] if after.split() else ""
        # `Merkel said` names a speaker; `the Ministerpräsident said` is a noun with its article
        speech = prev.lower() in SPEECH_VERBS or (nxt.strip(",.").lower() in SPEECH_VERBS and prev.lower() not in DETERMINERS)
        if speech or _name_like(prev) or _name_like(nxt) or after[:2] in ("’s", "'s"):
            names.add(text[start:end])
    return names


def _titles(ctx: Context, words: set[str]) -> set[str]:
    """German nouns used as a title before a person's given name, left untranslated
    (`said Landrat Sebastian Weber`, `Oberbürgermeister Anna Schmidt`): their capitalised
    neighbour is a name, but they are no part of it."""
    text, given = ctx.text, person_names()[0]
    found = set()
    for start, end in ctx.occurrences(words):
        word, following = text[start:end], NEXT_NAME.match(text, end)
        if following and word not in given and (following.group(1) in given or _title_before_surname(word, following.group(1))):
            found.add(word)
    return found


def _title_before_surname(word: str, following: str) -> bool:
    """`Ministerpräsident Söder`: a German common noun before a capitalised word that is no
    German or English common word (a surname)."""
    return (is_common_noun(word.lower()) and not is_common_noun(following.lower())
            and zipf(following) < 4.0 and zipf(following, "de") < 4.0)


NEXT_NAME = re.compile(r"[ \t]+([A-Z][a-zäöüß]+)\b")
# An English gloss: up to seven lower-case words in brackets, not an example list (e.g. …).
GLOSS_AFTER = re.compile(r"[ \t]*\((?:i\.e\.[ \t]*|or[ \t]+|literally[ \t]+)?(?!e\.?g\b)[a-z][a-z’'-]*(?:[ \t]+[a-z][a-z’'-]*){0,6}\)")


def _explained(ctx: Context, words: set[str]) -> set[str]:
    """Words the text explains on first use with an English gloss in brackets right after
    them (`the Traditionsgemeinschaft (heritage society)`): kept on purpose."""
    text = ctx.text
    return {text[start:end] for start, end in ctx.occurrences(words) if GLOSS_AFTER.match(text, end)}


def _name_like(word: str) -> bool:
    """A capitalised word that is not a common function word: part of a name."""
    word = word.strip(",;:.!?()“”\"").rsplit("-", 1)[-1]
    return word[:1].isupper() and word.isalpha() and zipf(word) < FUNCTION_WORD_ZIPF


SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


MIN_MARKERS = 2


def german_sentences(ctx: Context) -> list[tuple[int, int]]:
    """Spans of sentences in German (cached per document): several strong German
    words, confirmed by language identification."""
    if "german_sentences" not in ctx.cache:
        ctx.cache["german_sentences"] = list(_find_german_sentences(ctx))
    return ctx.cache["german_sentences"]


def _find_german_sentences(ctx: Context) -> Iterator[tuple[int, int]]:
    text = ctx.text
    markers = ctx.words_where(_strong_german)
    if len(markers) < MIN_MARKERS:
        return
    counts: dict[int, int] = {}
    for start, _ in ctx.occurrences(markers):
        line_start = text.rfind("\n", 0, start) + 1
        counts[line_start] = counts.get(line_start, 0) + 1
    for line_start, count in sorted(counts.items()):
        if count < MIN_MARKERS:
            continue
        line_end = text.find("\n", line_start)
        for m in SENTENCE.finditer(text, line_start, len(text) if line_end == -1 else line_end):
            words = re.findall(r"[\w’'-]+", m.group())
            if sum(w in markers for w in words) >= MIN_MARKERS and _identify(m.group()) == "de":
                s = m.start() + len(m.group()) - len(m.group().lstrip())
                yield s, m.end()


def _within(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(s <= offset < e for s, e in spans)


@detector("german-sentence")
@dataclass
class GermanSentence:
    """A whole sentence left in German."""

    def find(self, ctx: Context) -> Iterator[Match]:
        for start, end in german_sentences(ctx):
            yield Match(start, end)


def _strong_german(word: str) -> bool:
    de, en = german_score(word)
    return word.islower() and word not in NAME_PARTICLES and de >= 4.5 and de - en >= 2.5


def _identify(sentence: str) -> str:
    from transcheck.langid import language  # loaded only when a sentence looks German

    return language(sentence)


# --- Compounds half kept in German -------------------------------------------------------

HYPHENATED = re.compile(r"(?<![\w-])([^\W\d_]+)-([^\W\d_]+)(?![\w-])")
LETTERS_HYPHEN = re.compile(r"-(?<=[^\W\d_]-)(?=[^\W\d_])")  # the hyphen first: ``re`` looks for it
LETTER = re.compile(r"[^\W\d_]")
ABBREVIATION = re.compile(r"[A-Z][A-Za-z]{0,4}[A-Z]")  # CDU, AfD, EU, BSI
STEM_ENDINGS = ("", "en", "e", "n")  # Nachhol(en), Schlager


def hyphenated_pairs(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``HYPHENATED`` (two words joined by a hyphen), as ``finditer`` gives
    them: tried only at the start of the letters before each hyphen that joins two letters,
    not at every position (where ``re`` would read each word to its end again and again)."""
    return matches_at(HYPHENATED, text, (_letters_before(text, m.start()) for m in LETTERS_HYPHEN.finditer(text)))


def _letters_before(text: str, hyphen: int) -> int:
    """Where the letters that end at ``hyphen`` start."""
    start = hyphen - 1
    while start > 0 and LETTER.match(text, start - 1):
        start -= 1
    return start


def _german_only(part: str, min_german: float) -> bool:
    """A capitalised German word that English does not know in any case (Schlager, Nachhol-)."""
    if not part[:1].isupper() or not part[1:].islower() or speller.known(part) or part.lower().endswith(PLACE_ENDINGS):
        return False
    lower = part.lower()
    return zipf(lower, "en") < 2.0 and max(zipf(lower + e, "de") for e in STEM_ENDINGS) >= min_german


def _german_head(part: str, min_german: float) -> bool:
    """A capitalised noun more frequent in German than in English, not an English name
    (Chef, Politiker, Fraktion; not Leader, President, Team)."""
    if not part[:1].isupper() or not part[1:].islower() or part in speller.words():
        return False
    de, en = german_score(part.lower())
    return de >= min_german and de > en + 0.5


def _english_head(part: str, min_english: float) -> bool:
    """A common English word (known in lower case) that is not also a German word (singer, shows)."""
    lower = part.lower()
    if len(lower) < 4 or lower not in speller.words():
        return False
    de, en = german_score(lower)
    return en >= min_english and de < en - 0.6


NAME_CONTEXT = frozenset("of in at from to into near by as and or with for like than".split())


def _after_modifier(text: str, start: int) -> bool:
    """The word follows an article, number or other lower-case modifier (`the Schlagersinger`,
    `five Nachhol shows`), not a preposition or conjunction that introduces a bare name
    (`the streets of Halbridge`, `as Halbridge residents`)."""
    previous = _previous_word(text, start)
    if previous in ("The", "A", "An", "This", "These"):
        return True
    return (previous.islower() or previous.isdigit()) and previous.isalnum() and previous not in NAME_CONTEXT


@lru_cache(maxsize=50_000)
def _hyphenated(left: str, right: str, min_german: float, min_english: float) -> bool:
    """`CDU-Chef` (abbreviation + German noun) or `Nachhol-Shows` (German stem + English word)."""
    if ABBREVIATION.fullmatch(left):
        return _german_head(right, min_german)
    # German capitalises both parts (Nachhol-Shows); English `Mittelstand-style` is English
    return right[:1].isupper() and _german_only(left, min_german - 0.5) and _english_head(right, min_english)


@detector("german-english-compound")
@dataclass
class MixedCompound:
    """A compound with one part left in German: `Schlagersinger`, `Nachhol-Shows`, `CDU-Chef`."""

    min_german: float = 3.5
    min_english: float = 3.5

    def closed(self, word: str) -> bool:
        """German modifier + English head, written as one word unknown to English."""
        if len(word) < 8 or not word[0].isupper() or not word[1:].islower() or speller.known(word):
            return False
        de, en = german_score(word.lower())
        if de >= 2.0 or en >= 1.0:
            return False  # a real German word (the german-noun rule) or a name English uses
        for i in range(4, len(word) - 3):
            modifier, head = word[:i], word[i:]
            if _english_head(head, self.min_english) and (
                _german_only(modifier, self.min_german)
                or (modifier.endswith("s") and _german_only(modifier[:-1], self.min_german))
            ):
                return True
        return False

    def hyphenated(self, left: str, right: str) -> bool:
        return _hyphenated(left, right, self.min_german, self.min_english)

    def spaced_modifier(self, word: str) -> bool:
        """A German word that may open a compound written apart (`Schlager` Queen)."""
        return _german_only(word, self.min_german)

    def _spaced_compound(self, text: str, start: int, end: int, following: str) -> bool:
        """`Schlager Queen` for Schlager-Queen: the German modifier, one space, and a
        capitalised common English noun, not inside a longer name."""
        if not (following[:1].isupper() and following[1:].islower() and text.startswith(" " + following, end)):
            return False
        previous = _previous_word(text, start)
        inside_name = _name_like(previous) and not previous.endswith((",", ";", ":"))
        return _english_head(following, self.min_english) and not inside_name and text[start - 1 : start] != "-"

    def stem(self, word: str) -> bool:
        """A German stem that is no word of its own (`Nachhol` from nachholen): what is
        left when the engine translates the head of a compound and keeps the modifier."""
        return zipf(word, "de") < 2.0 and zipf(word, "en") < 1.0 and _german_only(word, self.min_german)

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        closed = ctx.words_where(self.closed)
        spans = [(s, e) for s, e in ctx.occurrences(closed - used_as_names(ctx, closed)) if _after_modifier(text, s)]
        if "-" in text:
            spans += [m.span() for m in hyphenated_pairs(text) if self.hyphenated(m[1], m[2])]
        stems = ctx.words_where(self.stem)
        for start, end in ctx.occurrences(ctx.words_where(self.spaced_modifier)):
            following = _next_word(text, end)
            if self._spaced_compound(text, start, end, following):
                spans.append((start, end + 1 + len(following)))
        for start, end in ctx.occurrences(stems - used_as_names(ctx, stems)):
            following = _next_word(text, end)
            if following.islower() and _english_head(following, self.min_english) and _after_modifier(text, start):
                spans.append((start, end + 1 + len(following)))
        for start, end in sorted(spans):
            if not inside_quotation(text, start) and not ctx.in_code(start, end):
                yield Match(start, end, detail=text[start:end])


# --- A German noun kept as the modifier of a translated head ------------------------------

# After the head noun: the end of the phrase, or a lower-case word that is not an article
# or pronoun (`host the Skyliners` makes `host` a verb).
HEAD_END = re.compile(
    r"[ \t]*(?:[.,;:!?)”’\"]|$|\n|(?!(?:the|a|an|his|her|its|their|this|these|those|him|them|it)\b)[a-z])"
)


def _noun(word: str) -> bool:
    """The treebank has seen the word as a common noun (elections, candidate, vote)."""
    from transcheck import tagger  # the model loads only when a candidate is found

    return any(tag in ("NN", "NNS") for tag in tagger.model().lexicon.get(word, ()))


@detector("german-modifier-english-head")
@dataclass
class GermanModifier:
    """A German noun left in front of the English noun that translates the rest of its
    compound: `Landtag elections` (Landtagswahlen), `Kanzler candidate` (Kanzlerkandidat)."""

    min_german: float = 3.5
    max_english: float = 2.0
    min_english_head: float = 3.5

    def candidate(self, word: str) -> bool:
        """A capitalised German noun that English rarely uses and the dictionary does not know."""
        if len(word) < 5 or not word[0].isupper() or not word[1:].islower() or not word.isalpha() or speller.known(word):
            return False
        lower = word.lower()
        de, en = german_score(lower)
        if de < self.min_german or en >= self.max_english or de - en < 2.0 or lower.endswith(PLACE_ENDINGS):
            return False
        return de >= FREQUENT_GERMAN or is_common_noun_shape(lower) or self._linking_s(lower)

    def _linking_s(self, lower: str) -> bool:
        """A German noun with the linking `s` that joins it to the next part of a compound
        (`Haushalts|debatte`, `Verkehrs|minister`): the noun without it is common German."""
        if not lower.endswith("s") or lower.endswith("ss"):
            return False
        de, en = german_score(lower[:-1])
        return de >= FREQUENT_GERMAN and en < self.max_english and not lower[:-1].endswith(PLACE_ENDINGS)

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        candidates = ctx.words_where(self.candidate)
        if not candidates:
            return
        names = used_as_names(ctx, candidates)
        found: dict[str, list[tuple[int, int]]] = {}
        for start, end in ctx.occurrences(candidates - names):
            found.setdefault(text[start:end], []).append((start, self._head_end(text, end)))
        for word, spans in found.items():
            if all(head_end for _, head_end in spans):  # a term the text also uses alone is adopted (the Mittelstand)
                kept = (Match(s, e, detail=word) for s, e in spans if not inside_quotation(text, s) and not ctx.in_code(s, e))
                yield from kept

    def _head_end(self, text: str, end: int) -> int:
        """Where the English head noun after the word ends (0 when none follows)."""
        head = _next_word(text, end)
        if not (head.islower() and _english_head(head, self.min_english_head) and _noun(head)):
            return 0
        head_end = text.index(head, end) + len(head)
        return head_end if HEAD_END.match(text, head_end) else 0
