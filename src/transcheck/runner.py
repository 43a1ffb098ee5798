"""The check pipeline for ``check`` (and for ``fix`` to share): discover → read → check → filter.

Pure: no printing and no exits. Files are checked in worker processes (each loads the
rules once) and the results come back in file order, so the output is the same for
any ``jobs``. Filtering — selection per path, severity overrides, suppressions and the
baseline — runs in the calling process on each document's findings (a long file's a
stretch at a time); the kept findings go to a ``spill.FindingStore``, which past a limit
holds them on disk, not in memory, and gives them back in report order. A long file checked
in a worker comes back the same way: past the limit the worker writes its findings a stretch
at a time to a file in a private folder (``spill.spool``), and this process reads them back.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, replace
from functools import lru_cache
from operator import attrgetter

from transcheck import baseline as baseline_mod
from transcheck import spill, suppressions
from transcheck.config import Config, PathSettings
from transcheck.discovery import discover
from transcheck import formats
from transcheck import engine
from transcheck.documents import Document, LongDocument, StoredDocument, read_long
from transcheck.engine import check as engine_check
from transcheck.errors import ConfigError
from transcheck.models import Finding, Severity
from transcheck.rules import RuleSet, load_rules, multiscan
from transcheck.spill import FindingStore

Augment = Callable[[list[Document], list[Finding]], list[Finding]]
MIN_FILES_FOR_POOL = 4
WARM_UP = Document.from_text("<warm-up>", "Warm-up text.\n\nThe minister said „yes“ on 3.5.2021 in Berlin.\n")
EXTERNAL_PREFIX, EXTERNAL_FAMILY = "LT:", "languagetool"  # findings added by runner.run's augment hook


class Checker:
    """The loaded rules and the configuration, with per-selection caches."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.catalog: RuleSet = load_rules(config.extra_rules)
        self._rulesets: dict[tuple, tuple[RuleSet, bool]] = {}
        self.resolve = lru_cache(maxsize=None)(self._resolve)
        self.block_jobs = 1  # processes for the blocks of a long file checked in this process

    def _resolve(self, key: str) -> frozenset[str]:
        """The rule ids a key (id, alias, name, family) names; empty when unknown."""
        if key in suppressions.META_KEYS or key.upper() == suppressions.META_ID:
            return frozenset({suppressions.META_ID})
        return frozenset(r.spec.id for r in self.catalog.lookup(key))

    def known(self, key: str) -> bool:
        """A loaded rule, the meta rule, or a LanguageTool rule (``LT:ID`` or family ``languagetool``)."""
        return bool(self.resolve(key)) or key.startswith(EXTERNAL_PREFIX) or key == EXTERNAL_FAMILY

    def matches(self, key: str, finding: Finding) -> bool:
        return finding.rule in self.resolve(key) or key in (finding.rule, finding.name, finding.family)

    def validate(self) -> None:
        """Every rule key named in the configuration or options must name a rule."""
        for where, key in self.config.rule_keys():
            external_ok = "severity" in where and self.known(key)
            if not self.resolve(key) and not external_ok:
                source = f"{self.config.source}: " if self.config.source else ""
                raise ConfigError(f"{source}key '{where}': unknown rule, name or family {key!r} (see 'transcheck rules')")

    def ruleset(self, settings: PathSettings) -> tuple[RuleSet, bool]:
        """The rules to run for ``settings``, and whether TC000 (unused suppressions) is on."""
        cache_key = (settings.select, settings.ignore)
        if cache_key not in self._rulesets:
            meta_keys = {k for k in settings.select + settings.ignore if suppressions.META_ID in self.resolve(k)}
            select = [k for k in settings.select if k not in meta_keys]
            ignore = [k for k in settings.ignore if k not in meta_keys]
            meta_on = (not settings.select or any(k in meta_keys for k in settings.select)) and not any(
                k in meta_keys for k in settings.ignore
            )
            ruleset = self.catalog.select(select, ignore) if select or not settings.select else RuleSet([])
            self._rulesets[cache_key] = (ruleset, meta_on)
        return self._rulesets[cache_key]

    def check(self, doc: Document) -> list[Finding]:
        """Raw findings of the rules selected for this document's path."""
        settings = self.config.for_path(doc.path)
        ruleset = self.ruleset(settings)[0]
        if isinstance(doc, LongDocument):  # holds no suppression: nothing to mask
            return [f for found in long_batches(doc, ruleset, settings.locale, self.block_jobs) for f in found]
        if isinstance(doc, formats.MappedDocument):  # offsets, lines and unit ids from the original file
            return doc.finish(engine_check(doc, ruleset, settings.locale, self.block_jobs))
        masked = suppressions.mask(doc)
        if masked is None:
            return engine_check(doc, ruleset, settings.locale, self.block_jobs)
        return masked.restore(engine_check(masked.doc, ruleset, settings.locale, self.block_jobs))

    def batches(self, doc: Document | LongDocument) -> Iterator[list[Finding]]:
        """``check`` in consecutive sorted pieces: a long file's a stretch at a time."""
        if isinstance(doc, LongDocument):
            settings = self.config.for_path(doc.path)
            yield from long_batches(doc, self.ruleset(settings)[0], settings.locale, self.block_jobs)
        else:
            yield self.check(doc)  # type: ignore[arg-type]

    def filter(self, doc: Document, findings: list[Finding]) -> tuple[list[Finding], int]:
        """Severity overrides and suppressions; returns kept findings and the number suppressed."""
        settings = self.config.for_path(doc.path)
        if isinstance(doc, LongDocument):  # holds no suppression (no "transcheck"): all are kept
            return self._severities(findings, settings.severity), 0
        ruleset, meta_on = self.ruleset(settings)
        active = ruleset.ids | {f.rule for f in findings}
        kept, suppressed = suppressions.apply(doc, findings, self, active, meta_on)
        return self._severities(kept, settings.severity), suppressed

    def _severities(self, findings: list[Finding], overrides: dict[str, Severity]) -> list[Finding]:
        if not overrides:
            return findings
        return [replace(f, severity=self._severity(f, overrides)) for f in findings]

    def _severity(self, f: Finding, overrides: dict[str, Severity]) -> Severity:
        """The last override that names the finding's rule, else its own severity."""
        chosen = f.severity
        for key, severity in overrides.items():
            if self.matches(key, f):
                chosen = severity
        return chosen


def long_batches(doc: LongDocument, ruleset: RuleSet, locale: str, jobs: int = 1) -> Iterator[list[Finding]]:
    """``engine.check`` of a file too long to hold, with the same findings, given a stretch
    at a time (sorted, each after the one before): the file is read a stretch at a time, cut
    where the engine cuts the whole text (``EVIDENCE_CHARS``), and checked by
    ``engine.stretch_findings`` (its blocks in up to ``jobs`` processes); a file that fits
    in one block is checked whole."""
    rules = ruleset.for_locale(locale)
    stretches = doc.stretches(max(engine.block_chars(), engine.EVIDENCE_CHARS))
    first = next(stretches, None)
    if first is None:
        return
    if len(first.text) <= engine.block_chars():  # the whole file fits in one block: checked whole
        yield engine.one_per_span(engine.check_whole(first, rules, locale))
        return
    rest = itertools.chain([first], stretches)
    del first  # not held once the engine has moved past it
    yield from engine.stretch_findings(rest, rules, locale, jobs)


def read(path: str) -> Document | LongDocument:
    """A file as ``formats.read`` gives it, or, for a plain-text file longer than the
    engine's evidence stretch, a LongDocument that is read a stretch at a time."""
    if path != "-" and _READ.source is None and formats.format_of(path, _READ) == "text":
        long = read_long(path, engine.EVIDENCE_CHARS)
        if long is not None:
            return long
    return formats.read(path, _READ)


@dataclass
class RunResult:
    """What a run produced, in deterministic order."""

    documents: list[Document]
    findings: Sequence[Finding]  # a list, or past spill.SPILL_FINDINGS a SpilledFindings read back from disk
    ruleset: RuleSet  # the top-level selection
    catalog: RuleSet  # every loaded rule
    suppressed: int = 0
    baselined: int = 0

    @property
    def by_path(self) -> dict[str, Document]:
        return {d.path: d for d in self.documents}


_WORKER: Checker | None = None
_READ = formats.DEFAULT  # how files are read (--input-format, --source, --glossary)
_SPOOL: str | None = None  # in a worker: the folder its long files' findings are spooled to


def _init_worker(config: Config, read: formats.ReadOptions = formats.DEFAULT, spool: str | None = None) -> None:
    """Pool initializer: load the rules once per worker (inherited as-is under fork)."""
    global _WORKER, _READ, _SPOOL
    _READ, _SPOOL = read, spool
    if _WORKER is None or _WORKER.config != config:
        _WORKER = Checker(config)


def _check_path(path: str) -> tuple[Document, list[list[Finding]] | spill.SpooledBatches]:
    """In a worker: a file and its raw findings; a long file's go, past the spill limit, to
    a file in the spool folder a stretch at a time, and only its name comes back."""
    assert _WORKER is not None
    doc = read(path)
    if isinstance(doc, LongDocument) and _SPOOL is not None:
        return doc, spill.spool(_WORKER.batches(doc), _SPOOL)
    return doc, [_WORKER.check(doc)]


def _check_all(files: list[str], checker: Checker, jobs: int, advance: Callable[[], None]) -> Iterator[tuple[Document, Iterable[list[Finding]]]]:
    """(document, its raw findings in sorted pieces) for each file, in the order of ``files``;
    the pieces of a long file checked here are made as they are taken."""
    global _WORKER
    pooled = [f for f in files if f != "-"]
    if "-" in files:
        doc = formats.read("-", _READ)
        advance()
        yield doc, [checker.check(doc)]
    if jobs <= 1 or len(pooled) < MIN_FILES_FOR_POOL:
        checker.block_jobs = jobs  # a long file's blocks then spread over the processes
        for path in pooled:
            doc = read(path)
            advance()
            yield doc, checker.batches(doc)
        return
    checker.check(WARM_UP)  # load lazy tables (word frequencies) once, before forking,
    multiscan.REGISTRY.database()  # and the scanners' Hyperscan database
    _WORKER = checker  # a forked worker inherits the loaded rules and tables
    chunk = max(1, min(16, len(pooled) // (jobs * 8)))
    from transcheck import pools  # here: a run of a few files starts no pool

    with spill.spool_folder() as folder, pools.new_pool(
        max_workers=jobs, initializer=_init_worker, initargs=(checker.config, _READ, folder)
    ) as pool:
        for doc, found in pools.in_order(pool, _check_path, pooled, chunksize=chunk):
            advance()
            yield doc, found.claim() if isinstance(found, spill.SpooledBatches) else found


def _across_files(documents: list[Document], checker: Checker) -> list[Finding]:
    """Bilingual findings that need several files: the same source translated differently (TC1011)."""
    bilingual = [d for d in documents if isinstance(d, formats.MappedDocument) and d.segments]
    if len(bilingual) < 2:
        return []
    from transcheck.detectors.bilingual import project_consistency

    def rule_for(doc: Document):
        ruleset = checker.ruleset(checker.config.for_path(doc.path))[0]
        return next((r for r in ruleset if r.spec.id == "TC1011"), None)

    return project_consistency(bilingual, rule_for)


def _new_findings(findings: Sequence[Finding], documents: dict[str, Document], baseline: str) -> tuple[Sequence[Finding], int]:
    """``baseline.new_findings`` a piece at a time, the new findings kept in a FindingStore:
    the findings not in the baseline, and the number it absorbed."""
    remaining, store, known = baseline_mod.load(baseline), FindingStore(), 0
    for path, group in itertools.groupby(findings, key=attrgetter("path")):
        store.start(path)
        while piece := list(itertools.islice(group, spill.PIECE)):
            new = []
            for f, key in zip(piece, baseline_mod.keys(piece, documents, baseline)):
                if remaining[key] > 0:
                    remaining[key] -= 1
                else:
                    new.append(f)
            known += len(piece) - len(new)
            store.extend(new)
    return store.findings(), known


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def run(
    paths: list[str],
    config: Config,
    jobs: int | None = None,
    baseline: str | None = None,
    on_files: Callable[[int], None] | None = None,
    on_file: Callable[[], None] | None = None,
    augment: Augment | None = None,
    read: formats.ReadOptions = formats.DEFAULT,
) -> RunResult:
    """Check ``paths`` with ``config``; ``on_files(n)``/``on_file()`` report progress.

    ``augment(documents, findings)`` (e.g. LanguageTool) may add findings before
    filtering, so suppressions, severity overrides and the baseline apply to them too.
    ``read`` says how files are read (input format, German source, glossary).
    """
    global _READ
    _READ = read
    checker = Checker(config)
    checker.validate()
    files = discover(paths, config)
    if on_files:
        on_files(len(files))
    documents: list[Document] = []
    pending: list[Document] = []  # documents filtered at the end (other files or augment may add findings)
    raw: list[Finding] = []
    store = FindingStore()  # kept findings, spilled to disk past a limit
    suppressed = 0
    with closing(_check_all(files, checker, jobs or default_jobs(), on_file or (lambda: None))) as results:
        for doc, batches in results:  # on an error or a signal, closing stops the workers and removes their spool
            if augment is None and (type(doc) is Document or isinstance(doc, LongDocument)) and doc.path != "<stdin>":
                # a plain file: filtered now, a piece at a time, and kept without its text
                # (no other file adds to its findings)
                store.start(doc.path)
                for found in batches:
                    kept, n = checker.filter(doc, sorted(found, key=Finding.sort_key))
                    store.extend(kept)
                    suppressed += n
                    del found, kept  # not held while the next piece is made
                documents.append(StoredDocument(doc) if type(doc) is Document else doc)  # type: ignore[arg-type]
                continue
            documents.append(doc)
            pending.append(doc)
            raw.extend(f for found in batches for f in found)
    raw.extend(_across_files(documents, checker))
    if augment is not None:
        raw = augment(documents, raw)
    by_path: dict[str, list[Finding]] = {}
    for f in raw:
        by_path.setdefault(f.path, []).append(f)
    for doc in pending:
        kept, n = checker.filter(doc, sorted(by_path.get(doc.path, []), key=Finding.sort_key))
        store.start(doc.path)
        store.extend(kept)
        suppressed += n
    findings = store.findings()
    baselined = 0
    if baseline is not None:
        findings, baselined = _new_findings(findings, {d.path: d for d in documents}, baseline)
    top = PathSettings(config.select, config.ignore, config.severity, config.locale)
    return RunResult(documents, findings, checker.ruleset(top)[0], checker.catalog, suppressed, baselined)
