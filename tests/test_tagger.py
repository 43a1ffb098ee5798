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
