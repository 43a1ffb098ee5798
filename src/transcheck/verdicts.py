"""Word tests judged once per process: ``Context.words_where``'s memory of verdicts.

A rule asks which word forms of a text pass a test (``is_german``, ``common_noun`` …); each
form is judged once per process and the verdict remembered. What a test has judged is
kept against the process's run of texts: every text's vocabulary adds, as a batch, the
forms no text had before it (``RunVocabulary``). A test that has judged every batch so far
then finds a text's unjudged forms among that text's new forms only (a few set operations
on a few words), instead of comparing the whole vocabulary with a set of its own.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field

LAG = 8  # batches a test may leave partly unjudged before it keeps a set of its own


class RunVocabulary:
    """Every word form of the texts of this process, in batches: the forms each text
    brought that none before it had."""

    def __init__(self) -> None:
        self.words: set[str] = set()
        self.batches: list[frozenset[str]] = []
        self.token = os.urandom(8)  # tells this run from another process's (a forked child shares it, and its batches)

    def add(self, vocabulary: frozenset[str]) -> None:
        fresh = vocabulary - self.words
        if fresh:
            self.words |= fresh
            self.batches.append(fresh)


RUN = RunVocabulary()


@dataclass(slots=True)
class Verdicts:
    """One test's verdicts: it has judged every form of the first ``upto`` batches of the
    run ``run``, and ``extra`` of later ones (or, once it lagged too far, the forms of
    ``own``). Verdicts of another run (unpickled in another process) start afresh."""

    accepted: set[str] = field(default_factory=set)
    upto: int = 0
    extra: set[str] = field(default_factory=set)
    own: set[str] | None = None
    run: bytes = b""

    def passing(self, vocabulary: frozenset[str], test: Callable[[str], bool], run: RunVocabulary) -> frozenset[str]:
        """The forms of ``vocabulary`` (already added to ``run``) that pass ``test``."""
        if self.run != run.token:
            self.accepted, self.upto, self.extra, self.own, self.run = set(), 0, set(), None, run.token
        new = self._unjudged(vocabulary, run)
        if new:
            self.accepted.update(word for word in new if test(word))
            self._judged(new, run)
        return vocabulary & self.accepted

    def _unjudged(self, vocabulary: frozenset[str], run: RunVocabulary) -> set[str] | frozenset[str]:
        if self.own is None and len(run.batches) - self.upto > LAG:
            self.own = self.extra.union(*run.batches[: self.upto])
            self.extra = set()
        if self.own is not None:
            return vocabulary - self.own
        later = run.batches[self.upto :]
        if len(later) == 1 and not self.extra:
            return vocabulary & later[0]
        return set().union(*(vocabulary & batch for batch in later)) - self.extra

    def _judged(self, new: set[str] | frozenset[str], run: RunVocabulary) -> None:
        if self.own is not None:
            self.own |= new
            return
        self.extra |= new
        while self.upto < len(run.batches) and run.batches[self.upto] <= self.extra:
            self.extra -= run.batches[self.upto]
            self.upto += 1
