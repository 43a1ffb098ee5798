"""The quality gate: detection on real machine translation must not fall below the committed figures.

Runs the real CLI (`transcheck eval`) on the development corpus in ../shared/corpus/dev and on
tests/data/native, exactly as scripts/update_eval_figures.py does, and compares with
tests/data/eval-figures.json: every recall and the precision may fall at most 0.02 below
the committed figure, every clean rate may rise at most 0.2 above it.
"""

from __future__ import annotations

import json
import os

import pytest

from conftest import ROOT, SHARED, load_script, run_cli

RECALL_SLACK = 0.02
PRECISION_SLACK = 0.02
CLEAN_RATE_SLACK = 0.2
DEV = SHARED / "corpus" / "dev"


def _script():
    return load_script("update_eval_figures")


@pytest.fixture(scope="module")
def committed() -> dict:
    return json.loads((ROOT / "tests" / "data" / "eval-figures.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def measured() -> dict:
    if not DEV.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{DEV} is missing: CI must run beside ../shared")
        pytest.skip(f"{DEV} is not here")
    script = _script()
    proc = run_cli(*script.ARGS)
    assert proc.returncode == 0, proc.stderr_text
    return script.summarize(json.loads(proc.stdout_text))


def test_recall_per_category_holds(committed: dict, measured: dict) -> None:
    drops = {
        category: (c["recall"], measured["categories"].get(category, {}).get("recall", 0.0))
        for category, c in committed["figures"]["categories"].items()
    }
    fallen = {c: pair for c, pair in drops.items() if pair[1] < pair[0] - RECALL_SLACK}
    assert not fallen, f"recall fell (committed, measured): {fallen}"
    assert measured["recall"] >= committed["figures"]["recall"] - RECALL_SLACK


def test_precision_holds(committed: dict, measured: dict) -> None:
    assert measured["precision"] >= committed["figures"]["precision"] - PRECISION_SLACK, (
        f"precision on mt/ fell to {measured['precision']:.3f} from {committed['figures']['precision']:.3f}"
    )


def test_clean_rate_holds(committed: dict, measured: dict) -> None:
    for folder, rate in committed["figures"]["clean_rate"].items():
        assert measured["clean_rate"][folder] <= rate + CLEAN_RATE_SLACK, (
            f"{folder}: {measured['clean_rate'][folder]:.2f} unmatched findings per 1,000 words, committed {rate:.2f}"
        )


def test_committed_figures_name_their_command(committed: dict) -> None:
    script = _script()
    assert committed["command"] == "transcheck " + " ".join(script.ARGS)
    assert committed["date"][:4].isdigit()


def test_readme_shows_the_committed_figures(committed: dict) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert _script().readme_section(committed) in readme
