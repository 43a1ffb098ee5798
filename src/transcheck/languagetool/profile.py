"""The LanguageTool profile: which LT rules run, and how LT issue types map to categories and severities."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from transcheck.errors import ConfigError
from transcheck.models import Category, Severity

PROFILE_FILE = "profile.yaml"
_LISTS = ("disabled_rules", "disabled_categories", "enabled_rules")
_MAPS = ("issue_types", "categories")
_KEYS = frozenset(_LISTS + _MAPS + ("default",))

Grade = tuple[Category, Severity]


@dataclass(frozen=True)
class Profile:
    """Rule selection sent to LanguageTool plus the mapping of its matches to transcheck's grades."""

    disabled_rules: frozenset[str] = frozenset()
    disabled_categories: frozenset[str] = frozenset()
    enabled_rules: frozenset[str] = frozenset()
    issue_types: dict[str, Grade] = field(default_factory=dict)
    categories: dict[str, Grade] = field(default_factory=dict)
    default: Grade = (Category.FLUENCY, Severity.MINOR)

    def grade(self, issue_type: str, category_id: str) -> Grade:
        """transcheck category and severity of an LT match."""
        if category_id in self.categories:
            return self.categories[category_id]
        return self.issue_types.get(issue_type, self.default)

    @property
    def digest(self) -> str:
        """A short hash of what changes LanguageTool's answers (the rule selection), for the cache key."""
        payload = json.dumps([sorted(self.disabled_rules), sorted(self.disabled_categories), sorted(self.enabled_rules)])
        return hashlib.sha256(payload.encode()).hexdigest()[:16]


def builtin_profile_path() -> Path:
    from transcheck.rules.loader import builtin_rules_dir

    return builtin_rules_dir() / "languagetool" / PROFILE_FILE


def _read(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise ConfigError(f"{path}: LanguageTool profile not found") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise ConfigError(f"{path}: cannot read LanguageTool profile ({type(err).__name__})") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: a LanguageTool profile must be a mapping")
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ConfigError(f"{path}: unknown LanguageTool profile key {unknown[0]!r}")
    return data


def _grade(value: object, where: str) -> Grade:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected {{category: ..., severity: ...}}")
    try:
        return Category(str(value.get("category"))), Severity.parse(str(value.get("severity")))
    except ValueError as err:
        raise ConfigError(f"{where}: {err}") from None


def _ids(value: object, where: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of LanguageTool ids")
    return frozenset(v.strip().upper() for v in value if v.strip())


def _build(data: dict, where: str) -> Profile:
    lists = {key: _ids(data.get(key, []), f"{where}: {key}") for key in _LISTS}
    maps = {}
    for key in _MAPS:
        raw = data.get(key) or {}
        if not isinstance(raw, dict):
            raise ConfigError(f"{where}: {key} must be a mapping")
        maps[key] = {str(k): _grade(v, f"{where}: {key}.{k}") for k, v in raw.items()}
    default = _grade(data["default"], f"{where}: default") if "default" in data else Profile.default
    return Profile(**lists, **maps, default=default)


def load_profile(path: str | Path | None = None, enable: Iterable[str] = (), disable: Iterable[str] = ()) -> Profile:
    """The built-in profile, with a user profile on top, then ``enable``/``disable`` rule ids.

    A user profile's lists replace the built-in ones; its ``issue_types``/``categories`` entries
    override the built-in entries of the same name.
    """
    builtin = builtin_profile_path()
    data = _read(builtin)
    where = str(builtin)
    if path is not None:
        user = _read(Path(path))
        for key in _MAPS:  # mappings merge entry by entry; lists and default replace
            if isinstance(user.get(key), dict) and isinstance(data.get(key), dict):
                user[key] = {**data[key], **user[key]}
        data = {**data, **user}
        where = str(path)
    profile = _build(data, where)
    enable = {e.strip().upper() for e in enable if e.strip()}
    disable = {d.strip().upper() for d in disable if d.strip()}
    return Profile(
        disabled_rules=(profile.disabled_rules - enable) | disable,
        disabled_categories=profile.disabled_categories,
        enabled_rules=(profile.enabled_rules | enable) - disable,
        issue_types=profile.issue_types,
        categories=profile.categories,
        default=profile.default,
    )
