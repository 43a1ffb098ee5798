"""Configuration files: discovery, every key, validation errors and `transcheck config`."""

from __future__ import annotations

import json
import tomllib

import pytest

from conftest import run_cli
from pipeline_helpers import DROP_CAP, DROP_CAP_MSG, LOW_QUOTE, LOW_QUOTE_MSG, concise, write
from test_formats import PERCENT_RULE

BOTH = DROP_CAP + "\n" + LOW_QUOTE
TC101_LINE = concise("a.txt", 1, 1, "TC101", "critical", DROP_CAP_MSG)
TC204_LINE = concise("a.txt", 3, 9, "TC204", "major", LOW_QUOTE_MSG)


def _check(cwd, *args):
    return run_cli("check", "-f", "concise", *args, cwd=cwd)


def test_transcheck_toml_in_the_working_directory(tmp_path):
    write(tmp_path, {"a.txt": BOTH, "transcheck.toml": 'select = ["TC101"]\n'})
    proc = _check(tmp_path, "a.txt")
    assert (proc.returncode, proc.stdout_text) == (1, TC101_LINE + "\n")


def test_found_by_walking_up_and_globs_are_relative_to_it(tmp_path):
    write(tmp_path, {
        "transcheck.toml": 'select = ["TC101", "TC204"]\n[[overrides]]\npaths = ["sub/drafts/**"]\nignore = ["drop-cap"]\n',
        "sub/drafts/a.txt": BOTH,
    })
    proc = _check(tmp_path / "sub", "drafts/a.txt")
    assert proc.stdout_text == concise("drafts/a.txt", 3, 9, "TC204", "major", LOW_QUOTE_MSG) + "\n"


def test_pyproject_tool_table(tmp_path):
    write(tmp_path, {"a.txt": BOTH, "pyproject.toml": '[project]\nname = "x"\n\n[tool.transcheck]\nselect = ["quotes"]\nignore = ["TC203"]\n'})
    proc = _check(tmp_path, "a.txt")
    assert proc.stdout_text == TC204_LINE + "\n"


def test_pyproject_without_the_table_is_skipped_while_walking_up(tmp_path):
    write(tmp_path, {
        "transcheck.toml": 'select = ["TC204"]\n',
        "sub/pyproject.toml": '[project]\nname = "x"\n',
        "sub/a.txt": BOTH,
    })
    proc = run_cli("config", "-f", "json", cwd=tmp_path / "sub")
    assert json.loads(proc.stdout_text)["source"] == str(tmp_path / "transcheck.toml")


def test_transcheck_toml_wins_over_pyproject_in_the_same_folder(tmp_path):
    write(tmp_path, {"transcheck.toml": 'locale = "en-GB"\n', "pyproject.toml": '[tool.transcheck]\nlocale = "en-US"\n'})
    data = json.loads(run_cli("config", "-f", "json", cwd=tmp_path).stdout_text)
    assert (data["source"], data["config"]["locale"]) == (str(tmp_path / "transcheck.toml"), "en-GB")


def test_explicit_config_file_and_isolated(tmp_path):
    write(tmp_path, {"a.txt": BOTH, "transcheck.toml": 'select = ["TC204"]\n', "ci/strict.toml": 'select = ["TC101"]\n'})
    assert _check(tmp_path, "--config", "ci/strict.toml", "a.txt").stdout_text == TC101_LINE + "\n"
    isolated = _check(tmp_path, "--isolated", "--select", "TC101,TC204", "a.txt")
    assert isolated.stdout_text == TC101_LINE + "\n" + TC204_LINE + "\n"
    missing = _check(tmp_path, "--config", "nope.toml", "a.txt")
    assert (missing.returncode, missing.stderr_text) == (2, f"transcheck: error: {tmp_path / 'nope.toml'}: configuration file not found\n")


def test_locale(tmp_path):
    write(tmp_path, {"q.txt": "He called it “absurd”.\n", "transcheck.toml": 'locale = "en-GB"\nselect = ["TC210"]\n'})
    gb = _check(tmp_path, "q.txt")
    assert (gb.stdout_text, gb.returncode) == ("", 0)
    us = _check(tmp_path, "--locale", "en-US", "q.txt")
    assert us.stdout_text.startswith("q.txt:1:21: TC210 [minor] American English puts a period")


def test_severity_overrides_and_fail_on(tmp_path):
    write(tmp_path, {"a.txt": BOTH, "transcheck.toml": (
        'select = ["TC101", "TC204"]\nfail-on = "major"\n[severity]\ndrop-cap-initial = "minor"\nquotes = "critical"\n'
    )})
    proc = _check(tmp_path, "a.txt")
    assert proc.stdout_text == (
        concise("a.txt", 1, 1, "TC101", "minor", DROP_CAP_MSG) + "\n" + concise("a.txt", 3, 9, "TC204", "critical", LOW_QUOTE_MSG) + "\n"
    )
    assert proc.returncode == 1
    write(tmp_path, {"a.txt": DROP_CAP})
    assert _check(tmp_path, "a.txt").returncode == 0  # TC101 is minor now, below fail-on = major
    assert _check(tmp_path, "--fail-on", "minor", "a.txt").returncode == 1  # the option wins


def test_per_path_overrides(tmp_path):
    write(tmp_path, {
        "transcheck.toml": (
            'select = ["TC101"]\n'
            '[[overrides]]\npaths = ["drafts/**"]\nignore = ["TC101"]\n'
            '[[overrides]]\npaths = ["*.md"]\nselect = ["TC101", "TC204"]\nseverity = { TC204 = "minor" }\n'
        ),
        "drafts/a.txt": BOTH, "docs/a.md": BOTH, "a.txt": BOTH,
    })
    proc = _check(tmp_path, ".")
    assert proc.stdout_text.splitlines() == [
        TC101_LINE,
        concise("docs/a.md", 1, 1, "TC101", "critical", DROP_CAP_MSG),
        concise("docs/a.md", 3, 9, "TC204", "minor", LOW_QUOTE_MSG),
    ]


def test_extra_rule_folders_and_format(tmp_path, rules_cache_apart):
    write(tmp_path, {
        "house/numbers/ZZ901.yaml": PERCENT_RULE,
        "p.txt": "Prices rose 5 per cent in May.\n",
        "transcheck.toml": 'extra-rules = ["house"]\nselect = ["per-cent-spelled-out"]\nformat = "concise"\n',
    })
    proc = run_cli("check", "p.txt", cwd=tmp_path)
    assert proc.stdout_text == "p.txt:1:15: ZZ901 [major] write 5%, not 5 per cent: per cent\n"
    write(tmp_path, {"transcheck.toml": 'extra-rules = ["nowhere"]\n'})
    bad = run_cli("check", "p.txt", cwd=tmp_path)
    assert bad.returncode == 2
    assert bad.stderr_text == f"transcheck: error: {tmp_path / 'transcheck.toml'}: key 'extra-rules': 'nowhere' is not a folder (relative to {tmp_path})\n"


def test_cli_options_override_the_file(tmp_path):
    write(tmp_path, {"a.txt": BOTH, "transcheck.toml": 'select = ["TC204"]\nformat = "json"\n'})
    proc = _check(tmp_path, "--select", "TC101", "a.txt")
    assert proc.stdout_text == TC101_LINE + "\n"


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('colour = "red"\n', "unknown key 'colour'"),
        ('fail-on = "high"\n', "key 'fail-on': unknown severity 'high' (expected minor, major or critical)"),
        ('locale = "de-DE"\n', "key 'locale': 'de-DE' is not one of en-US, en-GB"),
        ("select = 3\n", "key 'select': must be a list of non-empty strings"),
        ('format = "xml"\n', "key 'format': 'xml' is not one of text, concise, json, sarif, junit, github, html"),
        ("respect-gitignore = 1\n", "key 'respect-gitignore': 1 is not true or false"),
        ('[severity]\nTC101 = "loud"\n', "key 'severity.TC101': unknown severity 'loud' (expected minor, major or critical)"),
        ('[[overrides]]\nignore = ["TC101"]\n', "key 'overrides[0].paths': is required: a list of globs"),
        ('[[overrides]]\npaths = ["x"]\ncolor = 1\n', "unknown key 'overrides[0].color'"),
        ('[languagetool]\nurl = "localhost:8081"\n', "key 'languagetool.url': 'localhost:8081' is not an http:// or https:// URL"),
        ("[languagetool]\nport = 8081\n", "unknown key 'languagetool.port'"),
        ('[score]\nmin-bleu = "high"\n', "key 'score.min-bleu': 'high' is not a non-negative number"),
        ("[score]\nmin-comet = 0.5\n", "unknown key 'score.min-comet'"),
        ('select = ["TC999"]\n', "key 'select': unknown rule, name or family 'TC999' (see 'transcheck rules')"),
        ('[[overrides]]\npaths = ["x"]\n[overrides.severity]\nnot-a-rule = "minor"\n',
         "key 'overrides[0].severity': unknown rule, name or family 'not-a-rule' (see 'transcheck rules')"),
    ],
)
def test_bad_configuration_names_the_key(tmp_path, toml, message):
    write(tmp_path, {"a.txt": DROP_CAP, "transcheck.toml": toml})
    proc = _check(tmp_path, "a.txt")
    assert proc.returncode == 2
    assert proc.stderr_text == f"transcheck: error: {tmp_path / 'transcheck.toml'}: {message}\n"
    assert proc.stdout_text == ""


def test_invalid_toml_is_one_line(tmp_path):
    write(tmp_path, {"a.txt": DROP_CAP, "transcheck.toml": "select = [\n"})
    proc = run_cli("config", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr_text.startswith(f"transcheck: error: {tmp_path / 'transcheck.toml'}: invalid TOML: ")
    assert proc.stderr_text.count("\n") == 1


FULL = """\
locale = "en-GB"
select = ["drop-cap", "quotes"]
ignore = ["TC207"]
fail-on = "major"
format = "sarif"
include = ["*.md"]
exclude = ["vendor/"]
respect-gitignore = false

[severity]
TC101 = "major"

[languagetool]
enabled = true
url = "http://localhost:8081"
enable = ["PASSIVE_VOICE"]
disable = ["WHITESPACE_RULE"]

[score]
min-bleu = 30
min-chrf = 55.5
max-ter = 60

[quality]
major = 4
max-penalty = 20

[[overrides]]
paths = ["drafts/**"]
ignore = ["quotes"]
locale = "en-US"
"""


def test_config_command_prints_the_effective_configuration(tmp_path):
    write(tmp_path, {"transcheck.toml": FULL})
    proc = run_cli("config", cwd=tmp_path)
    assert proc.returncode == 0
    lines = proc.stdout_text.splitlines()
    assert lines[:2] == [f"# source: {tmp_path / 'transcheck.toml'}", f"# root: {tmp_path}"]
    printed = tomllib.loads(proc.stdout_text)
    assert printed == {
        "locale": "en-GB", "select": ["drop-cap", "quotes"], "ignore": ["TC207"], "fail-on": "major", "format": "sarif",
        "extra-rules": [], "include": ["*.md"], "exclude": ["vendor/"], "respect-gitignore": False,
        "severity": {"TC101": "major"},
        "languagetool": {"enabled": True, "url": "http://localhost:8081", "enable": ["PASSIVE_VOICE"], "disable": ["WHITESPACE_RULE"]},
        "score": {"min-bleu": 30.0, "min-chrf": 55.5, "max-ter": 60.0},
        "quality": {"minor": 1.0, "major": 4.0, "critical": 10.0, "max-penalty": 20.0},
        "overrides": [{"paths": ["drafts/**"], "ignore": ["quotes"], "locale": "en-US"}],
    }
    as_json = json.loads(run_cli("config", "--format", "json", cwd=tmp_path).stdout_text)
    assert as_json["config"] == printed and as_json["source"] == str(tmp_path / "transcheck.toml")
    # what `config` prints is itself a valid configuration file that means the same
    write(tmp_path, {"copy/transcheck.toml": proc.stdout_text})
    again = json.loads(run_cli("config", "-f", "json", "--config", "copy/transcheck.toml", cwd=tmp_path).stdout_text)
    assert again["config"] == printed


def test_config_command_without_a_file_shows_defaults(tmp_path):
    proc = run_cli("config", cwd=tmp_path)
    assert proc.stdout_text.splitlines()[0] == "# source: defaults (no transcheck.toml or [tool.transcheck] found)"
    assert tomllib.loads(proc.stdout_text)["fail-on"] == "minor"


def test_score_thresholds_gate_the_score_command(tmp_path):
    write(tmp_path, {
        "hyp.txt": "The cat sat on the mat.\nA dog barked loudly.\n",
        "ref.txt": "The cat sat on the mat.\nThe dog barked.\n",
        "transcheck.toml": "[score]\nmin-bleu = 99\nmin-chrf = 10\n",
    })
    args = ("score", "hyp.txt", "-r", "ref.txt", "--metrics", "bleu", "--bootstrap", "0")
    gated = run_cli(*args, cwd=tmp_path)
    assert gated.returncode == 1
    assert gated.stderr_text == "transcheck: threshold missed: hyp.txt: BLEU 70.21 missed --min-bleu (needs >= 99)\n"
    assert run_cli(*args, "--min-bleu", "70", cwd=tmp_path).returncode == 0  # the option wins
