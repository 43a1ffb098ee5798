"""The pronoun-gender detector (TC330) and its generated tables."""

from transcheck.context import Context
from transcheck.detectors.pronoun_gender import PronounGender, SieAsYou, TheirForHer, inanimate_genders, person_nouns
from transcheck.documents import Document


def flagged(text: str) -> list[str]:
    ctx = Context(Document.from_text("<test>", text))
    return [text[m.start : m.end] for m in PronounGender().find(ctx)]


def test_tables_hold_german_genders_and_people():
    genders, persons = inanimate_genders(), person_nouns()
    assert genders["government"][0] == "f" and genders["newspaper"][0] == "f"
    assert "woman" not in genders and persons["woman"] == "f" and persons["minister"] == "x"
    # noun.person senses whose WordNet hypernyms stop at "causal agent" (driver < operator)
    assert "driver" not in genders and "motorist" not in genders and persons["driver"] == "x"


def test_institution_with_feminine_german_noun():
    assert flagged("The government met on Monday. Afterwards she published the plan.") == ["she"]


def test_person_in_the_window_silences():
    assert flagged("The minister met on Monday. The government published the plan, she said.") == []
    assert flagged("Anna Berg runs the bank. The bank grew, and she hired staff.") == []


def test_nominalised_age_and_possessed_person_silence():
    assert flagged("The 40-year-old crashed the car. The car was towed and his licence taken.") == []
    assert flagged("The company grew fast. Last year her husband joined the board.") == []


def test_indefinite_and_modifier_nouns_are_no_antecedents():
    assert flagged("That makes the day a bit easier, he says.") == []
    assert flagged("Because of the corona virus outbreak he stayed home.") == []


def their(text: str) -> list[str]:
    ctx = Context(Document.from_text("<test>", text))
    return [text[m.start : m.end] for m in TheirForHer().find(ctx)]


def you(text: str) -> list[str]:
    ctx = Context(Document.from_text("<test>", text))
    return [text[m.start : m.end] for m in SieAsYou().find(ctx)]


def test_their_for_one_woman_and_its_traps():
    assert their("Anna Roth won the race. Their trainer was delighted.") == ["Their"]
    assert their("Anna Roth won the race with Tom. Their trainer was delighted.") == []
    assert their("Anna Roth and her sister won the race. Their trainer was delighted.") == []
    assert their("She thanked the orchestra. Their playing had been superb.") == []


# A report's body long enough (with either opening below) for one "You" in it to be evidence.
REPORT = " ".join(["The works council learned of the plan on Monday and called it a breach of last year's agreement."] * 8)


def test_you_opens_the_only_second_person_sentence():
    assert you(f"The firm cuts 300 jobs. You are to be offered new posts. {REPORT}") == ["You"]
    assert you(f"The firm cuts 300 jobs. You can read the plan online. {REPORT}") == []
    assert you(f"Your ticket is valid. The firm cuts 300 jobs. You are to be offered new posts. {REPORT}") == []


def test_one_you_in_a_short_text_is_no_evidence():
    assert len(f"The firm cuts 300 jobs. You are to be offered new posts. {REPORT}".split()) >= 150
    assert you("Friendly staff and fair prices. You will not be disappointed.") == []
    assert you("The firm cuts 300 jobs. You are to be offered new posts.") == []


def test_age_as_person_in_either_spelling():
    assert flagged("The boat drifted into the harbour. Later he was found.") == ["he"]
    assert flagged("The 17-year old drifted into the harbour. Later he was found.") == []
