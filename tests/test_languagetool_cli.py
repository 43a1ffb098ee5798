"""`check --languagetool` and `transcheck languagetool ...` through the real CLI in a subprocess."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import uuid

from conftest import ROOT, linked_cache, run_cli
from lt_fixtures import lt_server, lt_url  # noqa: F401  (session fixtures)

from transcheck.languagetool.server import probe

MT = "Dhe Russian President Vladimir Putin has proposed a live debate.\n\nHe go to Berlin yesterday.\n"


def write(tmp_path, text=MT, name="a.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def own_lt_cache(tmp_path) -> str:
    """A cache folder with an empty LanguageTool match cache (the rules and tables: linked)."""
    return str(linked_cache(tmp_path / "cache", "rules", "tables"))


def rules_and_spans(stdout: str) -> list[tuple]:
    return [(f["rule"], f["start"], f["end"], f["line"], f["column"]) for f in json.loads(stdout)["findings"]]


def test_check_languagetool_adds_lt_findings(lt_url, tmp_path):
    env = {"TRANSCHECK_CACHE_DIR": own_lt_cache(tmp_path)}
    proc = run_cli("check", "--languagetool", "--languagetool-url", lt_url, "--select", "TC101", "-f", "json",
                   write(tmp_path), env=env)
    assert proc.returncode == 1, proc.stderr_text
    assert rules_and_spans(proc.stdout_text) == [("TC101", 0, 3, 1, 1), ("LT:HE_VERB_AGR", 69, 71, 3, 4)]
    assert proc.stderr_text == ""


def test_lt_match_on_the_span_of_an_own_finding_is_dropped(lt_url, tmp_path):
    env = {"TRANSCHECK_CACHE_DIR": own_lt_cache(tmp_path)}
    path = write(tmp_path)
    only_lt = run_cli("check", "--languagetool", "--languagetool-url", lt_url, "--languagetool-enable",
                      "MORFOLOGIK_RULE_EN_US", "--select", "TC101", "-f", "json", path, env=env)
    both = json.loads(only_lt.stdout_text)["findings"]
    assert [f["rule"] for f in both] == ["TC101", "LT:HE_VERB_AGR"]  # LT's spelling match on "Dhe" is dropped
    lt_alone = run_cli("check", "--languagetool", "--languagetool-url", lt_url, "--languagetool-enable",
                       "MORFOLOGIK_RULE_EN_US", "--ignore", "TC101,TC340", "-f", "json", path, env=env)  # TC340 flags "he" + base form itself
    assert [r for r in rules_and_spans(lt_alone.stdout_text) if r[0].startswith("LT:")] == [
        ("LT:MORFOLOGIK_RULE_EN_US", 0, 3, 1, 1), ("LT:HE_VERB_AGR", 69, 71, 3, 4)
    ]


def test_url_from_environment(lt_url, tmp_path):
    env = {"TRANSCHECK_CACHE_DIR": own_lt_cache(tmp_path), "TRANSCHECK_LANGUAGETOOL_URL": lt_url}
    proc = run_cli("check", "--languagetool", "--select", "TC101", "-f", "json", write(tmp_path, "I ate a apple.\n"),
                   env=env)
    assert rules_and_spans(proc.stdout_text) == [("LT:EN_A_VS_AN", 6, 7, 1, 7)]


def test_without_the_flag_no_languagetool(tmp_path):
    proc = run_cli("check", "-f", "json", "--select", "TC101", "--languagetool-url", "http://127.0.0.1:9",
                   write(tmp_path, "I ate a apple.\n"))
    assert (proc.returncode, json.loads(proc.stdout_text)["findings"]) == (0, [])


def test_local_server_from_installed_jars(lt_server, tmp_path):
    """No URL: transcheck starts its own server on a free port and stops it (default cache dir)."""
    fresh = f"Their is a problem.\n\nReport {uuid.uuid4().hex} follows.\n"  # never in the cache
    proc = run_cli("check", "--languagetool", "--select", "TC101", "-f", "json", write(tmp_path, fresh),
                   env={"TRANSCHECK_LANGUAGETOOL_URL": ""})
    assert proc.returncode == 1, proc.stderr_text
    assert rules_and_spans(proc.stdout_text) == [("LT:THEIR_IS", 0, 5, 1, 1)]


def test_install_is_idempotent(lt_server):
    proc = run_cli("languagetool", "install")
    assert proc.returncode == 0
    assert proc.stdout_text.startswith("LanguageTool 6.8 already installed in ")


def test_status_reports_a_reachable_server(lt_url):
    proc = run_cli("languagetool", "status", "--url", lt_url)
    assert proc.returncode == 0, proc.stdout_text
    assert f"server:    {lt_url} answers (LanguageTool 6.8)" in proc.stdout_text
    assert "version:   6.8 (pinned)" in proc.stdout_text


def test_status_unreachable_server_exits_1():
    proc = run_cli("languagetool", "status", "--url", "http://127.0.0.1:9")
    assert proc.returncode == 1
    assert "server:    no LanguageTool server answers at http://127.0.0.1:9" in proc.stdout_text


def test_serve_runs_until_interrupted(lt_server):
    cmd = [sys.executable, "-m", "transcheck", "languagetool", "serve", "--port", "0", "--heap", "1g"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = ""
        while "listening at" not in line:
            line = proc.stderr.readline()
            assert line, "serve exited before listening"
        url = line.split("listening at ")[1].split()[0]
        assert probe(url) == "6.8"
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 130  # 128 + SIGINT, as for every command
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.poll() == 130
