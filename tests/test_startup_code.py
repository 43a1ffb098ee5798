"""What the modules compile as they load, compiled once and kept (``transcheck.startup_code``):
the methods ``dataclasses`` writes make the same classes as ``exec`` makes them, nothing is
compiled on a warm start, and a damaged or unwritable cache only costs the compiling. (The
patterns: ``test_startup_precompiled``.)"""

from __future__ import annotations

import builtins
import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from conftest import ROOT
from transcheck import startup_code

# A module with postponed annotations, as the package's modules have: the kept code must not
# take this module's __future__ flags (exec compiles the methods for dataclasses without them).
SOURCE = '''
from __future__ import annotations
from dataclasses import dataclass, field

@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0
    tags: list[str] = field(default_factory=list)

@dataclass(order=True, slots=True)
class Pair:
    first: str
    second: float = 1.5
'''


def _classes() -> dict:
    module = ModuleType("kept_example")  # dataclasses look the module up (its string annotations)
    sys.modules[module.__name__] = module
    try:
        builtins.exec(compile(SOURCE, "kept_example.py", "exec"), vars(module))
    finally:
        del sys.modules[module.__name__]
    return {name: getattr(module, name) for name in ("Point", "Pair")}


def _methods(cls: type) -> dict[str, object]:
    return {name: fn.__code__ for name, fn in vars(cls).items() if hasattr(fn, "__code__")}


@pytest.fixture
def hooked(monkeypatch, tmp_path):
    """``dataclasses`` with the kept-code ``exec``, its state fresh, undone after the test."""
    monkeypatch.setattr(dataclasses, "exec", builtins.exec, raising=False)
    for name, value in {"_methods": {}, "_patterns": {}, "_modules": set(), "_compiled": 0, "_file": None, "_owner": 0}.items():
        monkeypatch.setattr(startup_code, name, value)
    monkeypatch.setenv("TRANSCHECK_CACHE_DIR", str(tmp_path / "cache"))
    startup_code.install()
    return tmp_path / "cache" / "code"


def test_kept_code_makes_the_same_classes(hooked, monkeypatch):
    made = _classes()  # compiled by the hook, then kept
    assert startup_code._compiled > 5, "the hook compiled nothing"
    startup_code.save()
    assert startup_code._compiled == 0 and len(list(hooked.glob("*.marshal"))) == 1
    monkeypatch.setattr(startup_code, "_methods", {})
    startup_code.install()  # read back from the file
    again = _classes()
    assert startup_code._compiled == 0, "compiled again although the file held the code"
    monkeypatch.setattr(dataclasses, "exec", builtins.exec)
    plain = _classes()
    for name, cls in plain.items():
        assert _methods(made[name]) == _methods(again[name]) == _methods(cls) != {}
        assert again[name].__init__.__annotations__ == cls.__init__.__annotations__
    point = again["Point"](1)
    assert point == again["Point"](1) != again["Point"](2) and repr(point) == "Point(x=1, y=0, tags=[])"
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 2
    assert again["Pair"]("a") < again["Pair"]("b")


def test_a_damaged_file_is_compiled_over(hooked, monkeypatch):
    hooked.mkdir(parents=True)
    path = startup_code._file
    path.write_bytes(b"\x00not marshal data")
    monkeypatch.setattr(startup_code, "_methods", {})
    startup_code.install()
    assert startup_code._methods == {}
    assert _classes()["Point"](3).x == 3
    startup_code.save()
    assert path.read_bytes() != b"\x00not marshal data"


RESULTS: list[int] = []


def test_other_exec_calls_pass_through(hooked):
    namespace: dict = {}
    dataclasses.exec(compile("value = 6 * 7", "<test>", "exec"), namespace)  # code: run as it is
    dataclasses.exec("RESULTS.append(6 * 7)")  # no namespaces: the caller's, as exec finds them
    assert namespace["value"] == 42 and RESULTS == [42]
    assert startup_code._compiled == 0


def test_an_unwritable_folder_costs_only_the_compiling(hooked, tmp_path):
    startup_code._file = tmp_path / "a-file" / "code.marshal"  # its folder is a file
    (tmp_path / "a-file").write_text("x")
    _classes()
    startup_code.save()  # no error
    assert startup_code._compiled > 5  # still to be written


# The package's dataclasses, every generated method's code, in a fresh interpreter: with the
# kept code (as the command line installs it) or without.
PACKAGE_METHODS = """
import dataclasses, hashlib, json, marshal, pkgutil, sys, importlib
if sys.argv[1] == "kept":
    from transcheck import startup_code
    startup_code.install()
import transcheck, transcheck.cli.check
for info in pkgutil.walk_packages(transcheck.__path__, "transcheck."):
    if not info.name.startswith(("transcheck.languagetool", "transcheck.cli", "transcheck.__main__")):
        importlib.import_module(info.name)
found = {}
for name, module in sorted(sys.modules.items()):
    if name.startswith("transcheck."):
        for value in list(vars(module).values()):
            if dataclasses.is_dataclass(value) and isinstance(value, type) and value.__module__ == name:
                for attr, fn in vars(value).items():
                    if hasattr(fn, "__code__"):
                        found[f"{name}.{value.__qualname__}.{attr}"] = hashlib.sha256(marshal.dumps(fn.__code__)).hexdigest()
compiled = startup_code._compiled if sys.argv[1] == "kept" else None
if sys.argv[1] == "kept":
    startup_code.save()
print(json.dumps({"methods": found, "compiled": compiled}))
"""


def _package_methods(mode: str, cache: Path) -> dict:
    env = {**os.environ, "TRANSCHECK_CACHE_DIR": str(cache)}
    proc = subprocess.run([sys.executable, "-c", PACKAGE_METHODS, mode], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_the_package_classes_are_the_same_with_kept_code(tmp_path):
    cache = tmp_path / "cache"
    plain = _package_methods("plain", cache)
    first = _package_methods("kept", cache)
    warm = _package_methods("kept", cache)
    assert len(plain["methods"]) > 300
    assert first["methods"] == warm["methods"] == plain["methods"]
    assert first["compiled"] > 100 and warm["compiled"] == 0


def test_the_command_line_keeps_the_code_once(tmp_path):
    cache = tmp_path / "cache"
    text = tmp_path / "one.txt"
    text.write_text("The report was published on Monday.\n", encoding="utf-8")
    env = {**os.environ, "TRANSCHECK_CACHE_DIR": str(cache)}
    command = [sys.executable, "-m", "transcheck", "check", str(text)]
    written = []
    for _ in range(2):
        proc = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
        assert proc.returncode == 0, proc.stderr
        files = list((cache / "code").glob("*.marshal"))
        assert len(files) == 1
        written.append((files[0].stat().st_mtime_ns, files[0].stat().st_size))
    assert written[0][1] > 10_000
    assert written[1] == written[0]  # the second run found everything it needed: nothing rewritten
