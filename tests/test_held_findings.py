"""A long text's findings held pickled while its rules run, and the tagger's feature rows
forgotten between rules: the same findings and tags as when they are kept as objects."""

from __future__ import annotations

from transcheck.documents import Document
from transcheck.engine import HeldFindings, run_rule
from transcheck.context import Context
from transcheck.rules import load_rules
from transcheck.tagger import forget_features, tag

TEXT = (
    "The minister said „we will see“ and left the room at 9.30 o'clock.\n\n"
    "The railway cancelled most of its services. Because of the storm, she asked travellers to stay home.\n"
)


def test_packed_findings_come_back_equal_and_in_order() -> None:
    ctx = Context(Document.from_text("a.txt", TEXT))
    found = [run_rule(rule, ctx) for rule in load_rules()]
    assert sum(map(len, found)) > 2, "the text holds findings"
    plain, packed = HeldFindings(packed=False), HeldFindings(packed=True)
    for findings in found:
        plain.extend(findings)
        packed.extend(findings)
    assert packed.findings() == plain.findings() == [f for findings in found for f in findings]


def test_forgotten_feature_rows_give_the_same_tags() -> None:
    sentence = "Because of the storm, she asked travellers to stay at home."
    before = tag(sentence)
    forget_features()
    assert tag(sentence) == before
    forget_features()
    forget_features()  # nothing left to forget: no error
    assert tag(sentence) == before
