"""The compiled core (``core/``, built by scripts/setup) gives what the Python code it stands in for gives."""

from __future__ import annotations

import os
from pathlib import Path
import random
import re
from array import array
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transcheck import native
from transcheck.context import TOKEN_RE, Context, _whole_words
from transcheck.documents import Document

core = native.core()
needs_core = pytest.mark.skipif(core is None, reason="transcheck_core is not built (scripts/setup builds it where cargo is)")

# Letters and digits of several scripts and widths (1, 2 and 4-byte strings), the word
# punctuation, combining marks, numerals that are digits but not decimals.
PIECES = ["the", "The", "them", "other", "a", "Köln", "Kölner", "x", "_", "-", "’", "'", " ", "\n", ".", ",", "“",
          "”", "2", "²", "½", "٣", "ß", "İ", "é", "e\u0301", "ǅ", "Ⅻ", "日本", "𝐀", "😀", "\u00a0", "well-known",
          "it's", "it’s", "don't", "x2", "_x_"]


def _words_of(text: str) -> list[str]:
    return sorted(set(TOKEN_RE.findall(text)))


@needs_core
def test_the_word_characters_are_pythons() -> None:
    bitmap = native.word_characters()
    assert len(bitmap) < 0x110000 // 8  # ends at the last word character's byte
    for code in range(0x110000):
        byte = bitmap[code >> 3] if code >> 3 < len(bitmap) else 0
        assert (byte >> (code & 7) & 1) == native.is_word_character(chr(code)), hex(code)


@needs_core
@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60), st.lists(st.sampled_from(PIECES), min_size=1, max_size=3),
       st.randoms(use_true_random=False))
def test_whole_words_are_those_the_automaton_finds(pieces: list[str], extra: list[str], rng: random.Random) -> None:
    text = "".join(pieces)
    words = [w for w in _words_of(text) if rng.random() < 0.5] + [w for w in _words_of("".join(extra))]
    words = sorted(set(words))
    assert native.whole_words(text, words) == sorted(_whole_words(text, words))


@needs_core
def test_whole_words_in_a_long_text_of_every_width() -> None:
    rng = random.Random(7)
    base = "".join(rng.choice(PIECES) for _ in range(60_000))  # longer than a stretch of the core's scan
    for text in (base.encode("latin-1", "replace").decode("latin-1"), base.replace("😀", "").replace("𝐀", ""), base):
        words = [w for w in _words_of(text) if rng.random() < 0.3]
        found = native.whole_words(text, words)
        assert found == sorted(_whole_words(text, words)) and len(found) > 1000


@needs_core
def test_a_lone_surrogate_is_no_word_character() -> None:
    """The automaton cannot take one (no UTF-8 for it); the core reads the string as it lies."""
    assert native.whole_words("a\ud800the b", ["the", "a"]) == [(0, 1), (2, 5)]


@needs_core
def test_context_occurrences_are_the_same_with_and_without_the_core(monkeypatch) -> None:
    text = "Die Stadt Köln and the city of Köln-Deutz; the Kölner said it’s the other one, don't.\n" * 50
    words = {"Köln", "the", "it’s", "don't", "Deutz", "U.S.", "Köln-Deutz"}
    with_core = Context(Document.from_text("t", text)).occurrences(words)
    monkeypatch.setattr(native, "core", lambda: None)
    assert Context(Document.from_text("t", text)).occurrences(words) == with_core
    assert len(with_core) == 50 * 7


def test_the_pure_python_switch_runs_without_the_core(tmp_path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("The vote in Mailand was close.\n", encoding="utf-8")
    runs = []
    for pure in ("", "1"):
        env = {**os.environ, "TRANSCHECK_PURE_PYTHON": pure}
        runs.append(subprocess.run([sys.executable, "-m", "transcheck", "check", "-f", "concise", str(draft)],
                                   capture_output=True, text=True, env=env))
    assert runs[0].returncode == runs[1].returncode == 1
    assert runs[0].stdout == runs[1].stdout and "Milan" in runs[0].stdout
    probe = "from transcheck import native; print(native.core() is None)"
    env = {**os.environ, "TRANSCHECK_PURE_PYTHON": "1"}
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env).stdout.strip() == "True"


def _automaton(literals: list[str]):
    from transcheck.rules.prefilter import _Automaton

    return _Automaton(literals, range(len(literals)), len(literals))


def _both_positions(literals: list[str], text: str) -> tuple[dict, dict]:
    """Each literal's starts in ``text`` as the core finds them and as ahocorasick_rs does."""
    automaton, ctx = _automaton(literals), Context(Document.from_text("t", text))
    by_core, by_python = automaton._native_positions(ctx), automaton._python_positions(ctx)
    return {i: list(by_core.starts((i,))) for i in by_core.found()}, {i: list(found) for i, found in by_python.items()}


@needs_core
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["\n\n", "İ", "ſ", "Straße"]), max_size=80))
def test_trigger_hits_are_those_of_the_python_automaton(pieces: list[str]) -> None:
    literals = ["the", "he", "e", "ö", "köln", "’s", "it’", "2", "日本", "😀", "a a", ". \n", "ss", "i̇"]
    by_core, by_python = _both_positions(literals, "".join(pieces))
    assert by_core == by_python


@needs_core
def test_trigger_hits_of_the_rules_literals_in_a_long_text() -> None:
    """Every literal of the built-in rules over a text longer than a lower-cased stretch,
    and the merged starts of several literals (an offset where two start kept twice, as
    heapq.merge keeps it)."""
    from transcheck.context import LOWER_CHUNK_CHARS
    from transcheck.rules import load_rules
    from transcheck.rules.prefilter import INDEX, _Arrays

    load_rules()
    literals = [literal for literal in INDEX.literals if "\n" not in literal]
    rng = random.Random(3)
    line = "Der Bundestag said on Monday, “it’s 3,5 % of GDP”, z. B. in Köln – the party's view.\n"
    text = "".join(line if rng.random() < 0.7 else rng.choice(PIECES) * 3 + "\n" for _ in range(3 * LOWER_CHUNK_CHARS // len(line)))
    by_core, by_python = _both_positions(literals, text)
    assert by_core == by_python and len(by_core) > 15
    native_starts = _automaton(literals)._native_positions(Context(Document.from_text("t", text)))
    arrays = _Arrays({i: array("I", found) for i, found in by_python.items()})
    shared = [(a, b) for a in by_core for b in by_core if a < b and set(by_core[a]) & set(by_core[b])]
    assert shared
    for group in [tuple(rng.sample(sorted(by_core), 4)) for _ in range(50)] + shared:
        assert list(native_starts.starts(group)) == list(arrays.starts(group))
    assert native_starts.starts((len(literals) + 5,)) is None


def test_the_version_says_which_code_runs() -> None:
    runs = {pure: subprocess.run([sys.executable, "-m", "transcheck", "--version"], capture_output=True, text=True,
                                 env={**os.environ, "TRANSCHECK_PURE_PYTHON": pure}) for pure in ("", "1")}
    assert runs["1"].stdout.strip() == "transcheck 0.1.0 (pure Python: TRANSCHECK_PURE_PYTHON is set)"
    expected = "compiled core 0.1.0" if core is not None else "the compiled core is not built"
    assert runs[""].returncode == 0 and expected in runs[""].stdout


def test_a_build_of_other_code_is_not_used(monkeypatch) -> None:
    """A checkout updated without scripts/setup keeps an older extension: its ABI differs."""
    import types

    monkeypatch.setitem(sys.modules, "transcheck_core", types.SimpleNamespace(ABI=0, __version__="0.0.1"))
    native.core.cache_clear()
    try:
        assert native.core() is None and native.whole_words("the cat", ["cat"]) is None
        assert "not built for this code" in native.describe()
    finally:
        monkeypatch.undo()
        native.core.cache_clear()
    assert (native.core() is None) == (core is None)


@needs_core
def test_windows_are_those_of_the_passage_lookup() -> None:
    """``transcheck_core.windows`` gives ``passages.windows``'s windows, or None where an offset
    needs the sentences around it (a passage of ``LONG`` or more, an offset on a line break
    between passages); then the prefilter asks ``passages.windows``."""
    from transcheck import passages
    from transcheck.rules import prefilter

    rng = random.Random(11)
    pieces = ["word", " ", "\t", ".", "!", "…", "”", ")", "\n", "\n\n", "\n \n", "A", "e.g.", "日本", "😀", "é"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 90))) for _ in range(400)]
    texts.append("x" * (passages.LONG + 50) + ".\nshort line.\n" + "y. " * 9000)
    declined = 0
    for text in texts:
        for lines in (True, False):
            starts = passages.starts(text, lines)
            for offsets in (range(len(text)), sorted(rng.sample(range(len(text)), min(6, len(text)))), [len(text) - 1]):
                offsets = array("I", offsets)
                expected = list(passages.windows(text, offsets, lines, starts))
                found = core.windows(text, offsets, starts, lines, passages.LONG)
                declined += found is None
                assert found is None or found == expected, (text, lines, list(offsets))
                ctx = Context(Document.from_text("t", text))
                assert list(prefilter.windows(ctx, offsets, not lines)) == expected
    assert 0 < declined < 1000


def _tagged_in_python(sentences: list[list[str]]) -> list[list[str]]:
    from transcheck import tagger

    model = tagger.model()
    saved = model._plain_words
    try:
        model._plain_words = 10**9  # plain Python sums (test_tagger checks numpy's against them)
        return model.tag_in_step(sentences)
    finally:
        model._plain_words = saved


@needs_core
def test_the_perceptron_tags_the_native_texts_as_python_does() -> None:
    from transcheck import tagger

    sentences = []
    for path in sorted(Path(__file__).parent.glob("data/native/*/*.txt")):
        text = path.read_text(encoding="utf-8")
        sentences += [[token.word for token in tokens] for tokens in tagger.tag_spans(text, tagger.sentence_spans(text))]
    assert sum(map(len, sentences)) > 10_000
    assert tagger.model().tag_many(sentences) == _tagged_in_python(sentences)


@needs_core
@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.lists(st.sampled_from(PIECES + ["1990", "12", "-x", "x-", "Σ", "ΣΑΣ", "$", "..."]),
                                  min_size=1, max_size=3).map("".join), max_size=12), max_size=4))
def test_the_perceptron_tags_odd_words_as_python_does(sentences: list[list[str]]) -> None:
    from transcheck import tagger

    assert tagger.model().tag_many(sentences) == _tagged_in_python(sentences)


@needs_core
def test_the_perceptron_refuses_weights_of_another_shape() -> None:
    from transcheck import tagger

    model = tagger.model()
    rows, flat = model._table
    with pytest.raises(ValueError, match="do not match"):
        core.Perceptron(model.tagdict, list(model.classes), flat[:-1], rows.get, len(rows), tagger.normalize)


@needs_core
def test_the_perceptron_breaks_ties_as_python_does() -> None:
    from transcheck import tagger

    classes = ("NN", "VB", "JJ")
    rows = {"bias": 0, "i word run": 1, "i-1 tag NN": 2, "i suffix ast": 3}
    weights = array("h", [0, 0, 0,  0, 500, 500,  250, 0, 250,  0, 0, 300,  0, 0, 0])  # the last row: unknown features
    model = tagger.Model({"the": "JJ"}, classes, {}, lambda: (rows, memoryview(weights)))
    sentences = [["run", "fast"], ["the", "run", "last"], ["x"], []]
    expected = model.tag_in_step(sentences)
    assert expected == [["JJ", "JJ"], ["JJ", "JJ", "JJ"], ["JJ"], []]  # ties: the last of the best
    assert model.tag_many(sentences) == expected


TOKEN_PIECES = PIECES + ["n't", "n’t", "N'T", "can", "isn", "'s", "’re", "'ll", "'d", "'m", "’ve", "1.", "12.", "123.",
                         " September", " Mai", " Österreich", "U.S.", "e.g.", "ſ", "K", "ı", "İ", "3,000.50", "1:2",
                         "--", "\x1c", "\t", "Ä", "ö", "x.y", "٣.", "_n't", "N", "T", "’T", "nT"]


@needs_core
@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TOKEN_PIECES), max_size=30).map("".join), st.randoms(use_true_random=False))
def test_tokens_are_those_of_the_token_pattern(text: str, rng: random.Random) -> None:
    from transcheck import tagger

    cuts = sorted(rng.randint(0, len(text)) for _ in range(4))
    spans = [(0, len(text)), (cuts[0], cuts[1]), (cuts[2], cuts[3]), (cuts[1], cuts[1])]
    expected = [[(m.start(), m.end(), m.group()) for m in tagger.TOKEN.finditer(text, s, e)] for s, e in spans]
    assert tagger.sentence_tokens(text, spans) == expected


@needs_core
def test_tokens_of_the_native_texts_are_those_of_the_token_pattern() -> None:
    from transcheck import tagger

    for path in sorted(Path(__file__).parent.glob("data/native/*/*.txt")):
        text = path.read_text(encoding="utf-8")
        spans = tagger.sentence_spans(text)
        expected = [[(m.start(), m.end(), m.group()) for m in tagger.TOKEN.finditer(text, s, e)] for s, e in spans]
        assert tagger.sentence_tokens(text, spans) == expected


@needs_core
def test_the_token_classes_are_those_of_the_token_pattern() -> None:
    from transcheck import tagger

    classes = tagger.TOKEN.pattern
    assert all(c in classes for c in native.TOKEN_CLASSES[:4]) and "(?i:[a-z]" in classes
    word, digit, space, letter, folded = native.token_classes()
    for ch in "aZ_9²ſKıİ٣ \u00a0\x1c.-’":
        code = ord(ch)
        bits = [code >> 3 < len(table) and bool(table[code >> 3] >> (code & 7) & 1)
                for table in (word, digit, space, letter, folded)]
        assert bits == [bool(re.fullmatch(p, ch)) for p in native.TOKEN_CLASSES], ch


@needs_core
def test_tokens_refuse_a_span_outside_the_text() -> None:
    with pytest.raises(ValueError, match="outside the text"):
        core.tokens("short", [(0, 9)], *native.token_classes())


@needs_core
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["\n\n", "İ", "ſ", "Straße"]), max_size=80),
       st.sets(st.sampled_from(["the", "he", "e", "ö", "köln", "’s", "it’", "2", "日本", "😀", "a a", "ss", "i̇", "zz"]),
               min_size=1))
def test_the_literals_a_text_holds_are_those_the_python_automaton_finds(pieces: list[str], literals: set[str]) -> None:
    from transcheck.rules import matchers

    text = "".join(pieces)
    by_core = matchers._literals_in(Context(Document.from_text("t", text)), sorted(literals))
    try:
        matchers._compiled_literals.cache_clear()
        native.core.cache_clear()
        os.environ["TRANSCHECK_PURE_PYTHON"] = "1"
        assert native.core() is None
        by_python = matchers._literals_in(Context(Document.from_text("t", text)), sorted(literals))
    finally:
        del os.environ["TRANSCHECK_PURE_PYTHON"]
        matchers._compiled_literals.cache_clear()
        native.core.cache_clear()
    assert by_core == by_python
    if "İ" not in text:  # (its lower case is longer: scanners then do not ask, see matchers._present_needs)
        assert by_core == {literal for literal in literals if literal in text.lower()}
