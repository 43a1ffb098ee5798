"""Send paragraphs to a LanguageTool server through language-tool-python: batching and a small thread pool."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from transcheck import passages
from transcheck.languagetool.install import LanguageToolUnavailable
from transcheck.languagetool.profile import Profile

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
ASTRAL = re.compile("[\U00010000-\U0010ffff]")
SEPARATOR = "\n\n"
MAX_BATCH_CHARS = 6000


@dataclass(frozen=True)
class Paragraph:
    """A block of text between blank lines; ``offset`` is where it starts in the document text."""

    offset: int
    text: str


def paragraphs(text: str) -> list[Paragraph]:
    """The non-blank paragraphs of a text, with their offsets; a paragraph longer than a
    batch (a file with one segment a line and no blank line) in pieces cut at passage ends.

    Characters outside the Basic Multilingual Plane (emoji) are replaced by U+FFFD so that
    LanguageTool's UTF-16 offsets equal Python's code-point offsets.
    """
    out, start = [], 0
    for brk in PARAGRAPH_BREAK.finditer(text):
        out.extend(_pieces(start, text[start : brk.start()]))
        start = brk.end()
    out.extend(_pieces(start, text[start:]))
    return [Paragraph(p.offset, ASTRAL.sub("\ufffd", p.text)) for p in out if p.text.strip()]


def _pieces(offset: int, text: str) -> Iterator[Paragraph]:
    """``text`` whole, or when longer than a batch cut after lines that end a sentence into
    pieces of about half a batch each (one request each at most), so that no request holds
    a whole file."""
    if len(text) <= MAX_BATCH_CHARS:
        yield Paragraph(offset, text)
        return
    start = 0
    while start < len(text):
        end = passages.cut(text, start, MAX_BATCH_CHARS // 2)
        assert end is not None
        yield Paragraph(offset + start, text[start:end].rstrip("\n"))
        start = end


def batches(texts: list[str], limit: int = MAX_BATCH_CHARS) -> Iterator[list[int]]:
    """Indices of ``texts`` grouped so each group joined by blank lines stays near ``limit`` characters."""
    group: list[int] = []
    size = 0
    for i, text in enumerate(texts):
        if group and size + len(text) > limit:
            yield group
            group, size = [], 0
        group.append(i)
        size += len(text) + len(SEPARATOR)
    if group:
        yield group


def _as_dict(match) -> dict:
    """The parts of a language-tool-python Match that transcheck keeps (and caches)."""
    return {
        "offset": match.offset,
        "length": match.error_length,
        "rule": match.rule_id,
        "category": match.category,
        "issue_type": match.rule_issue_type,
        "message": match.message,
        "replacements": list(match.replacements[:5]),
    }


def _one_line(err: Exception) -> str:
    text = " ".join(str(err).split())
    return text[:200] + ("..." if len(text) > 200 else "")


def _reason(err: Exception) -> str:
    """A short cause for a failed request (language-tool-python wraps requests' long messages)."""
    text = str(err)
    if "timed out" in text:
        return "no answer in time (server too slow or stuck)"
    if "refused" in text or "Failed to establish" in text:
        return "connection refused (server stopped or crashed)"
    if "aborted" in text or "reset" in text or "RemoteDisconnected" in text:
        return "connection closed by the server (crashed?)"
    return _one_line(err)


class Checker:
    """A language-tool-python client bound to one server URL, language and profile."""

    def __init__(self, tool, workers: int = 2) -> None:
        self.tool = tool
        self.workers = max(1, workers)
        self.requests = 0

    def _check_batch(self, texts: list[str]) -> list[list[dict]]:
        """Check paragraphs joined by blank lines; split the matches back per paragraph."""
        from language_tool_python.exceptions import LanguageToolError

        starts, pos = [], 0
        for text in texts:
            starts.append(pos)
            pos += len(text) + len(SEPARATOR)
        try:
            found = self.tool.check(SEPARATOR.join(texts))
        except (LanguageToolError, OSError) as err:
            url = self.tool.url.removesuffix("v2/")
            raise LanguageToolUnavailable(f"LanguageTool at {url} failed during the check: {_reason(err)}") from None
        out: list[list[dict]] = [[] for _ in texts]
        for match in found:
            d = _as_dict(match)
            i = max(bisect_right(starts, d["offset"]) - 1, 0)
            d["offset"] -= starts[i]
            if d["offset"] >= 0 and d["offset"] + d["length"] <= len(texts[i]):  # drop matches across a break
                out[i].append(d)
        return out

    def check(self, texts: list[str]) -> list[list[dict]]:
        """Matches for each text (offsets relative to that text), in order."""
        groups = list(batches(texts))
        self.requests += len(groups)
        results: list[list[dict]] = [[] for _ in texts]
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            for group, found in zip(groups, pool.map(lambda g: self._check_batch([texts[i] for i in g]), groups)):
                for i, matches in zip(group, found):
                    results[i] = matches
        return results


def make_tool(url: str | None, language: str, profile: Profile, timeout: float, download_version: str):
    """A language-tool-python LanguageTool for ``url``, or one that downloads and runs its own server."""
    import language_tool_python
    from language_tool_python.exceptions import LanguageToolError

    class _Tool(language_tool_python.LanguageTool):
        _TIMEOUT = timeout  # language-tool-python's per-request timeout, a class constant there

    try:
        if url is not None:
            tool = _Tool(language, remote_server=url)
        else:
            tool = _Tool(language, language_tool_download_version=download_version)
    except (LanguageToolError, OSError, ValueError) as err:
        where = url or "language-tool-python's own LanguageTool download"
        raise LanguageToolUnavailable(f"cannot use LanguageTool ({where}): {_one_line(err)}") from None
    tool.disabled_rules = set(profile.disabled_rules)
    tool.disabled_categories = set(profile.disabled_categories)
    tool.enabled_rules = set(profile.enabled_rules)
    return tool
