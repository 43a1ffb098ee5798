"""A real LanguageTool server for the test session, started from the installed jars.

Import the fixture in a test module: ``from lt_fixtures import lt_url  # noqa: F401``.
In CI (CI=true) a missing Java or missing jars fail the tests; locally only a missing Java skips them.
"""

from __future__ import annotations

import os
import shutil

import pytest

from transcheck.languagetool.install import install, is_installed
from transcheck.languagetool.server import LocalServer

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require_languagetool() -> None:
    """Skip (locally, without Java) or fail (CI, or jars missing and not installable)."""
    if shutil.which("java") is None:
        if IN_CI:
            pytest.fail("Java is not installed, and CI must run the LanguageTool tests")
        pytest.skip("Java is not installed")
    if not is_installed():
        if IN_CI:
            pytest.fail("LanguageTool's jars are missing: .ci/run must run 'transcheck languagetool install'")
        install()


@pytest.fixture(scope="session")
def lt_server():
    """A LocalServer running for the whole session (one per xdist worker)."""
    require_languagetool()
    with LocalServer() as server:
        yield server


@pytest.fixture(scope="session")
def lt_url(lt_server) -> str:
    return lt_server.url
