"""Navigation blocks: runs of short link-like lines above or below the article.

The idea is jusText's: a short paragraph with few function words is page chrome unless
article text surrounds it. In plain text there are no links to count, so a block is
reported only where it cannot be article text: a run of at least ``min_lines`` short
lines (at most ``max_words`` words, no sentence punctuation at the end, a share of
function words of at most ``max_function_share``) before the first prose line of the
page or after the last one. The short line right above the first prose line is left
alone: it is the headline.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.models import Match
from transcheck.rules.matchers import line_block_span
from transcheck.wordfreqs import zipf

LINE = re.compile(r"[^\n]*\S[^\n]*")
SENTENCE_END = re.compile(r"[.!?;,][\"”’']?$")
WORD = re.compile(r"[^\W\d_][\w'’&-]*")


@detector("navigation-block")
@dataclass
class NavigationBlock:
    """Runs of short, function-word-poor lines at the top or the foot of the page."""

    min_lines: int = 3
    max_words: int = 4
    max_chars: int = 40
    max_function_share: float = 0.5
    function_zipf: float = 6.0  # "the", "of", "to", "our"; not "home" or "news"
    prose_words: int = 12

    def is_short(self, line: str) -> bool:
        """A menu item, label or button: short, no sentence end, few function words."""
        line = line.strip()
        words = WORD.findall(line)
        if not words or len(line) > self.max_chars or len(line.split()) > self.max_words or SENTENCE_END.search(line):
            return False
        function = sum(zipf(w) >= self.function_zipf for w in words)
        return function / len(words) <= self.max_function_share

    def is_prose(self, line: str) -> bool:
        return len(line.split()) >= self.prose_words or SENTENCE_END.search(line.strip()) is not None

    def find(self, ctx: Context) -> Iterator[Match]:
        lines = list(LINE.finditer(ctx.text))
        prose = [i for i, m in enumerate(lines) if self.is_prose(m.group())]
        if not prose:
            return
        top = lines[: prose[0]]
        if top and self.is_short(top[-1].group()):
            top = top[:-1]  # the headline right above the text
        for run in self._runs(top) + self._runs(lines[prose[-1] + 1 :]):
            start, end = run[0].start(), run[-1].end()
            fs, fe = line_block_span(ctx.text, start, end)
            while ctx.text[start] in " \t":
                start += 1
            yield Match(start, end, "", fs, fe, suggestion="delete")

    def _runs(self, lines: list[re.Match]) -> list[list[re.Match]]:
        """Maximal runs of short lines, at least ``min_lines`` long."""
        runs: list[list[re.Match]] = [[]]
        for m in lines:
            if self.is_short(m.group()):
                runs[-1].append(m)
            elif runs[-1]:
                runs.append([])
        return [r for r in runs if len(r) >= self.min_lines]
