"""Reporters: findings in, text out. One module per format."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any

from transcheck.documents import Document
from transcheck.models import Finding

FORMATS = {"text": "text", "json": "json_report"}


@dataclass
class ReportContext:
    """What reporters may need besides the findings."""

    documents: list[Document] = field(default_factory=list)
    ruleset: Any = None
    locale: str = "en-US"
    color: bool | None = None  # None: decide from the terminal
    extra: dict[str, Any] = field(default_factory=dict)

    def document(self, path: str) -> Document | None:
        for doc in self.documents:
            if doc.path == path:
                return doc
        return None


def render(fmt: str, findings: list[Finding], **context: Any) -> str:
    """Render ``findings`` in format ``fmt``."""
    module = importlib.import_module(f"transcheck.report.{FORMATS[fmt]}")
    return module.render(findings, ReportContext(**context))
