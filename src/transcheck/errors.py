"""Errors that end a run with a clear one-line message and exit code 2."""

from __future__ import annotations


class TranscheckError(Exception):
    """Base class: a user-facing error; ``str(err)`` is the one-line message."""


class InputError(TranscheckError):
    """A file or stream that cannot be read as UTF-8 text."""


class RuleFileError(TranscheckError):
    """A rule file that does not follow the schema in rules/README.md."""


class ConfigError(TranscheckError):
    """A configuration file with unknown keys or bad values."""


class UsageError(TranscheckError):
    """Options that do not make sense together."""


class RuleTimeoutError(TranscheckError):
    """A rule's pattern ran over its time budget on an input file."""
