"""A prepositional phrase said twice in one sentence: the German one moved to the front
and its English copy left in place (`Im dritten Quartal verdiente … mehr` → `In the
third quarter, the firm earned more in the third quarter than expected`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.models import Match

PREPOSITIONS = "in|on|at|for|from|with|since|during|after|before|until|by|under|over|between|among|into"
FUNCTION = "of|and|or|to|in|on|at|for|from|with|by|the|a|an|than|as|that"
# A preposition, an article and two words, the last not a function word (`at the end of`
# opens a longer phrase that may differ: `at the end of June … at the end of January`),
# said again later in the same sentence. The look-ahead for the prepositions' first letters
# (matched ignoring case, as the prepositions are) lets the engine skip, with one test, the
# positions where no preposition starts: the same matches, in a third of the time.
FIRST_LETTERS = "".join(sorted({word[0] for word in PREPOSITIONS.split("|")}))
PHRASE = re.compile(
    rf"(?i)(?=[{FIRST_LETTERS}])\b((?:{PREPOSITIONS}) (?:the|a|an) [^\W\d_]+ (?!(?:{FUNCTION})\b)[^\W\d_]+)\b(?=[^.!?\n]*?\b\1\b)"
)


@detector("repeated-phrase", line_local=True)
@dataclass
class RepeatedPhrase:
    """The second of two identical prepositional phrases in one sentence (the fix deletes it)."""

    def find(self, ctx: Context) -> Iterator[Match]:
        text = ctx.text
        reported = -1
        for m in PHRASE.finditer(text):
            again = re.compile(rf"(?i)\b{re.escape(m.group(1))}\b").search(text, m.end())
            if again is None or again.start() <= reported:
                continue
            reported = again.start()
            start = again.start() - 1 if text[again.start() - 1 : again.start()] == " " else again.start()
            yield Match(again.start(), again.end(), replacement="", fix_start=start, fix_end=again.end())
