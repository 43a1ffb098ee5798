"""Core value types shared by the engine, fixer and reporters."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, IntEnum
from operator import attrgetter


class Severity(IntEnum):
    """How much a finding matters; ordered so comparisons work."""

    MINOR = 1
    MAJOR = 2
    CRITICAL = 3

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected minor, major or critical)") from None

    @property
    def label(self) -> str:
        return self.name.lower()


class Category(str, Enum):
    """MQM-style error categories, plus non-translation for scraped boilerplate."""

    ACCURACY = "accuracy"
    FLUENCY = "fluency"
    TERMINOLOGY = "terminology"
    STYLE = "style"
    LOCALE_CONVENTION = "locale-convention"
    NON_TRANSLATION = "non-translation"


class Safety(str, Enum):
    """Whether a fix is always right (safe) or needs a human look (unsafe)."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str
    safety: Safety = Safety.SAFE

    def __reduce__(self) -> tuple:
        return Fix, (self.start, self.end, self.replacement, self.safety)


@dataclass(frozen=True, slots=True)
class Match:
    """What a matcher reports before the engine turns it into a Finding.

    ``replacement`` is the text that should stand in place of the span (``""`` to
    delete it); ``fix_start``/``fix_end`` widen the edited range when it differs from
    the reported span (a deleted line takes its newline with it). ``suggestion``
    overrides the human-readable suggestion; ``detail`` fills ``{detail}`` in messages.
    """

    start: int
    end: int
    replacement: str | None = None
    fix_start: int | None = None
    fix_end: int | None = None
    suggestion: str | None = None
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One reported problem, with 0-based code-point offsets and 1-based line/column."""

    path: str
    rule: str
    name: str
    family: str
    category: Category
    severity: Severity
    message: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    suggestion: str | None = None
    fix: Fix | None = None
    unit: str | None = None  # the translation unit's id in a bilingual file (XLIFF, PO, TMX)

    def __reduce__(self) -> tuple:
        """Pickled as its fields (the dataclass default, slot by slot, is four times slower):
        findings cross process boundaries and are spilled to disk (``spill``)."""
        return Finding, _FIELDS(self)

    @property
    def unit_label(self) -> str:
        """`` [unit ID]`` for a finding in a bilingual file's unit, else empty."""
        return f" [unit {self.unit}]" if self.unit is not None else ""

    def sort_key(self) -> tuple:
        return (self.path, self.start, self.end, self.rule)

    def to_dict(self) -> dict:
        """The JSON-report shape of a finding (``unit`` only when the file has units)."""
        return ({"unit": self.unit} if self.unit is not None else {}) | {
            "path": self.path,
            "rule": self.rule,
            "name": self.name,
            "family": self.family,
            "category": self.category.value,
            "severity": self.severity.label,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "suggestion": self.suggestion,
            "fix": None
            if self.fix is None
            else {
                "start": self.fix.start,
                "end": self.fix.end,
                "replacement": self.fix.replacement,
                "safety": self.fix.safety.value,
            },
        }


_FIELDS = attrgetter(*Finding.__slots__)  # a Finding's fields as a tuple, in __init__ order
