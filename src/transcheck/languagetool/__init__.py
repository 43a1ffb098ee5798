"""LanguageTool grammar checks: install (Maven), local server, client, cache, profile, match -> Finding.

Import the heavy parts lazily: ``from transcheck.languagetool.runner import languagetool_findings``.
"""

from transcheck.languagetool.install import LT_VERSION, LanguageToolUnavailable

__all__ = ["LT_VERSION", "LanguageToolUnavailable"]
