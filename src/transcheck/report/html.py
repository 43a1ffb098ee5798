"""A self-contained HTML report: each file's text with its findings highlighted in place.

One file, no network: the style sheet and the script in ``assets/`` are inlined. Each
flagged span is a focusable ``<mark>`` coloured by its most severe finding and tagged with
its category; the findings under each text carry message, suggestion and rule, and the
rule documentation is at the end, so the page reads without the script too. The script
adds the tooltip on hover and focus and the filters by category, severity, rule and file.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass
from html import escape
from importlib import resources

from transcheck import __version__, suppressions
from transcheck.documents import Document
from transcheck.models import Category, Finding, Severity
from transcheck.quality import QualityReport, Score
from transcheck.report import ReportContext

TAGS = {
    Category.ACCURACY: "ACC", Category.FLUENCY: "FLU", Category.TERMINOLOGY: "TER",
    Category.STYLE: "STY", Category.LOCALE_CONVENTION: "LOC", Category.NON_TRANSLATION: "NON",
}
METRIC_LABELS = {"bleu": "BLEU", "chrf": "chrF2", "chrf++": "chrF2++", "ter": "TER"}


@dataclass(frozen=True)
class Item:
    """A finding with its report id and its span in the document's (LF) text."""

    id: str
    finding: Finding
    file: int
    start: int
    end: int


def _asset(name: str) -> str:
    return (resources.files("transcheck.report") / "assets" / name).read_text(encoding="utf-8")


def _num(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"


# --- the text with its findings ---------------------------------------------------------


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def _shown_text(doc: Document) -> str:
    """What the report shows: the file as written when the reader kept it (Markdown, XLIFF...), else the text."""
    return getattr(doc, "raw", None) or doc.text


def _items(findings: list[Finding], documents: list[Document]) -> list[Item]:
    """Findings of the checked documents, placed in the text each document shows."""
    index = {doc.path: i for i, doc in enumerate(documents)}
    starts = [None if getattr(doc, "raw", None) else _line_starts(doc.text) for doc in documents]
    items = []
    for f in findings:
        i = index.get(f.path)
        if i is None:
            continue
        lines = starts[i]
        if lines is None:  # file offsets into the raw text
            start, end = f.start, max(f.start, f.end)
        else:  # by line and column in the LF text (file offsets count CRs)
            start = lines[f.line - 1] + f.column - 1
            end = max(start, lines[f.end_line - 1] + f.end_column - 1)
        items.append(Item(f"f{len(items) + 1}", f, i, start, end))
    return items


def _mark(text: str, covering: list[Item], first: set[str], ending: list[Item]) -> str:
    """One stretch of text flagged by ``covering`` (several findings may overlap)."""
    ids = " ".join(it.id for it in covering)
    sev = max(it.finding.severity for it in covering).label
    attrs = f'class="f" data-ids="{ids}" data-sev="{sev}" tabindex="0" aria-describedby="{ids}"'
    anchors = [it.id for it in covering if it.id in first]
    if anchors:  # the link from the list of findings lands here; other findings starting here get an empty anchor
        attrs += f' id="m-{anchors[0]}"'
    tags = " ".join(dict.fromkeys(TAGS[it.finding.category] for it in ending))
    if tags:
        attrs += f' data-tag="{tags}" data-ends="{" ".join(it.id for it in ending)}"'
    extra = "".join(f'<span id="m-{a}"></span>' for a in anchors[1:])
    return f"{extra}<mark {attrs}>{escape(text) or '&#x2038;'}</mark>"


def _highlighted(text: str, items: list[Item]) -> str:
    """The text with every finding's span wrapped in <mark>s, split where spans overlap."""
    cuts = sorted({0, len(text), *(it.start for it in items), *(it.end for it in items)})
    first: set[str] = {it.id for it in items}
    out = []
    for a, b in zip(cuts, cuts[1:] + [None]):
        for it in (x for x in items if x.start == x.end == a):  # zero-width: an insertion point
            out.append(_mark("", [it], first, [it]))
            first.discard(it.id)
        if b is None:
            break
        covering = [it for it in items if it.start <= a and it.end >= b and it.start < it.end]
        if not covering:
            out.append(escape(text[a:b]))
            continue
        out.append(_mark(text[a:b], covering, first, [it for it in covering if it.end == b]))
        first.difference_update(it.id for it in covering)
    return "".join(out)


def _finding_item(it: Item) -> str:
    f = it.finding
    parts = [
        f'<a class="loc" href="#m-{it.id}">line {f.line}, column {f.column}</a>',
        f'<span class="sev" data-sev="{f.severity.label}">{f.severity.label}</span>',
        f'<span class="cat">{escape(f.category.value)}</span>',
        f'<a class="rule" href="#rule-{escape(f.rule)}">{escape(f.rule)} {escape(f.name)}</a>',
        f'<span class="msg">{escape(f.message)}</span>',
    ]
    unit = getattr(f, "unit", None)  # the translation unit of an XLIFF, PO or TMX file
    if unit is not None:
        parts.append(f'<span class="unit">unit {escape(str(unit))}</span>')
    if f.suggestion is not None:
        fix = f" ({f.fix.safety.value} fix)" if f.fix is not None else ""
        shown = escape(f.suggestion) if f.suggestion else "(delete)"
        parts.append(f'<span class="sugg">Suggestion: <q>{shown}</q>{fix}</span>')
    attrs = (f'id="{it.id}" class="finding" data-sev="{f.severity.label}" data-cat="{f.category.value}" '
             f'data-rule="{escape(f.rule)}" data-file="{it.file}"')
    return f"<li {attrs}>{' '.join(parts)}</li>"


def _score_line(score: Score) -> str:
    findings = sum(score.counts.values())
    return (f'<p class="score">MQM-style score: <strong>{score.per_1000_words:.2f}</strong> penalty points per 1,000 words '
            f"({_num(score.penalty)} points, {findings} finding(s), {score.words:,} words)</p>")


def _file_section(i: int, doc: Document, items: list[Item], score: Score | None, reference: dict | None) -> str:
    body = [f'<section class="file" id="file-{i}" data-file="{i}" aria-labelledby="file-{i}-title">',
            f'<h2 id="file-{i}-title">{escape(doc.path)}</h2>']
    if score is not None:
        body.append(_score_line(score))
    if reference is not None:
        body.append(_reference(reference))
    body.append(f'<div class="doc" lang="en">{_highlighted(_shown_text(doc), items)}</div>')
    if items:
        body.append(f'<h3>Findings in {escape(doc.path)}</h3><ol class="findings">')
        body.extend(_finding_item(it) for it in items)
        body.append("</ol>")
    body.append("</section>")
    return "\n".join(body)


# --- summary, chart, index, filters, rules ----------------------------------------------


def _summary_table(findings: list[Finding]) -> str:
    counts = Counter((f.category.value, f.severity) for f in findings)
    head = "".join(f'<th scope="col">{s.label}</th>' for s in Severity)
    rows = []
    for category in sorted({f.category.value for f in findings}):
        cells = "".join(f"<td>{counts[(category, s)] or ''}</td>" for s in Severity)
        total = sum(counts[(category, s)] for s in Severity)
        rows.append(f'<tr><th scope="row">{escape(category)}</th>{cells}<td>{total}</td></tr>')
    by_severity = Counter(f.severity for f in findings)
    totals = "".join(f"<td>{by_severity[s] or ''}</td>" for s in Severity)
    return (f'<table class="summary"><caption>Findings by category and severity</caption>'
            f'<thead><tr><th scope="col">category</th>{head}<th scope="col">total</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody><tfoot><tr><th scope="row">all</th>{totals}<td>{len(findings)}</td></tr></tfoot></table>')


def _chart(findings: list[Finding]) -> str:
    """A horizontal bar a category, stacked by severity (inline SVG)."""
    counts = Counter((f.category.value, f.severity) for f in findings)
    categories = sorted({f.category.value for f in findings})
    if not categories:
        return ""
    label_w, bar_w, row_h = 150, 420, 28
    most = max(sum(counts[(c, s)] for s in Severity) for c in categories)
    height = row_h * len(categories) + 10
    parts = [f'<svg class="chart" role="img" aria-labelledby="chart-title" viewBox="0 0 {label_w + bar_w + 60} {height}" '
             f'width="{label_w + bar_w + 60}" height="{height}"><title id="chart-title">Findings per category and severity</title>']
    for row, category in enumerate(categories):
        y = row * row_h + 5
        parts.append(f'<text x="{label_w - 8}" y="{y + 17}" text-anchor="end">{escape(category)}</text>')
        x = float(label_w)
        for sev in Severity:
            n = counts[(category, sev)]
            if not n:
                continue
            w = bar_w * n / most
            parts.append(f'<rect class="bar" data-sev="{sev.label}" data-cat="{escape(category)}" x="{x:.1f}" y="{y}" '
                         f'width="{w:.1f}" height="{row_h - 8}"><title>{escape(category)}, {sev.label}: {n}</title></rect>')
            x += w
        total = sum(counts[(category, s)] for s in Severity)
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 17}">{total}</text>')
    parts.append("</svg>")
    legend = "".join(f'<li><span class="swatch" data-sev="{s.label}"></span>{s.label}</li>' for s in Severity)
    tags = "".join(f"<li><code>{tag}</code> {escape(cat.value)}</li>" for cat, tag in TAGS.items())
    return (f'<figure class="chart">{"".join(parts)}<figcaption><ul class="legend">{legend}</ul>'
            f'<ul class="legend tags">{tags}</ul></figcaption></figure>')


def _index(documents: list[Document], quality: QualityReport, items: list[Item], limit: float | None) -> str:
    per_file = Counter(it.file for it in items)
    rows = []
    for i, (doc, score) in enumerate(zip(documents, quality.files)):
        over = ' class="over"' if score.exceeds(limit) else ""
        rows.append(f'<tr{over}><th scope="row"><a href="#file-{i}">{escape(doc.path)}</a></th><td>{score.words:,}</td>'
                    f"<td>{per_file[i]}</td><td>{_num(score.penalty)}</td><td>{score.per_1000_words:.2f}</td></tr>")
    return ('<section id="index" aria-labelledby="index-title"><h2 id="index-title">Files</h2><table class="index">'
            '<thead><tr><th scope="col">file</th><th scope="col">words</th><th scope="col">findings</th>'
            '<th scope="col">penalty points</th><th scope="col">per 1,000 words</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></section>')


def _checkboxes(name: str, legend: str, values: list[tuple[str, str]]) -> str:
    boxes = "".join(f'<label><input type="checkbox" name="{name}" value="{escape(v)}" checked> {escape(label)}</label>'
                    for v, label in values)
    return f'<fieldset data-filter="{name}"><legend>{legend}</legend>{boxes}</fieldset>'


def _filters(items: list[Item], documents: list[Document]) -> str:
    if not items:
        return ""
    cats = sorted({it.finding.category.value for it in items})
    sevs = [s.label for s in Severity if any(it.finding.severity is s for it in items)]
    rules = sorted({(it.finding.rule, it.finding.name) for it in items})
    files = [(str(i), doc.path) for i, doc in enumerate(documents)]
    return ('<form id="filters" aria-labelledby="filters-title" hidden><h2 id="filters-title">Filters</h2>'
            + _checkboxes("sev", "Severity", [(s, s) for s in sevs])
            + _checkboxes("cat", "Category", [(c, c) for c in cats])
            + _checkboxes("rule", "Rule", [(r, f"{r} {n}") for r, n in rules])
            + (_checkboxes("file", "File", files) if len(files) > 1 else "")
            + '<p><button type="button" id="show-all">Show all</button> '
              f'<output id="shown" aria-live="polite">Showing {len(items)} of {len(items)} findings</output></p></form>')


def _rule_docs(findings: list[Finding], ctx: ReportContext) -> str:
    specs = {r.spec.id: r.spec for r in (ctx.catalog or ctx.ruleset or [])}
    entries = []
    for rule in sorted({f.rule: f for f in findings}.values(), key=lambda f: f.rule):
        spec = specs.get(rule.rule)
        why = spec.why if spec else suppressions.META_WHY if rule.rule == suppressions.META_ID else rule.message
        entries.append(f'<dt id="rule-{escape(rule.rule)}">{escape(rule.rule)} {escape(rule.name)} '
                       f'<span class="meta">({escape(rule.family)}, {escape(rule.category.value)})</span></dt>'
                       f'<dd>{escape(" ".join(why.split()))}</dd>')
    if not entries:
        return ""
    return f'<section id="rules" aria-labelledby="rules-title"><h2 id="rules-title">Rules</h2><dl>{"".join(entries)}</dl></section>'


# --- reference scores (transcheck report) -----------------------------------------------


def _diff(hyp: str, ref: str) -> tuple[str, str]:
    """Hypothesis and reference with the words that differ marked (<del> and <ins>)."""
    a, b = hyp.split(), ref.split()
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if a[i1:i2]:
            words = escape(" ".join(a[i1:i2]))
            left.append(words if op == "equal" else f"<del>{words}</del>")
        if b[j1:j2]:
            words = escape(" ".join(b[j1:j2]))
            right.append(words if op == "equal" else f"<ins>{words}</ins>")
    return " ".join(left), " ".join(right)


def _reference(ref: dict) -> str:
    """Corpus scores against the reference and the worst segments with their differences."""
    keys = list(ref["scores"])
    head = "".join(f'<th scope="col">{METRIC_LABELS.get(k, k)}</th>' for k in keys)
    cells = "".join(f'<td>{ref["scores"][k]["score"]:.2f}</td>' for k in keys)
    how = "aligned by sentences" if ref.get("aligned") else "line by line"
    out = [f'<div class="reference"><p>Scored against {escape(ref["path"])} ({how}, {ref["segments"]} segments):</p>'
           f'<table class="scores"><thead><tr>{head}</tr></thead><tbody><tr>{cells}</tr></tbody></table>']
    if ref.get("worst"):
        out.append(f'<table class="worst"><caption>{len(ref["worst"])} worst segment(s) by sentence chrF '
                   '(<del>differs in the text</del>, <ins>differs in the reference</ins>)</caption>'
                   '<thead><tr><th scope="col">line</th>'
                   + "".join(f'<th scope="col">{METRIC_LABELS.get(k, k)}</th>' for k in ref["worst"][0]["scores"])
                   + '<th scope="col">text / reference</th></tr></thead><tbody>')
        for seg in ref["worst"]:
            hyp, refs = _diff(seg["hypothesis"], seg["reference"])
            scores = "".join(f"<td>{v:.1f}</td>" for v in seg["scores"].values())
            out.append(f'<tr><th scope="row">{escape(seg["line"])}</th>{scores}'
                       f'<td><p class="hyp">{hyp}</p><p class="ref">{refs}</p></td></tr>')
        out.append("</tbody></table>")
    out.append("</div>")
    return "".join(out)


# --- the page ---------------------------------------------------------------------------


def render(findings: list[Finding], ctx: ReportContext) -> str:
    documents = list(ctx.documents)
    items = _items(findings, documents)
    quality = ctx.quality(findings)
    by_file: dict[int, list[Item]] = {}
    for it in items:
        by_file.setdefault(it.file, []).append(it)
    references = ctx.extra.get("references", {})
    total = quality.overall
    limit = f" (limit {_num(ctx.max_penalty)})" if ctx.max_penalty is not None else ""
    sections = [
        f'<header><h1>transcheck report</h1><p class="meta">transcheck {__version__}, locale {escape(ctx.locale)}: '
        f"{len(findings)} finding(s) in {len(documents)} file(s), {total.words:,} words.</p>"
        f'<p class="score total">MQM-style score: <strong>{total.per_1000_words:.2f}</strong> penalty points per 1,000 words'
        f"{limit}; weights {', '.join(f'{k} {_num(v)}' for k, v in quality.weights.to_dict().items())}.</p></header>",
        '<nav class="skip"><a href="#texts">Skip to the texts</a></nav>',
        '<main>',
    ]
    if len(documents) > 1:
        sections.append(_index(documents, quality, items, ctx.max_penalty))
    sections.append('<section id="summary" aria-labelledby="summary-title"><h2 id="summary-title">Summary</h2>'
                    f"{_summary_table(findings)}{_chart(findings)}</section>")
    sections.append(_filters(items, documents))
    sections.append('<div id="texts">')
    sections.extend(_file_section(i, doc, by_file.get(i, []), quality.file(doc.path), references.get(doc.path))
                    for i, doc in enumerate(documents))
    sections.append("</div>")
    sections.append(_rule_docs(findings, ctx))
    sections.append('</main><div id="tip" role="tooltip" hidden></div>')
    title = "transcheck report" + (f": {documents[0].path}" if len(documents) == 1 else "")
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{_asset('report.css')}</style></head><body>\n"
            + "\n".join(s for s in sections if s)
            + f"\n<script>{_asset('report.js')}</script></body></html>\n")
