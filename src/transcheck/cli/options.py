"""Options shared by several commands (check, fix)."""

from __future__ import annotations

from enum import Enum

from transcheck.cli.params import Argument, Option


class Locale(str, Enum):
    EN_US = "en-US"
    EN_GB = "en-GB"


PATHS = Argument(..., help="Files, folders (searched for .txt .md .xlf .xliff .po .pot .tmx .html .htm; see include) or - for stdin.")
SELECT = Option([], "--select", "-s", help="Only these rules (ids, names or families); repeat or comma-separate.")
IGNORE = Option([], "--ignore", "-i", help="Skip these rules (ids, names or families); repeat or comma-separate.")
LOCALE = Option(Locale.EN_US, "--locale", "-l", help="English variety for locale conventions.")
RULES_DIRS = Option([], "--rules", help="An extra folder of rule files (same schema as rules/); repeatable.")
LOCALE_CHOICE = Option(None, "--locale", "-l", help="English variety for locale conventions (default en-US).")
CONFIG_FILE = Option(None, "--config", help="Use this configuration file instead of searching for one.")
ISOLATED = Option(False, "--isolated", help="Ignore configuration files.")
JOBS = Option(None, "--jobs", "-j", min=1, help="Worker processes (default: all cores).")


class InputFormat(str, Enum):
    AUTO = "auto"
    TEXT = "text"
    XLIFF = "xliff"
    PO = "po"
    TMX = "tmx"
    HTML = "html"
    MARKDOWN = "markdown"


INPUT_FORMAT = Option(
    InputFormat.AUTO, "--input-format", help="Read files as this format (default: by extension: .xlf .po .tmx .html .md, else text)."
)
SOURCE = Option(None, "--source", help="The German source of a plain-text file, line-aligned (or see --align), for the bilingual checks.")
ALIGN = Option(False, "--align", help="With --source: split both files into sentences and align them (articles, not line-parallel).")
GLOSSARY = Option(None, "--glossary", help="Approved terms (TBX, or CSV with German and English columns) for TC1010.")


def read_options(input_format: "InputFormat", source: str | None, glossary: str | None, paths: list[str],
                 align: bool = False):
    """The formats.ReadOptions of the command line (``--source`` pairs one file only)."""
    from transcheck.errors import UsageError
    from transcheck.formats import ReadOptions

    if source is not None and len(paths) != 1:
        raise UsageError("--source pairs one target file with its source: name exactly one file")
    if align and source is None:
        raise UsageError("--align aligns a file with its --source: name the source")
    if glossary is not None:  # read now: a missing or malformed glossary is an error even where no file uses it
        from transcheck.formats import glossary as glossary_file

        glossary_file.load(glossary)
    return ReadOptions(input_format.value, source, glossary, align)


def split_keys(values: list[str]) -> list[str]:
    """Accept both repeated options and comma-separated lists."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def use_color(stream=None) -> bool:
    """Colour only on a terminal; NO_COLOR turns it off, FORCE_COLOR on."""
    import os
    import sys

    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    stream = stream or sys.stdout
    return hasattr(stream, "isatty") and stream.isatty()


def selected_config(config_file: str | None, isolated: bool, select: list[str], ignore: list[str],
                    locale: "Locale | None", rules_dirs: list[str], **options):
    """The configuration file (or none) with the selection options of the command line on top."""
    from transcheck.config import load_config

    return load_config(config_file, isolated).with_options(
        select=tuple(split_keys(select)) or None,
        ignore=tuple(split_keys(ignore)) or None,
        locale=locale.value if locale else None,
        extra_rules=tuple(rules_dirs) or None,  # --rules replaces the configuration's extra-rules
        **options,
    )
