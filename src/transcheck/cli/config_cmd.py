"""`transcheck config`: print the effective configuration and the file it came from."""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Any

from transcheck.cli.params import Option, command
from transcheck.config import load_config, to_dict


class Format(str, Enum):
    TOML = "toml"
    JSON = "json"


def _value(value: Any) -> str:
    """A TOML scalar or inline array (JSON strings are valid TOML basic strings)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _key(key: str) -> str:
    return key if key.replace("-", "").replace("_", "").isalnum() else json.dumps(key, ensure_ascii=False)


def _table(data: dict[str, Any], name: str) -> list[str]:
    """Scalars first, then sub-tables and arrays of tables, as TOML lines."""
    lines = [f"[{name}]"] if name else []
    nested = {k: v for k, v in data.items() if isinstance(v, dict) or (isinstance(v, list) and v and isinstance(v[0], dict))}
    lines += [f"{_key(k)} = {_value(v)}" for k, v in data.items() if k not in nested]
    for key, value in nested.items():
        full = f"{name}.{_key(key)}" if name else _key(key)
        if isinstance(value, dict):
            lines += ["", *_table(value, full)]
        else:
            for item in value:
                lines += ["", *[f"[[{full}]]" if line == f"[{full}]" else line for line in _table(item, full)]]
    return lines


def to_toml(data: dict[str, Any]) -> str:
    return "\n".join(_table(data, "")) + "\n"


@command("config")
def config_cmd(
    config_file: str | None = Option(None, "--config", help="Read this configuration file instead of searching for one."),
    isolated: bool = Option(False, "--isolated", help="Ignore configuration files (show the defaults)."),
    format: Format = Option(Format.TOML, "--format", "-f", help="Output format."),
) -> None:
    """Print the effective configuration (defaults merged with the file) and where it came from."""
    config = load_config(config_file, isolated)
    data = to_dict(config)
    source = config.source or "defaults (no transcheck.toml or [tool.transcheck] found)"
    if format is Format.JSON:
        sys.stdout.write(json.dumps({"source": config.source, "root": config.root, "config": data}, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(f"# source: {source}\n# root: {config.root}\n{to_toml(data)}")
