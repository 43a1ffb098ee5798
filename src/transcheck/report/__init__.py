"""Reporters: findings in, text out. One module per format."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any

from transcheck.documents import Document
from transcheck.models import Finding

FORMATS = {
    "text": "text",
    "concise": "concise",
    "json": "json_report",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
}


@dataclass
class ReportContext:
    """What reporters may need besides the findings."""

    documents: list[Document] = field(default_factory=list)
    ruleset: Any = None  # the selected RuleSet
    catalog: Any = None  # every loaded rule (SARIF describes rules that fired under overrides too)
    locale: str = "en-US"
    color: bool | None = None  # None: decide from the terminal
    extra: dict[str, Any] = field(default_factory=dict)
    _by_path: dict[str, Document] = field(default_factory=dict, repr=False)

    def document(self, path: str) -> Document | None:
        if len(self._by_path) != len(self.documents):
            self._by_path = {doc.path: doc for doc in self.documents}
        return self._by_path.get(path)


def render(fmt: str, findings: list[Finding], **context: Any) -> str:
    """Render ``findings`` in format ``fmt``."""
    module = importlib.import_module(f"transcheck.report.{FORMATS[fmt]}")
    return module.render(findings, ReportContext(**context))
