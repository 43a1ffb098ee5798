"""LanguageTool against a real server: exact rule ids and spans on machine-translated English."""

from __future__ import annotations

from pathlib import Path

import pytest
from lt_fixtures import lt_server, lt_url  # noqa: F401  (session fixtures)

from transcheck.documents import Document
from transcheck.errors import ConfigError
from transcheck.languagetool.convert import merge
from transcheck.languagetool.profile import load_profile
from transcheck.languagetool.runner import LTSettings, languagetool_findings
from transcheck.models import Category, Finding, Severity

MT_TEXT = """\
He go to Berlin yesterday.

The government have decided to build a apple factory.

Their is no reason to worry, said the minister.

The children was happy about the decision.

She live in Munich since three years.

The chancellor has went to Paris.

We discussed about the informations at the meeting.

The police is investigating the the case.
"""

# (rule, matched text, line, column) of every match LanguageTool 6.8 reports with the built-in profile.
EXPECTED = [
    ("LT:HE_VERB_AGR", "go", 1, 4),
    ("LT:EN_A_VS_AN", "a", 3, 38),
    ("LT:THEIR_IS", "Their", 5, 1),
    ("LT:AGREEMENT_SENT_START", "was", 7, 14),
    ("LT:SHE_LIVE", "live", 9, 5),
    ("LT:SINCE_FOR", "since", 9, 20),
    ("LT:HAVE_PART_AGREEMENT", "went", 11, 20),
    ("LT:MENTION_ABOUT", "discussed about the", 13, 4),
    ("LT:INFORMATIONS", "informations", 13, 24),
    ("LT:ENGLISH_WORD_REPEAT_RULE", "the the", 15, 29),
]


def settings(url: str, tmp_path: Path, **kw) -> LTSettings:
    return LTSettings(url=url, cache_path=tmp_path / "lt.sqlite3", **kw)


def found(doc: Document, findings: list[Finding]) -> list[tuple]:
    return [(f.rule, doc.text[f.start : f.end], f.line, f.column) for f in findings]


def test_mt_errors_exact_rules_and_spans(lt_url, tmp_path):
    doc = Document.from_text("mt.txt", MT_TEXT)
    findings = languagetool_findings([doc], settings(lt_url, tmp_path))
    assert found(doc, findings) == EXPECTED


def test_finding_fields(lt_url, tmp_path):
    doc = Document.from_text("a.txt", "I ate a apple.\n")
    [f] = languagetool_findings([doc], settings(lt_url, tmp_path))
    assert (f.path, f.rule, f.name, f.family) == ("a.txt", "LT:EN_A_VS_AN", "en-a-vs-an", "languagetool")
    assert (f.category, f.severity) == (Category.FLUENCY, Severity.MAJOR)
    assert (f.start, f.end, f.line, f.column, f.end_line, f.end_column) == (6, 7, 1, 7, 1, 8)
    assert f.suggestion == "an"
    assert (f.fix.start, f.fix.end, f.fix.replacement, f.fix.safety.value) == (6, 7, "an", "unsafe")
    assert "an" in f.message


def test_crlf_and_emoji_keep_exact_file_positions(lt_url, tmp_path):
    raw = "Good news 😀 today.\r\n\r\nHe go to the 😀 market.\r\n"
    doc = Document.from_text("crlf.txt", raw)
    [f] = languagetool_findings([doc], settings(lt_url, tmp_path))
    assert f.rule == "LT:HE_VERB_AGR"
    assert raw[f.start : f.end] == "go"  # file offsets count the CRs
    assert (f.line, f.column) == (3, 4)
    assert raw[f.fix.start : f.fix.end] == "go"


def test_several_documents_and_batches(lt_url, tmp_path):
    docs = [Document.from_text(f"d{i}.txt", f"Paragraph {i} is fine.\n\nHe go home now.\n") for i in range(30)]
    s = settings(lt_url, tmp_path, workers=2)
    findings = languagetool_findings(docs, s)
    assert [(f.path, f.rule, f.line, f.column) for f in findings] == sorted(
        (f"d{i}.txt", "LT:HE_VERB_AGR", 3, 4) for i in range(30)
    )
    assert s.stats["paragraphs"] == 60 and s.stats["cached"] == 0


def test_profile_disables_rules_that_misfire_on_news(lt_url, tmp_path):
    doc = Document.from_text("n.txt", "Chancellor Scholz met  Wüst in Düsseldorf .\n")
    assert languagetool_findings([doc], settings(lt_url, tmp_path)) == []
    on = load_profile(enable=["MORFOLOGIK_RULE_EN_US", "CONSECUTIVE_SPACES", "COMMA_PARENTHESIS_WHITESPACE"])
    findings = languagetool_findings([doc], settings(lt_url, tmp_path, profile=on))
    assert [(f.rule, doc.text[f.start : f.end]) for f in findings] == [
        ("LT:CONSECUTIVE_SPACES", "  "),
        ("LT:MORFOLOGIK_RULE_EN_US", "Wüst"),
        ("LT:COMMA_PARENTHESIS_WHITESPACE", " ."),
    ]


def test_disable_option_removes_a_rule(lt_url, tmp_path):
    doc = Document.from_text("a.txt", "I ate a apple. He go home.\n")
    off = load_profile(disable=["en_a_vs_an"])
    rules = [f.rule for f in languagetool_findings([doc], settings(lt_url, tmp_path, profile=off))]
    assert rules == ["LT:HE_VERB_AGR"]


def test_user_profile_file_replaces_keys(lt_url, tmp_path):
    user = tmp_path / "profile.yaml"
    user.write_text("issue_types:\n  grammar: {category: accuracy, severity: critical}\n", encoding="utf-8")
    profile = load_profile(user)
    assert "MORFOLOGIK_RULE_EN_US" in profile.disabled_rules  # untouched keys keep the built-in lists
    assert profile.grade("style", "X") == (Category.STYLE, Severity.MINOR)  # other entries stay
    doc = Document.from_text("a.txt", "He go home.\n")
    [f] = languagetool_findings([doc], settings(lt_url, tmp_path, profile=profile))
    assert (f.category, f.severity) == (Category.ACCURACY, Severity.CRITICAL)


def _own(path: str, start: int, end: int) -> Finding:
    return Finding(path, "TC001", "own", "fam", Category.FLUENCY, Severity.MINOR, "m", start, end, 1, start + 1, 1, end + 1)


def test_merge_drops_lt_matches_overlapping_own_findings(lt_url, tmp_path):
    doc = Document.from_text("a.txt", "I ate a apple. He go home.\n")
    lt = languagetool_findings([doc], settings(lt_url, tmp_path))
    assert [f.rule for f in lt] == ["LT:EN_A_VS_AN", "LT:HE_VERB_AGR"]
    own = [_own("a.txt", 4, 13)]  # "te a appl" overlaps the "a"
    merged = merge(own, lt)
    assert [f.rule for f in merged] == ["TC001", "LT:HE_VERB_AGR"]
    other_file = merge([_own("b.txt", 4, 13)], lt)
    assert [(f.path, f.rule) for f in other_file] == [("a.txt", "LT:EN_A_VS_AN"), ("a.txt", "LT:HE_VERB_AGR"), ("b.txt", "TC001")]


def test_user_profile_lists_replace_and_bad_keys_fail(tmp_path):
    user = tmp_path / "p.yaml"
    user.write_text("disabled_rules: [EN_QUOTES]\n", encoding="utf-8")
    assert load_profile(user).disabled_rules == {"EN_QUOTES"}
    user.write_text("disabled_rule: [EN_QUOTES]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown LanguageTool profile key 'disabled_rule'"):
        load_profile(user)
    user.write_text("issue_types:\n  grammar: {category: grammar, severity: major}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="issue_types.grammar"):
        load_profile(user)


def test_pom_pins_the_same_version_as_install():
    import xml.etree.ElementTree as ET
    from importlib import resources

    from transcheck.languagetool.install import LT_VERSION

    pom = ET.fromstring(resources.files("transcheck.languagetool").joinpath("pom.xml").read_bytes())
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    assert pom.find("m:properties/m:languagetool.version", ns).text == LT_VERSION == "6.8"
    artifacts = {d.find("m:artifactId", ns).text for d in pom.findall("m:dependencies/m:dependency", ns)}
    assert artifacts == {"languagetool-server", "language-en"}
