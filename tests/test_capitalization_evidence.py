"""Evidence behind the capitalization rules: names with an inner capital, the treebank's
common nouns, and where a capitalised word stands in its sentence."""

from transcheck.detectors import capitalization as cap


def test_inner_capital_names_come_from_the_dictionary_without_surnames():
    forms = cap._inner_capital_forms()
    assert forms["youtube"] == "YouTube" and forms["paypal"] == "PayPal" and forms["ebay"] == "eBay"
    assert "dupont" not in forms and "macdonald" not in forms  # surnames in their own right
    assert "news" not in forms  # NeWS: a common word as well
    assert "wifi" not in forms  # short forms only with a lower-case first letter (eBay, iPad)


def test_lost_inner_capital_keeps_the_ending():
    assert cap._inner_capital_lost("Youtubers") == "YouTubers"
    assert cap._inner_capital_lost("Paypal") == "PayPal"
    assert cap._inner_capital_lost("youtube") is None  # lower case: a common noun like teleprompter
    assert cap._inner_capital_lost("YouTube") is None and cap._inner_capital_lost("Tube") is None


def test_the_text_itself_shows_the_inner_capital():
    assert cap._written_with_inner_capital(frozenset({"AfD", "AFD", "Afd", "the"})) == {"AFD": "AfD", "Afd": "AfD"}
    assert cap._written_with_inner_capital(frozenset({"ReadMe", "README"})) == {}  # too long for an abbreviation
    assert cap._written_with_inner_capital(frozenset({"AFD", "CDU"})) == {}


def test_treebank_common_nouns():
    assert cap._treebank_common_noun("Trouble") and cap._treebank_common_noun("Parliament")
    assert not cap._treebank_common_noun("Minister")  # seen in names (Prime Minister)
    assert not cap._treebank_common_noun("Chancellor")  # not seen at all


def test_indefinite_article_and_opening_article():
    text = "Later a new Chancellor came. The Dispute about the plan went on."
    assert cap._after_indefinite_article(text, text.index("Chancellor"))
    assert not cap._after_indefinite_article("It was a matter for Parliament.", 22)
    start = text.index("Dispute")
    assert cap._after_opening_article(text, "Dispute", start, start + len("Dispute"))
    other = "The Dispute about the plan went on, and the Dispute grew."
    assert not cap._after_opening_article(other, "Dispute", 4, 11)  # capitalised mid-sentence too: a name


def test_two_inner_capital_spellings_give_one_suggestion_whatever_the_hash_seed():
    import os
    import subprocess
    import sys

    code = (
        "from transcheck.detectors.capitalization import _written_with_inner_capital as w;"
        "print(w(frozenset({'BioNTech', 'BionTech', 'Biontech', 'BIONTECH'}))['Biontech'])"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        ).stdout.strip()
        for seed in range(8)
    }
    assert seen == {"BioNTech"}  # the spelling with more capitals, never set order


def test_name_openers_searched_one_by_one_are_those_found_in_one_pass() -> None:
    """``NameOpeners`` looks for the first words asked on their own, then finds all in one
    pass: both give the words that stand, whole, before blanks and a capital."""
    from transcheck.detectors.capitalization import NameOpeners

    text = ("Real Madrid won. A goal for Real, then Federal\tReserve news; the federal level.\n"
            "SuperReal Estate, Real-Time Data, 3Real Deal, _Real Deal, Über Alles, x² Plus, Light\nRail")
    words = ["Real", "Federal", "federal", "Estate", "Time", "Deal", "Über", "x", "Light", "Alles", "Real-Time", "SuperReal", "Nope"]
    one_pass = {m.group(1) for m in NameOpeners.WORD_BEFORE_CAPITAL.finditer(text)}
    assert {"Real", "Federal", "SuperReal", "Über"} <= one_pass and "Light" not in one_pass
    searched, counted = NameOpeners(text), NameOpeners(text)
    counted.SEARCHES = 0  # the one pass from the first word on
    assert [w in searched for w in words] == [w in counted for w in words] == [w in one_pass for w in words]
