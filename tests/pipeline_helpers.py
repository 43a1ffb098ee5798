"""Texts and expected messages shared by the pipeline CLI tests (config, formats, suppressions, ...)."""

from __future__ import annotations

from pathlib import Path

DROP_CAP = "Dhe minister spoke.\n"
DROP_CAP_MSG = (
    "“Dhe” is not a word: the German drop-cap initial survived and the English word lost its own; "
    "did you mean “The”?"
)
LOW_QUOTE = "He said „yes“ and left.\n"
LOW_QUOTE_MSG = "German low quotation mark “„” in English text; use ““”."


def write(root: Path, files: dict[str, str]) -> None:
    """Create ``files`` (relative path -> text) under ``root``."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def concise(path: str, line: int, col: int, rule: str, severity: str, message: str) -> str:
    return f"{path}:{line}:{col}: {rule} [{severity}] {message}"
