"""transcheck's own LanguageTool pattern rules (rules/languagetool/grammar_custom.xml) on the server's classpath.

LanguageTool loads ``org/languagetool/rules/en/grammar_custom.xml`` from its classpath beside its own
``grammar.xml`` (``Language.getRuleFileNames``), so the file is copied into a folder of that layout,
named by the file's hash, and that folder is added to the java classpath.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from functools import cache
from pathlib import Path

from transcheck.languagetool.install import install_dir

CUSTOM_FILE = "grammar_custom.xml"
CLASSPATH_NAME = "org/languagetool/rules/en/grammar_custom.xml"


def custom_rules_path() -> Path:
    """The built-in custom rule file."""
    from transcheck.rules.loader import builtin_rules_dir

    return builtin_rules_dir() / "languagetool" / CUSTOM_FILE


@cache
def custom_digest() -> str:
    """A short hash of the custom rules (part of the match cache key): '' when there is no file."""
    path = custom_rules_path()
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16] if path.is_file() else ""


def staged_classpath() -> Path | None:
    """A folder holding the custom rules at LanguageTool's classpath location (None without rules)."""
    digest = custom_digest()
    if not digest:
        return None
    root = install_dir() / "custom" / digest
    target = root / CLASSPATH_NAME
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(custom_rules_path().read_bytes())
        os.replace(tmp, target)
    return root
