"""German number, date and time formats left in English text: ``4. March``, ``18.30 Uhr``, ``2 Mrd. Euro``.

Each detector is one regular-expression pass; the small amount of Python per match
builds the locale's English form (en-US ``March 4, 2021`` / en-GB ``4 March 2021``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.models import Match

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
GERMAN_MONTHS = {
    "Januar": "January", "Jänner": "January", "Februar": "February", "März": "March",
    "Mai": "May", "Juni": "June", "Juli": "July", "Oktober": "October", "Dezember": "December",
}
MONTH_NAMES = {m: m for m in MONTHS} | GERMAN_MONTHS
SP = r"[ \u00a0\u202f]"


VERSION = re.compile(r"\b(?:version|release|v|update|firmware|python|windows|ios|android)" + SP + r"*$", re.IGNORECASE)


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


def _absorb_period(ctx: Context, end: int, replacement: str) -> int:
    """Widen a fix over a sentence-final period that ``replacement`` already ends with."""
    if replacement.endswith(".") and ctx.text.startswith(".", end) and not ctx.text.startswith("..", end):
        return end + 1
    return end


@detector("german-date")
@dataclass
class GermanOrdinalDate:
    """``4. March 2021``: the German ordinal day before the month."""

    REGEX = re.compile(
        r"(?<![\w.,])(?P<day>0?[1-9]|[12]\d|3[01])\." + SP + r"+(?P<month>" + "|".join(MONTH_NAMES) + r")\b"
        r"(?:" + SP + r"+(?P<year>(?:1[89]|20)\d\d)\b)?"
    )

    @classmethod
    def from_options(cls, options: dict, where: str) -> "GermanOrdinalDate":
        return cls()

    def find(self, ctx: Context) -> Iterator[Match]:
        for m in self.REGEX.finditer(ctx.text):
            month = MONTH_NAMES[m["month"]]
            year = m["year"]
            if ctx.locale == "en-GB" and year:
                yield Match(m.start(), m.end("month"), english_date(int(m["day"]), month, None, ctx.locale))
            else:
                yield Match(m.start(), m.end(), english_date(int(m["day"]), month, year, ctx.locale))


@detector("german-numeric-date")
@dataclass
class GermanNumericDate:
    """``12.05.2021``: day, month and four-digit year separated by dots."""

    REGEX = re.compile(
        r"(?<![\w.,/-])(?P<day>0?[1-9]|[12]\d|3[01])\.(?P<month>0?[1-9]|1[0-2])\.(?P<year>(?:19|20)\d\d)(?!\w|[.,]\d)"
    )

    @classmethod
    def from_options(cls, options: dict, where: str) -> "GermanNumericDate":
        return cls()

    def find(self, ctx: Context) -> Iterator[Match]:
        for m in self.REGEX.finditer(ctx.text):
            if after_version(ctx.text, m.start()):
                continue
            month = MONTHS[int(m["month"]) - 1]
            yield Match(m.start(), m.end(), english_date(int(m["day"]), month, m["year"], ctx.locale))


@detector("german-time")
@dataclass
class GermanTime:
    """``18 Uhr``, ``18.30 Uhr`` and 24-hour times with PM (``20.15 PM``)."""

    UHR = re.compile(r"(?<![\w.:,])(?P<hour>[01]?\d|2[0-4])(?:[.:](?P<minute>[0-5]\d))?" + SP + r"?Uhr\b")
    PM24 = re.compile(
        r"(?<![\w.:,])(?<!:[ ])(?P<hour>1[3-9]|2[0-3])"
        r"(?:[.:](?P<minute>[0-5]\d)" + SP + r"?[AaPp](?:\.[Mm]\.|[Mm]\b)|" + SP + r"?(?:[ap]\.m\.|[AP]M\b|pm\b))"
    )

    mode: str = "uhr"

    @classmethod
    def from_options(cls, options: dict, where: str) -> "GermanTime":
        from transcheck.errors import RuleFileError

        mode = options.get("mode", "uhr")
        if mode not in ("uhr", "pm24"):
            raise RuleFileError(f"{where}.mode: must be 'uhr' or 'pm24'")
        return cls(mode)

    def find(self, ctx: Context) -> Iterator[Match]:
        regex = self.UHR if self.mode == "uhr" else self.PM24
        for m in regex.finditer(ctx.text):
            minute = None if m["minute"] is None else int(m["minute"])
            fixed = english_time(int(m["hour"]), minute, ctx.locale)
            yield Match(m.start(), m.end(), fixed, m.start(), _absorb_period(ctx, m.end(), fixed))


UNIT_WORDS = {
    "Mio": ("million", "million"),
    "Mrd": ("billion", "billion"),
    "Md": ("billion", "billion"),
    "Tsd": ("thousand", "thousand"),
    "Std": ("hour", "hours"),
}
CURRENCIES = {"Euro": "euros", "EUR": "euros", "€": "euros", "Dollar": "dollars", "US-Dollar": "US dollars", "Franken": "Swiss francs"}


@detector("german-unit-abbreviation")
@dataclass
class GermanUnitAbbreviation:
    """``2 Mrd. Euro``, ``5 Mio.``, ``3 Tsd.``, ``2 Std.``, ``5 Prozent`` after a number."""

    REGEX = re.compile(
        r"(?P<num>\d+(?:[.,]\d+)*)(?P<sp>" + SP + r"?)"
        r"(?:(?P<abbr>Mio|Mrd|Md|Tsd|Std)\b(?P<dot>\.)?(?:" + SP + r"+(?P<cur>Euro|EUR|€|US-Dollar|Dollar|Franken)(?!\w))?"
        r"|(?P<pct>Prozentpunkte|Prozent)\b)"
    )

    @classmethod
    def from_options(cls, options: dict, where: str) -> "GermanUnitAbbreviation":
        return cls()

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        for m in self.REGEX.finditer(text):
            start = m.start("abbr") if m["abbr"] else m.start("pct")
            lead = "" if m["sp"] else " "
            if m["pct"]:
                word = "percentage points" if m["pct"] == "Prozentpunkte" else ("per cent" if ctx.locale == "en-GB" else "percent")
                yield Match(start, m.end(), lead + word)
                continue
            singular, plural = UNIT_WORDS[m["abbr"]]
            word = singular if m["num"] == "1" else plural
            if m["cur"]:
                word += " " + CURRENCIES[m["cur"]]
            elif m["dot"] and _sentence_ends_after(text, m.end()):
                word += "."
            yield Match(start, m.end(), lead + word)


def _sentence_ends_after(text: str, end: int) -> bool:
    """True when the abbreviation's period also closes the sentence."""
    rest = text[end : end + 3]
    return rest == "" or rest[0] == "\n" or (rest[0] in " \u00a0" and rest[1:2].isupper())


@detector("german-thousands")
@dataclass
class GermanThousands:
    """``1.500 people``, ``2.000.000``: a dot grouping thousands, the German way.

    Two or more groups (``2.000.000``) cannot be a decimal. A single group is reported
    only before a word that counts things (``1.500 people``), never before a unit of
    measure, a conjunction or after ``version``, where ``1.500`` may be a decimal.
    """

    REGEX = re.compile(
        r"(?<![\w.,])(?P<num>[1-9]\d{0,2}(?:\.\d{3})+)(?!\w|[.,]\d)"
        r"(?P<next>" + SP + r"+(?P<word>[a-zA-Z]+))?"
    )

    not_counted: frozenset[str] = frozenset()

    @classmethod
    def from_options(cls, options: dict, where: str) -> "GermanThousands":
        words = options.get("not_counted", "")
        if not isinstance(words, str):
            from transcheck.errors import RuleFileError

            raise RuleFileError(f"{where}.not_counted: must be a string of space-separated words")
        return cls(frozenset(words.lower().split()))

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        for m in self.REGEX.finditer(text):
            num = m["num"]
            if num.count(".") == 1:
                word = m["word"]
                if not word or not word[0].islower() and word not in ("Euro", "EUR") or word.lower() in self.not_counted:
                    continue
                if after_version(text, m.start()):
                    continue
            yield Match(m.start("num"), m.end("num"), num.replace(".", ","))
