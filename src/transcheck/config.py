"""Configuration: ``transcheck.toml`` or ``[tool.transcheck]`` in ``pyproject.toml``.

Found by walking up from the working directory (``transcheck.toml`` wins over
``pyproject.toml`` in the same folder), or named with ``--config``. Every key is
validated here; an unknown key or a bad value raises ConfigError naming the key.
Globs (``include``, ``exclude``, ``[[overrides]] paths``) are gitignore-style and
relative to the folder of the configuration file. The keys are documented in the README.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from transcheck.documents import TEXT_SUFFIXES
from transcheck.errors import ConfigError
from transcheck.models import Severity
from transcheck.quality import Weights

if TYPE_CHECKING:
    import pathspec

CONFIG_FILE = "transcheck.toml"
PYPROJECT = "pyproject.toml"
LOCALES = ("en-US", "en-GB")
FORMATS = ("text", "concise", "json", "sarif", "junit", "github", "html")
# the extensions of transcheck.formats.SUFFIXES, named here so that configuration does not import the readers
FORMAT_SUFFIXES = frozenset({".xlf", ".xliff", ".po", ".pot", ".tmx", ".html", ".htm"})
DEFAULT_INCLUDE = tuple(sorted(f"*{suffix}" for suffix in TEXT_SUFFIXES | FORMAT_SUFFIXES))


@dataclass(frozen=True)
class LanguageToolSettings:
    """``[languagetool]``: passed through to the LanguageTool integration."""

    enabled: bool = False
    url: str | None = None
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScoreThresholds:
    """``[score]``: ``transcheck score`` exits 1 when a corpus score misses one."""

    min_bleu: float | None = None
    min_chrf: float | None = None
    max_ter: float | None = None

    def gates(self, metrics: Iterable[str]) -> dict[str, float | None]:
        """Thresholds keyed by the score command's option names, for the metrics being computed."""
        metrics = set(metrics)
        values = {"--min-bleu": ("bleu", self.min_bleu), "--min-chrf": ("chrf", self.min_chrf), "--max-ter": ("ter", self.max_ter)}
        return {option: value if metric in metrics else None for option, (metric, value) in values.items()}


@dataclass(frozen=True)
class QualitySettings:
    """``[quality]``: severity weights of the MQM-style score and the ``--max-penalty`` gate."""

    weights: Weights = Weights()
    max_penalty: float | None = None  # penalty points per 1,000 words


@dataclass(frozen=True)
class Override:
    """One ``[[overrides]]`` table: settings for files matching ``paths``."""

    paths: tuple[str, ...]
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    locale: str | None = None

    def matches(self, relpath: str) -> bool:
        return glob_spec(self.paths).match_file(relpath)


@dataclass(frozen=True)
class PathSettings:
    """The rule settings that apply to one file, overrides merged in."""

    select: tuple[str, ...]
    ignore: tuple[str, ...]
    severity: dict[str, Severity]
    locale: str


@dataclass(frozen=True)
class Config:
    """The effective configuration: defaults, then the file, then command-line options."""

    locale: str = "en-US"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()
    extra_rules: tuple[str, ...] = ()
    fail_on: Severity = Severity.MINOR
    format: str = "text"
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    languagetool: LanguageToolSettings = LanguageToolSettings()
    score: ScoreThresholds = ScoreThresholds()
    quality: QualitySettings = QualitySettings()
    fail_on_set: bool = False  # fail-on was given in the file (a penalty limit replaces its default)
    source: str | None = None  # the file it came from; None for the defaults
    root: str = "."  # globs are relative to this folder

    def relpath(self, path: str) -> str | None:
        """``path`` relative to the config folder (posix), or None when outside it."""
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(self.root))
        if rel == os.pardir or rel.startswith(os.pardir + os.sep):
            return None
        return Path(rel).as_posix()

    def for_path(self, path: str) -> PathSettings:
        """Settings for one file: the top level, then each matching override in order."""
        select, ignore, severity, locale = self.select, self.ignore, dict(self.severity), self.locale
        rel = self.relpath(path)
        for override in self.overrides if rel is not None else ():
            if override.matches(rel):
                select = override.select if override.select is not None else select
                ignore = ignore + override.ignore
                severity.update(override.severity)
                locale = override.locale or locale
        return PathSettings(select, ignore, severity, locale)

    def with_options(self, **options: Any) -> "Config":
        """Command-line options win over the file; ``None`` means 'not given'."""
        return replace(self, **{k: v for k, v in options.items() if v is not None})

    def rule_keys(self) -> Iterable[tuple[str, str]]:
        """(config key, rule key) of every rule named anywhere, to check they exist."""
        for key in self.select:
            yield "select", key
        for key in self.ignore:
            yield "ignore", key
        for key in self.severity:
            yield f"severity.{key}", key
        for i, ov in enumerate(self.overrides):
            for name, keys in (("select", ov.select or ()), ("ignore", ov.ignore), ("severity", ov.severity)):
                for key in keys:
                    yield f"overrides[{i}].{name}", key


def to_dict(config: Config) -> dict[str, Any]:
    """The effective configuration with the file's key names (for ``transcheck config``)."""
    severities = lambda table: {k: v.label for k, v in table.items()}  # noqa: E731
    overrides = []
    for ov in config.overrides:
        item: dict[str, Any] = {"paths": list(ov.paths)}
        if ov.select is not None:
            item["select"] = list(ov.select)
        if ov.ignore:
            item["ignore"] = list(ov.ignore)
        if ov.locale:
            item["locale"] = ov.locale
        if ov.severity:
            item["severity"] = severities(ov.severity)
        overrides.append(item)
    lt, score = config.languagetool, config.score
    thresholds = {"min-bleu": score.min_bleu, "min-chrf": score.min_chrf, "max-ter": score.max_ter}
    return {
        "locale": config.locale,
        "select": list(config.select),
        "ignore": list(config.ignore),
        "fail-on": config.fail_on.label,
        "format": config.format,
        "extra-rules": list(config.extra_rules),
        "include": list(config.include),
        "exclude": list(config.exclude),
        "respect-gitignore": config.respect_gitignore,
        "severity": severities(config.severity),
        "languagetool": {"enabled": lt.enabled, **({"url": lt.url} if lt.url else {}), "enable": list(lt.enable), "disable": list(lt.disable)},
        "score": {k: v for k, v in thresholds.items() if v is not None},
        "quality": {**config.quality.weights.to_dict(), **({"max-penalty": config.quality.max_penalty} if config.quality.max_penalty is not None else {})},
        "overrides": overrides,
    }


class _NoGlobs:
    """The compiled form of no globs: matches no path (and needs no pathspec)."""

    def match_file(self, path: str) -> bool:
        return False


@lru_cache(maxsize=None)
def glob_spec(globs: tuple[str, ...]) -> pathspec.PathSpec | _NoGlobs:
    """gitignore-style globs compiled once."""
    if not globs:
        return _NoGlobs()
    import pathspec  # imported when there are globs to match: a check of one named file has none

    return pathspec.PathSpec.from_lines("gitignore", list(globs))


# --- reading and validating -------------------------------------------------------------


class _Table:
    """A TOML table being validated: every read names the key; leftovers are unknown keys."""

    def __init__(self, data: Any, where: str, source: str) -> None:
        if not isinstance(data, dict):
            raise ConfigError(f"{source}: key '{where or 'tool.transcheck'}': must be a table")
        self.data = dict(data)
        self.where = where
        self.source = source

    def key(self, name: str) -> str:
        return f"{self.where}.{name}" if self.where else name

    def fail(self, name: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.source}: key '{self.key(name)}': {problem}")

    def take(self, name: str, convert: Callable[[Any], Any]) -> Any:
        """Pop and convert ``name``; a ValueError from ``convert`` names the key."""
        if name not in self.data:
            return None
        value = self.data.pop(name)
        try:
            return convert(value)
        except (ValueError, TypeError) as err:
            raise self.fail(name, str(err)) from None

    def sub(self, name: str) -> "_Table | None":
        if name not in self.data:
            return None
        return _Table(self.data.pop(name), self.key(name), self.source)

    def done(self) -> None:
        if self.data:
            raise ConfigError(f"{self.source}: unknown key '{self.key(sorted(self.data)[0])}'")


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError("must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _choice(choices: tuple[str, ...]) -> Callable[[Any], str]:
    def convert(value: Any) -> str:
        if value not in choices:
            raise ValueError(f"{value!r} is not one of {', '.join(choices)}")
        return value

    return convert


def _severity(value: Any) -> Severity:
    if not isinstance(value, str):
        raise ValueError("must be minor, major or critical")
    return Severity.parse(value)


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{value!r} is not true or false")
    return value


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise ValueError(f"{value!r} is not a non-negative number")
    return float(value)


def _url(value: Any) -> str:
    if not isinstance(value, str) or not value.startswith(("http://", "https://")):
        raise ValueError(f"{value!r} is not an http:// or https:// URL")
    return value


def _severity_table(table: _Table | None) -> dict[str, Severity]:
    if table is None:
        return {}
    out = {key: table.take(key, _severity) for key in list(table.data)}
    table.done()
    return out


def _folders(root: Path) -> Callable[[Any], tuple[str, ...]]:
    def convert(value: Any) -> tuple[str, ...]:
        out = []
        for folder in _strings(value):
            path = (root / folder).resolve()
            if not path.is_dir():
                raise ValueError(f"{folder!r} is not a folder (relative to {root})")
            out.append(str(path))
        return tuple(out)

    return convert


def _override(data: Any, where: str, source: str) -> Override:
    table = _Table(data, where, source)
    paths = table.take("paths", _strings)
    if not paths:
        raise table.fail("paths", "is required: a list of globs")
    override = Override(
        paths=paths,
        select=table.take("select", _strings),
        ignore=table.take("ignore", _strings) or (),
        severity=_severity_table(table.sub("severity")),
        locale=table.take("locale", _choice(LOCALES)),
    )
    table.done()
    return override


def _languagetool(table: _Table | None) -> LanguageToolSettings:
    if table is None:
        return LanguageToolSettings()
    settings = LanguageToolSettings(
        enabled=bool(table.take("enabled", _bool)),
        url=table.take("url", _url),
        enable=table.take("enable", _strings) or (),
        disable=table.take("disable", _strings) or (),
    )
    table.done()
    return settings


def _score(table: _Table | None) -> ScoreThresholds:
    if table is None:
        return ScoreThresholds()
    thresholds = ScoreThresholds(table.take("min-bleu", _number), table.take("min-chrf", _number), table.take("max-ter", _number))
    table.done()
    return thresholds


def _quality(table: _Table | None) -> QualitySettings:
    if table is None:
        return QualitySettings()
    weights = {name: table.take(name, _number) for name in ("minor", "major", "critical")}
    default = Weights()
    settings = QualitySettings(
        Weights(**{name: getattr(default, name) if value is None else value for name, value in weights.items()}),
        table.take("max-penalty", _number),
    )
    table.done()
    return settings


def parse_config(data: dict[str, Any], source: str, root: Path) -> Config:
    """Validate the transcheck table of a configuration file into a Config."""
    top = _Table(data, "", source)
    fail_on_set = "fail-on" in top.data
    values = {
        "locale": top.take("locale", _choice(LOCALES)),
        "select": top.take("select", _strings),
        "ignore": top.take("ignore", _strings),
        "extra_rules": top.take("extra-rules", _folders(root)),
        "fail_on": top.take("fail-on", _severity),
        "format": top.take("format", _choice(FORMATS)),
        "include": top.take("include", _strings),
        "exclude": top.take("exclude", _strings),
        "respect_gitignore": top.take("respect-gitignore", _bool),
    }
    severity = _severity_table(top.sub("severity"))
    overrides = top.take("overrides", _array_of_tables)
    languagetool = _languagetool(top.sub("languagetool"))
    score = _score(top.sub("score"))
    quality = _quality(top.sub("quality"))
    top.done()
    return Config(source=source, root=str(root)).with_options(
        **values,
        severity=severity,
        overrides=tuple(_override(o, f"overrides[{i}]", source) for i, o in enumerate(overrides or [])),
        languagetool=languagetool,
        score=score,
        quality=quality,
        fail_on_set=fail_on_set,
    )


def _array_of_tables(value: Any) -> list:
    if not isinstance(value, list):
        raise ValueError("must be an array of tables ([[overrides]])")
    return value


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # here: a run with no configuration file needs none of it

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except OSError as err:
        raise ConfigError(f"{path}: cannot read ({err.strerror})") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: invalid TOML: {err}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: invalid UTF-8") from None


def _table_of(path: Path, data: dict[str, Any]) -> dict[str, Any] | None:
    """The transcheck table of a parsed file: all of transcheck.toml, or [tool.transcheck]."""
    if path.name == PYPROJECT:
        tool = data.get("tool", {})
        return tool.get("transcheck") if isinstance(tool, dict) else None
    return data


def find_config(start: Path) -> Path | None:
    """The nearest transcheck.toml, or pyproject.toml with [tool.transcheck], from ``start`` up."""
    for folder in [start, *start.parents]:
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _table_of(pyproject, _read_toml(pyproject)) is not None:
            return pyproject
    return None


def load_config(path: str | None = None, isolated: bool = False, cwd: Path | None = None) -> Config:
    """Load ``path``, or the nearest configuration file, or the defaults."""
    cwd = (cwd or Path.cwd()).resolve()
    if isolated:
        return Config(root=str(cwd))
    found = Path(path).resolve() if path else find_config(cwd)
    if found is None:
        return Config(root=str(cwd))
    if found.is_dir():
        raise ConfigError(f"{path}: is a folder, not a configuration file")
    table = _table_of(found, _read_toml(found))
    if table is None:
        raise ConfigError(f"{found}: has no [tool.transcheck] table")
    return parse_config(table, str(found), found.parent)
