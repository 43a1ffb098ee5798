"""The peers' own environment (``benchmarks/.venv-peers``, gitignored): the commands the
benchmarks compare transcheck with, installed there from PyPI on first use, never in the
project's venv."""

from __future__ import annotations

import json
import subprocess
import venv
from pathlib import Path

PEERS = Path(__file__).resolve().parent / ".venv-peers"
PROSELINT = "proselint==0.16.0"


def peer_command(name: str, requirement: str) -> Path:
    """The command ``name`` of the peers' environment, installing ``requirement`` if it is missing."""
    command = PEERS / "bin" / name
    if not command.exists():
        if not (PEERS / "bin" / "python").exists():
            venv.create(PEERS, with_pip=True)
        subprocess.run([str(PEERS / "bin" / "python"), "-m", "pip", "install", "-q", requirement], check=True)
    return command


def proselint() -> Path:
    """proselint's command in the peers' environment."""
    return peer_command("proselint", PROSELINT)


def uncapped_config(folder: Path) -> Path:
    """A proselint configuration file in ``folder`` that lifts its 1,000-error cap, so that it
    reports every error, as transcheck does."""
    config = folder / "proselint.json"
    config.write_text(json.dumps({"max_errors": 10**9}), encoding="utf-8")
    return config
