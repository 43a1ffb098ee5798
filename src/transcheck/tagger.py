"""Part-of-speech tags for English sentences: NLTK's averaged perceptron trained on UD English EWT.

The model (``data/tagger/``, built by ``scripts/train_tagger.py``) is loaded on first
use, and a document is tagged only when a rule asks for it, one sentence at a time.
Tags are the Penn Treebank set (``NN``, ``VBD``, ``MD`` …) as in the EWT ``XPOS`` column.
"""

from __future__ import annotations

import marshal
import re
from dataclasses import dataclass
from functools import cache, cached_property, partial
from importlib.resources import files
from pathlib import Path
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from transcheck import tables

if TYPE_CHECKING:
    import numpy as np

    from transcheck.context import Context

MODEL = "ewt-perceptron.npz"
# Treebank-style tokens: clitics apart (do|n't, it|'s), numbers with their separators,
# German ordinals with their dot (1. September), abbreviations with their dots (U.S.),
# every other punctuation mark alone.
TOKEN = re.compile(
    r"(?i:[a-z]+(?=n[’']t\b))|n[’']t\b|[’'](?:s|re|ve|ll|d|m)\b"
    r"|\d{1,2}\.(?=\s[A-ZÄÖÜ][a-zäöü])|\d+(?:[.,:]\d+)*|(?:[^\W\d_]\.){2,}|[\w]+(?:[-’'][\w]+)*|[^\w\s]"
)
# A sentence ends at . ! ? (with closing quotes) before a space and a word that is not in
# lower case (`a.m. after` goes on), or at a line break; not after a German ordinal
# (`on 1. September`, `1. FC Köln`).
SENTENCE_END = re.compile(r"(?<!\b\d)(?<!\b\d\d)[.!?]+[”\"’')\]]*(?=\s*$|\s+[^\sa-z])|\n", re.MULTILINE)
QUOTES = {"“": '"', "”": '"', "„": '"', "‘": "'", "«": '"', "»": '"'}


@dataclass(frozen=True, slots=True)
class Token:
    """One word or punctuation mark: its span in the text, its form and its tag."""

    start: int
    end: int
    word: str
    tag: str


class Model:
    """The perceptron: a feature × tag weight matrix (``rows`` maps a feature to its row),
    the tag dictionary and the tags, and what the treebank saw each word as.

    The tag dictionary and the lexicon answer the rules' cheap tests before any tagging;
    the weights (and numpy) are loaded by ``weights_loader`` on the first prediction."""

    def __init__(self, tagdict: dict[str, str], classes: tuple[str, ...], lexicon: dict[str, frozenset[str]],
                 weights_loader: Callable[[], tuple[dict[str, int], np.ndarray]]) -> None:
        self.tagdict = tagdict
        self.classes = classes
        self.lexicon = lexicon
        self._weights_loader = weights_loader

    @cached_property
    def _table(self) -> tuple[dict[str, int], np.ndarray]:
        rows, matrix = self._weights_loader()
        if matrix.shape != (len(rows) + 1, len(self.classes)):
            raise ValueError("the tagger model's parts do not match")
        return rows, matrix

    @property
    def rows(self) -> dict[str, int]:
        return self._table[0]

    @property
    def matrix(self) -> np.ndarray:
        return self._table[1]

    @property
    def weights(self) -> dict[str, dict[str, float]]:
        """The weights as NLTK keeps them (feature → tag → weight)."""
        import numpy as np

        return {
            feature: {self.classes[c]: float(self.matrix[row, c]) for c in np.flatnonzero(self.matrix[row])}
            for feature, row in self.rows.items()
        }

    def tag(self, words: list[str]) -> list[str]:
        """The tags of one sentence: NLTK's ``PerceptronTagger.tag``, features and all, with
        the scores summed in one matrix operation (``tests/test_tagger.py`` checks they agree)."""
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
        rows, matrix = self._table
        unknown = len(rows)
        scores = matrix[[rows.get(f, unknown) for f in features]].sum(axis=0)
        # NLTK breaks ties by the larger tag name: take the last of the best scores.
        return self.classes[len(scores) - 1 - int(scores[::-1].argmax())]


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
    """The trained tagger, loaded once per process from the cache folder (``tables.py``),
    which is built from the shipped model on first use: the tag dictionary and the lexicon
    at once, the weights memory-mapped on the first prediction (so a run whose rules tag
    nothing imports no numpy)."""
    source = files("transcheck") / "data" / "tagger" / MODEL
    try:
        stat = Path(str(source)).stat()
        version = f"tagger|{source}|{stat.st_size}|{stat.st_mtime_ns}|split weights"
    except OSError:  # not a plain file (a zipped install): read it every time
        return _read_model(source)
    return tables.cached("tagger", version, lambda: _read_model(source), _save_model, partial(_load_model, source=source))


def _read_model(source) -> Model:
    """The model from the shipped file (sparse weights, as ``scripts/train_tagger.py`` writes them)."""
    import numpy as np

    with np.load(source, allow_pickle=False) as data:
        classes = tuple(data["classes"].tolist())
        rows = {feature: n for n, feature in enumerate(data["features"].tolist())}
        matrix = np.zeros((len(rows) + 1, len(classes)))  # the last row: unknown features
        matrix[data["rows"], data["cols"]] = data["values"]
        tagdict = dict(zip(data["tagdict_words"].tolist(), data["tagdict_tags"].tolist()))
        tags = [frozenset(t.split()) for t in data["lexicon_tags"].tolist()]
        lexicon = dict(zip(data["lexicon_words"].tolist(), tags))
    return Model(tagdict, classes, lexicon, lambda: (rows, matrix))


def _save_model(built: Model, folder: Path) -> None:
    import numpy as np

    np.save(folder / "matrix.npy", built.matrix, allow_pickle=False)
    (folder / "rows.marshal").write_bytes(marshal.dumps(built.rows))
    (folder / "tables.marshal").write_bytes(marshal.dumps((built.tagdict, built.classes, built.lexicon)))


def _load_model(folder: Path, source) -> Model:
    """The tag dictionary and lexicon from ``folder``; the weights from it when first needed
    (from the shipped ``source`` if the cache has gone meanwhile)."""
    tagdict, classes, lexicon = marshal.loads((folder / "tables.marshal").read_bytes())
    if not (folder / "rows.marshal").is_file() or not (folder / "matrix.npy").is_file():
        raise FileNotFoundError(folder)
    return Model(tagdict, classes, lexicon, partial(_load_weights, folder, source))


def _load_weights(folder: Path, source) -> tuple[dict[str, int], np.ndarray]:
    import numpy as np  # imported only when a rule tags text

    try:
        rows = marshal.loads((folder / "rows.marshal").read_bytes())
        matrix = np.load(folder / "matrix.npy", mmap_mode="r", allow_pickle=False)
        if matrix.shape[0] == len(rows) + 1:
            return rows, matrix
    except (OSError, ValueError, EOFError, TypeError):
        pass
    return _read_model(source)._table


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


def tagged_sentences(
    ctx: Context, wanted: Callable[[str], bool] | None = None, at: Iterable[int] | None = None
) -> Iterator[list[Token]]:
    """The tagged sentences of the document: those whose text passes ``wanted``, or those
    that hold one of the offsets ``at`` (found by one regex pass over the document), or
    all. Sentences are found once per document and each is tagged at most once, so rules
    that look at few sentences pay for few."""
    text = ctx.text
    spans = ctx.cache.get("sentences")
    if spans is None:
        spans = ctx.cache["sentences"] = sentence_spans(text)
    if at is not None:
        starts = [s for s, _ in spans]
        chosen = sorted({bisect_right(starts, offset) - 1 for offset in at} - {-1})
        selected = [spans[n] for n in chosen]
    else:
        selected = [span for span in spans if wanted is None or wanted(text[span[0] : span[1]])]
    tagged: dict[int, list[Token]] = ctx.cache.setdefault("pos", {})
    for start, end in selected:
        if start not in tagged:
            tagged[start] = tag(text, start, end)
        yield tagged[start]
