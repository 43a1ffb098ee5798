"""German grammar mechanisms (TC340–TC347): the outlet tables and how the rules share work."""

from __future__ import annotations

import random
import re

from transcheck.detectors import among_others, said_outlet
from transcheck.detectors.broadcaster_article import broadcasters
from transcheck.detectors.said_outlet import outlets
from transcheck.documents import Document
from transcheck.engine import check
from transcheck.rules import RuleSet, load_rules

RULES = {rule.spec.id: rule for rule in load_rules()}


def _ids(text: str, *ids: str) -> list[tuple[str, str]]:
    findings = check(Document.from_text("<test>", text), RuleSet([RULES[i] for i in ids]), "en-US")
    return sorted((f.rule, text[f.start : f.end]) for f in findings)


def test_outlets_come_from_the_media_table():
    names = set(outlets())
    assert {"Rheinische Post", "Spiegel", "Süddeutsche Zeitung", "NDR"} <= names
    assert not any(name.startswith(("Die ", "Der ")) or name.endswith(" Online") for name in names)


def test_broadcasters_are_the_public_broadcasters_acronyms():
    assert broadcasters() == {"NDR", "MDR", "BR", "ZDF"}


def test_acronym_compound_leaves_german_heads_to_tc504():
    text = "CDU-Chef Anna Weber and the SPD-chairmanship were discussed."
    assert _ids(text, "TC341", "TC504") == [("TC341", "SPD-chairmanship"), ("TC504", "CDU-Chef")]


def test_agreement_after_that_is_a_subjunctive_only_after_a_demand():
    assert _ids("The minister said that he remain calm.", "TC340") == [("TC340", "he remain")]
    assert _ids("The minister insisted that he remain calm.", "TC340") == []


def _random_texts(pieces: list[str], seed: int, count: int = 3_000):
    draw = random.Random(seed)
    for _ in range(count):
        yield "".join(draw.choice(pieces) for _ in range(draw.randint(1, 12)))


def test_said_outlet_candidates_are_those_of_the_look_behind_pattern():
    plain = re.compile(r"(?<=\w)\s+\b" + said_outlet.pattern().pattern)
    pieces = ["said the newspaper", "explained the Spiegel", "said", "the", "unsaid", "he", "“", "”", ",", " ",
              "  ", "\n", "\u00a0", "_", "9", "'s", "-", "x"]
    found = 0
    for text in _random_texts(pieces, 11):
        expected = [(m.span(1), m.end()) for m in plain.finditer(text)]
        assert [(m.span(1), m.end()) for m in said_outlet.verbs_and_outlets(text)] == expected, text
        found += len(expected)
    assert found > 100


def test_among_other_things_is_found_where_it_starts_a_word():
    plain = re.compile(r"\b[Aa]mong\s+other\s+things\b")
    pieces = ["among other things", "Among other things", "among", "AMONG other things", " ", "\n", "x", "_", "’",
              "-", "9", "other things"]
    found = 0
    for text in _random_texts(pieces, 12):
        expected = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in among_others.PHRASE.finditer(text)] == expected, text
        found += len(expected)
    assert found > 300
