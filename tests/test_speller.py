"""The case-keeping English dictionary (SCOWL) behind the untranslated and capitalization rules."""

from transcheck import speller


def test_dictionary_is_shipped_and_keeps_case():
    words = speller.words()
    assert len(words) > 70_000
    assert "Germany" in words and "germany" not in words
    assert "situation" in words and "Situation" not in words


def test_known_in_any_case():
    assert speller.known("situation") and speller.known("Situation") and speller.known("germany")
    assert not speller.known("Schlager") and not speller.known("ziemlich")


def test_case_classes():
    assert speller.lower_only("Situation") and speller.lower_only("federal")
    assert not speller.lower_only("Germany")
    assert speller.capital_only("october") and speller.capital_only("european")
    assert not speller.capital_only("march")  # a month and a verb


def test_adjective_by_its_adverb():
    for word in ("hopeless", "federal", "simple", "basic", "new"):
        assert speller.adjective(word), word
    for word in ("said", "child", "has", "Basic"):
        assert not speller.adjective(word), word
