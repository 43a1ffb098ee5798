"""The generated calque data: the shipped table is what the build script makes from the shipped inputs."""

from __future__ import annotations


from conftest import ROOT, load_script

from transcheck.detectors.compound_gloss import TABLE, load_table


def _script():
    return load_script("build_calques")


def test_compound_gloss_table_is_rebuilt_from_the_shipped_inputs():
    build = _script()
    text = build.lexicon_text(build.load_dictionary(), build.load_native(), build.load_adjectives())
    assert text == TABLE.read_text(encoding="utf-8")


def test_compound_split_needs_two_dictionary_nouns_and_a_linking_element():
    build = _script()
    nouns = {"Partei": [["party"]], "Spitze": [["point", "peak"]], "Arbeit": [["work"]], "Markt": [["market"]]}
    assert build.split_compound("Parteispitze", nouns) == ("Partei", "Spitze")
    assert build.split_compound("Arbeitsmarkt", nouns) == ("Arbeit", "Markt")
    assert build.split_compound("Parteiwerk", nouns) is None


def test_table_has_thousands_of_entries_each_with_german_and_english():
    table = load_table()
    assert len(table.literals) >= 3000
    assert all(table.german) and all(table.english)
    assert len(set(table.literals)) == len(table.literals)


def _names_script():
    return load_script("build_calque_names")


def test_media_name_lexicon_is_rebuilt_from_the_shipped_table():
    build = _names_script()
    assert build.lexicon_text(build.NAMES.read_text(encoding="utf-8")) == build.LEXICON.read_text(encoding="utf-8")


def test_media_name_literals_translate_a_word_and_drop_the_article():
    build = _names_script()
    glossed = [("Die", ["the"]), ("Kleine", ["small", "little"]), ("Zeitung", ["paper"])]
    assert build.literals(glossed) == ["Small Paper", "Little Paper"]
    assert build.literals([("Die", ["the"]), ("Welt", ["World"])]) == []  # one word: too ambiguous
    assert build.literals([("Focus", ["Focus"]), ("Online", ["Online"])]) == []  # nothing translated


def test_every_news_formula_entry_names_its_evidence():
    """TC411 keeps only entries attested independently of test pages; each says by what."""
    lines = (ROOT / "rules" / "lexicons" / "calques-news.yaml").read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if line.startswith("  - "):
            comments = []
            for previous in reversed(lines[:i]):
                if not previous.startswith("  #"):
                    break
                comments.append(previous)
            assert any(c.startswith("  # evidence: ") for c in comments), f"entry without evidence: {line.strip()}"


def test_parts_are_glossed_over_all_their_senses_without_number_words():
    build = _script()
    glossed = build.part_glosses([["point", "tip"], ["top"], ["three"]])
    assert "top" in glossed and "three" not in glossed
    assert len(glossed) <= build.GLOSSES_PER_PART


def test_a_gloss_whose_head_has_a_synonym_anywhere_in_the_english_term_is_a_variant():
    build = _script()
    sources = {"request": {"Antrag", "Bitte"}, "application": {"Antrag", "Bewerbung"}, "asylum": {"Asyl"}}
    assert build._synonym_head("request", ["application for asylum"], sources)
    assert not build._synonym_head("point", ["party leadership"], {"point": {"Punkt"}, "leadership": {"Führung"}})


def test_native_lookup_takes_either_number():
    build = _script()
    assert build.singular("tax records") == "tax record"
    assert build.singular("bus boxes") == "bus box"
    assert build.singular("party leader") == "party leader"


def _terms_script():
    return load_script("build_calque_terms")


def test_term_gloss_table_is_rebuilt_from_the_shipped_inputs():
    build = _terms_script()
    bc = build.bc
    text = build.table_text(bc.load_dictionary(), build.load_adjectives(), build.load_terms(), bc.load_native(build.NATIVE))
    assert text == build.TABLE.read_text(encoding="utf-8")


def test_attributive_adjectives_find_their_lemma_and_compounds_their_adjective():
    build = _terms_script()
    adjectives = {"groß": [["big"]], "hoch": [["high"]]}
    assert build.adjective_lemma("Große", adjectives) == "groß"
    assert build.adjective_lemma("großen", adjectives) == "groß"
    assert build.adjective_lemma("Gruß", adjectives) is None
    nouns = {"Haus": [["house"]], "Stadt": [["town"]]}
    assert build.split_adjective_compound("Hochhaus", nouns, adjectives) == ("hoch", "Haus")
    assert build.split_adjective_compound("Großhausen", nouns, adjectives) is None


def test_international_adjectives_are_not_glosses_but_short_kin_words_are():
    build = _terms_script()
    assert build.cognate("absolut", "absolute") and build.cognate("natürlich", "natural")
    assert not build.cognate("lang", "long") and not build.cognate("groß", "great")


def test_a_language_model_pair_counts_as_english_only_above_chance(tmp_path):
    build = _script()
    lm = tmp_path / "bigrams.txt"
    lm.write_text("museum piece 102\nmessage service 27\nparty point 5\n", encoding="utf-8")
    found = build.collocations(lm, {"museum piece", "message service"})
    assert found == {"museum piece"}  # "message service" is below chance: "text message service"


def test_lm_bigram_options_are_taken_out_of_the_native_arguments():
    build = _script()
    rest, lm = build.lm_arguments(["a.txt", "--lm-bigrams", "cmu.txt", "--bigrams", "b.txt"])
    assert rest == ["a.txt", "--bigrams", "b.txt"] and [p.name for p in lm] == ["cmu.txt"]
