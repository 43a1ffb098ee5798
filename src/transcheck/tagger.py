"""Part-of-speech tags for English sentences: NLTK's averaged perceptron trained on UD English EWT.

The model (``data/tagger/``, built by ``scripts/train_tagger.py``) is loaded on first
use, and a document is tagged only when a rule asks for it, one sentence at a time.
Tags are the Penn Treebank set (``NN``, ``VBD``, ``MD`` …) as in the EWT ``XPOS`` column.
"""

from __future__ import annotations

import marshal
from array import array
import mmap
import re
from sys import intern  # a word held once however many tokens it is (a long text's tags: ~10x fewer strings)
from dataclasses import dataclass
from functools import cache, cached_property, partial
from importlib.resources import files
from pathlib import Path
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from transcheck import native, tables

if TYPE_CHECKING:
    import numpy as np

    from transcheck.context import Context

MODEL = "ewt-perceptron.npz"
SCALE = 1000  # the weights have three decimals (NLTK rounds them): kept as int16 thousandths
PLAIN_WORDS = 300  # words a process tags before numpy takes over (its import costs ~0.1 s)
# Treebank-style tokens: clitics apart (do|n't, it|'s), numbers with their separators,
# German ordinals with their dot (1. September), abbreviations with their dots (U.S.),
# every other punctuation mark alone.
TOKEN = re.compile(
    r"(?i:[a-z]+(?=n[’']t\b))|n[’']t\b|[’'](?:s|re|ve|ll|d|m)\b"
    r"|\d{1,2}\.(?=\s[A-ZÄÖÜ][a-zäöü])|\d+(?:[.,:]\d+)*|(?:[^\W\d_]\.){2,}|[\w]+(?:[-’'][\w]+)*|[^\w\s]"
)
# A sentence ends at . ! ? (with closing quotes) before a space and a word that is not in
# lower case (`a.m. after` goes on), or at a line break; not after a German ordinal
# (`on 1. September`, `1. FC Köln`). Written to start with its first character, so that the
# engine skips to the candidates in C (the look-behinds then test the characters before it).
SENTENCE_END = re.compile(
    r"[.!?\n](?:(?<=\n)|(?<!\b\d[.!?])(?<!\b\d\d[.!?])[.!?]*[”\"’')\]]*(?=\s*$|\s+[^\sa-z]))", re.MULTILINE)
QUOTES = {"“": '"', "”": '"', "„": '"', "‘": "'", "«": '"', "»": '"'}


@dataclass(slots=True, unsafe_hash=True)  # not frozen: a frozen class's __init__ costs 8x (a long text makes millions)
class Token:
    """One word or punctuation mark: its span in the text, its form and its tag (never changed)."""

    start: int
    end: int
    word: str
    tag: str


class Model:
    """The perceptron: a feature × tag weight matrix (``rows`` maps a feature to its row),
    the tag dictionary and the tags, and what the treebank saw each word as.

    The weights are int16 thousandths (a quarter of float64's memory); each is divided by
    ``SCALE`` before it is summed, which gives back the very float64 the model holds, so
    the tags are those of the float64 matrix.

    The tag dictionary and the lexicon answer the rules' cheap tests before any tagging;
    the weights are memory-mapped by ``weights_loader`` on the first prediction."""

    def __init__(self, tagdict: dict[str, str], classes: tuple[str, ...], lexicon: dict[str, frozenset[str]],
                 weights_loader: Callable[[], tuple[Mapping[str, int], memoryview]]) -> None:
        self.tagdict = tagdict
        self.classes = classes
        self.lexicon = lexicon
        self._weights_loader = weights_loader
        self._plain_words = PLAIN_WORDS

    @cached_property
    def _table(self) -> tuple[Mapping[str, int], memoryview]:
        rows, flat = self._weights_loader()
        if len(flat) != (len(rows) + 1) * len(self.classes):
            raise ValueError("the tagger model's parts do not match")
        return rows, flat

    @property
    def rows(self) -> Mapping[str, int]:
        return self._table[0]

    @cached_property
    def matrix(self) -> np.ndarray:
        """The weights (int16 thousandths) as a numpy array (a view of the same memory: nothing is copied)."""
        import numpy as np

        return np.frombuffer(self._table[1], dtype=np.int16).reshape(-1, len(self.classes))

    @property
    def weights(self) -> dict[str, dict[str, float]]:
        """The weights as NLTK keeps them (feature → tag → weight)."""
        import numpy as np

        return {
            feature: {self.classes[c]: int(self.matrix[row, c]) / SCALE for c in np.flatnonzero(self.matrix[row])}
            for feature, row in self.rows.items()
        }

    def tag(self, words: list[str]) -> list[str]:
        """The tags of one sentence: NLTK's ``PerceptronTagger.tag``, features and all
        (``tests/test_tagger.py`` checks they agree)."""
        return self.tag_many([words])[0]

    @cached_property
    def _features(self) -> _FeatureRows:
        return _FeatureRows(self.rows)

    @cached_property
    def _compiled(self) -> Callable[[list[list[str]]], list[list[str]]] | None:
        """``tag_many`` of the compiled core's perceptron over these weights
        (``transcheck_core.Perceptron``: the same sums in the same order), or None."""
        core = native.core()
        if core is None:
            return None
        rows, flat = self._table
        return core.Perceptron(self.tagdict, list(self.classes), flat, rows.get, len(rows), normalize).tag_many

    def tag_many(self, sentences: list[list[str]]) -> list[list[str]]:
        """The tags of many sentences, each as ``tag`` gives it: by the compiled core where
        there is one, else by ``tag_in_step``."""
        compiled = self._compiled
        return self.tag_in_step(sentences) if compiled is None else compiled(sentences)

    def tag_in_step(self, sentences: list[list[str]]) -> list[list[str]]:
        """``tag_many`` in Python. The sentences advance in step: the i-th words of all of
        them (those the tag dictionary does not settle) are scored in one matrix operation,
        summing their 14 feature rows in NLTK's order. The first few hundred words a process
        tags are scored in plain Python instead (the same sums in the same order): a short
        check does not wait for numpy to import."""
        count = sum(map(len, sentences))
        if self._plain_words >= count:
            self._plain_words -= count
            best_of = self._best_plain
        else:
            self._plain_words = 0  # numpy from now on
            best_of = self._best_numpy
        rows, tagdict, classes = self._features, self.tagdict, self.classes
        word_rows, tag_rows, tag_word_rows = rows.words, rows.tag_pairs, rows.tag_words  # read inline: no call per word
        order = sorted(range(len(sentences)), key=lambda n: -len(sentences[n]))  # the longest first
        contexts = [["-START-", "-START2-", *map(rows.normal, words), "-END-", "-END2-"] for words in sentences]
        context_rows = [list(map(rows.context, context)) for context in contexts]
        tags: list[list[str]] = [[] for _ in sentences]
        active = len(order)
        for i in range(len(sentences[order[0]]) if order else 0):
            while len(sentences[order[active - 1]]) <= i:
                active -= 1
            pending, features = [], []
            for n in order[:active]:
                word, done = sentences[n][i], tags[n]
                tag = tagdict.get(word)
                if tag:
                    done.append(tag)
                    continue
                prev = done[i - 1] if i >= 1 else "-START-"
                prev2 = done[i - 2] if i >= 2 else ("-START-" if i == 1 else "-START2-")
                near, j = context_rows[n], i + 2
                tag_word = tag_word_rows.get((prev, contexts[n][j]))
                if tag_word is None:
                    tag_word = rows.tag_word(prev, contexts[n][j])
                pending.append(n)
                features.append((
                    rows.bias, *(word_rows.get(word) or rows.word(word)),
                    *(tag_rows.get((prev, prev2)) or rows.tags(prev, prev2)), near[j][0],
                    tag_word, near[j - 1][1], near[j - 1][2], near[j - 2][3], near[j + 1][4], near[j + 1][5], near[j + 2][6],
                ))
            if pending:
                for n, b in zip(pending, best_of(features)):
                    tags[n].append(classes[b])
        return tags

    def _best_numpy(self, features: list[tuple[int, ...]]) -> list[int]:
        """The best tag of each word, given the weight rows of its features."""
        import numpy as np

        scores = (self.matrix[np.array(features)] / SCALE).sum(axis=1)  # float64, as NLTK sums them
        # NLTK breaks ties by the larger tag name: take the last of the best scores.
        last = len(self.classes) - 1
        return [last - b for b in scores[:, ::-1].argmax(axis=1).tolist()]

    def _best_plain(self, features: list[tuple[int, ...]]) -> list[int]:
        """``_best_numpy`` without numpy: each tag's weights summed row after row, as numpy does."""
        flat, width = self._table[1], len(self.classes)
        best_tags = []
        for rows in features:
            starts = [row * width for row in rows]
            best, top = 0, float("-inf")
            for c in range(width):
                total = 0.0
                for start in starts:
                    total += flat[start + c] / SCALE
                if total >= top:  # ties: the last of the best, as above
                    best, top = c, total
            best_tags.append(best)
        return best_tags


class _FeatureRows:
    """The weight-matrix rows of NLTK's features (``i suffix …``, ``i-1 tag …`` …), each
    feature string built and looked up once per word, tag or pair and then remembered."""

    def __init__(self, rows: Mapping[str, int]) -> None:
        self.rows, self.unknown = rows, len(rows)
        self.bias = rows.get("bias", self.unknown)
        self.words: dict[str, tuple[int, int]] = {}
        self.tag_pairs: dict[tuple[str, str], tuple[int, int, int]] = {}
        self.tag_words: dict[tuple[str, str], int] = {}
        self._contexts: dict[str, tuple[int, ...]] = {}
        self._normal: dict[str, str] = {}

    def normal(self, word: str) -> str:
        """``normalize(word)``, remembered."""
        found = self._normal.get(word)
        if found is None:
            found = self._normal[word] = normalize(word)
        return found

    def _get(self, feature: str) -> int:
        return self.rows.get(feature, self.unknown)

    def word(self, word: str) -> tuple[int, int]:
        """``i suffix`` and ``i pref1`` of the word as written."""
        found = self.words.get(word)
        if found is None:
            found = self.words[word] = (self._get("i suffix " + word[-3:]), self._get("i pref1 " + word[:1]))
        return found

    def context(self, c: str) -> tuple[int, ...]:
        """The normalised word's rows as ``i word``, ``i-1 word``, ``i-1 suffix``, ``i-2 word``,
        ``i+1 word``, ``i+1 suffix``, ``i+2 word``."""
        found = self._contexts.get(c)
        if found is None:
            g = self._get
            found = self._contexts[c] = (
                g("i word " + c), g("i-1 word " + c), g("i-1 suffix " + c[-3:]), g("i-2 word " + c),
                g("i+1 word " + c), g("i+1 suffix " + c[-3:]), g("i+2 word " + c),
            )
        return found

    def tags(self, prev: str, prev2: str) -> tuple[int, int, int]:
        """``i-1 tag``, ``i-2 tag`` and ``i tag+i-2 tag``."""
        found = self.tag_pairs.get((prev, prev2))
        if found is None:
            g = self._get
            found = self.tag_pairs[prev, prev2] = (g("i-1 tag " + prev), g("i-2 tag " + prev2), g(f"i tag+i-2 tag {prev} {prev2}"))
        return found

    def tag_word(self, prev: str, c: str) -> int:
        """``i-1 tag+i word``."""
        found = self.tag_words.get((prev, c))
        if found is None:
            found = self.tag_words[prev, c] = self._get(f"i-1 tag+i word {prev} {c}")
        return found


def forget_features() -> None:
    """Drop the feature rows the loaded model remembers for each word, tag and pair
    (``_FeatureRows``, or the compiled core's perceptron that holds them; they are found
    again when needed, the same rows). The engine calls it after each rule on a long text:
    remembered across rules, the entries made amid a rule's burst of tokens would keep the
    small-object allocator's arenas from being returned to the system when the tokens are
    freed."""
    if model.cache_info().currsize:
        model().__dict__.pop("_features", None)
        model().__dict__.pop("_compiled", None)


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
    at once, the weights memory-mapped on the first prediction (a run that tags no more
    than ``PLAIN_WORDS`` words imports no numpy)."""
    source = files("transcheck") / "data" / "tagger" / MODEL
    try:
        stat = Path(str(source)).stat()
        version = f"tagger|{source}|{stat.st_size}|{stat.st_mtime_ns}|int16 weights, feature trie"
    except OSError:  # not a plain file (a zipped install): read it every time
        return _read_model(source)
    return tables.cached("tagger", version, partial(_read_model, source), _save_model, partial(_load_model, source=source))


def _read_model(source) -> Model:
    """The model from the shipped file (sparse weights, as ``scripts/train_tagger.py`` writes
    them), laid out as the cache keeps it: the features in a MARISA trie, each weight row at
    its feature's trie index, the unknown features' row last. No dict of the features is
    made (a build in a fresh process then peaks at about what a run does)."""
    import marisa_trie
    import numpy as np

    with np.load(source, allow_pickle=False) as data:
        classes = tuple(data["classes"].tolist())
        trie = marisa_trie.Trie(_strings(data, "features"))
        row_of = np.fromiter((trie[feature] for feature in _strings(data, "features")), dtype=np.int64)
        if len(row_of) != len(trie):
            raise ValueError("the tagger's features are not unique")
        matrix = np.zeros((len(trie) + 1, len(classes)), dtype=np.int16)  # the last row: unknown features
        matrix[row_of[data["rows"]], data["cols"]] = _thousandths(data["values"])
        tagdict = dict(zip(data["tagdict_words"].tolist(), data["tagdict_tags"].tolist()))
        tag_sets: dict[str, frozenset[str]] = {}  # one frozenset for each distinct set of tags
        tags = [tag_sets.setdefault(t, frozenset(t.split())) for t in data["lexicon_tags"].tolist()]
        lexicon = dict(zip(_strings(data, "lexicon_words"), tags))
    return Model(tagdict, classes, lexicon, lambda: (trie, memoryview(matrix).cast("B").cast("h")))


def _strings(npz, name: str, chunk: int = 4096) -> Iterator[str]:
    """The strings of the 1-d unicode array ``name`` of the open ``npz`` file, decoded a
    chunk at a time: numpy stores them 4 bytes a character at the longest one's width
    (the features: 40 MB whole, for 3 MB of text)."""
    import numpy as np
    from numpy.lib import format as npy

    with npz.zip.open(f"{name}.npy") as handle:
        version = npy.read_magic(handle)
        header = npy.read_array_header_1_0 if version == (1, 0) else npy.read_array_header_2_0
        (count,), _, dtype = header(handle)
        for start in range(0, count, chunk):
            size = min(chunk, count - start)
            yield from np.frombuffer(handle.read(size * dtype.itemsize), dtype=dtype, count=size).tolist()


def _thousandths(values: np.ndarray) -> np.ndarray:
    """``values`` as int16 thousandths; refused unless dividing them by ``SCALE`` gives
    every value back exactly (then the tags cannot change)."""
    import numpy as np

    scaled = np.rint(values * SCALE)
    if np.abs(scaled).max(initial=0) > np.iinfo(np.int16).max or not np.array_equal(scaled / SCALE, values):
        raise ValueError("the tagger's weights are not int16 thousandths")
    return scaled.astype(np.int16)


def _save_model(built: Model, folder: Path) -> None:
    """The features' trie, the weight rows in the trie's order (int16, the machine's byte
    order), then the tag dictionary, the tags and the lexicon (``_read_model``'s layout)."""
    built.rows.save(str(folder / "features.marisa"))
    (folder / "matrix.i2").write_bytes(built.matrix.tobytes())
    (folder / "tables.marshal").write_bytes(marshal.dumps((built.tagdict, built.classes, built.lexicon)))


def _load_model(folder: Path, source) -> Model:
    """The tag dictionary and lexicon from ``folder``; the weights from it when first needed
    (from the shipped ``source`` if the cache has gone meanwhile)."""
    tagdict, classes, lexicon = marshal.loads((folder / "tables.marshal").read_bytes())
    if not (folder / "features.marisa").is_file() or not (folder / "matrix.i2").is_file():
        raise FileNotFoundError(folder)
    return Model(tagdict, classes, lexicon, partial(_load_weights, folder, source, len(classes)))


def _load_weights(folder: Path, source, width: int) -> tuple[Mapping[str, int], memoryview]:
    """The feature rows and the weights (``width`` tags a row), both memory-mapped from
    ``folder`` (no numpy needed); from the shipped ``source`` if they do not match."""
    import marisa_trie

    try:
        rows = marisa_trie.Trie()
        rows.mmap(str(folder / "features.marisa"))
        with open(folder / "matrix.i2", "rb") as f:
            flat = memoryview(mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)).cast("h")
        if len(flat) != (len(rows) + 1) * width:
            raise ValueError(f"{folder}: the tagger's parts do not match")
        return rows, flat
    except Exception:  # unreadable: the shipped model instead
        return _read_model(source)._table


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text[start:end]``, surrounding blanks trimmed."""
    end = len(text) if end is None else end
    bounds = [start, *(m.end() for m in SENTENCE_END.finditer(text, start, end)), end]
    trimmed = []
    for s, e in zip(bounds, bounds[1:]):
        piece = text[s:e]
        kept = piece.strip()  # str.strip and str.isspace agree on what a blank is
        if kept:
            s += len(piece) - len(piece.lstrip())
            trimmed.append((s, s + len(kept)))
    return trimmed


def tag(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of one sentence, ``text[start:end]``, with their tags."""
    return tag_spans(text, [(start, len(text) if end is None else end)])[0]


def tag_spans(text: str, spans: list[tuple[int, int]]) -> list[list[Token]]:
    """The tagged tokens of each sentence ``text[start:end]`` of ``spans``, tagged together."""
    if not spans:
        return []  # nothing to tag: no weights loaded, no numpy imported
    found = sentence_tokens(text, spans)
    words = [[QUOTES.get(w, w.replace("’", "'")) for _, _, w in tokens] for tokens in found]
    return [
        [Token(s, e, w, t) for (s, e, w), t in zip(tokens, tags)]
        for tokens, tags in zip(found, model().tag_many(words))
    ]


def sentence_tokens(text: str, spans: list[tuple[int, int]]) -> list[list[tuple[int, int, str]]]:
    """(start, end, word) of each ``TOKEN`` of each sentence ``text[start:end]`` of ``spans``,
    the words interned: by the compiled core where there is one (``transcheck_core.tokens``)."""
    compiled = native.core()
    if compiled is not None:
        return compiled.tokens(text, spans, *native.token_classes())
    return [[(m.start(), m.end(), intern(m.group())) for m in TOKEN.finditer(text, s, e)] for s, e in spans]


class Spans(Sequence[tuple[int, int]]):
    """(start, end) pairs held as two arrays of machine integers: a long document has tens
    of thousands of sentences (16 bytes each, not a tuple and two int objects: 120)."""

    def __init__(self, starts: array[int], ends: array[int]) -> None:
        self.starts, self.ends = starts, ends

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return list(zip(self.starts[index], self.ends[index]))
        return self.starts[index], self.ends[index]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self.starts, self.ends)


def document_sentences(ctx: Context) -> Spans:
    """(start, end) of each sentence of the document, found once per document (a stretch
    of lines at a time: ``sentence_spans`` cuts at every newline)."""
    spans = ctx.cache.get("sentences")
    if spans is None:
        from transcheck import context  # not at import time: the tagger loads without it

        starts, ends, text = array("q"), array("q"), ctx.text
        for first, last in context.chunks(text, context.LOWER_CHUNK_CHARS):
            for start, end in sentence_spans(text, first, last):
                starts.append(start)
                ends.append(end)
        spans = ctx.cache["sentences"] = Spans(starts, ends)
    return spans


TAG_BATCH = 1024  # sentences tagged together (the same tags in batches of any size)


def tagged_spans(ctx: Context, spans: Iterable[tuple[int, int]]) -> dict[int, list[Token]]:
    """The document's tagged sentences by start offset, ``spans`` among them: those not
    tagged yet are tagged together (see ``Model.tag_many``), each at most once a document."""
    tagged: dict[int, list[Token]] = ctx.cache.setdefault("pos", {})
    todo = [span for span in spans if span[0] not in tagged]
    for first in range(0, len(todo), TAG_BATCH):  # a batch at a time: its working lists stay small
        batch = todo[first : first + TAG_BATCH]
        for (start, _), tokens in zip(batch, tag_spans(ctx.text, batch)):
            tagged[start] = tokens
    return tagged


def tagged_sentences(
    ctx: Context, wanted: Callable[[str], bool] | None = None, at: Iterable[int] | None = None
) -> Iterator[list[Token]]:
    """The tagged sentences of the document: those whose text passes ``wanted``, or those
    that hold one of the offsets ``at`` (found by one regex pass over the document), or
    all. Rules that look at few sentences pay for few."""
    text = ctx.text
    spans = document_sentences(ctx)
    if at is not None:
        starts = spans.starts
        chosen = sorted({bisect_right(starts, offset) - 1 for offset in at} - {-1})
        selected = [spans[n] for n in chosen]
    else:
        selected = [span for span in spans if wanted is None or wanted(text[span[0] : span[1]])]
    tagged = tagged_spans(ctx, selected)
    for start, _ in selected:
        yield tagged[start]
