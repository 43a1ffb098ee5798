"""Word tests judged once per process (``transcheck.verdicts``): the same words pass as when
each text's words are judged afresh, and no test judges a word twice."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from transcheck import verdicts
from transcheck.context import Context
from transcheck.documents import Document

WORDS = [f"w{i}" for i in range(40)]


def _passes(word: str) -> bool:
    return int(word[1:]) % 3 == 0


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.frozensets(st.sampled_from(WORDS), max_size=15), st.sets(st.integers(0, 3))), max_size=25))
def test_each_text_gets_its_passing_words_and_each_word_is_judged_once(texts: list[tuple[frozenset[str], set[int]]]) -> None:
    run = verdicts.RunVocabulary()
    tests = [verdicts.Verdicts() for _ in range(4)]
    judged: list[Counter[str]] = [Counter() for _ in tests]
    for vocabulary, asking in texts:  # each text asks some of the tests (the others skip it)
        run.add(vocabulary)
        for n in sorted(asking):
            def test(word: str, n: int = n) -> bool:
                judged[n][word] += 1
                return _passes(word)

            assert tests[n].passing(vocabulary, test, run) == {w for w in vocabulary if _passes(w)}
    assert all(count == 1 for counts in judged for count in counts.values())


def test_a_test_that_lags_keeps_a_set_of_its_own() -> None:
    run, lagging = verdicts.RunVocabulary(), verdicts.Verdicts()
    for i in range(verdicts.LAG + 2):
        run.add(frozenset({f"w{3 * i}", f"w{3 * i + 1}"}))
    assert lagging.passing(frozenset({"w3", "w4"}), _passes, run) == {"w3"}
    assert lagging.own == {"w3", "w4"}
    assert lagging.passing(frozenset({"w0", "w3"}), _passes, run) == {"w0", "w3"}


def test_a_test_in_step_with_the_texts_holds_no_words_of_its_own() -> None:
    run, in_step = verdicts.RunVocabulary(), verdicts.Verdicts()
    for words in ({"w0", "w1"}, {"w1", "w2", "w3"}, {"w3", "w6"}):
        run.add(frozenset(words))
        in_step.passing(frozenset(words), _passes, run)
        assert in_step.upto == len(run.batches) and not in_step.extra and in_step.own is None
    assert in_step.accepted == {"w0", "w3", "w6"}


def test_contexts_add_their_vocabulary_to_the_process_run() -> None:
    class Judge:
        def capitalised(self, word: str) -> bool:
            return word[:1].isupper()

    judge = Judge()
    first = Context(Document.from_text("a.txt", "Berlin is large. Paris too."))
    second = Context(Document.from_text("b.txt", "Rome and Berlin."))
    assert first.words_where(judge.capitalised) == {"Berlin", "Paris"}
    assert second.words_where(judge.capitalised) == {"Rome", "Berlin"}
    assert {"Rome", "Paris", "large"} <= verdicts.RUN.words


def test_verdicts_of_another_run_start_afresh() -> None:
    import pickle

    first, kept = verdicts.RunVocabulary(), verdicts.Verdicts()
    for words in ({"w0", "w1"}, {"w2", "w3"}, {"w6"}):
        first.add(frozenset(words))
        kept.passing(frozenset(words), _passes, first)
    elsewhere = pickle.loads(pickle.dumps(kept))  # as in a process with a run of its own
    second = verdicts.RunVocabulary()
    second.add(frozenset({"w9", "w12", "w1"}))
    assert elsewhere.passing(frozenset({"w9", "w12", "w1"}), _passes, second) == {"w9", "w12"}
