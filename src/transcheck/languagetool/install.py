"""Fetch LanguageTool's jars from Maven Central with Maven, into a cache folder outside the repo."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from importlib import resources
from pathlib import Path

from transcheck.cachedir import cache_root
from transcheck.errors import TranscheckError

LT_VERSION = "6.8"  # must match <languagetool.version> in pom.xml
_DONE = ".installed"


class LanguageToolUnavailable(TranscheckError):
    """LanguageTool cannot be installed, started or reached (one-line message)."""


def install_dir(version: str = LT_VERSION) -> Path:
    """Where one LanguageTool version lives: ``<cache>/languagetool/<version>/``."""
    return cache_root() / "languagetool" / version


def jars_dir(version: str = LT_VERSION) -> Path:
    return install_dir(version) / "jars"


def is_installed(version: str = LT_VERSION) -> bool:
    return (install_dir(version) / _DONE).is_file()


def find_java() -> str:
    """Path of the ``java`` executable, or a clear error."""
    java = shutil.which("java")
    if java is None:
        raise LanguageToolUnavailable("Java not found on PATH (LanguageTool needs Java 17 or newer)")
    return java


def find_maven() -> str:
    mvn = shutil.which("mvn")
    if mvn is None:
        raise LanguageToolUnavailable(
            "Maven ('mvn') not found on PATH; install Maven to fetch LanguageTool, or use --languagetool-url"
        )
    return mvn


def _last_error_line(output: str) -> str:
    errors = [line.removeprefix("[ERROR]").strip() for line in output.splitlines() if line.startswith("[ERROR]")]
    errors = [e for e in errors if e]
    return errors[0] if errors else (output.strip().splitlines() or ["no output"])[-1]


def install(version: str = LT_VERSION) -> Path:
    """Copy LanguageTool's server and English jars into :func:`jars_dir`; instant when already there."""
    target = install_dir(version)
    if is_installed(version):
        return jars_dir(version)
    if version != LT_VERSION:
        raise LanguageToolUnavailable(f"only LanguageTool {LT_VERSION} can be installed, not {version}")
    mvn = find_maven()
    find_java()
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target, prefix=".mvn-") as work:
        pom = Path(work) / "pom.xml"
        pom.write_bytes(resources.files("transcheck.languagetool").joinpath("pom.xml").read_bytes())
        staged = Path(work) / "jars"
        cmd = [mvn, "-B", "-q", "-f", str(pom), "dependency:copy-dependencies",
               f"-DoutputDirectory={staged}", "-DincludeScope=runtime"]
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=work)
        if proc.returncode != 0 or not any(staged.glob("languagetool-server-*.jar")):
            reason = _last_error_line(proc.stdout + proc.stderr)
            raise LanguageToolUnavailable(f"could not download LanguageTool {version} with Maven: {reason}")
        final = jars_dir(version)
        if final.exists():
            shutil.rmtree(final)
        os.replace(staged, final)
    (target / _DONE).write_text(version + "\n", encoding="utf-8")
    return jars_dir(version)
