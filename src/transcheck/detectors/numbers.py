"""German number, date and time formats left in English text: ``4. March``, ``18.30 Uhr``, ``2 Mrd. Euro``.

Each detector is one regular-expression pass; the small amount of Python per match
builds the locale's English form (en-US ``March 4, 2021`` / en-GB ``4 March 2021``).
For speed every regex starts with a plain digit class or a literal word, never with a
lookbehind or an alternation: Python's ``re`` then skips ahead to candidates quickly,
and the context checks run only there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.errors import RuleFileError
from transcheck.models import Match

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
GERMAN_MONTHS = {
    "Januar": "January", "Jänner": "January", "Februar": "February", "März": "March",
    "Mai": "May", "Juni": "June", "Juli": "July", "Oktober": "October", "Dezember": "December",
    "Feber": "February",
}
# Month names only Austrian German has: never English words nor names, so they need no day
AUSTRIAN_MONTHS = re.compile(r"(?<![\w-])(?:Jänner|Feber)(?![\w-])")
MONTH_NAMES = {m: m for m in MONTHS} | GERMAN_MONTHS
SP = r"[ \u00a0\u202f]"


VERSION = re.compile(r"\b(?:version|release|v|update|firmware|python|windows|ios|android)" + SP + r"*$", re.IGNORECASE)


def preceding(regex: re.Pattern, text: str, end: int, width: int = 16) -> re.Match | None:
    """``regex`` (anchored with ``\\Z``) matched against the ``width`` characters before ``end``."""
    return regex.search(text[max(0, end - width) : end])


def after_version(text: str, start: int) -> bool:
    """True when the number at ``start`` follows a word like "version" (``version 1.500``)."""
    return VERSION.search(text, max(0, start - 12), start) is not None


def english_date(day: int, month: str, year: str | None, locale: str) -> str:
    """``March 4, 2021`` (en-US) or ``4 March 2021`` (en-GB)."""
    if locale == "en-GB":
        return f"{day} {month}" + (f" {year}" if year else "")
    return f"{month} {day}" + (f", {year}" if year else "")


def english_time(hour: int, minute: int | None, locale: str) -> str:
    """A 24-hour time as English clock time: ``6:30 p.m.`` (en-US) or ``6.30pm`` (en-GB)."""
    hour %= 24
    if minute in (None, 0) and hour in (0, 12):
        return "midnight" if hour == 0 else "noon"
    suffix = "a.m." if hour < 12 else "p.m."
    clock = hour % 12 or 12
    if locale == "en-GB":
        suffix = suffix.replace(".", "")
        return f"{clock}{'' if minute is None else f'.{minute:02d}'}{suffix}"
    return f"{clock}{'' if minute is None else f':{minute:02d}'} {suffix}"


def paragraph_window(text: str, start: int, end: int, width: int) -> tuple[int, int]:
    """Up to ``width`` characters either side of ``text[start:end]``, within its paragraph."""
    left = text.rfind("\n\n", max(0, start - width), start)
    right = text.find("\n\n", end, end + width)
    return (max(0, start - width) if left == -1 else left, min(len(text), end + width) if right == -1 else right)


def _absorb_period(ctx: Context, end: int, replacement: str) -> int:
    """Widen a fix over a sentence-final period that ``replacement`` already ends with."""
    if replacement.endswith(".") and ctx.text.startswith(".", end) and not ctx.text.startswith("..", end):
        return end + 1
    return end


@detector("german-date", line_local=True)
@dataclass
class GermanOrdinalDate:
    """``4. March 2021`` or ``18th. February``: the German ordinal day (with its point) before the
    month; or a German month name after the day without the point (``3 Mai 2023``)."""

    REGEX = re.compile(
        r"(?P<day>[0-9](?<![\w.,][0-9])[0-9]?)(?:st|nd|rd|th)?"
        r"(?:\.(?:" + SP + r"+of)?|(?=" + SP + r"+(?:" + "|".join(GERMAN_MONTHS) + r")\b))"  # the point (`28. of April`), or a German month name
        + SP + r"+(?P<month>" + "|".join(MONTH_NAMES) + r")\b"
        r"(?:" + SP + r"+(?P<year>(?:1[89]|20)[0-9][0-9])\b)?"
    )

    # "May", "March" and "August" are also English words that can start a sentence
    # after a number ("The answer is 42. May I ask…"); they need a date-like word before.
    AMBIGUOUS = frozenset({"May", "March", "August"})
    DATE_CONTEXT = re.compile(
        r"(?:\b(?:on|from|until|till|since|by|before|after|between|and|to|of|the|dated|as of|through)"
        r"|(?:day|[0-9]),|[(])" + SP + r"*\Z",
        re.IGNORECASE,
    )

    def find(self, ctx: Context) -> Iterator[Match]:
        dated: set[int] = set()  # where a month name follows a day: an Austrian one there is reported with its day
        for m in self.REGEX.finditer(ctx.text):
            dated.add(m.start("month"))
            day = int(m["day"])
            if not 1 <= day <= 31:
                continue
            if m["month"] in self.AMBIGUOUS and not preceding(self.DATE_CONTEXT, ctx.text, m.start(), 12):
                continue
            month = MONTH_NAMES[m["month"]]
            year = m["year"]
            if ctx.locale == "en-GB" and year:
                yield Match(m.start(), m.end("month"), english_date(day, month, None, ctx.locale))
            else:
                yield Match(m.start(), m.end(), english_date(day, month, year, ctx.locale))
        if "Jänner" in ctx.text or "Feber" in ctx.text:  # `in Feber`: an Austrian month name alone
            for m in AUSTRIAN_MONTHS.finditer(ctx.text):
                if m.start() not in dated:
                    yield Match(m.start(), m.end(), GERMAN_MONTHS[m.group()])


@detector("german-numeric-date", line_local=True)
@dataclass
class GermanNumericDate:
    """``12.05.2021``: day, month and four-digit year separated by dots."""

    REGEX = re.compile(
        r"(?P<day>[0-9](?<![\w.,/-][0-9])[0-9]?)\.(?P<month>[0-9][0-9]?)\.(?P<year>(?:19|20)[0-9][0-9])(?!\w|[.,][0-9])"
    )

    def find(self, ctx: Context) -> Iterator[Match]:
        for m in self.REGEX.finditer(ctx.text):
            day, month = int(m["day"]), int(m["month"])
            if not (1 <= day <= 31 and 1 <= month <= 12) or after_version(ctx.text, m.start()):
                continue
            yield Match(m.start(), m.end(), english_date(day, MONTHS[month - 1], m["year"], ctx.locale))


@detector("german-short-date", line_local=True)
@dataclass
class GermanShortDate:
    """``on 18.01.``, ``(10.02.-11.02.)``: day and month with the German points, no year."""

    REGEX = re.compile(
        r"(?P<day>[0-9](?<![\w.,/:][0-9])[0-9]?)\.(?P<month>[0-9][0-9]?)\.(?![0-9]|[.,]?\w)"
        r"(?P<range>[-–](?=[0-9]{1,2}\.[0-9]{1,2}\.))?"
    )
    # a decimal can also end a sentence ("rose by 2.1."): a word that introduces a date
    # (or a weekday and comma, the sentence going on: `Friday, 3.5., at noon`) must come
    # before, or another short date after a dash (a range)
    DATE_BEFORE = re.compile(
        r"(?:\b(?:on|from|since|until|till|before|after|dated|between|through|starting|as" + SP + r"+(?:of|from))|[(–-]"
        r"|\bbetween" + SP + r"+[0-9]{1,2}\.[0-9]{1,2}\." + SP + r"+and)" + SP + r"*\Z",
        re.IGNORECASE,
    )
    WEEKDAY_BEFORE = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day," + SP + r"*\Z")

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        for m in self.REGEX.finditer(text):
            day, month = int(m["day"]), int(m["month"])
            if not (1 <= day <= 31 and 1 <= month <= 12) or after_version(text, m.start()):
                continue
            end = m.end() - len(m["range"] or "")
            if not (m["range"] or preceding(self.DATE_BEFORE, text, m.start(), 24) or self._after_weekday(text, m.start(), end)):
                continue
            fixed = english_date(day, MONTHS[month - 1], None, ctx.locale)
            yield Match(m.start(), end, fixed + ("." if _sentence_ends_after(text, end) else ""))

    def _after_weekday(self, text: str, start: int, end: int) -> bool:
        """`Friday, 9.5., for a week`: a weekday and comma before, the sentence going on
        after (`by Friday, 2.1.` may end a sentence with a decimal)."""
        return bool(preceding(self.WEEKDAY_BEFORE, text, start, 12)) and not _sentence_ends_after(text, end)


@detector("german-time", line_local=True)
@dataclass
class GermanTime:
    """``18 Uhr``, ``18.30 Uhr``, 24-hour times with PM (``20.15 PM``), ``Uhr`` translated as
    ``o'clock`` (``15 o'clock``, ``21.30 clock``) and 24-hour times with a point (``at 18.46``)."""

    UHR = re.compile(r"Uhr\b")
    BEFORE_UHR = re.compile(r"(?<![\w.:,])(?P<hour>[01]?[0-9]|2[0-4])(?:[.:](?P<minute>[0-5][0-9]))?" + SP + r"?\Z")
    PM24 = re.compile(
        r"(?P<hour>[12](?<![\w.:,][12])(?<!: [12])[0-9])"
        r"(?:[.:](?P<minute>[0-5][0-9])" + SP + r"?[AaPp](?:\.[Mm]\.|[Mm]\b)|" + SP + r"?(?:[ap]\.m\.|[AP]M\b|pm\b))"
    )

    CLOCK = re.compile(
        r"(?P<hour>[0-9](?<![\w.:,][0-9])[0-9]?)(?:[.:](?P<minute>[0-5][0-9]))?" + SP + r"?(?P<word>o['’]clock|[cC]lock|hrs?|h)\b"
    )
    DOT24 = re.compile(
        r"(?P<hour>[012](?<![\w.:,/$€£+\-−][012])[0-9])\.(?P<minute>[0-5][0-9])(?![\w%°]|[.,:][0-9]|\.[ \t]+[a-z])"
        r"(?!" + SP + r"*(?:o['’]|[cC])lock|" + SP + r"*(?:Uhr|hrs?\b|h\b)|" + SP + r"?(?:[ap]\.?m|[AP]M)\b)"
    )
    # a whole hour with `h`/`hrs` is a time, not a duration, after a word that places it in the day
    AT_HOUR = re.compile(r"\b(?:at|from|until|till|since|before)" + SP + r"+\Z", re.IGNORECASE)
    # a 24-hour time with a point is told from a decimal by a word that introduces a time
    # before it, a time of day near it, and no money, percentage or measure near it
    TIME_BEFORE = re.compile(
        r"(?:\b(?:at|around|about|approximately|approx\.|since|until|till|from|after|before|to|and|between|by)|[(])"
        + SP + r"*\Z",
        re.IGNORECASE,
    )
    TIME_WORDS = re.compile(
        r"\b(?:morning|afternoon|evening|night|midnight|noon|lunchtime|o'clock|o’clock|clock|Uhr|hrs|"
        r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?|today|yesterday|tomorrow|kick-off|live)\b",
        re.IGNORECASE,
    )
    NOT_TIME_WORDS = re.compile(
        r"[%€$£]|\b(?:percent|per cent|points?|euros?|EUR|dollars?|USD|CHF|francs?|pounds?|cents?|shares?|"
        r"stocks?|index|DAX|prices?|seconds?|metres?|meters?|km|kg|tons?|tonnes?|degrees?)\b",
        re.IGNORECASE,
    )
    WINDOW = 100

    mode: str = "uhr"

    @classmethod
    def from_options(cls, options: dict, where: str) -> "GermanTime":
        mode = options.get("mode", "uhr")
        if mode not in ("uhr", "pm24", "oclock", "dot24"):
            raise RuleFileError(f"{where}.mode: must be 'uhr', 'pm24', 'oclock' or 'dot24'")
        return cls(mode)

    def find(self, ctx: Context) -> Iterator[Match]:
        modes = {"uhr": self._uhr, "pm24": self._pm24, "oclock": self._oclock, "dot24": self._dot24}
        yield from modes[self.mode](ctx)

    def _oclock(self, ctx: Context) -> Iterator[Match]:
        """``15 o'clock``, ``21.30 clock``, ``16:15h``: German ``Uhr`` translated word for word or
        abbreviated. English says ``o'clock`` only after a whole hour of the twelve-hour clock;
        ``h`` and ``hrs`` also measure durations (``20 h``), so they need minutes, or a word
        that places a whole hour in the day (``at 20 hrs``, ``from 18h``)."""
        text = ctx.text
        for m in self.CLOCK.finditer(text):
            hour = int(m["hour"])
            whole_hour = (m["word"].endswith("clock") and hour not in range(1, 13)) or (
                m["word"].startswith("h") and preceding(self.AT_HOUR, text, m.start(), 8))  # at 20 hrs, from 18h
            if hour <= 24 and (m["minute"] or whole_hour):
                yield self._match(ctx, m.start(), m.end(), m["hour"], m["minute"])

    def _dot24(self, ctx: Context) -> Iterator[Match]:
        """``at 18.46``: a German 24-hour time with a point (13.00-23.59, or a leading zero)."""
        text = ctx.text
        for m in self.DOT24.finditer(text):
            hour = int(m["hour"])
            if not (13 <= hour <= 23 or m["hour"].startswith("0")) or not preceding(self.TIME_BEFORE, text, m.start(), 20):
                continue
            window = text[slice(*paragraph_window(text, m.start(), m.end(), self.WINDOW))]
            if self.TIME_WORDS.search(window) and not self.NOT_TIME_WORDS.search(window):
                yield self._match(ctx, m.start(), m.end(), m["hour"], m["minute"])

    def _uhr(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        for m in self.UHR.finditer(text):
            before = preceding(self.BEFORE_UHR, text, m.start())
            if before:
                start = m.start() - len(before.group())
                yield self._match(ctx, start, m.end(), before["hour"], before["minute"])

    def _pm24(self, ctx: Context) -> Iterator[Match]:
        for m in self.PM24.finditer(ctx.text):
            if 13 <= int(m["hour"]) <= 23:
                yield self._match(ctx, m.start(), m.end(), m["hour"], m["minute"])

    @staticmethod
    def _match(ctx: Context, start: int, end: int, hour: str, minute: str | None) -> Match:
        fixed = english_time(int(hour), None if minute is None else int(minute), ctx.locale)
        return Match(start, end, fixed, start, _absorb_period(ctx, end, fixed))


UNIT_WORDS = {
    "Mio": ("million", "million"),
    "Mill": ("million", "million"),
    "Min": ("minute", "minutes"),
    "Sek": ("second", "seconds"),
    "Mrd": ("billion", "billion"),
    "Md": ("billion", "billion"),
    "Tsd": ("thousand", "thousand"),
    "Std": ("hour", "hours"),
}
CURRENCIES = {"Euro": "euros", "EUR": "euros", "€": "euros", "Dollar": "dollars", "US-Dollar": "US dollars", "Franken": "Swiss francs"}


# German words for units after a figure that English never writes (singular, plural; en-US, en-GB).
PLAIN_UNITS = {
    "Prozentpunkte": (("percentage point", "percentage points"),) * 2,
    "Prozentpunkt": (("percentage point", "percentage points"),) * 2,
    "Prozent": (("percent", "percent"), ("per cent", "per cent")),
    "qm": (("square meter", "square meters"), ("square metre", "square metres")),  # Quadratmeter
    "Grad": (("degree", "degrees"),) * 2,
    "Millionen": (("million", "million"),) * 2,
    "Milliarden": (("billion", "billion"),) * 2,
    "Milliarde": (("billion", "billion"),) * 2,
    "cbm": (("cubic meter", "cubic meters"), ("cubic metre", "cubic metres")),  # Kubikmeter
    "Liter": (("liter", "liters"), ("litre", "litres")),
    "km/std": (("km/h", "km/h"),) * 2,  # Kilometer pro Stunde
    "Km/h": (("km/h", "km/h"),) * 2,
    "Stundenkilometer": (("kilometer per hour", "kilometers per hour"), ("kilometre per hour", "kilometres per hour")),
    "Franken": (("Swiss franc", "Swiss francs"),) * 2,
    "Stunden": (("hour", "hours"),) * 2,
    "Minuten": (("minute", "minutes"),) * 2,
    "Tage": (("day", "days"),) * 2,
    "Wochen": (("week", "weeks"),) * 2,
    "Monate": (("month", "months"),) * 2,
    "Jahre": (("year", "years"),) * 2,
}
ABBREVIATION_TAIL = r"\b(?P<dot>\.)?(?:" + SP + r"+(?P<cur>Euro|EUR|€|US-Dollar|Dollar|Franken)(?!\w))?"
# One regex for the abbreviations and one for the plain unit words, each tried when one
# of its words is in the text.
ABBREVIATIONS_REGEX = re.compile("(?P<abbr>" + "|".join(UNIT_WORDS) + ")" + ABBREVIATION_TAIL)
PLAIN_UNITS_REGEX = re.compile("(?P<abbr>" + "|".join(map(re.escape, PLAIN_UNITS)) + r")\b")


@detector("german-unit-abbreviation", line_local=True)
@dataclass
class GermanUnitAbbreviation:
    """``2 Mrd. Euro``, ``5 Mio.``, ``3 Tsd.``, ``2 Std.``, ``5 Prozent``, ``80 qm``, ``35 Grad``,
    ``2,5 Millionen`` after a number."""

    NUMBER_BEFORE = re.compile(r"(?<![\w.,])(?P<num>[0-9]+(?:[.,][0-9]+)*)(?P<sp>" + SP + r"?)\Z")
    TEMPERATURE = re.compile(r"[0-9]{1,3}(?:[.,][0-9]+)?")

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        if any(word in text for word in UNIT_WORDS):
            yield from self._find(ctx, ABBREVIATIONS_REGEX)
        if any(word in text for word in PLAIN_UNITS):
            yield from self._find(ctx, PLAIN_UNITS_REGEX)

    def _find(self, ctx: Context, regex: re.Pattern) -> Iterator[Match]:
        text = ctx.text
        for m in regex.finditer(text):
            before = preceding(self.NUMBER_BEFORE, text, m.start(), 24)
            if not before:
                continue
            lead = "" if before["sp"] else " "
            if m["abbr"] in PLAIN_UNITS:
                if m["abbr"] == "Grad" and not self.TEMPERATURE.fullmatch(before["num"]):
                    continue  # a year before 'Grad' (a 2019 Grad) is not a temperature
                forms = PLAIN_UNITS[m["abbr"]][ctx.locale == "en-GB"]
                yield Match(m.start(), m.end(), lead + forms[before["num"] != "1"])
                continue
            singular, plural = UNIT_WORDS[m["abbr"]]
            word = singular if before["num"] == "1" else plural
            if m["cur"]:
                word += " " + CURRENCIES[m["cur"]]
            elif m["dot"] and _sentence_ends_after(text, m.end()):
                word += "."
            yield Match(m.start(), m.end(), lead + word)


def _sentence_ends_after(text: str, end: int) -> bool:
    """True when the abbreviation's period also closes the sentence."""
    rest = text[end : end + 3]
    return rest == "" or rest[0] == "\n" or (rest[0] in " \u00a0" and rest[1:2].isupper())


@detector("german-thousands", line_local=True)
@dataclass
class GermanThousands:
    """``1.500 people``, ``2.000.000``: a dot grouping thousands, the German way.

    Two or more groups (``2.000.000``) cannot be a decimal. A single group is reported
    only before a word that counts things (``1.500 people``) or a euro or pound sign (an
    amount has no third decimal: ``3.000 €``), never before a unit of measure, a
    conjunction or after ``version``, where ``1.500`` may be a decimal.
    """

    REGEX = re.compile(
        r"(?P<num>[1-9](?<![\w.,][1-9])[0-9]{0,2}(?:\.[0-9]{3})+)(?!\w|[.,][0-9])"
        r"(?P<next>" + SP + r"+(?P<word>[a-zA-Z]+)|" + SP + r"?(?P<sign>[€£]))?"
    )

    not_counted: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.not_counted = frozenset(word.lower() for word in self.not_counted)

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        for m in self.REGEX.finditer(text):
            num = m["num"]
            if num.count(".") == 1 and not self._single_group(m, text):
                continue  # English puts the sign first and may quote three decimals: $38.875
            yield Match(m.start("num"), m.end("num"), num.replace(".", ","))

    def _single_group(self, m: re.Match, text: str) -> bool:
        """One dot group groups thousands: after a currency code (`EUR 50.000`, not `EUR
        148.809 billion`), or with no sign first and before a euro sign or a counted word."""
        start = m.start()
        if CURRENCY_CODE.search(text, max(0, start - 5), start):
            return not m["word"] or self._counts(m["word"], text, start)
        return not PRICE_SIGN.search(text, max(0, start - 4), start) and bool(m["sign"] or self._counts(m["word"], text, start))

    def _counts(self, word: str | None, text: str, start: int) -> bool:
        """True when ``word`` after a single dot group counts things (so the dot groups thousands)."""
        if not word or word.lower() in self.not_counted or after_version(text, start):
            return False
        return word[0].islower() or word in ("Euro", "EUR")


PRICE_SIGN = re.compile(r"[$£€¥][ \t]?$")
CURRENCY_CODE = re.compile(r"\b(?:EUR|CHF|Fr\.)[ \t\u00a0]?$")  # a code or the franc's sign first: `EUR 50.000` is German


@detector("swiss-thousands", line_local=True)
@dataclass
class SwissThousands:
    """``12'500``, ``CHF 1'200'000``: an apostrophe grouping thousands, the Swiss way."""

    REGEX = re.compile(r"[1-9](?<![\w'’.,][1-9])[0-9]{0,2}(?:['’][0-9]{3})+(?![\w'’]|[.,][0-9])")

    def find(self, ctx: Context) -> Iterator[Match]:
        if "'" not in ctx.text and "’" not in ctx.text:
            return
        for m in self.REGEX.finditer(ctx.text):
            yield Match(m.start(), m.end(), re.sub("['’]", ",", m.group()))


@detector("german-grouped-decimal", line_local=True)
@dataclass
class GermanGroupedDecimal:
    """`1.234,56`: German thousands dots and decimal comma together, unambiguous."""

    REGEX = re.compile(r"(?<![\w.,])[1-9][0-9]{0,2}(?:\.[0-9]{3})+,[0-9]+(?![\w]|[.,][0-9])")

    def find(self, ctx: Context) -> Iterator[Match]:
        for m in self.REGEX.finditer(ctx.text):
            swapped = m.group().replace(".", "\0").replace(",", ".").replace("\0", ",")
            yield Match(m.start(), m.end(), swapped)
