"""The wheel carries the rules: `pip install .` (not editable) gives a working transcheck."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES


@pytest.mark.heavy
def test_wheel_ships_rules_and_runs(tmp_path: Path):
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path / "dist"), str(ROOT)],
        capture_output=True, text=True, timeout=600,
    )
    assert build.returncode == 0, build.stderr
    wheel = next((tmp_path / "dist").glob("transcheck-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "transcheck/ruledata/drop-cap/TC101-drop-cap-initial.yaml" in names
    assert "transcheck/ruledata/README.md" in names

    target = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
        capture_output=True, text=True, timeout=600,
    )
    assert install.returncode == 0, install.stderr
    env = {**os.environ, "PYTHONPATH": str(target), "NO_COLOR": "1"}
    where = subprocess.run(
        [sys.executable, "-c", "import transcheck, transcheck.rules.loader as l; print(transcheck.__file__); print(l.builtin_rules_dir())"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120,
    )
    module_file, rules_dir = where.stdout.split()
    assert module_file.startswith(str(target)) and rules_dir.startswith(str(target))
    run = subprocess.run(
        [sys.executable, "-m", "transcheck", "check", "--select", "drop-cap", str(SAMPLES / "putin-biden.mt.en.txt")],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300,
    )
    assert run.returncode == 1, run.stderr
    assert "TC101" in run.stdout and "Dhe" in run.stdout
