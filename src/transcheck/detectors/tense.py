"""German tense and aspect kept in English, found on part-of-speech tags.

German says `Er wohnt seit 2015 in Berlin` (present) and `Bisher haben Freiwillige 200
Proben geschickt` (perfect, which German also uses for a plain past). Rendered tense for
tense, the first becomes `He lives in Berlin since 2015`, where English needs the present
perfect, and the perfect is often flattened into a simple past beside `so far`, which in
English asks for the present perfect too. Each detector finds a time adjunct, then the
finite verb of its clause, and checks the verb's tense.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.models import Match
from transcheck.phrases import MONTHS, NOUNS, could_be, is_word, words_tagged
from transcheck.tagger import Token, tagged_sentences

# Marks that end a clause (a hyphen or decimal point does not).
BOUNDARIES = frozenset(",;:–—()[]\"“”«»!?")
# Words that open a new clause between a verb and a later adjunct.
OPENERS = frozenset(
    "and but or because although though while whereas if unless when whenever after before until as that which who "
    "whom whose where so since than once".split()
)
# Tags that continue a point in time after its first word.
TIME_PHRASE = frozenset("NN NNS NNP NNPS CD JJ POS HYPH".split())
PRESENT = frozenset({"VBZ", "VBP"})
PAST = frozenset({"VBD"})
BE = frozenset("is are was were".split())
# Tags of the words of a subject (and of a noun phrase after `since`).
SUBJECT_TAGS = frozenset("DT PDT PRP PRP$ NN NNS NNP NNPS EX CD JJ POS HYPH".split())
# Past verbs of saying, after which reported speech keeps the past.
SPEECH = frozenset("said told reported added explained stated announced wrote confirmed according".split())
PAST_TIME = frozenset("yesterday ago last earlier previously".split())
WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
DURATIONS = frozenset("years months weeks days decades hours".split())
# Words before `since` that make it part of a comparison or a count, which English
# puts in the present: "the first time since 2015", "ten years since", "up 5% since May".
SINCE_FRAMES = frozenset("time times years months weeks days decades long ever".split())
COMPARISONS = frozenset("first only record up down higher lower more less fewer unchanged".split())
# What may follow `since` as a point in time.
SINCE_TIME = frozenset("then yesterday last early late mid the this its their his her our".split())
# `since` before what may start a point in time (not `since he`, `since it`): the
# sentences worth tagging.
SINCE_POINT = re.compile(
    r"since (?:\d|(?:then|yesterday|last|early|late|mid|the|this|its|their|his|her|our|many|several|a|few|"
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"years|months|weeks|decades|days|january|february|march|april|may|june|july|august|september|october|november|"
    r"december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)"
)  # run on the lower-cased text: a literal start is found fast
# Words of a clause that make a present habitual or a comparison: "for ten days a year".
HABITUAL = frozenset("every each per usually always often normally typically annually".split())


def _past_time(word: str) -> bool:
    """A word that dates an event: `yesterday`, `ago`, a month, a weekday, a year."""
    return word.lower() in PAST_TIME or word in MONTHS or word in WEEKDAYS or (word.isdigit() and len(word) == 4)


def _clause_start(tokens: list[Token], i: int) -> int:
    """Index of the first word of the clause holding ``tokens[i]`` (after the last
    boundary mark before it)."""
    k = i
    while k > 0 and tokens[k - 1].word not in BOUNDARIES:
        k -= 1
    return k


def _clause_end(tokens: list[Token], i: int) -> int:
    """Index after the last word of the clause holding ``tokens[i]``."""
    k = i
    while k < len(tokens) and tokens[k].word not in BOUNDARIES and tokens[k].word != ".":
        k += 1
    return k


def _finite(token: Token) -> bool:
    """Tagged as a finite verb or a modal."""
    return token.tag in ("VBZ", "VBP", "VBD", "MD")


def governing_verb(tokens: list[Token], first: int, last: int, adverb: bool = False) -> tuple[int, str] | None:
    """Index and tag of the finite verb whose clause holds the adjunct ``tokens[first:last]``:
    the nearest one before it in its clause, or, when the adjunct opens its clause (`Since
    2015, he lives …`), the one after its subject. None when a new clause opens between
    them, or a participle or gerund stands between them that the adjunct may belong to
    (`a tradition of giving since 1900`, `the cases reported so far`)."""
    start = _clause_start(tokens, first)
    lead = start
    while lead < first and (tokens[lead].tag in ("CC", "RB") or tokens[lead].word.lower() in OPENERS):
        lead += 1
    if lead == first:
        return _verb_after_subject(tokens, last + (last < len(tokens) and tokens[last].word == ","))
    for k in range(first - 1, start - 1, -1):
        token = tokens[k]
        if token.word.lower() in OPENERS or token.tag in ("WDT", "WP", "WRB", "TO"):
            return None
        tag = _finite_tag(tokens, k)
        if tag is not None:
            return None if _modifier(tokens, k) else (k, tag)
        if _present_after_noun(tokens, k) and not any(map(_finite, tokens[start:k] + tokens[last : _clause_end(tokens, last)])):
            return k, "VBZ" if token.word.endswith("s") else "VBP"  # "The couple lives/NNS in Spain for years"
        if token.tag in ("VBG", "VBN") and not _verb_group(tokens, k):
            return None
    after = _finite_tag(tokens, last) if adverb and last < len(tokens) else None
    if after and tokens[last].word not in BE and tokens[first - 1].tag in SUBJECT_TAGS:
        return last, after  # an adverb between subject and verb: "The police so far found"
    return None  # a phrase that belongs to the subject: "Sales since May are up"


def _verb_after_subject(tokens: list[Token], k: int, commas: bool = True) -> tuple[int, str] | None:
    """The finite verb after a subject (nouns, `of` phrases, lists of them: `doctors,
    nurses and drivers are`, with commas only if ``commas``) from ``k``."""
    joins = (",", "and", "or", "&", "of") if commas else ("and", "or", "&", "of")
    j = k
    while j < len(tokens) and (
        tokens[j].tag in SUBJECT_TAGS or tokens[j].word in joins
    ) and _finite_tag(tokens, j) is None and not (j > k and _present_after_noun(tokens, j)):
        j += 1
    if j == k or tokens[j - 1].tag not in ("NN", "NNS", "NNP", "NNPS", "PRP", "EX", "CD"):
        return None  # no subject after the adjunct: "Since the area to chew is" is a clause
    if j < len(tokens) and _present_after_noun(tokens, j):
        return j, "VBZ" if tokens[j].word.endswith("s") else "VBP"
    while j < len(tokens) and tokens[j].tag == "RB":
        j += 1
    tag = _finite_tag(tokens, j) if j < len(tokens) else None
    return None if tag is None else (j, tag)


def _present_after_noun(tokens: list[Token], j: int) -> bool:
    """A word after the subject that the tagger read as a noun or adverb but that may be a
    present verb, before a preposition, adverb or the end (`the village belongs/NNS to`,
    `the new rules apply/RB.`)."""
    token = tokens[j]
    following = tokens[j + 1].tag if j + 1 < len(tokens) else "."
    return (
        token.tag in ("NN", "NNS", "RB", "JJ")
        and token.word.islower()
        and tokens[j - 1].tag in ("NN", "NNS", "NNP", "NNPS")
        and following in ("IN", "RB", "DT", "TO", "PRP$", "CD", ".", ",")
        and (could_be(token, PRESENT) or _stem_is_verb(token.word))
    )


def _stem_is_verb(word: str) -> bool:
    """`rises`, `belongs`: a third-person form of a word the treebank saw as a verb."""
    bases = words_tagged("VB", "VBP")
    return word.endswith("s") and (word[:-1] in bases or (word.endswith("es") and word[:-2] in bases))


def _finite_tag(tokens: list[Token], k: int) -> str | None:
    """The token's tag if it is a finite verb; `VBD` for a past participle straight after a
    noun or pronoun, which the tagger may give a past form (`volunteers sent/VBN in`)."""
    token = tokens[k]
    if _finite(token):
        return token.tag
    if token.word in ("have", "has"):
        return "VBP"  # the tagger may miss it: "the investments required have/NN so far been"
    if token.tag == "VBN" and k > 0 and tokens[k - 1].tag in ("NN", "NNS", "NNP", "NNPS", "PRP") and could_be(token, PAST):
        return "VBD"
    return None


def _modifier(tokens: list[Token], k: int) -> bool:
    """A past form after an article, number or adjective is a participle (`the ten
    confirmed races`)."""
    return tokens[k].tag == "VBD" and k > 0 and tokens[k - 1].tag in ("DT", "CD", "PRP$", "JJ", "IN")


def _verb_group(tokens: list[Token], k: int) -> bool:
    """The participle or gerund at ``k`` belongs to the finite verb before it (`are waiting`,
    `is not used`)."""
    j = k - 1
    while j >= 0 and tokens[j].tag == "RB":
        j -= 1
    return j >= 0 and (_finite(tokens[j]) or tokens[j].tag in ("VB", "VBN") and tokens[j].word in ("be", "been", "being"))


def perfect(tokens: list[Token], v: int, end: int) -> bool:
    """The finite verb ``tokens[v]`` is, or follows, a form of `have` with a participle up to
    ``end`` (`has since then belonged`, `I've enjoyed`, a participle read as a past form)."""
    word = tokens[v].word.lower().replace("’", "'")
    if word in ("has", "have", "'ve", "'s") or word.endswith("'ve"):
        return any(t.tag in ("VBN", "VBD") for t in tokens[v + 1 : end])
    j = v - 1
    while j >= 0 and tokens[j].tag == "RB":
        j -= 1
    before = tokens[j].word.lower().replace("’", "'") if j >= 0 else ""
    return before in ("has", "have", "had", "'ve", "'s", "'d") or before.endswith(("'ve", "'d"))


def going_to(tokens: list[Token], v: int) -> bool:
    """`is going to`: a future."""
    return any(t.word == "going" for t in tokens[v + 1 : v + 3])


@detector("since-present", line_local=True)
@dataclass
class SincePresent:
    """A clause in the simple present with `since <a point in time>`: German `seit` takes
    the present (`Er wohnt seit 2015 hier` → `He lives here since 2015`), English the present
    perfect (`He has lived here since 2015`)."""

    def find(self, ctx: Context) -> Iterator[Match]:
        spots = [base + m.start() for base, lower in ctx.lower_stretches()
                 for m in SINCE_POINT.finditer(lower) if not lower.endswith("ever ", 0, m.start())]
        for sentence in tagged_sentences(ctx, at=spots):
            if sentence[-1].word not in (".", "!", '"', "”"):
                continue  # a headline or a question
            for i, token in enumerate(sentence):
                if token.word.lower() == "since":
                    found = self._check(sentence, i)
                    if found is not None:
                        yield found

    @staticmethod
    def _check(tokens: list[Token], i: int) -> Match | None:
        end = SincePresent._time_end(tokens, i + 1)
        if end is None or (i > 0 and tokens[i - 1].word.lower() in SINCE_FRAMES):
            return None
        found = governing_verb(tokens, i, end)
        if found is None or found[1] not in PRESENT:
            return None
        v = found[0]
        if perfect(tokens, v, _clause_end(tokens, v)) or going_to(tokens, v):
            return None
        span = tokens[min(v, _clause_start(tokens, i)) : max(v + 1, end)]
        words = {t.word.lower() for t in span}
        if words & (HABITUAL | COMPARISONS) or any(t.tag in ("JJS", "RBS") for t in span):
            return None
        first, stop = (v, end) if v < i else (i, v + 1)
        return Match(tokens[first].start, tokens[stop - 1].end, detail=tokens[v].word)

    @staticmethod
    def _time_end(tokens: list[Token], k: int) -> int | None:
        """Index after a point in time that starts at ``k`` (`2015`, `May`, `last year`,
        `the beginning of March`), when no verb follows it (`since the rain stopped` is a
        clause); None when there is none."""
        if k >= len(tokens):
            return None
        first = tokens[k]
        word = first.word
        if not (
            word.lower() in SINCE_TIME | DURATIONS | {"many", "several", "a", "few"}
            or word in MONTHS
            or word in WEEKDAYS
            or (word.isdigit() and len(word) == 4)
            or (first.tag == "CD" and k + 1 < len(tokens) and (tokens[k + 1].word in DURATIONS or tokens[k + 1].word in MONTHS))
        ):
            return None
        if word.lower() in ("then", "yesterday"):
            return k + 1
        if word.lower() in DURATIONS:
            return k + 1  # "since years": German `seit Jahren`
        if word.lower() in ("many", "several", "a", "few"):
            return k + 2 if k + 1 < len(tokens) and tokens[k + 1].word in DURATIONS else None
        j = k + 1
        while j < len(tokens) and (tokens[j].tag in TIME_PHRASE or tokens[j].word == "of"):
            j += 1
            if tokens[j - 1].word == "of" and j < len(tokens) and tokens[j].tag in ("DT", "PRP$"):
                j += 1  # "the beginning of the year"
        if j < len(tokens) and (_finite(tokens[j]) or tokens[j].tag in ("VBN", "VBG")):
            return None
        if first.tag in ("DT", "PRP$") and (j == k + 1 or _verb_after_subject(tokens, k, commas=False)):
            return None  # "since the police and the army are …" is a clause
        return j


NUMBER_WORDS = r"\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a few|several|many"
SPAN = "years|months|weeks|decades"
# `for` and a span that reaches up to now, as German `seit` has it: `for years`, `for the
# past ten months`, `for a long time`, `for three weeks now`, `already for two years`; a bare count (`for two weeks`)
# is as often a span ahead (`the hall becomes a canteen for two weeks`).
DURATION = re.compile(  # on the lower-cased text
    rf"for (?:(?:many|several|some|the past|the last) )?(?:{SPAN})\b(?! (?:a|per|each|every|of|to come|at a time)\b)"
    rf"|for the (?:past|last) (?:{NUMBER_WORDS}) (?:{SPAN})\b"
    rf"|for (?:more than |over |almost |nearly |about |around )?(?:{NUMBER_WORDS}) (?:{SPAN}) (?:now|already)\b"
    rf"|(?<=already )for (?:more than |over |almost |nearly |about |around )?(?:{NUMBER_WORDS}) (?:{SPAN})\b"
    r"|for (?:a long time|some time|ages)\b"
)
# Verbs whose present with a span says how long something lasts, not since when.
LASTING = frozenset("last lasts run runs take takes keep keeps continue continues persist persists".split())
# A superlative before the span makes it English `the highest for years` (= in years).
SUPERLATIVE_TAGS = frozenset({"JJS", "RBS"})


@detector("for-duration-present", line_local=True)
@dataclass
class ForDurationPresent:
    """A clause in the simple present with `for <a span of time>`: German `seit` with a
    span (`Sie arbeitet seit zehn Jahren hier` → `She works here for ten years`); English
    the present perfect (`She has worked here for ten years`)."""

    def find(self, ctx: Context) -> Iterator[Match]:
        spans = {base + m.start(): base + m.end() for base, lower in ctx.lower_stretches()
                 for m in DURATION.finditer(lower) if not lower[m.start() - 1 : m.start()].isalnum()}
        for sentence in tagged_sentences(ctx, at=spans):
            if sentence[-1].word not in (".", "!", '"', "”"):
                continue
            for i, token in enumerate(sentence):
                if token.start in spans:
                    end = i
                    while end < len(sentence) and sentence[end].end <= spans[token.start]:
                        end += 1
                    found = self._check(sentence, i, end)
                    if found is not None:
                        yield found

    @staticmethod
    def _check(tokens: list[Token], i: int, end: int) -> Match | None:
        found = governing_verb(tokens, i, end)
        if found is None or found[1] not in PRESENT or tokens[found[0]].word.lower() in LASTING:
            return None
        v = found[0]
        if perfect(tokens, v, _clause_end(tokens, v)) or going_to(tokens, v):
            return None
        span = tokens[min(v, _clause_start(tokens, i)) : max(v + 1, _clause_end(tokens, end))]
        if {t.word.lower() for t in span} & HABITUAL:
            return None
        if any(t.tag in SUPERLATIVE_TAGS for t in tokens[v + 1 : i]):
            return None  # "prices are now the highest for years"
        first, stop = (v, end) if v < i else (i, v + 1)
        return Match(tokens[first].start, tokens[stop - 1].end, detail=tokens[v].word)


# Adverbs that tie a past event to the present (`until now` is left out: English puts a
# contrast with what is new in the past, `Until now, tickets were sold only at the station`).
SO_FAR = ("so far", "thus far", "to date", "up to now")
# Words after or before `so far` that make it a degree, not a time (`went so far as to`).
DEGREE_AFTER = frozenset("as from away behind ahead that this in".split())
DEGREE_BEFORE = frozenset("go goes went gone not and or".split())


OBJECT_OPENERS = frozenset("it them him her us me this that these those the a an his their its our my your".split())
FINITE_AFTER_PARTICIPLE = frozenset("is are was were has have had".split())
PHRASE_END_TAGS = frozenset("VBN VBD VBZ VBP MD".split())


def _postmodifier(tokens: list[Token], v: int, i: int, end: int) -> bool:
    """The adverb belongs to a noun, not to the clause's verb: a participle between its noun
    and the adverb, or between the adverb after its noun and the phrase's end (`the wrecks
    found so far,`, `reports so far received,`), `to date` right after a noun (`results to
    date showed`), or a participle before the clause's finite verb (`the advances made have
    been`)."""
    if v + 1 < len(tokens) and tokens[v + 1].word.lower() in FINITE_AFTER_PARTICIPLE:
        return True
    if v == i - 1:
        noun, after, closing = v - 1, end, PHRASE_END_TAGS | {"IN"}
    elif v == end:
        noun, after, closing = i - 1, v + 1, PHRASE_END_TAGS
    else:
        return False
    if noun < 0 or tokens[noun].tag not in NOUNS:
        return False
    if v == end and tokens[i].word.lower() == "to":
        return True
    return after == len(tokens) or not is_word(tokens[after]) or tokens[after].tag in closing


@detector("so-far-past", line_local=True)
@dataclass
class SoFarPast:
    """A clause in the simple past with `so far`, `to date` or `up to now`: German uses the
    perfect for a plain past (`Bisher haben Freiwillige 200 Proben geschickt`) and the
    translation flattened it (`So far, volunteers sent 200 samples`); English needs the
    present perfect with these adverbs (`have sent`)."""

    def find(self, ctx: Context) -> Iterator[Match]:
        spots = []
        for phrase in SO_FAR:
            for base, lower in ctx.lower_stretches():
                start = lower.find(phrase)
                while start != -1:
                    spots.append(base + start)
                    start = lower.find(phrase, start + 1)
        for sentence in tagged_sentences(ctx, at=spots):
            if sentence[-1].word not in (".", "!", '"', "”"):
                continue
            for i in range(len(sentence) - 1):
                end = self._adverb_end(sentence, i)
                if end is not None:
                    found = self._check(sentence, i, end)
                    if found is not None:
                        yield found

    @staticmethod
    def _adverb_end(tokens: list[Token], i: int) -> int | None:
        """Index after one of the adverbs when it starts at ``i``, else None."""
        for phrase in SO_FAR:
            words = phrase.split()
            if [t.word.lower() for t in tokens[i : i + len(words)]] == words:
                end = i + len(words)
                after = tokens[end].word.lower() if end < len(tokens) else ""
                before = tokens[i - 1].word.lower() if i else ""
                if words[0] == "so" and (after in DEGREE_AFTER or before in DEGREE_BEFORE):
                    return None
                if words == ["to", "date"] and (after in OBJECT_OPENERS or before == "up"):
                    return None  # the verb, "helped them to date it", or "kept up to date"
                return end
        return None

    @staticmethod
    def _check(tokens: list[Token], i: int, end: int) -> Match | None:
        found = governing_verb(tokens, i, end, adverb=True)
        if found is None or found[1] != "VBD" or tokens[found[0]].word.lower() in SPEECH | {"had"}:
            return None
        v = found[0]
        if _postmodifier(tokens, v, i, end):
            return None  # "the wrecks found so far", "results to date showed"
        if perfect(tokens, v, v) or (tokens[i - 1].tag == "JJ" and i > 1 and tokens[i - 2].tag in ("NN", "NNS")):
            return None  # "I've enjoyed", "a post vacant so far"
        start = _clause_start(tokens, min(v, i))
        clause = tokens[start : _clause_end(tokens, max(v, end - 1))]
        if any(_past_time(t.word) for t in clause):
            return None  # a past time in the clause: "so far this year … last week"
        if any(t.word.lower() in SPEECH for t in tokens[:start]):
            return None  # reported speech after a past verb of saying keeps the past
        first, stop = (v, end) if v < i else (i, v + 1)
        return Match(tokens[first].start, tokens[stop - 1].end, detail=tokens[v].word)

