"""Teaser blocks scraped with an article: "also read" followed by a linked headline.

The block is the marker line plus the headline lines right after it (blank lines
between them allowed): short lines without a final full stop, or a quotation followed
by "writes X". Only the first line after "also read" may be any short line; further
lines need a teaser's own shape ("Kicker: headline"). A media label with a headline
("Video: …", "In the video: …", "Podcast: …") is a teaser on its own line. The fix
deletes the whole block.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.detectors.boilerplate import first_line, line_matches
from transcheck.errors import RuleFileError
from transcheck.models import Match
from transcheck.rules.matchers import line_block_span

LEAD_MARKERS = (
    r"also read|read also|more on (?:the|this) (?:topic|subject)|more about (?:the|this) (?:topic|subject)"
    r"|(?:more )?(?:to|on) (?:the|this) (?:topic|subject)"  # "Zum Thema"
    r"|more (?:articles|stories|news|posts)(?: (?:from|in|on) (?:this|the) (?:category|section|topic|series|region))?"
    r"|related (?:articles?|stories|posts|content|topics?|news)|see also|also of interest|also interesting"
    r"|you (?:may|might) also (?:like|be interested in)|recommended(?: for you| articles?| reading)?"
    r"|(?:further|other) (?:articles|reports|stories)(?: on (?:the|this) (?:topic|subject))?|further on (?:the|this) topic"
    r"|also on (?:the|this) topic|(?:this|that) (?:might|may|could) also interest you|(?:this|that) is also interesting"
    r"|lesen sie auch|mehr zum thema|auch interessant|das könnte sie auch interessieren"
)
LINK_MARKERS = r"read more|continue reading|read the full (?:article|story)|weiterlesen|mehr lesen"
ARROWS = r"[ \t]*[»›→>…]*"
MARKER_LINE = re.compile(
    r"\n[ \t]*(?:(?P<lead>" + LEAD_MARKERS + r")|(?P<link>" + LINK_MARKERS + r"))[ \t]*[:.]?" + ARROWS + r"[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
INLINE_LINE = re.compile(
    r"\n[ \t]*(?:" + LEAD_MARKERS + "|" + LINK_MARKERS + r")[ \t]*[:|»›>–—-][ \t]*(?P<head>\S[^\n]*)$",
    re.IGNORECASE | re.MULTILINE,
)
MEDIA_LINE = re.compile(  # "Video: headline" - the teaser of an embedded clip, podcast or gallery
    r"\n[ \t]*(?:in (?:the |our )?video|video|watch|podcast|audio|(?:photo |picture )?gallery|live ?(?:ticker|blog))"
    r"[ \t]*:[ \t]*(?P<head>\S[^\n]*)$",
    re.IGNORECASE | re.MULTILINE,
)
# Each without its leading newline, for the text's first line: built with the module (not on
# a run's first text), so that the rule cache keeps them compiled with the module's patterns.
FIRST_LINES = {regex: first_line(regex) for regex in (MARKER_LINE, INLINE_LINE, MEDIA_LINE)}
NEXT_LINE = re.compile(r"\n+[ \t]*([^\n]+)")
QUOTE_BYLINE = re.compile(
    r"^[\"“„‘'«»].{10,}[\"”“’'»«],?[ \t]+(?:writes|says|comments|argues|explains|reports|analy[sz]es)"
    r"(?:[ \t]+[A-Z][\w.'’-]*){1,4}[ \t]*$"
)
KICKER = re.compile(r"^[^\W\d][\w’'&. -]{1,40}: \S")
SENTENCE_END = re.compile(r"[.!?;:,][\"”’»«']?$")


@detector("teaser-block")
@dataclass
class TeaserBlock:
    """A teaser marker line and the linked headline(s) that follow it."""

    max_headline_words: int = 16
    max_headlines: int = 3

    @classmethod
    def from_options(cls, options: dict, where: str) -> "TeaserBlock":
        unknown = set(options) - {"max_headline_words", "max_headlines"}
        if unknown:
            raise RuleFileError(f"{where}.{sorted(unknown)[0]}: unknown option")
        return cls(**{k: int(v) for k, v in options.items()})

    def is_headline(self, line: str) -> bool:
        """Short and without a sentence's final punctuation, or a quote credited with "writes X"."""
        line = line.strip()
        if QUOTE_BYLINE.match(line):
            return True
        return len(line.split()) <= self.max_headline_words and not SENTENCE_END.search(line)

    def is_teaser(self, line: str) -> bool:
        """A headline in a teaser's own shape: "Kicker: headline" or a quote with "writes X"."""
        line = line.strip()
        return QUOTE_BYLINE.match(line) is not None or (KICKER.match(line) is not None and self.is_headline(line))

    def block_end(self, text: str, pos: int, lead: bool) -> int:
        """End of the last headline line after the marker line ending at ``pos``.

        After a lead marker ("also read") the first line may be any headline; further
        lines, and any line after a link marker ("read more"), must have a teaser's own
        shape, so that a real subheading after the marker is never taken.
        """
        end = pos
        for i in range(self.max_headlines):
            m = NEXT_LINE.match(text, end)
            if not m:
                break
            line = m.group(1)
            if not (self.is_headline(line) if lead and i == 0 else self.is_teaser(line)):
                break
            end = m.end()
        return end

    def find(self, ctx: Context) -> Iterator[Match]:
        # The regexes start with the newline before the line (a literal ``re`` finds
        # fast); line_matches matches the first line without it.
        text = ctx.text
        for m, start, end in line_matches(MARKER_LINE, text, FIRST_LINES[MARKER_LINE]):
            yield self._block(text, start, self.block_end(text, end, m["lead"] is not None))
        for regex in (INLINE_LINE, MEDIA_LINE):
            for m, start, end in line_matches(regex, text, FIRST_LINES[regex]):
                if self.is_headline(m["head"]):
                    yield self._block(text, start, end)

    @staticmethod
    def _block(text: str, start: int, end: int) -> Match:
        fs, fe = line_block_span(text, start, end)
        while text[start] in " \t":
            start += 1
        return Match(start, end, "", fs, fe, suggestion="delete")
