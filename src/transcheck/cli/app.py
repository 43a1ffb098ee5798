"""The typer application: registers each command module and maps errors to exit codes.

``transcheck check`` with an ordinary command line is read without typer (``params.py``):
typer, and the pydantic adapters it builds on every run, cost more than checking a short
file. Every other command line (``--help``, an error, the other commands) goes to typer,
built on first use of ``app``.
"""

from __future__ import annotations

import sys
from functools import cache

from transcheck import __version__
from transcheck.cli import exitcodes
from transcheck.errors import TranscheckError

HELP = "Check English machine-translated from German for translation artifacts, and score it."


@cache
def typer_app():
    """The typer application (commands register on it when their modules are imported)."""
    import typer

    from transcheck.cli.params import to_typer

    class App(typer.Typer):
        def command(self, *args, **kwargs):
            """typer's ``command``, accepting parameters declared with ``params.Option``/``Argument``."""
            register = super().command(*args, **kwargs)
            return lambda fn: register(to_typer(fn))

    app = App(
        name="transcheck",
        help=HELP,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )

    def _version(value: bool) -> None:
        if value:
            from transcheck import native

            print(f"transcheck {__version__} ({native.describe()})")
            raise typer.Exit()

    @app.callback()
    def root(
        version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
    ) -> None:
        """Check English machine-translated from German for translation artifacts, and score it."""

    return app


def __getattr__(name: str):
    if name == "app":  # `from transcheck.cli.app import app` in the command modules
        return typer_app()
    raise AttributeError(name)


# The module that registers each command; `transcheck <command>` imports only its own.
COMMAND_MODULES = {
    "check": "check", "rules": "rules_cmd", "explain": "rules_cmd", "score": "score", "fix": "fix",
    "languagetool": "languagetool_cmd", "config": "config_cmd", "eval": "eval_cmd", "report": "report_cmd",
}
OPTIONAL = ("score", "fix", "languagetool_cmd", "config_cmd", "eval_cmd", "report_cmd")


def _register(argv: list[str] | None = None) -> None:
    """Import the command modules (commands register on import): only the one ``argv``
    names, so a run does not pay for the others' imports; all of them for ``--help``."""
    from transcheck.cli import params

    words = [a for a in (sys.argv[1:] if argv is None else argv) if not a.startswith("-")]
    module = COMMAND_MODULES.get(words[0]) if words else None
    for name in [module] if module else dict.fromkeys(COMMAND_MODULES.values()):
        try:
            __import__(f"transcheck.cli.{name}")
        except ModuleNotFoundError as err:
            if name not in OPTIONAL or err.name != f"transcheck.cli.{name}":
                raise
        while params.PENDING:  # commands declared without typer, in the order of their modules
            command = next(iter(params.PENDING))
            typer_app().command(command)(params.PENDING.pop(command))


# Commands read without typer when their command line is an ordinary one: module, function.
QUICK = {"check": ("check", "check"), "rules": ("rules_cmd", "list_rules"), "explain": ("rules_cmd", "explain"),
         "config": ("config_cmd", "config_cmd")}


def _quick(argv: list[str]) -> bool:
    """Run ``check``, ``rules``, ``explain`` or ``config`` without typer when its command line is an ordinary one."""
    if not argv or argv[0] not in QUICK:
        return False
    if argv[0] == "check":
        _import_check()
    from importlib import import_module

    from transcheck.cli import params

    module, name = QUICK[argv[0]]
    fn = getattr(import_module(f"transcheck.cli.{module}"), name)
    kwargs = params.parse(fn, argv[1:])
    if kwargs is None:
        return False
    try:
        params.call(fn, kwargs)
    except SystemExit as done:
        _exit_now(done)
    return True


def _import_check() -> None:
    """Import the check command (the engine, the reader, the report) with Python's cyclic
    collector paused: the thousands of objects the imports make are kept for the run, and
    the collector would walk them again and again (a twentieth of a one-line check). They
    then join the oldest generation at once (``gc.freeze`` then ``gc.unfreeze``)."""
    from transcheck.collector import collector_paused

    with collector_paused():
        import transcheck.cli.check  # noqa: F401


def _exit_now(done: SystemExit) -> None:
    """End the process without freeing every object of the run one by one (rules, tables,
    documents: a tenth of a second), as mypy does: exit handlers run, the output is
    flushed, then ``os._exit``. Only when no other thread runs; else ``done`` goes on."""
    import atexit
    import os
    import threading

    from transcheck.cli.signals import received

    if stop := received():  # a signal whose exception Python dropped (raised in a __del__)
        _stopped(stop)
    if threading.active_count() > 1 or not isinstance(done.code, (int, type(None))):
        raise done
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        raise done from None
    os._exit(done.code or 0)


def fail(message: str, code: int = exitcodes.USAGE):
    """Print one line to stderr and return the typer Exit to raise."""
    import typer

    print(f"transcheck: error: {message}", file=sys.stderr)
    return typer.Exit(code)


def main() -> None:
    """Console-script entry point."""
    import atexit

    from transcheck import startup_code
    from transcheck.cli.signals import Stopped, install, received

    startup_code.install()  # before the commands' modules compile their dataclasses and patterns
    atexit.register(startup_code.save)
    install()
    try:
        if not _quick(sys.argv[1:]):
            _register()
            _run_typer()
    except TranscheckError as err:
        if stop := received():
            _stopped(stop)
        print(f"transcheck: error: {err}", file=sys.stderr)
        sys.exit(exitcodes.USAGE)
    except Stopped as stop:
        _stopped(stop)
    except Exception as err:
        if stop := received():  # the signal's exception was dropped (raised in a __del__)
            _stopped(stop)
        if _worker_died(err):
            print("transcheck: error: a worker process ended abruptly (killed, or out of memory); "
                  "nothing was written (--jobs 1 checks in one process)", file=sys.stderr)
            sys.exit(exitcodes.USAGE)
        if isinstance(err, OSError):
            _system_error(err)
        raise


def _system_error(err: OSError) -> None:
    """The system refused a read or a write no command turned into an error of its own (the
    standard output on a full disk): one line, exit 2. The process ends at once, since
    Python's own exit would try to flush the output again and print a traceback."""
    import atexit
    import os

    reason = err.strerror or str(err)
    line = f"{err.filename}: {reason}" if err.filename else f"cannot write the output ({reason})"
    print(f"transcheck: error: {line}", file=sys.stderr)
    atexit._run_exitfuncs()
    sys.stderr.flush()
    os._exit(exitcodes.USAGE)


def _worker_died(err: Exception) -> bool:
    """A process pool lost a worker (the system killed it): every pool the commands start
    (files, a long file's blocks, score's segments) raises BrokenProcessPool."""
    process = sys.modules.get("concurrent.futures.process")  # not imported: no pool was started
    return process is not None and isinstance(err, process.BrokenProcessPool)


def _run_typer() -> None:
    """Run the typer application; a command line it cannot read is one line on stderr, exit 2
    (typer's own standalone mode draws the usage and a boxed message). No command returns a
    value, so what typer returns is an exit code or None."""
    import typer

    try:
        from typer._click.exceptions import ClickException, UsageError  # typer vendors click since 0.16
    except ImportError:  # pragma: no cover - an older typer on click
        from click.exceptions import ClickException, UsageError
    try:
        code = typer_app()(standalone_mode=False)
    except UsageError as err:
        if type(err).__name__ == "NoArgsIsHelpError":  # no arguments at all: the help
            if help_text := err.format_message():  # (rich has printed it already as it rendered it)
                print(help_text)
            sys.exit(err.exit_code)
        hint = f" (see '{err.ctx.command_path} -h')" if err.ctx is not None else ""
        print(f"transcheck: error: {err.format_message()}{hint}", file=sys.stderr)
        sys.exit(err.exit_code)
    except ClickException as err:
        print(f"transcheck: error: {err.format_message()}", file=sys.stderr)
        sys.exit(err.exit_code)
    except typer.Abort:
        print("Aborted!", file=sys.stderr)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


def _stopped(stop) -> None:
    """End a run stopped by a signal, once its clean-up is done (workers and servers stopped,
    no partial report): one line, then ``os._exit``. Python's own exit would join the process
    pool's manager thread, which a worker stopped mid-task can leave waiting for ever."""
    import os

    print(f"transcheck: {stop.label}", file=sys.stderr)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        pass  # a closed pipe: nothing more can be said
    os._exit(stop.exit_code)
