"""German grammar mechanisms (TC340–TC347): the outlet tables and how the rules share work."""

from __future__ import annotations

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
