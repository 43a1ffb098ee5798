"""Noun phrases and adverbials on tagged sentences: where a fronted phrase ends and a subject begins."""

from __future__ import annotations

from transcheck.phrases import adverbials_end, middle_field_end, noun_phrase_end
from transcheck.tagger import tag


def _words(sentence: str, end: int) -> list[str]:
    return [t.word for t in tag(sentence)[:end]]


def test_fronted_phrase_stops_before_the_subject():
    for sentence, front in [
        ("In May the board hired a new chief.", ["In", "May"]),
        ("In 2019 sales rose sharply.", ["In", "2019"]),
        ("In the end everything went fast.", ["In", "the", "end"]),
    ]:
        assert _words(sentence, adverbials_end(tag(sentence), 0, adverbs=False)) == front


def test_noun_phrase_joins_names_numbers_and_coordination():
    tokens = tag("Saxony and Brandenburg voted.")
    assert noun_phrase_end(tokens, 0) == 3
    tokens = tag("About 350 square meters burned.")
    assert noun_phrase_end(tokens, 0) == 4
    tokens = tag("were 2.69 million people without work.")
    assert noun_phrase_end(tokens, 1) == 4
    tokens = tag("voted.")
    assert noun_phrase_end(tokens, 0) == 0


def test_dates_in_german_order_and_lower_case_months_stay_in_the_phrase():
    sentence = "With weak results on may 12 would break out new disputes."
    assert _words(sentence, adverbials_end(tag(sentence), 0, adverbs=False))[-2:] == ["may", "12"]
    sentence = "On 3. March the vote took place."
    assert _words(sentence, adverbials_end(tag(sentence), 0, adverbs=False)) == ["On", "3.", "March"]


def test_middle_field_takes_adverbials_and_an_object():
    tokens = tag("has the council after a long debate the new budget approved.")
    assert [t.word for t in tokens[middle_field_end(tokens, 3) :]] == ["approved", "."]
