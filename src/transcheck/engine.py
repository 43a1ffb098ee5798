"""The rule engine: run a RuleSet over a Document and return Findings (pure, no I/O)."""

from __future__ import annotations

import os
import pickle
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from transcheck import block_pool, passages
from transcheck.context import Context, RecordedCache
from transcheck.documents import Block, Document, blocks
from transcheck.models import Finding, Fix, Match
from transcheck.errors import RuleTimeoutError
from transcheck.rules import matchers
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
    # A rule's findings repeat the same few messages and suggestions (thousands of straight
    # quotes in a long text): interned, the findings held until the report share one string each.
    suggestion = sys.intern(suggestion) if suggestion else suggestion
    fix = None
    if spec.fix_safety is not None and match.replacement is not None:
        fs = match.start if match.fix_start is None else match.fix_start
        fe = match.end if match.fix_end is None else match.fix_end
        # Fix offsets are file offsets, like the finding's; CRLF files get CRLF replacements.
        replacement = match.replacement.replace("\n", "\r\n") if doc.crlf else match.replacement
        fix = Fix(doc.file_offset(fs), doc.file_offset(fe), sys.intern(replacement), spec.fix_safety)
    return Finding(
        path=doc.path,
        rule=spec.id,
        name=spec.name,
        family=spec.family,
        category=spec.category,
        severity=spec.severity,
        message=sys.intern(_message(rule, doc.text, match, suggestion)),
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


BLOCK_CHARS_VARIABLE = "TRANSCHECK_BLOCK_CHARS"
BLOCK_CHARS = 1_000_000  # a plain document longer than this (1 MB of text) is checked in blocks of paragraphs
EVIDENCE_CHARS = 8_000_000  # the document-evidence rules see at most this much text at a time
# Rules that see no further than their line or sentence: regular expressions and phrase
# lists, and the detectors registered as line-local (``detectors.detector``). Every other
# detector takes evidence from the whole document and runs on all of it.
LINE_LOCAL_KINDS = frozenset({"pattern", "phrases", "swap"})


def block_chars() -> int:
    """The block size: ``TRANSCHECK_BLOCK_CHARS`` when set (tests use a small one), else the default."""
    value = os.environ.get(BLOCK_CHARS_VARIABLE, "")
    return int(value) if value.isdigit() and int(value) > 0 else BLOCK_CHARS


def line_local(rule: Rule) -> bool:
    """A rule whose findings on a stretch of paragraphs are those it finds there in the whole document."""
    kind = rule.spec.matcher.get("kind")
    return kind in LINE_LOCAL_KINDS or getattr(rule.matcher, "LINE_LOCAL", False)


def check(doc: Document, ruleset: RuleSet, locale: str = "en-US", jobs: int = 1) -> list[Finding]:
    """All findings of the rules that apply to ``locale``, in document order.

    A long plain document is checked in two parts with the same findings as whole: the
    line-local rules a block of paragraphs at a time (so tokens, tags and sentences are
    held for one block), the rules that need the whole document's evidence on all of it.
    Beyond ``EVIDENCE_CHARS`` (8 MB of text) those see a stretch of that size at a time, so
    memory stays bounded: their evidence (quote style, house style) is then the stretch's.
    With ``jobs`` above 1 both parts go to forked workers (``block_pool``)."""
    size = block_chars()
    rules = ruleset.for_locale(locale)
    if type(doc) is not Document or len(doc.text) <= size:
        return one_per_span(check_whole(doc, rules, locale))
    stretches = (doc if end - start == len(doc.text) else Block.of(doc, start, end)
                 for start, end in blocks(doc.text, max(size, EVIDENCE_CHARS)))
    return check_stretches(stretches, rules, locale, jobs)


def check_stretches(stretches: Iterable[Document], rules: list[Rule], locale: str, jobs: int = 1) -> list[Finding]:
    """The findings of a long text given as consecutive stretches of ``EVIDENCE_CHARS``."""
    return [finding for found in stretch_findings(stretches, rules, locale, jobs) for finding in found]


def stretch_findings(stretches: Iterable[Document], rules: list[Rule], locale: str,
                     jobs: int = 1) -> Iterator[list[Finding]]:
    """Each stretch's findings, sorted with one per span (no span crosses a stretch): the
    document-evidence rules on the stretch, the line-local rules a block at a time (with
    ``jobs`` above 1, both spread over forked workers, ``block_pool``). A stretch is not held while the
    next one is read, nor its findings as objects while its rules and blocks run
    (``HeldFindings``)."""
    evidence = [rule for rule in rules if not line_local(rule)]
    local = [rule for rule in rules if line_local(rule)]
    for stretch in stretches:
        held = HeldFindings(packed=True)
        spans = blocks(stretch.text, block_chars())
        with block_pool.spread(stretch, local, evidence, locale, spans, jobs) as from_workers:
            if from_workers is None:
                run_rules(stretch, evidence, locale, held, releases(stretch, evidence, locale))
                for first, last in spans:
                    run_rules(Block.of(stretch, first, last), local, locale, held)
                    release_free_memory()  # the block's tokens, tags and hits, before the next block's
            else:
                for found in from_workers:
                    held.extend(found)
        del stretch
        release_free_memory()
        found = held.findings()
        found.sort(key=Finding.sort_key)
        yield one_per_span(found)


def one_per_span(findings: list[Finding]) -> list[Finding]:
    """Sorted findings with one per span, family and category: where two rules of a family
    flag the same words as the same kind of problem (a lexicon entry and a generated table),
    the one with a suggestion is kept, else the lower rule id. Different problems on the same
    words (a straight quote that is also unpaired) are all kept."""
    kept: dict[tuple[str, int, int, str, str], int] = {}
    out: list[Finding] = []
    for finding in findings:
        key = (finding.path, finding.start, finding.end, finding.family, finding.category.value)
        if key not in kept:
            kept[key] = len(out)
            out.append(finding)
        elif finding.suggestion and not out[kept[key]].suggestion:
            out[kept[key]] = finding
    return out


def check_whole(doc: Document, rules: list[Rule], locale: str, release: dict[int, list[str]] | None = None) -> list[Finding]:
    """The sorted findings of ``rules`` on ``doc`` (see ``run_rules``)."""
    held = HeldFindings(packed=len(doc.text) > block_chars())
    run_rules(doc, rules, locale, held, release)
    findings = held.findings()
    findings.sort(key=Finding.sort_key)
    return findings


class HeldFindings:
    """Findings waiting for the rest of a text's rules. On a long text (``packed``) each
    rule's are pickled at once into one bytes object (about 100 bytes a finding, not 450
    in small objects): else thousands of findings made amid a rule's burst of temporary
    tokens and hits would stay scattered over the small-object allocator's arenas, which
    are returned to the system only when every object in them is freed."""

    def __init__(self, packed: bool) -> None:
        self.packed = packed
        self._found: list[Finding] = []
        self._pickled: list[bytes] = []

    def extend(self, findings: list[Finding]) -> None:
        if not self.packed:
            self._found.extend(findings)
        elif findings:
            self._pickled.append(pickle.dumps(findings, protocol=pickle.HIGHEST_PROTOCOL))

    def findings(self) -> list[Finding]:
        """All findings held, in the order they came."""
        return self._found + [finding for data in self._pickled for finding in pickle.loads(data)]


def run_rules(doc: Document, rules: list[Rule], locale: str, held: HeldFindings,
              release: dict[int, list[str]] | None = None) -> None:
    """Add the findings of ``rules`` on ``doc`` to ``held``; the Context's caches named in
    ``release`` under a rule's index are freed once that rule has run (see ``releases``)."""
    trim = len(doc.text) > block_chars()  # a long text's evidence: its rules' freed copies and caches given back
    ctx = Context(doc, locale, trigger_scope=trigger_scope(rules) if trim else None)
    if trim:
        from transcheck.tagger import forget_features  # here: a short text's run need not import the tagger
    for i, rule in enumerate(rules):
        held.extend(run_rule(rule, ctx))
        for name in release.get(i, ()) if release else ():
            ctx.cache.pop(name, None)
        if trim:
            forget_features()
            release_free_memory()


_SCOPES: dict[tuple[int, ...], tuple[list[Rule], frozenset[int]]] = {}  # the rules kept: their ids stay theirs


def trigger_scope(rules: list[Rule]) -> frozenset[int]:
    """The trigger-index scanners of ``rules`` (``matchers.trigger_scope``), found once per
    list of rule objects: on a long text's evidence the other rules' literals are not searched for."""
    key = tuple(map(id, rules))
    if key not in _SCOPES:
        _SCOPES[key] = (list(rules), matchers.trigger_scope(rules))
    return _SCOPES[key][1]


def release_free_memory() -> None:
    """Give the C heap's free pages back to the system (glibc's ``malloc_trim``, ~0.2 ms a
    call; elsewhere nothing). Else what a rule freed on a long text stays in the process
    and the next rule's copies add to it."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None on a C library without it."""
    import ctypes
    import ctypes.util

    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None


PROBE_CHARS = 100_000  # the opening of a long text on which the rules show which caches they use


@dataclass(frozen=True)
class Probe:
    """What each of a list of rules did on the opening passages of a long text."""

    uses: tuple[frozenset[str], ...]  # the Context caches each rule read or wrote
    makers: dict[str, int]  # each cache's maker: the first rule that wrote it
    seconds: tuple[float, ...]  # each rule's time there, the caches it made included

    def releases(self) -> dict[int, list[str]]:
        """For each rule (by index) that is the last to use some caches, those caches."""
        last = {key: i for i, keys in enumerate(self.uses) for key in keys}
        by_rule: dict[int, list[str]] = {}
        for key, i in last.items():
            by_rule.setdefault(i, []).append(key)
        return by_rule

    def subset(self, indices: list[int]) -> "Probe":
        """The probe of the rules at ``indices``, as if they had been probed alone: a cache
        made outside them is made by the first of them that uses it."""
        uses = tuple(self.uses[i] for i in indices)
        makers: dict[str, int] = {}
        for new, keys in enumerate(uses):
            for key in keys:
                makers.setdefault(key, new)
        return Probe(uses, makers, tuple(self.seconds[i] for i in indices))


_PROBES: dict[tuple[str, tuple[str, ...]], Probe] = {}


def probe(doc: Document, rules: list[Rule], locale: str, warm_up: bool = False) -> Probe:
    """``rules`` run on the opening passages of ``doc``, once per rule list and locale;
    ``warm_up`` first runs them on a tenth of that, so that the times are not those of
    loading the rules' tables."""
    key = (locale, tuple(rule.spec.id for rule in rules))
    if key not in _PROBES:
        cut = passages.cut(doc.text, 0, PROBE_CHARS)
        if warm_up:
            opening = Document.from_text(doc.path, doc.text[:passages.cut(doc.text, 0, PROBE_CHARS // 10)])
            run_rules(opening, rules, locale, HeldFindings(packed=False))
        cache = RecordedCache()
        ctx = Context(Document.from_text(doc.path, doc.text[:cut]), locale, cache, trigger_scope(rules))
        seconds = []
        for i, rule in enumerate(rules):
            cache.user = i
            started = time.perf_counter()
            run_rule(rule, ctx)
            seconds.append(time.perf_counter() - started)
        uses = tuple(frozenset(cache.uses.get(i, ())) for i in range(len(rules)))
        _PROBES[key] = Probe(uses, dict(cache.makers), tuple(seconds))
    return _PROBES[key]


def remember_probe(rules: list[Rule], locale: str, found: Probe) -> None:
    """Take ``found`` as the probe of ``rules`` (a part of a list probed whole)."""
    _PROBES[(locale, tuple(rule.spec.id for rule in rules))] = found


def releases(doc: Document, rules: list[Rule], locale: str) -> dict[int, list[str]]:
    """For each shared cache of a Context (tagged sentences, quote pairs, ...), the index of
    the last of ``rules`` that uses it, so that a long text does not hold every rule's
    evidence to the end. Learnt by running the rules on the opening passages of ``doc``
    (``probe``; caches are functions of the text: a later rule that uses a cache the probe
    did not see it use computes it again, with the same findings)."""
    return probe(doc, rules, locale).releases()
