"""The rule-file schema: parse and validate one YAML rule file into a RuleSpec."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from transcheck.errors import RuleFileError
from transcheck.models import Category, Safety, Severity

ID_RE = re.compile(r"^[A-Z]{2,4}\d{3,4}$")
NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FAMILIES = (
    "drop-cap",
    "quotes",
    "fragments",
    "calques",
    "untranslated",
    "numbers",
    "capitalization",
    "boilerplate",
    "whitespace",
    "bilingual",
)
MATCHER_KINDS = ("pattern", "phrases", "swap", "detector")
LOCALES = ("en-US", "en-GB")
MARK_OPEN, MARK_CLOSE = "[[", "]]"
TOP_KEYS = {
    "id", "name", "family", "category", "severity", "message", "matcher", "fix", "why",
    "examples", "locales", "aliases", "suggestion", "enabled",
}


@dataclass(frozen=True)
class Example:
    """An example sentence: ``spans`` it must flag (empty for a pass example)."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()
    fixed: str | None = None
    locale: str = "en-US"
    source: str | None = None  # bilingual rules: the German source, line-aligned with ``text``
    glossary: tuple[tuple[str, str], ...] = ()  # bilingual rules: German term, approved English term


@dataclass(frozen=True)
class RuleSpec:
    """A validated rule file."""

    id: str
    name: str
    family: str
    category: Category
    severity: Severity
    message: str
    matcher: dict[str, Any]
    why: str
    flag: tuple[Example, ...]
    passes: tuple[Example, ...]
    path: str
    fix_safety: Safety | None = None
    suggestion: str | None = None
    locales: tuple[str, ...] = LOCALES
    aliases: tuple[str, ...] = ()
    enabled: bool = True
    extra: dict[str, Any] = field(default_factory=dict)


class _Reader:
    """Field access that names the file and the field in every error."""

    def __init__(self, data: dict[str, Any], path: str) -> None:
        self.data = data
        self.path = path

    def fail(self, field_name: str, problem: str) -> RuleFileError:
        return RuleFileError(f"{self.path}: field '{field_name}': {problem}")

    def text(self, key: str, required: bool = True, pattern: re.Pattern | None = None) -> str | None:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.fail(key, "is required")
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, "must be a non-empty string")
        if pattern is not None and not pattern.match(value):
            raise self.fail(key, f"{value!r} does not match {pattern.pattern}")
        return value

    def choice(self, key: str, choices: tuple[str, ...]) -> str:
        value = self.text(key)
        if value not in choices:
            raise self.fail(key, f"{value!r} is not one of {', '.join(choices)}")
        return value


def parse_marked(text: str, where: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Strip ``[[...]]`` markers from an example, returning the text and the spans."""
    spans = []
    out = []
    pos = 0
    while True:
        i = text.find(MARK_OPEN, pos)
        if i == -1:
            out.append(text[pos:])
            break
        j = text.find(MARK_CLOSE, i + 2)
        if j == -1:
            raise RuleFileError(f"{where}: unclosed {MARK_OPEN} marker")
        out.append(text[pos:i])
        start = sum(map(len, out))
        out.append(text[i + 2 : j])
        spans.append((start, start + (j - i - 2)))
        pos = j + 2
    return "".join(out), tuple(spans)


def _examples(reader: _Reader) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
    examples = reader.data.get("examples")
    if not isinstance(examples, dict):
        raise reader.fail("examples", "is required: a mapping with 'flag' and 'pass' lists")
    unknown = set(examples) - {"flag", "pass"}
    if unknown:
        raise reader.fail("examples", f"unknown key(s) {', '.join(sorted(unknown))}")
    flag = tuple(_example(reader, item, f"examples.flag[{i}]", True) for i, item in enumerate(_list(reader, examples, "flag")))
    passes = tuple(_example(reader, item, f"examples.pass[{i}]", False) for i, item in enumerate(_list(reader, examples, "pass")))
    return flag, passes


def _list(reader: _Reader, examples: dict, key: str) -> list:
    items = examples.get(key)
    if not isinstance(items, list) or not items:
        raise reader.fail(f"examples.{key}", "must be a non-empty list")
    return items


def _example(reader: _Reader, item: Any, where: str, flagged: bool) -> Example:
    if isinstance(item, str):
        item = {"text": item}
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise reader.fail(where, "must be a string or a mapping with 'text'")
    unknown = set(item) - {"text", "fixed", "locale", "source", "glossary"}
    if unknown:
        raise reader.fail(where, f"unknown key(s) {', '.join(sorted(unknown))}")
    locale = item.get("locale", "en-US")
    if locale not in LOCALES:
        raise reader.fail(f"{where}.locale", f"{locale!r} is not one of {', '.join(LOCALES)}")
    text, spans = parse_marked(item["text"], f"{reader.path}: {where}")
    if flagged and not spans:
        raise reader.fail(where, f"a flag example must mark its span with {MARK_OPEN}...{MARK_CLOSE}")
    if not flagged and spans:
        raise reader.fail(where, "a pass example must not mark spans")
    fixed = item.get("fixed")
    if fixed is not None and not isinstance(fixed, str):
        raise reader.fail(f"{where}.fixed", "must be a string")
    source = item.get("source")
    if source is not None and not isinstance(source, str):
        raise reader.fail(f"{where}.source", "must be a string")
    terms = item.get("glossary") or {}
    if not isinstance(terms, dict) or not all(isinstance(v, str) for v in (*terms, *terms.values())):
        raise reader.fail(f"{where}.glossary", "must map German terms to English terms")
    return Example(text, spans, fixed, locale, source, tuple(terms.items()))


def _fix_safety(reader: _Reader) -> Safety | None:
    fix = reader.data.get("fix")
    if fix is None:
        return None
    if not isinstance(fix, dict) or set(fix) - {"safety"}:
        raise reader.fail("fix", "must be a mapping with only 'safety' (safe or unsafe)")
    try:
        return Safety(fix.get("safety"))
    except ValueError:
        raise reader.fail("fix.safety", f"{fix.get('safety')!r} is not safe or unsafe") from None


def parse_rule(data: Any, path: str, builtin: bool = True) -> RuleSpec:
    """Validate the parsed YAML of one rule file; a user's folder may name families of its own."""
    if not isinstance(data, dict):
        raise RuleFileError(f"{path}: a rule file must be a YAML mapping")
    reader = _Reader(data, path)
    unknown = set(data) - TOP_KEYS
    if unknown:
        raise reader.fail(sorted(unknown)[0], "unknown field")
    matcher = data.get("matcher")
    if not isinstance(matcher, dict) or matcher.get("kind") not in MATCHER_KINDS:
        raise reader.fail("matcher.kind", f"must be one of {', '.join(MATCHER_KINDS)}")
    locales = tuple(data.get("locales", LOCALES))
    if not locales or any(loc not in LOCALES for loc in locales):
        raise reader.fail("locales", f"must list some of {', '.join(LOCALES)}")
    aliases = data.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise reader.fail("aliases", "must be a list of strings")
    flag, passes = _examples(reader)
    return RuleSpec(
        id=reader.text("id", pattern=ID_RE),
        name=reader.text("name", pattern=NAME_RE),
        family=reader.choice("family", FAMILIES) if builtin else reader.text("family", pattern=NAME_RE),
        category=Category(reader.choice("category", tuple(c.value for c in Category))),
        severity=Severity[reader.choice("severity", ("minor", "major", "critical")).upper()],
        message=reader.text("message"),
        matcher=matcher,
        why=reader.text("why"),
        flag=flag,
        passes=passes,
        path=path,
        fix_safety=_fix_safety(reader),
        suggestion=reader.text("suggestion", required=False),
        locales=locales,
        aliases=tuple(aliases),
        enabled=bool(data.get("enabled", True)),
    )
