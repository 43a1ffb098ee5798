"""The rule engine: run a RuleSet over a Document and return Findings (pure, no I/O)."""

from __future__ import annotations

from transcheck.context import Context
from transcheck.documents import Document
from transcheck.models import Finding, Fix, Match
from transcheck.errors import RuleTimeoutError
from transcheck.rules.guard import PatternTimeout
from transcheck.rules.loader import Rule, RuleSet


def _message(rule: Rule, text: str, match: Match, suggestion: str | None) -> str:
    fields = {"match": text[match.start : match.end], "suggestion": suggestion or "", "detail": match.detail or ""}
    try:
        return rule.spec.message.format(**fields).strip()
    except (KeyError, IndexError, ValueError):
        return rule.spec.message


def to_finding(doc: Document, rule: Rule, match: Match) -> Finding:
    """Turn a matcher's Match into a Finding with positions, suggestion and fix."""
    spec = rule.spec
    suggestion = match.suggestion if match.suggestion is not None else match.replacement
    if not suggestion:  # nothing, or a deletion: the rule's own words say it better
        suggestion = spec.suggestion or ("delete" if suggestion == "" else None)
    fix = None
    if spec.fix_safety is not None and match.replacement is not None:
        fs = match.start if match.fix_start is None else match.fix_start
        fe = match.end if match.fix_end is None else match.fix_end
        # Fix offsets are file offsets, like the finding's; CRLF files get CRLF replacements.
        replacement = match.replacement.replace("\n", "\r\n") if doc.crlf else match.replacement
        fix = Fix(doc.file_offset(fs), doc.file_offset(fe), replacement, spec.fix_safety)
    return Finding(
        path=doc.path,
        rule=spec.id,
        name=spec.name,
        family=spec.family,
        category=spec.category,
        severity=spec.severity,
        message=_message(rule, doc.text, match, suggestion),
        **doc.locate(match.start, match.end),
        suggestion=suggestion,
        fix=fix,
    )


def run_rule(rule: Rule, ctx: Context) -> list[Finding]:
    """Findings of one rule, deduplicated by span."""
    seen: set[tuple[int, int]] = set()
    out = []
    try:
        for match in rule.find(ctx):
            key = (match.start, match.end)
            if key not in seen and match.end > match.start:
                seen.add(key)
                out.append(to_finding(ctx.document, rule, match))
    except PatternTimeout as err:
        raise RuleTimeoutError(f"{rule.spec.path}: rule {rule.spec.id} stopped on {ctx.document.path}: {err} "
                               "(nested repetition backtracks; make the pattern unambiguous)") from None
    return out


def check(doc: Document, ruleset: RuleSet, locale: str = "en-US") -> list[Finding]:
    """All findings of the rules that apply to ``locale``, in document order."""
    ctx = Context(doc, locale)
    findings: list[Finding] = []
    for rule in ruleset:
        if locale in rule.spec.locales:
            findings.extend(run_rule(rule, ctx))
    findings.sort(key=Finding.sort_key)
    return findings
