"""Per-document state shared by matchers: text, locale and lazily computed views."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from collections.abc import Iterable, Iterator
from typing import Any, Callable

from ahocorasick_rs import AhoCorasick

from transcheck import native, verdicts
from transcheck.documents import Document

PARAGRAPH_RE = re.compile(r"[^\n]+(?:\n[^\n]+)*")
SEPARATORS = str.maketrans({ch: " " for ch in ".,;:!?()[]{}“”„\"‘’‚'«»—–-…*/|<>=+_#@&%$€£0123456789"})
# the same characters as one class: on text that is not all ASCII a regex substitution is
# 3-4x faster than str.translate (which then looks up every character in a dict)
SEPARATOR_RE = re.compile("[" + re.escape("".join(map(chr, SEPARATORS))) + "]")


TOKEN_RE = re.compile(r"[\w’'-]+")  # \w is str.isalnum() plus "_"

# A line is read at most this far either side of a match. Prose lines (paragraphs) are far
# shorter; a text saved without line breaks is read around each match, so that what a rule
# does per match stays bounded instead of growing with the text (quadratic on one long line).
LINE_REACH = 4096


def line_around(text: str, start: int, end: int | None = None) -> tuple[int, int, bool]:
    """(start, end) of the line holding ``start`` (to the line break after ``end``), without
    its newline, cut at ``LINE_REACH`` characters either side; and whether it was cut."""
    end = start if end is None else end
    low, high = max(0, start - LINE_REACH), min(len(text), end + LINE_REACH)
    newline = text.rfind("\n", low, start)
    stop = text.find("\n", end, high)
    cut = (newline == -1 and low > 0) or (stop == -1 and high < len(text))
    return (newline + 1 if newline != -1 or low == 0 else low), (stop if stop != -1 else high), cut


CHUNK_CHARS = 1 << 20  # long texts are scanned a stretch of lines at a time (bounded copies)
LOWER_CHUNK_CHARS = 1 << 16  # and lower-cased a shorter stretch at a time (see Context._make_lower)
# and searched by an automaton a shorter one still: ahocorasick_rs holds about 8 bytes per
# character of its haystack while it searches (8 MiB for a 1 MB chunk, 130 KiB for 16 KB)
SEARCH_CHUNK_CHARS = 1 << 14


def lower(text: str) -> str:
    """``text`` in lower case with its length kept: ``str.lower`` but for İ, the one
    character whose lower case is longer (`i̇`), which becomes `i` (as ``re`` folds it when
    it ignores case). Offsets into the lower case are offsets into the text."""
    return (text.replace("\u0130", "i") if "\u0130" in text else text).lower()


def chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive stretches of ``text`` of about ``size`` characters,
    each cut after a newline, so no word or line is split."""
    spans, start, n = [], 0, len(text)
    while start < n:
        cut = text.find("\n", start + size) if n - start > size else -1
        end = n if cut == -1 else cut + 1
        spans.append((start, end))
        start = end
    return spans


def automaton_matches(automaton: AhoCorasick, text: str, overlapping: bool = False) -> Iterator[tuple[int, int, int]]:
    """(pattern index, start, end) of ``automaton.find_matches_as_indexes(text)``, searched a
    chunk of lines at a time: the same matches when no pattern holds a newline, without the
    UTF-8 copy of the whole text (kept on the string) and the list of all its hits."""
    for base, stop in chunks(text, SEARCH_CHUNK_CHARS):
        for index, start, end in automaton.find_matches_as_indexes(text[base:stop], overlapping=overlapping):
            yield index, base + start, base + end


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` beginning at ``starts`` (ascending), none tried inside an
    earlier one: ``pattern.finditer(text)``'s matches where no match can begin elsewhere (a
    search that ``re`` would otherwise try at every position, led by an alternation of many
    words or by a look-behind)."""
    end = 0
    for start in starts:
        if start >= end and (m := pattern.match(text, start)):
            end = m.end()
            yield m


def _whole_words(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Spans of ``words`` (made of word characters only) not inside a longer word.
    Occurrences of such words cannot overlap where both are whole words, so every hit
    of the automaton is judged on its own. A long text is searched a chunk at a time."""
    automaton = AhoCorasick(words)
    spans: list[tuple[int, int]] = []
    for base, stop in chunks(text, SEARCH_CHUNK_CHARS):
        padded = f" {text[base:stop]} "  # one blank each side: no bounds to test (the hits' offsets are one more)
        spans += [
            (base + start - 1, base + end - 1)
            for _, start, end in automaton.find_matches_as_indexes(padded, overlapping=True)
            if not ((c := padded[start - 1]).isalnum() or c in "_-’'") and not ((c := padded[end]).isalnum() or c in "_-’'")
        ]
    return spans


def _occurrences_one_by_one(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Whole-word spans of each word found with ``str.find`` (after a hit, the search goes
    on from its end)."""
    spans = []
    for word in words:
        i = text.find(word)
        while i != -1:
            end = i + len(word)
            before, after = text[i - 1 : i], text[end : end + 1]
            if not (before and native.is_word_character(before)) and not (after and native.is_word_character(after)):
                spans.append((i, end))
            i = text.find(word, end)
    return spans


# Inside a token (the run of non-blank characters around a word), signs that it is not
# prose: a URL or query string (`://`, `www.`, `?q=a&b=c`), an e-mail address or handle
# (`@`), a domain or file name (`bild.de`, `image001.jpg`), a path (`a/b`, `C:\\x`), a
# hashtag or number sign (`#germany`, `Duns#`), an identifier (`gs_sm`) or inline code (`).
CODE_TOKEN = re.compile(r"://|(?<!\S)www\.|@\w|\w\.[a-z]{2,}|[/\\]\w|\w[/\\]|[=&]\w|\w[=&#_]|[#_]\w|`")
MAX_TOKEN = 200  # a longer run of non-blank characters is no prose either


def in_code(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies in a URL, e-mail address, file name, path or code
    (by the whole non-blank token around it)."""
    low, high = max(0, start - MAX_TOKEN), min(len(text), end + MAX_TOKEN)
    left = start
    while left > low and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < high and not text[right].isspace():
        right += 1
    if (left == low and low) or (right == high and high < len(text)):
        return True
    return CODE_TOKEN.search(text, left, right) is not None


class RecordedCache(dict):
    """A ``Context.cache`` that records, for each key, the rules (by ``user``, their index in
    the run) that read or wrote it, and the first that wrote it."""

    def __init__(self) -> None:
        super().__init__()
        self.user = 0
        self.uses: dict[int, set[str]] = {}
        self.makers: dict[str, int] = {}

    @property
    def last_use(self) -> dict[str, int]:
        """Each key's last user."""
        return {key: user for user, keys in sorted(self.uses.items()) for key in keys}

    def _touch(self, key: Any, writes: bool = False) -> None:
        self.uses.setdefault(self.user, set()).add(key)
        if writes and not super().__contains__(key):
            self.makers.setdefault(key, self.user)

    def __getitem__(self, key: str) -> Any:
        self._touch(key)
        return super().__getitem__(key)

    def __setitem__(self, key: str, value: Any) -> None:
        self._touch(key, writes=True)
        super().__setitem__(key, value)

    def __contains__(self, key: object) -> bool:
        self._touch(key)
        return super().__contains__(key)

    def get(self, key: str, default: Any = None) -> Any:
        self._touch(key)
        return super().get(key, default)

    def setdefault(self, key: str, default: Any = None) -> Any:
        self._touch(key, writes=True)
        return super().setdefault(key, default)


@dataclass
class Context:
    """What a matcher sees: the document, the locale, and a cache for shared work."""

    document: Document
    locale: str = "en-US"
    cache: dict[str, Any] = field(default_factory=dict)
    # The trigger-index scanners the rules run on this context use (``prefilter.TriggerIndex``):
    # only their literals are searched for. None: every scanner's.
    trigger_scope: frozenset[int] | None = None

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def lower_text(self) -> str:
        """The text in lower case, as long as the text (``lower``): offsets into it are
        offsets into the text."""
        return self._shared("context.lower", self._make_lower)

    def lower_stretches(self) -> Iterator[tuple[int, str]]:
        """(offset, lower case) of consecutive stretches of whole lines: the pieces of
        ``lower_text``, made one at a time, so that a rule that reads the lower case a line
        or a window at a time holds no lower-case copy of a long text."""
        text = self.text
        for start, end in chunks(text, LOWER_CHUNK_CHARS):
            yield start, lower(text[start:end])

    def _shared(self, key: str, make: Callable[[], Any]) -> Any:
        """``make()``, computed once and kept in ``cache`` under ``key`` (so that the engine
        can free it after the last rule that uses it, as the detectors' own caches)."""
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = make()
        return found

    def _make_lower(self) -> str:
        # a chunk of lines at a time: str.lower() holds a 4-byte buffer of its input besides
        # its result, and mostly-ASCII chunks lower to 1-byte pieces. Lines end in a newline,
        # which bounds the one context-dependent case (a Greek final sigma): the same result.
        text = self.text
        return "".join([lower(text[start:end]) for start, end in chunks(text, LOWER_CHUNK_CHARS)])

    @property
    def paragraphs(self) -> list[tuple[int, int]]:
        """(start, end) of each block of consecutive non-empty lines."""
        return self._shared("context.paragraphs", lambda: [m.span() for m in PARAGRAPH_RE.finditer(self.text)])

    @property
    def vocabulary(self) -> frozenset[str]:
        """Every distinct word form in the text, as written (split at punctuation,
        apostrophes and hyphens): one ``translate`` (ASCII text) or regex substitution and
        one ``split`` in C, a chunk at a time."""
        return self._shared("context.vocabulary", self._make_vocabulary)

    def _make_vocabulary(self) -> frozenset[str]:
        text = self.text
        words: set[str] = set()
        for start, end in chunks(text, LOWER_CHUNK_CHARS):  # a short stretch: its words' list stays small
            part = text[start:end]
            words.update((part.translate(SEPARATORS) if part.isascii() else SEPARATOR_RE.sub(" ", part)).split())
        vocabulary = frozenset(words)
        verdicts.RUN.add(vocabulary)  # what words_where judges a text's words against
        return vocabulary

    def words_where(self, test: Callable[[str], bool]) -> frozenset[str]:
        """The words of ``vocabulary`` that pass ``test``. Verdicts are remembered on the
        test's owner, so each distinct word is judged once per process and a text costs a
        few set operations in C on the words no text before it had, not a Python loop over
        its words (``transcheck.verdicts``)."""
        owner = getattr(test, "__self__", test)
        kept = owner.__dict__.setdefault("_verdicts", {})
        found = kept.get(test.__name__)
        if found is None:
            found = kept[test.__name__] = verdicts.Verdicts()
        return found.passing(self.vocabulary, test, verdicts.RUN)

    def occurrences(self, words: set[str]) -> list[tuple[int, int]]:
        """Sorted spans of whole-word occurrences of ``words``: one pass over the text for
        all of them, the compiled core's or an Aho-Corasick automaton's (a word is bounded
        by characters that are not letters, digits, ``_``, ``-`` or apostrophes)."""
        plain = [w for w in words if TOKEN_RE.fullmatch(w)]
        spans = self._whole_words(plain) if plain else []
        if len(plain) < len(words):  # a word with other characters: found one by one
            spans += _occurrences_one_by_one(self.text, [w for w in words if w and not TOKEN_RE.fullmatch(w)])
        spans.sort()
        return spans

    def _whole_words(self, words: list[str]) -> list[tuple[int, int]]:
        """Spans of ``words`` (made of word characters only) not inside a longer word: by
        the compiled core, else by ``_whole_words``."""
        found = native.whole_words(self.text, words)
        return _whole_words(self.text, words) if found is None else found

    def in_code(self, start: int, end: int) -> bool:
        """Whether the span lies in a URL, e-mail address, file name, path or code (see ``in_code``)."""
        return in_code(self.text, start, end)

    def line_span(self, offset: int) -> tuple[int, int]:
        """(start, end) of the line holding ``offset``, without its newline."""
        text = self.text
        start = text.rfind("\n", 0, offset) + 1
        end = text.find("\n", offset)
        return start, len(text) if end == -1 else end
