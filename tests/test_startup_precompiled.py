"""A warm start compiles no regular expression: the rule cache holds the rules' patterns
as compiled code, and ``startup_code`` the code of the patterns the modules compile as
they load, which ``regex_code.precompile`` puts into ``re``'s cache before the modules are
imported. Counted in fresh interpreters (never timed), with their own ``TRANSCHECK_CACHE_DIR``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

# Loads the rules in a fresh interpreter as the command line does, counting what ``re``
# compiles from source for the package's modules meanwhile.
COUNT = """
import json, re._compiler, sys
from transcheck import startup_code
startup_code.install()
compiled = []
original = re._compiler.compile
def counting(pattern, flags=0):
    frame = sys._getframe(1)
    while frame.f_globals.get("__name__") in ("re", "re._compiler"):  # re.compile, re._compile
        frame = frame.f_back
    if frame.f_globals.get("__name__", "").startswith("transcheck"):  # the package's, not the stdlib's
        compiled.append(str(pattern)[:80])
    return original(pattern, flags)
re._compiler.compile = counting
import transcheck.cli.check  # the engine and what a check imports before the rules load
before = list(compiled)
from transcheck.rules import load_rules
rules = load_rules()
print(json.dumps({"rules": len(rules), "importing": before, "while_loading": compiled[len(before):],
                  "detectors": sorted(m for m in sys.modules if m.startswith("transcheck.detectors."))}))
startup_code.save()
"""


def _load(cache: Path) -> dict:
    env = {**os.environ, "TRANSCHECK_CACHE_DIR": str(cache)}
    proc = subprocess.run([sys.executable, "-c", COUNT], capture_output=True, text=True, cwd=ROOT, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def loads(tmp_path_factory) -> tuple[dict, dict, Path]:
    """A load that builds the cache (in a child process), then one that reads it; the cache."""
    cache = tmp_path_factory.mktemp("precompiled") / "cache"
    return _load(cache), _load(cache), cache


def test_warm_load_compiles_no_pattern(loads):
    cold, warm, _ = loads
    assert warm["rules"] == cold["rules"] > 100
    assert len(warm["detectors"]) > 20  # the detector modules were imported by this load
    assert cold["importing"] and cold["while_loading"], "nothing compiled without the kept code: the count is broken"
    assert warm["importing"] == [], "compiled from source on a warm start: " + "; ".join(warm["importing"][:5])
    assert warm["while_loading"] == [], "compiled from source on a warm load: " + "; ".join(warm["while_loading"][:5])


def test_module_patterns_rebuild_as_compiled():
    """Every pattern ``module_patterns`` records is what ``re.compile`` gives for its source
    and flags, and comes back equal from its code."""
    import re

    import transcheck.detectors  # noqa: F401  (the detector modules and their patterns)
    from transcheck import regex_code
    from transcheck.rules.loader import load_rules

    load_rules(use_cache=False)
    patterns = regex_code.module_patterns()
    assert len(patterns) > 100
    for source, flags, sre in patterns:
        assert regex_code.from_code(source, sre) == re.compile(source, flags)


# What a warm one-line check must not import: the command line is read without typer (and
# the pydantic it builds on), a clean file's two lines are written without rich, the tagger
# scores a short text without numpy, one file needs no process pool, no configuration file
# needs no TOML parser, and the builds' modules stay in the processes that build.
NOT_ON_A_ONE_LINE_CHECK = ("typer", "click", "pydantic", "rich", "numpy", "pathspec", "concurrent", "multiprocessing",
                           "tomllib", "yaml", "wordfreq", "msgpack", "subprocess")


def test_one_line_check_imports_no_heavy_module(tmp_path, loads):
    sample = tmp_path / "one-line.txt"
    sample.write_text("The committee met on Tuesday and agreed on the budget for next year.\n", encoding="utf-8")
    env = {**os.environ, "TRANSCHECK_CACHE_DIR": str(loads[2]), "NO_COLOR": "1"}
    command = [sys.executable, "-X", "importtime", "-m", "transcheck", "check", str(sample), "--isolated"]
    for _ in range(2):  # the first run may build tables; the second is the warm one
        proc = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr
    imported = {line.rsplit("|", 1)[1].strip().split(".")[0] for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert "transcheck" in imported
    assert not imported & set(NOT_ON_A_ONE_LINE_CHECK), sorted(imported & set(NOT_ON_A_ONE_LINE_CHECK))


def _imported(argv: list[str], cache: Path, cwd: Path) -> tuple[subprocess.CompletedProcess, set[str]]:
    env = {**os.environ, "TRANSCHECK_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "transcheck", *argv],
                          capture_output=True, text=True, cwd=cwd, env=env, timeout=600)
    return proc, {line.rsplit("|", 1)[1].strip().split(".")[0] for line in proc.stderr.splitlines() if line.startswith("import time:")}


@pytest.mark.parametrize(("argv", "shown"), [(["rules", "--family", "boilerplate"], "TC801"), (["explain", "TC101"], "drop-cap"),
                                             (["config", "--isolated", "-f", "json"], '"locale"')])
def test_listing_commands_are_read_without_typer(tmp_path, loads, argv, shown):
    proc, imported = _imported(argv, loads[2], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert shown in proc.stdout
    assert not imported & {"typer", "click", "pydantic", "numpy", "wordfreq"}, imported


@pytest.mark.parametrize("argv", [[], ["--family", "boilerplate"], ["--rules", "a", "--rules", "b"], ["--family=x"]])
def test_rules_reads_what_typer_reads(argv):
    import typer

    from transcheck.cli import params, rules_cmd
    from transcheck.cli.app import typer_app

    if "rules" not in {c.name for c in typer_app().registered_commands}:
        typer_app().command("rules")(rules_cmd.list_rules)
    command = typer.main.get_command(typer_app()).commands["rules"]
    with command.make_context("rules", list(argv)) as ctx:
        assert params.parse(rules_cmd.list_rules, argv) == dict(ctx.params)


@pytest.mark.parametrize("argv", [["TC101"], ["--rules", "a", "TC101"], ["TC101", "TC102"], []])
def test_explain_reads_what_typer_reads_or_leaves_it(argv):
    import typer

    from transcheck.cli import params, rules_cmd
    from transcheck.cli.app import typer_app

    if "explain" not in {c.name for c in typer_app().registered_commands}:
        typer_app().command("explain")(rules_cmd.explain)
    command = typer.main.get_command(typer_app()).commands["explain"]
    quick = params.parse(rules_cmd.explain, argv)
    try:
        with command.make_context("explain", list(argv)) as ctx:
            assert quick == dict(ctx.params)
    except Exception:  # typer's usage error (its own copy of click's)
        assert quick is None


# Puts 600 patterns' code into ``re``'s cache (more than its usual bound of 512 holds), then
# compiles each of them again, counting what ``re`` compiles from source.
MANY = """
import re, re._compiler
from transcheck import regex_code
sources = [rf"\\\\bshape{i}\\\\b" for i in range(600)]
patterns = [(s, 0, regex_code.code_of(re.compile(s))) for s in sources]
re.purge()
regex_code.precompile(patterns)
compiled = []
original = re._compiler.compile
re._compiler.compile = lambda pattern, flags=0: compiled.append(pattern) or original(pattern, flags)
for s in sources:
    re.compile(s)
re.compile("a run's own pattern")
print(len(compiled))
"""


def test_precompile_holds_more_patterns_than_re_caches_by_default():
    proc = subprocess.run([sys.executable, "-c", MANY], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["1"]  # only the run's own pattern was compiled from source
