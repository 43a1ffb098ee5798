"""Failure is clear and safe: no Java, no jars, no Maven, failed download, unreachable, slow or crashing server."""

from __future__ import annotations

import signal
import socket

import pytest
from conftest import linked_cache, run_cli
from lt_fixtures import require_languagetool

from transcheck.documents import Document
from transcheck.languagetool.client import Checker, make_tool
from transcheck.languagetool.install import LanguageToolUnavailable
from transcheck.languagetool.profile import load_profile
from transcheck.languagetool.runner import LTSettings, grammar_findings, languagetool_findings
from transcheck.languagetool.server import LocalServer

DOC = Document.from_text("a.txt", "He go to Berlin yesterday.\n")


def one_error_line(proc, start: str) -> None:
    assert proc.returncode == 2
    lines = [ln for ln in proc.stderr_text.splitlines() if not ln.startswith("Fetching LanguageTool")]
    assert len(lines) == 1, proc.stderr_text
    assert lines[0].startswith(f"transcheck: error: {start}"), lines[0]
    assert "Traceback" not in proc.stderr_text


def text_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("He go to Berlin yesterday.\n", encoding="utf-8")
    return str(path)


def warm_cache(tmp_path) -> str:
    """A cache folder without LanguageTool (no jars, no match cache) whose rules and word tables
    are those of the default cache: the error comes without a cold build first."""
    return str(linked_cache(tmp_path / "cache", "rules", "tables"))


def test_unreachable_url_exits_2_with_one_line(tmp_path):
    proc = run_cli("check", "--languagetool", "--languagetool-url", "http://127.0.0.1:9", text_file(tmp_path),
                   env={"TRANSCHECK_CACHE_DIR": warm_cache(tmp_path)})
    one_error_line(proc, "no LanguageTool server answers at http://127.0.0.1:9")
    assert proc.stdout_text == ""


def test_no_java_exits_2(tmp_path):
    empty = tmp_path / "bin"
    empty.mkdir()
    proc = run_cli("check", "--languagetool", text_file(tmp_path),
                   env={"PATH": str(empty), "TRANSCHECK_LANGUAGETOOL_URL": "", "TRANSCHECK_CACHE_DIR": warm_cache(tmp_path)})
    one_error_line(proc, "Java not found on PATH (LanguageTool needs Java 17 or newer)")


def test_jars_missing_and_no_download_exits_2(tmp_path):
    """Jars not installed here; language-tool-python's own download cannot reach the internet."""
    require_languagetool()
    proc = run_cli("check", "--languagetool", text_file(tmp_path),
                   env={"TRANSCHECK_CACHE_DIR": warm_cache(tmp_path), "TRANSCHECK_LANGUAGETOOL_URL": "",
                        "HOME": str(tmp_path), "HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9"})
    one_error_line(proc, "LanguageTool is not installed (run 'transcheck languagetool install') and cannot use")


def test_install_without_maven_exits_2(tmp_path):
    empty = tmp_path / "bin"
    empty.mkdir()
    proc = run_cli("languagetool", "install", env={"PATH": str(empty), "TRANSCHECK_CACHE_DIR": str(tmp_path)})
    one_error_line(proc, "Maven ('mvn') not found on PATH")


def test_install_download_failure_exits_2(tmp_path):
    """A real Maven run that cannot download (offline, empty local repository)."""
    require_languagetool()
    home = tmp_path / "home"
    (home / ".m2").mkdir(parents=True)
    (home / ".m2" / "settings.xml").write_text(
        f"<settings><offline>true</offline><localRepository>{home / 'repo'}</localRepository></settings>"
    )
    proc = run_cli("languagetool", "install", env={"TRANSCHECK_CACHE_DIR": str(tmp_path / "cache"),
                                                   "MAVEN_OPTS": f"-Duser.home={home}"})
    one_error_line(proc, "could not download LanguageTool 6.8 with Maven: ")
    assert not (tmp_path / "cache" / "languagetool" / "6.8" / "jars").exists()


def test_not_required_failure_becomes_a_note(tmp_path):
    settings = LTSettings(url="http://127.0.0.1:9", cache_path=tmp_path / "c.sqlite3")
    findings, note = grammar_findings([DOC], settings, required=False)
    assert findings == []
    assert note.startswith("grammar checks skipped: no LanguageTool server answers at http://127.0.0.1:9")
    with pytest.raises(LanguageToolUnavailable):
        grammar_findings([DOC], settings, required=True)


def test_silent_server_times_out(tmp_path):
    """A port that accepts connections but never answers: the probe gives up with a clear error."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        settings = LTSettings(url=url, timeout=1.0, cache_path=tmp_path / "c.sqlite3")
        with pytest.raises(LanguageToolUnavailable, match=f"no LanguageTool server answers at {url} \\(timed out\\)"):
            languagetool_findings([DOC], settings)


@pytest.fixture(scope="module")
def own_server():
    """A server of this module's own: the slow test freezes it, then the crash test kills it."""
    require_languagetool()
    with LocalServer(heap="1g") as server:
        yield server


def test_server_slow_mid_run(own_server):
    patient = Checker(make_tool(own_server.url, "en-US", load_profile(), timeout=60.0, download_version="6.8"))
    assert [m["rule"] for m in patient.check(["He go home."])[0]] == ["HE_VERB_AGR"]  # warm the server up
    checker = Checker(make_tool(own_server.url, "en-US", load_profile(), timeout=2.0, download_version="6.8"))
    own_server.process.send_signal(signal.SIGSTOP)
    try:
        with pytest.raises(LanguageToolUnavailable) as err:
            checker.check(["She go home."])
        assert str(err.value) == (
            f"LanguageTool at {own_server.url}/ failed during the check: no answer in time (server too slow or stuck)"
        )
    finally:
        own_server.process.send_signal(signal.SIGCONT)


def test_server_crashing_mid_run(own_server):
    tool = make_tool(own_server.url, "en-US", load_profile(), timeout=30.0, download_version="6.8")
    checker = Checker(tool)
    assert [m["rule"] for m in checker.check(["I ate a apple."])[0]] == ["EN_A_VS_AN"]
    own_server.process.kill()
    own_server.process.wait()
    with pytest.raises(LanguageToolUnavailable) as err:
        checker.check(["He go home.", "Their is a problem."])
    assert str(err.value) == (
        f"LanguageTool at {own_server.url}/ failed during the check: connection refused (server stopped or crashed)"
    )


def test_unusable_cache_exits_2(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    proc = run_cli("check", "--languagetool", "--languagetool-url", "http://127.0.0.1:9", text_file(tmp_path),
                   env={"TRANSCHECK_CACHE_DIR": str(blocker)})
    one_error_line(proc, "no LanguageTool server answers")  # the server is asked first
    settings = LTSettings(url=None, cache_path=blocker / "lt.sqlite3")
    with pytest.raises(LanguageToolUnavailable, match="cannot use the LanguageTool cache: "):
        languagetool_findings([DOC], settings)
