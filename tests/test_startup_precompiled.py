"""A warm start compiles no regular expression: the rule cache holds the rules' patterns
as compiled code and the code of the patterns the detector modules compile as they load,
which ``rules.cache.precompile`` puts into ``re``'s cache before the modules are imported.
Counted in fresh interpreters (never timed), with their own ``TRANSCHECK_CACHE_DIR``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

# Loads the rules in a fresh interpreter, counting what ``re`` compiles from source meanwhile.
COUNT = """
import json, re._compiler, sys
compiled = []
original = re._compiler.compile
def counting(pattern, flags=0):
    compiled.append(str(pattern)[:80])
    return original(pattern, flags)
re._compiler.compile = counting
import transcheck.cli.check  # the engine and what a check imports before the rules load
before = list(compiled)
from transcheck.rules import load_rules
rules = load_rules()
print(json.dumps({"rules": len(rules), "while_loading": compiled[len(before):],
                  "detectors": sorted(m for m in sys.modules if m.startswith("transcheck.detectors."))}))
"""


def _load(cache: Path) -> dict:
    env = {**os.environ, "TRANSCHECK_CACHE_DIR": str(cache)}
    proc = subprocess.run([sys.executable, "-c", COUNT], capture_output=True, text=True, cwd=ROOT, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def loads(tmp_path_factory) -> tuple[dict, dict]:
    """A load that builds the cache (in a child process), then one that reads it."""
    cache = tmp_path_factory.mktemp("precompiled") / "cache"
    return _load(cache), _load(cache)


def test_warm_load_compiles_no_pattern(loads):
    cold, warm = loads
    assert warm["rules"] == cold["rules"] > 100
    assert len(warm["detectors"]) > 20  # the detector modules were imported by this load
    assert warm["while_loading"] == [], "compiled from source on a warm load: " + "; ".join(warm["while_loading"][:5])


def test_module_patterns_rebuild_as_compiled():
    """Every pattern ``module_patterns`` records is what ``re.compile`` gives for its source
    and flags, and comes back equal from its code."""
    import re

    import transcheck.detectors  # noqa: F401  (the detector modules and their patterns)
    from transcheck.rules import cache
    from transcheck.rules.loader import load_rules

    load_rules(use_cache=False)
    patterns = cache.module_patterns()
    assert len(patterns) > 100
    for source, flags, sre in patterns:
        assert cache._from_code(source, sre) == re.compile(source, flags)
