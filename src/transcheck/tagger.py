"""Part-of-speech tags for English sentences: NLTK's averaged perceptron trained on UD English EWT.

The model (``data/tagger/``, built by ``scripts/train_tagger.py``) is loaded on first
use, and a document is tagged only when a rule asks for it, one sentence at a time.
Tags are the Penn Treebank set (``NN``, ``VBD``, ``MD`` …) as in the EWT ``XPOS`` column.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from transcheck.context import Context

MODEL = "ewt-perceptron.json.gz"
# Treebank-style tokens: clitics apart (do|n't, it|'s), numbers with their separators,
# abbreviations with their dots (U.S.), every other punctuation mark alone.
TOKEN = re.compile(
    r"(?i:[a-z]+(?=n[’']t\b))|n[’']t\b|[’'](?:s|re|ve|ll|d|m)\b"
    r"|\d+(?:[.,:]\d+)*|(?:[^\W\d_]\.){2,}|[\w]+(?:[-’'][\w]+)*|[^\w\s]"
)
# A sentence ends at . ! ? (with closing quotes) before a space and a word that is not in
# lower case (`a.m. after` goes on), or at a line break.
SENTENCE_END = re.compile(r"[.!?]+[”\"’')\]]*(?=\s*$|\s+[^\sa-z])|\n", re.MULTILINE)
QUOTES = {"“": '"', "”": '"', "„": '"', "‘": "'", "«": '"', "»": '"'}


@dataclass(frozen=True, slots=True)
class Token:
    """One word or punctuation mark: its span in the text, its form and its tag."""

    start: int
    end: int
    word: str
    tag: str


@dataclass(frozen=True)
class Model:
    """The perceptron's weights, tag dictionary and classes, and what the treebank saw each word as."""

    weights: dict[str, dict[str, float]]
    tagdict: dict[str, str]
    classes: tuple[str, ...]
    lexicon: dict[str, frozenset[str]]

    def tag(self, words: list[str]) -> list[str]:
        """The tags of one sentence: NLTK's ``PerceptronTagger.tag``, features and all,
        without its per-token dictionaries (``tests/test_tagger.py`` checks they agree)."""
        context = ["-START-", "-START2-", *(normalize(w) for w in words), "-END-", "-END2-"]
        prev, prev2 = "-START-", "-START2-"
        tags = []
        for i, word in enumerate(words):
            tag = self.tagdict.get(word)
            if not tag:
                tag = self._predict(i + 2, word, context, prev, prev2)
            tags.append(tag)
            prev2, prev = prev, tag
        return tags

    def _predict(self, i: int, word: str, context: list[str], prev: str, prev2: str) -> str:
        features = (
            "bias", "i suffix " + word[-3:], "i pref1 " + word[:1], "i-1 tag " + prev, "i-2 tag " + prev2,
            f"i tag+i-2 tag {prev} {prev2}", "i word " + context[i], f"i-1 tag+i word {prev} {context[i]}",
            "i-1 word " + context[i - 1], "i-1 suffix " + context[i - 1][-3:], "i-2 word " + context[i - 2],
            "i+1 word " + context[i + 1], "i+1 suffix " + context[i + 1][-3:], "i+2 word " + context[i + 2],
        )
        scores: dict[str, float] = {}
        weights = self.weights
        for feature in features:
            for label, weight in weights.get(feature, {}).items():
                scores[label] = scores.get(label, 0.0) + weight
        best = max(scores.items(), key=lambda item: (item[1], item[0]), default=("", 0.0))
        if best[1] > 0:
            return best[0]
        return max(self.classes, key=lambda label: (scores.get(label, 0.0), label))


def normalize(word: str) -> str:
    """NLTK's ``PerceptronTagger.normalize``: hyphenated words, years and numbers as classes."""
    if "-" in word and word[0] != "-":
        return "!HYPHEN"
    if word.isdigit() and len(word) == 4:
        return "!YEAR"
    if word and word[0].isdigit():
        return "!DIGITS"
    return word.lower()


@cache
def model() -> Model:
    """The trained tagger, loaded once per process."""
    with gzip.open(files("transcheck") / "data" / "tagger" / MODEL, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    lexicon = {word: frozenset(tags.split()) for word, tags in data["lexicon"].items()}
    return Model(data["weights"], data["tagdict"], tuple(data["classes"]), lexicon)


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text[start:end]``, surrounding blanks trimmed."""
    end = len(text) if end is None else end
    spans, begin = [], start
    for m in SENTENCE_END.finditer(text, start, end):
        spans.append((begin, m.end()))
        begin = m.end()
    spans.append((begin, end))
    trimmed = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            trimmed.append((s, e))
    return trimmed


def tag(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of one sentence, ``text[start:end]``, with their tags."""
    found = list(TOKEN.finditer(text, start, len(text) if end is None else end))
    words = [QUOTES.get(m.group(), m.group().replace("’", "'")) for m in found]
    tags = model().tag(words)
    return [Token(m.start(), m.end(), m.group(), t) for m, t in zip(found, tags)]


def tagged_sentences(ctx: Context) -> list[list[Token]]:
    """Every sentence of the document, tagged (computed once per document)."""
    if "pos" not in ctx.cache:
        text = ctx.text
        ctx.cache["pos"] = [tag(text, s, e) for s, e in sentence_spans(text)]
    return ctx.cache["pos"]
