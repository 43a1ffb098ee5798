"""Shared fixtures: the built-in rules, paths to samples and to ../shared."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from transcheck.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def ruleset():
    return load_rules()


def run_cli(*args: str, input: str | bytes | None = None, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real CLI in a subprocess (``python -m transcheck``)."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    full_env.pop("FORCE_COLOR", None)
    data = input.encode() if isinstance(input, str) else input
    proc = subprocess.run(
        [sys.executable, "-m", "transcheck", *args],
        input=data, capture_output=True, cwd=cwd or ROOT, env=full_env, timeout=600,
    )
    proc.stdout_text = proc.stdout.decode("utf-8")  # type: ignore[attr-defined]
    proc.stderr_text = proc.stderr.decode("utf-8")  # type: ignore[attr-defined]
    return proc
