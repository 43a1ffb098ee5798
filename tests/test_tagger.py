"""The shipped part-of-speech model: loads, tags like NLTK's perceptron, and tags plain English right."""

from __future__ import annotations

import pytest

from transcheck import tagger

SENTENCES = [
    "The minister said on Monday that the talks would resume next week.",
    "Prices rose by 3,000 to 2.5 million in May, the agency's figures show.",
    "“We don't know,” she told reporters in Berlin.",
    "Can the coalition survive the winter?",
]


def test_tags_like_nltk():
    perceptron = pytest.importorskip("nltk.tag.perceptron")
    model = tagger.model()
    reference = perceptron.PerceptronTagger(load=False)
    reference.decode_json_params((model.weights, model.tagdict, list(model.classes)))
    for sentence in SENTENCES:
        words = [t.word for t in tagger.tag(sentence)]
        assert model.tag(words) == [tag for _, tag in reference.tag(words)]


def test_tags_plain_english():
    tags = {t.word: t.tag for t in tagger.tag(SENTENCES[0])}
    assert tags["minister"] == "NN"
    assert tags["said"] == "VBD"
    assert tags["would"] == "MD"
    assert tags["resume"] == "VB"


def test_tokens_keep_offsets():
    text = "Well, it isn’t the U.S. economy."
    tokens = tagger.tag(text)
    assert [text[t.start : t.end] for t in tokens] == [t.word for t in tokens]
    assert [t.word for t in tokens] == ["Well", ",", "it", "is", "n’t", "the", "U.S.", "economy", "."]


def test_sentences():
    text = "First one. Second one!\nA headline\nThird?"
    assert [text[s:e] for s, e in tagger.sentence_spans(text)] == ["First one.", "Second one!", "A headline", "Third?"]


def _words_of_native_texts() -> list[list[str]]:
    from pathlib import Path

    sentences = []
    for path in sorted(Path(__file__).parent.glob("data/native/*/*.txt")):
        text = path.read_text(encoding="utf-8")
        sentences += [[w for _, _, w in tokens] for tokens in _tokens(text)]
    return sentences


def _tokens(text: str) -> list[list[tuple[int, int, str]]]:
    return [[(m.start(), m.end(), m.group()) for m in tagger.TOKEN.finditer(text, s, e)] for s, e in tagger.sentence_spans(text)]


def test_plain_python_scores_give_numpy_s_tags():
    model = tagger.model()
    sentences = _words_of_native_texts()
    assert sum(map(len, sentences)) > 10_000
    saved = model._plain_words
    try:
        model._plain_words = 10**9
        plain = model.tag_many(sentences)
        model._plain_words = 0
        with_numpy = model.tag_many(sentences)
    finally:
        model._plain_words = saved
    assert plain == with_numpy


def test_a_short_check_imports_no_numpy():
    import subprocess
    import sys

    code = (
        "import sys; from transcheck import tagger;"
        "print(tagger.tag('The minister said that the plan works.')[1].tag, 'numpy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["NN", "False"]
