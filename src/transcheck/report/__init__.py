"""Reporters: findings in, text out. One module per format."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, TextIO

from transcheck.documents import Document
from transcheck.models import Finding
from transcheck.quality import QualityReport, Weights, score_documents

FORMATS = {
    "text": "text",
    "concise": "concise",
    "json": "json_report",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
    "html": "html",
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
    weights: Weights = field(default_factory=Weights)  # severity weights of the MQM-style score
    max_penalty: float | None = None  # the --max-penalty gate, shown in reports
    _by_path: dict[str, Document] = field(default_factory=dict, repr=False)

    def document(self, path: str) -> Document | None:
        if len(self._by_path) != len(self.documents):
            self._by_path = {doc.path: doc for doc in self.documents}
        return self._by_path.get(path)

    def quality(self, findings: list[Finding]) -> QualityReport:
        """The MQM-style score of every checked file and overall."""
        return score_documents(self.documents, findings, self.weights)


def render(fmt: str, findings: list[Finding], **context: Any) -> str:
    """Render ``findings`` in format ``fmt``."""
    module = importlib.import_module(f"transcheck.report.{FORMATS[fmt]}")
    return module.render(findings, ReportContext(**context))


def write(fmt: str, findings: list[Finding], out: TextIO, **context: Any) -> None:
    """Write ``findings`` in format ``fmt`` to ``out``: a finding at a time for the
    formats whose module has a ``write`` (json, sarif, text), else the rendered report."""
    module = importlib.import_module(f"transcheck.report.{FORMATS[fmt]}")
    writer = getattr(module, "write", None)
    if writer is None:
        out.write(module.render(findings, ReportContext(**context)))
    else:
        writer(findings, ReportContext(**context), out)
