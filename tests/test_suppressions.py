"""Inline suppressions (Markdown/HTML comments, the plain-text marker) and TC000 unused-suppression."""

from __future__ import annotations

from conftest import run_cli
from lt_fixtures import lt_server, lt_url  # noqa: F401  (a real LanguageTool server, started once)
from pipeline_helpers import DROP_CAP, DROP_CAP_MSG, LOW_QUOTE_MSG, concise, write


WORD_RULE = """\
id: ZZ902
name: tool-name
family: untranslated
category: style
severity: major
message: "the word {match}"
matcher:
  kind: pattern
  pattern: '\\btranscheck\\b|\\bignore\\b|\\bdisable\\b'
why: >
  A test rule that flags the words of the suppression directives themselves.
examples:
  flag:
    - "Run [[transcheck]] here."
  pass:
    - "Nothing here."
"""


def _concise(tmp_path, *args):
    return run_cli("check", "-f", "concise", *args, cwd=tmp_path)


def test_region_disable_and_enable(tmp_path):
    write(tmp_path, {"a.md": (
        "Headline\n\n<!-- transcheck-disable TC101 -->\nAhe minister spoke.\n\nTn the end, the minister spoke again.\n"
        "<!-- transcheck-enable TC101 -->\n\nDhe minister left.\n"
    )})
    proc = _concise(tmp_path, "--select", "TC101,TC000", "--output", "report.txt", "a.md")
    assert (tmp_path / "report.txt").read_text() == concise("a.md", 9, 1, "TC101", "critical", DROP_CAP_MSG) + "\n"
    assert proc.stderr_text == "transcheck: 1 finding(s) (1 critical) in 1 file(s); 2 suppressed; report written to report.txt\n"


def test_disable_next_line_by_name_and_family(tmp_path):
    write(tmp_path, {"a.md": (
        "Headline\n\n<!-- transcheck-disable-next-line drop-cap-initial -->\nDhe minister spoke.\n\n"
        "<!-- transcheck-disable-next-line quotes -->\nHe said „yes“ and left.\n"
        "He said „no“ too.\n"
    )})
    proc = _concise(tmp_path, "--select", "TC101,TC204,TC000", "a.md")
    assert proc.stdout_text == concise("a.md", 8, 9, "TC204", "major", LOW_QUOTE_MSG) + "\n"


def test_plain_text_line_marker(tmp_path):
    write(tmp_path, {"a.txt": "Ahe minister spoke. [transcheck: ignore TC101]\n\nDhe minister left.\n"})
    proc = _concise(tmp_path, "--select", "TC101,TC000", "a.txt")
    assert proc.stdout_text == concise("a.txt", 3, 1, "TC101", "critical", DROP_CAP_MSG) + "\n"


def test_all_and_no_rule_suppress_everything(tmp_path):
    write(tmp_path, {"a.html": (
        "<p>Intro</p>\n\n<!-- transcheck-disable all -->\nAhe minister said „yes“ today.\n<!-- transcheck-enable -->\n\n"
        "<p>Tn the end, he left. [transcheck: ignore]</p>\n\n<p>Dhe end.</p>\n"
    )})
    proc = _concise(tmp_path, "--select", "TC101,TC204,TC000", "a.html")
    assert proc.stdout_text == concise("a.html", 9, 4, "TC101", "critical", "“Dhe” is not a word: the German drop-cap initial survived and the English word lost its own; did you mean “The”?") + "\n"


def test_unused_suppressions_are_reported_as_TC000(tmp_path):
    write(tmp_path, {"a.md": (
        "Headline\n\n<!-- transcheck-disable-next-line TC101 -->\nThe minister spoke.\n\n"
        "He said „yes“. [transcheck: ignore TC101, quotes]\n\n"
        "<!-- transcheck-disable TC999 -->\n"
    )})
    proc = _concise(tmp_path, "--select", "TC101,TC204,TC000", "a.md")
    assert proc.returncode == 1
    assert proc.stdout_text.splitlines() == [
        concise("a.md", 3, 1, "TC000", "minor", "suppression of TC101 suppressed nothing; remove it"),
        concise("a.md", 6, 16, "TC000", "minor", "suppression of TC101 suppressed nothing; remove it"),
        concise("a.md", 8, 1, "TC000", "minor", "suppression names unknown rule 'TC999'"),
    ]
    quiet = _concise(tmp_path, "--select", "TC101,TC204", "a.md")  # TC000 not selected
    assert (quiet.returncode, quiet.stdout_text) == (0, "")
    ignored = _concise(tmp_path, "--ignore", "unused-suppression", "--select", "TC101,TC204,TC000", "a.md")
    assert ignored.stdout_text == ""


def test_unused_suppression_of_a_rule_that_did_not_run_is_not_reported(tmp_path):
    write(tmp_path, {"a.md": "Headline\n\n<!-- transcheck-disable-next-line TC204 -->\nThe minister spoke.\n"})
    proc = _concise(tmp_path, "--select", "TC101,TC000", "a.md")
    assert (proc.returncode, proc.stdout_text) == (0, "")


def test_rules_never_flag_the_directives(tmp_path, rules_cache_apart):
    write(tmp_path, {
        "rules/untranslated/ZZ902.yaml": WORD_RULE,
        "a.md": "Headline\n\n<!-- transcheck-disable-next-line TC101 -->\nDhe transcheck.\n\nWe ignore it. [transcheck: ignore TC101]\n",
    })
    proc = _concise(tmp_path, "--rules", "rules", "--select", "ZZ902,TC101,TC000", "a.md")
    assert proc.stdout_text.splitlines() == [
        concise("a.md", 4, 5, "ZZ902", "major", "the word transcheck"),
        concise("a.md", 6, 4, "ZZ902", "major", "the word ignore"),
        concise("a.md", 6, 15, "TC000", "minor", "suppression of TC101 suppressed nothing; remove it"),
    ]


def test_languagetool_findings_pass_through_severity_and_suppressions(lt_url, tmp_path):
    write(tmp_path, {
        "transcheck.toml": (
            'select = ["TC101", "TC000"]\n[severity]\n"LT:EN_A_VS_AN" = "minor"\n'
            f'[languagetool]\nenabled = true\nurl = "{lt_url}"\n'
        ),
        "a.txt": "I ate a apple.\n\nHe go home now. [transcheck: ignore LT:HE_VERB_AGR]\n",
    })
    proc = _concise(tmp_path, "a.txt")
    lines = proc.stdout_text.splitlines()
    assert len(lines) == 1, proc.stdout_text + proc.stderr_text
    assert lines[0].startswith("a.txt:1:7: LT:EN_A_VS_AN [minor] ")


def test_configured_languagetool_that_is_unreachable_is_skipped_with_a_note(tmp_path):
    write(tmp_path, {"transcheck.toml": '[languagetool]\nenabled = true\nurl = "http://127.0.0.1:9"\n', "a.txt": DROP_CAP})
    proc = _concise(tmp_path, "--select", "TC101", "a.txt")
    assert proc.returncode == 1
    assert proc.stdout_text == concise("a.txt", 1, 1, "TC101", "critical", DROP_CAP_MSG) + "\n"
    assert proc.stderr_text.startswith("transcheck: grammar checks skipped: no LanguageTool server answers at http://127.0.0.1:9")
    forced = _concise(tmp_path, "--select", "TC101", "--languagetool", "a.txt")
    assert forced.returncode == 2
