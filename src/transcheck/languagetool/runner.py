"""Check documents with LanguageTool: cache first, then reach a server for the rest.

A server is reached in this order: the URL the user gave; a local server started from the
installed jars on a free port (stopped when done); language-tool-python's own download.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from transcheck.documents import Document
from transcheck.languagetool import convert
from transcheck.languagetool.cache import MatchCache, cache_key
from transcheck.languagetool.client import Checker, make_tool, paragraphs
from transcheck.languagetool.custom import custom_digest
from transcheck.languagetool.install import LT_VERSION, LanguageToolUnavailable, find_java, is_installed
from transcheck.languagetool.profile import Profile, load_profile
from transcheck.languagetool.server import LocalServer, probe
from transcheck.models import Finding

URL_ENV = "TRANSCHECK_LANGUAGETOOL_URL"  # read by the CLI option --languagetool-url


@dataclass
class LTSettings:
    """How to run LanguageTool for one check run."""

    url: str | None = None
    language: str = "en-US"
    profile: Profile = field(default_factory=load_profile)
    timeout: float = 120.0  # seconds per request
    start_timeout: float = 120.0  # seconds for a local server to answer
    workers: int = 2
    cache_path: Path | None = None
    use_cache: bool = True
    stats: dict = field(default_factory=dict)  # filled in: paragraphs, cached, requests, server


@contextmanager
def _server(settings: LTSettings) -> Iterator[str | None]:
    """Yield a URL to use (None: let language-tool-python download and run its own server)."""
    if settings.url:
        yield settings.url
        return
    find_java()
    if is_installed():
        server = LocalServer().start(settings.start_timeout)
        try:
            yield server.url
        finally:
            server.stop()
        return
    yield None


@contextmanager
def _cache(settings: LTSettings) -> Iterator[MatchCache | None]:
    if not settings.use_cache:
        yield None
        return
    try:
        cache = MatchCache(settings.cache_path)
    except (sqlite3.Error, OSError) as err:
        raise LanguageToolUnavailable(f"cannot use the LanguageTool cache: {err}") from None
    try:
        with cache:
            yield cache
    except sqlite3.Error as err:
        raise LanguageToolUnavailable(f"cannot use the LanguageTool cache: {err}") from None


def _version(settings: LTSettings) -> str:
    return probe(settings.url, timeout=min(settings.timeout, 10.0)) if settings.url else LT_VERSION


def _check_missing(texts: list[str], settings: LTSettings) -> list[list[dict]]:
    with _server(settings) as url:
        settings.stats["server"] = url or "language-tool-python download"
        try:
            tool = make_tool(url, settings.language, settings.profile, settings.timeout, LT_VERSION)
        except LanguageToolUnavailable as err:
            if url is None:
                raise LanguageToolUnavailable(
                    f"LanguageTool is not installed (run 'transcheck languagetool install') and {err}"
                ) from None
            raise
        try:
            checker = Checker(tool, settings.workers)
            results = checker.check(texts)
            settings.stats["requests"] = checker.requests
            return results
        finally:
            tool.close()


def languagetool_findings(documents: list[Document], settings: LTSettings) -> list[Finding]:
    """LanguageTool's findings for the documents; raises LanguageToolUnavailable on any failure."""
    version = _version(settings)
    parts = [(doc, p) for doc in documents for p in paragraphs(doc.text)]
    rules_key = settings.profile.digest + custom_digest()  # the rule selection and transcheck's own LT rules
    keys = [cache_key(version, settings.language, rules_key, p.text) for _, p in parts]
    settings.stats.update(paragraphs=len(parts), requests=0, server=None)
    with _cache(settings) as cache:
        known = cache.get_many(keys) if cache else {}
        settings.stats["cached"] = sum(1 for k in keys if k in known)
        missing = list(dict.fromkeys(k for k in keys if k not in known))
        if missing:
            text_of = {k: p.text for k, (_, p) in zip(keys, parts)}
            fresh = dict(zip(missing, _check_missing([text_of[k] for k in missing], settings)))
            if cache:
                cache.put_many(fresh)
            known.update(fresh)
    findings = [
        convert.to_finding(doc, p.offset, match, settings.profile)
        for key, (doc, p) in zip(keys, parts)
        for match in known[key]
    ]
    findings.sort(key=Finding.sort_key)
    return findings


def grammar_findings(documents: list[Document], settings: LTSettings, required: bool) -> tuple[list[Finding], str | None]:
    """Like :func:`languagetool_findings`, but when not ``required`` a failure becomes a note.

    Returns (findings, note): the note is ``"grammar checks skipped: <reason>"`` when LanguageTool
    was enabled only by configuration and could not run.
    """
    try:
        return languagetool_findings(documents, settings), None
    except LanguageToolUnavailable as err:
        if required:
            raise
        return [], f"grammar checks skipped: {err}"

