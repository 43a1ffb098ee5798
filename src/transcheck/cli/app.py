"""The typer application: registers each command module and maps errors to exit codes."""

from __future__ import annotations

import sys

import typer

from transcheck import __version__
from transcheck.cli import exitcodes
from transcheck.errors import TranscheckError

app = typer.Typer(
    name="transcheck",
    help="Check English machine-translated from German for translation artifacts, and score it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"transcheck {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    """Check English machine-translated from German for translation artifacts, and score it."""


# The module that registers each command; `transcheck <command>` imports only its own.
COMMAND_MODULES = {
    "check": "check", "rules": "rules_cmd", "explain": "rules_cmd", "score": "score", "fix": "fix",
    "languagetool": "languagetool_cmd", "config": "config_cmd", "eval": "eval_cmd", "report": "report_cmd",
}
OPTIONAL = ("score", "fix", "languagetool_cmd", "config_cmd", "eval_cmd", "report_cmd")


def _register(argv: list[str] | None = None) -> None:
    """Import the command modules (commands register on import): only the one ``argv``
    names, so a run does not pay for the others' imports; all of them for ``--help``."""
    words = [a for a in (sys.argv[1:] if argv is None else argv) if not a.startswith("-")]
    module = COMMAND_MODULES.get(words[0]) if words else None
    for name in [module] if module else dict.fromkeys(COMMAND_MODULES.values()):
        try:
            __import__(f"transcheck.cli.{name}")
        except ModuleNotFoundError as err:
            if name not in OPTIONAL or err.name != f"transcheck.cli.{name}":
                raise


def fail(message: str, code: int = exitcodes.USAGE) -> typer.Exit:
    """Print one line to stderr and return the Exit to raise."""
    print(f"transcheck: error: {message}", file=sys.stderr)
    return typer.Exit(code)


def main() -> None:
    """Console-script entry point."""
    from transcheck.cli.signals import Stopped, install

    install()
    try:
        _register()
        app(standalone_mode=True)
    except TranscheckError as err:
        print(f"transcheck: error: {err}", file=sys.stderr)
        sys.exit(exitcodes.USAGE)
    except Stopped as stop:
        print(f"transcheck: {stop.label}", file=sys.stderr)
        sys.exit(stop.exit_code)
