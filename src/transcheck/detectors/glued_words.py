"""Two words run together where a space was lost: `Afterthe match`, `firstthe`, `goand`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from transcheck import speller
from transcheck.context import Context
from transcheck.detectors import detector
from transcheck.models import Match
from transcheck.wordfreqs import zipf

# The words a lost space most often glues on: after them the join is never an English word
# (`bathe`, `lathe`, `brand`, `husband` are words the dictionary knows and pass).
GLUED_TAILS = ("the", "and")


@detector("glued-words")
@dataclass
class GluedWords:
    """A token no dictionary knows that is a very common word followed by `the` or `and`."""

    min_head_zipf: float = 5.5  # the first word is a common one: after, before, first, go
    max_token_zipf: float = 2.0  # the whole is no word in English or German

    def split(self, word: str) -> tuple[str, str] | None:
        """The two words ``word`` is made of, if it is two glued together."""
        lower = word.lower()
        if not lower.isalpha() or not word[1:].islower() or speller.known(word) or speller.known(lower):
            return None
        if zipf(lower) > self.max_token_zipf or zipf(lower, "de") > self.max_token_zipf:
            return None
        for tail in GLUED_TAILS:
            head = word[: -len(tail)]
            if lower.endswith(tail) and len(head) >= 2 and zipf(head.lower()) >= self.min_head_zipf:
                return head, tail
        return None

    def glued(self, word: str) -> bool:
        return self.split(word) is not None

    def find(self, ctx: Context) -> Iterator[Match]:
        candidates = ctx.words_where(self.glued)
        for start, end in ctx.occurrences(candidates) if candidates else ():
            if not ctx.in_code(start, end):
                head, tail = self.split(ctx.text[start:end])
                yield Match(start, end, f"{head} {tail}")
