"""`check --languagetool`: options, and LanguageTool's findings merged with transcheck's own."""

from __future__ import annotations

import sys

from transcheck.cli.params import Option
from transcheck.documents import Document
from transcheck.models import Finding

LANGUAGETOOL = Option(
    None, "--languagetool/--no-languagetool", help="Add grammar checks from LanguageTool (see README)."
)
LANGUAGETOOL_URL = Option(
    None, "--languagetool-url", envvar="TRANSCHECK_LANGUAGETOOL_URL",
    help="Use this LanguageTool server instead of starting one.",
)
LANGUAGETOOL_ENABLE = Option([], "--languagetool-enable", help="LanguageTool rule ids to switch on; repeatable.")
LANGUAGETOOL_DISABLE = Option([], "--languagetool-disable", help="LanguageTool rule ids to switch off; repeatable.")
LANGUAGETOOL_PROFILE = Option(
    None, "--languagetool-profile", help="A LanguageTool profile file whose keys replace the built-in profile's."
)


def with_grammar(
    documents: list[Document],
    own: list[Finding],
    *,
    enabled: bool,
    required: bool = True,
    url: str | None = None,
    locale: str = "en-US",
    enable: list[str] = (),
    disable: list[str] = (),
    profile: str | None = None,
) -> list[Finding]:
    """``own`` plus LanguageTool's findings that overlap none of them.

    ``required`` is False when only configuration enabled LanguageTool: then a failure prints
    "grammar checks skipped: ..." on stderr and the run goes on; otherwise it raises (exit 2).
    """
    if not enabled:
        return own
    from transcheck.cli.options import split_keys
    from transcheck.languagetool.convert import merge
    from transcheck.languagetool.profile import load_profile
    from transcheck.languagetool.runner import LTSettings, grammar_findings

    settings = LTSettings(
        url=url, language=locale, profile=load_profile(profile, split_keys(list(enable)), split_keys(list(disable)))
    )
    found, note = grammar_findings(documents, settings, required=required)
    if note:
        print(f"transcheck: {note}", file=sys.stderr)
    return merge(own, found)
