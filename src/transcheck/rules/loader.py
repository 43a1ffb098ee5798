"""Find, parse and compile rule files into a RuleSet."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property, partial
from importlib import resources
from pathlib import Path

from transcheck.context import Context
from transcheck.detectors import build_detector
from transcheck.errors import RuleFileError, UsageError
from transcheck.models import Match
from transcheck.rules import matchers
from transcheck.rules.spec import RuleSpec, parse_rule

RULE_SUFFIXES = (".yaml", ".yml")
NON_RULE_DIRS = {"lexicons", "languagetool"}


def builtin_rules_dir() -> Path:
    """The rules shipped in the wheel, or the repository's rules/ when run from source."""
    packaged = Path(str(resources.files("transcheck"))) / "ruledata"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "rules"


@dataclass
class Rule:
    """A rule spec with its compiled matcher."""

    spec: RuleSpec
    matcher: matchers.Matcher
    unless: tuple[re.Pattern, ...] = ()

    def find(self, ctx: Context) -> list[Match]:
        found = self.matcher.find(ctx)
        if self.unless:
            return [m for m in found if not matchers.blocked_by(ctx, m, self.unless)]
        return list(found)


@dataclass
class RuleSet:
    """An ordered collection of rules with lookup by id, alias, name or family."""

    rules: list[Rule]

    def __iter__(self):
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def for_locale(self, locale: str) -> list[Rule]:
        """The rules that apply to ``locale``, in order (kept: a run asks for every document)."""
        kept: dict[str, list[Rule]] = self.__dict__.setdefault("_for_locale", {})
        rules = kept.get(locale)
        if rules is None:
            rules = kept[locale] = [rule for rule in self.rules if locale in rule.spec.locales]
        return rules

    @cached_property
    def ids(self) -> frozenset[str]:
        """The ids of the rules."""
        return frozenset(rule.spec.id for rule in self.rules)

    def lookup(self, key: str) -> list[Rule]:
        """Rules matching an id, alias, name or family (case-insensitive for ids)."""
        k = key.strip()
        return [
            r for r in self.rules
            if k.upper() == r.spec.id or k.upper() in r.spec.aliases or k == r.spec.name or k == r.spec.family
        ]

    def get(self, key: str) -> Rule:
        found = self.lookup(key)
        if not found:
            raise UsageError(f"unknown rule {key!r} (see 'transcheck rules')")
        return found[0]

    def select(self, select: Iterable[str] = (), ignore: Iterable[str] = ()) -> "RuleSet":
        """Keep the rules named in ``select`` (all when empty) minus those in ``ignore``."""
        chosen = self.rules
        select = [s for s in select if s]
        if select:
            ids = {r.spec.id for key in select for r in self._must(key)}
            chosen = [r for r in chosen if r.spec.id in ids]
        else:
            chosen = [r for r in chosen if r.spec.enabled]
        drop = {r.spec.id for key in ignore if key for r in self._must(key)}
        return RuleSet([r for r in chosen if r.spec.id not in drop])

    def _must(self, key: str) -> list[Rule]:
        found = self.lookup(key)
        if not found:
            raise UsageError(f"unknown rule, name or family {key!r} (see 'transcheck rules')")
        return found

    def digest(self) -> str:
        """A short hash of the enabled rule files, for reproducible reports."""
        h = hashlib.sha256()
        for rule in self.rules:
            h.update(rule.spec.id.encode())
            h.update(Path(rule.spec.path).read_bytes() if Path(rule.spec.path).is_file() else b"")
        return h.hexdigest()[:16]


@cache
def _strict_loader() -> type:
    """A safe YAML loader (libyaml's parser when PyYAML has it) that refuses a key given
    twice in one mapping (YAML keeps the last). PyYAML is imported only when a rule file is read."""
    import yaml

    class StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        def construct_mapping(self, node, deep=False):
            seen = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"key {key!r} appears twice in one mapping", key_node.start_mark
                    )
                seen.add(key)
            return super().construct_mapping(node, deep=deep)

    return StrictLoader


def _read_yaml(path: Path):
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise RuleFileError(f"{path}: cannot read rule file ({err})") from None
    if not text.strip():
        raise RuleFileError(f"{path}: empty rule file")
    try:
        return yaml.load(text, Loader=_strict_loader())
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise RuleFileError(f"{path}: invalid YAML{where}: {getattr(err, 'problem', err)}") from None


def load_lexicons(root: Path) -> dict[str, list]:
    """Shared word lists in ``root/lexicons/*.yaml``: a list, or a mapping with 'entries'."""
    out: dict[str, list] = {}
    folder = root / "lexicons"
    if not folder.is_dir():
        return out
    for path in sorted(folder.glob("*.y*ml")):
        data = _read_yaml(path)
        entries = data.get("entries") if isinstance(data, dict) else data
        if not isinstance(entries, list):
            raise RuleFileError(f"{path}: a lexicon must be a list or a mapping with 'entries'")
        out[path.stem] = entries
    return out


def rule_files(root: Path) -> list[Path]:
    """Rule files under ``root``, skipping lexicon and profile folders."""
    files = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).parts
        if path.suffix in RULE_SUFFIXES and path.is_file() and not NON_RULE_DIRS.intersection(rel[:-1]):
            files.append(path)
    return files


def compile_rule(spec: RuleSpec, lexicons: dict[str, list]) -> Rule:
    cfg = spec.matcher
    where = f"{spec.path}: field matcher"
    kind = cfg["kind"]
    if kind == "pattern":
        matcher = matchers.PatternMatcher.from_config(cfg, where)
    elif kind == "phrases":
        matcher = matchers.phrases_from_config(cfg, where, lexicons)
    elif kind == "swap":
        matcher = matchers.swap_from_config(cfg, where)
    else:
        unknown = set(cfg) - {"kind", "detector", "options", "unless"}
        if unknown:
            raise RuleFileError(f"{where}.{sorted(unknown)[0]}: unknown field")
        matcher = build_detector(cfg.get("detector"), cfg.get("options"), where)
    unless = tuple(matchers.compile_regex(u, f"{where}.unless") for u in cfg.get("unless", []))
    return Rule(spec, matcher, unless)


def load_rules(extra_dirs: Iterable[str | Path] = (), builtin: bool = True, use_cache: bool = True) -> RuleSet:
    """Load the built-in rules and any user rule folders; ids must be unique.

    The result is cached on disk (see ``cache.py``) and rebuilt when a rule file changes.
    """
    roots = ([builtin_rules_dir()] if builtin else []) + [Path(d) for d in extra_dirs]
    own = builtin_rules_dir() if builtin else None
    for root in roots:
        if not root.is_dir():
            raise UsageError(f"{root}: rules folder not found")
    if not use_cache:
        return _build(roots, own)
    from transcheck.rules import cache

    return cache.cached(roots, own, partial(_build, roots, own))


def _build(roots: list[Path], own: Path | None) -> RuleSet:
    """Parse and compile every rule file of ``roots`` (``own``: the built-in folder)."""
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    lexicons: dict[str, list] = {}
    for root in roots:
        lexicons.update(load_lexicons(root))
        for path in rule_files(root):
            spec = parse_rule(_read_yaml(path), str(path), builtin=root == own)
            for key in (spec.id, spec.name, *spec.aliases):
                if key in seen:
                    raise RuleFileError(f"{path}: '{key}' is already used by {seen[key]}")
                seen[key] = str(path)
            rules.append(compile_rule(spec, lexicons))
    rules.sort(key=lambda r: r.spec.id)
    return RuleSet(rules)
