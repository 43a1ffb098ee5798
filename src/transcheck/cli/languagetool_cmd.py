"""`transcheck languagetool install | serve | status`: LanguageTool's jars and server."""

from __future__ import annotations

import shutil
import sys

import typer

from transcheck.cli.app import app
from transcheck.languagetool.install import LT_VERSION, find_java, find_maven, install_dir, is_installed, jars_dir
from transcheck.languagetool.install import install as install_jars

lt_app = typer.Typer(help="LanguageTool: install its jars, run a server, show its status.", no_args_is_help=True)
app.add_typer(lt_app, name="languagetool")

URL = typer.Option(None, "--url", envvar="TRANSCHECK_LANGUAGETOOL_URL", help="A LanguageTool server to probe.")


@lt_app.command()
def install() -> None:
    """Fetch LanguageTool's server and English jars from Maven Central (needs Maven and Java 17)."""
    if is_installed():
        print(f"LanguageTool {LT_VERSION} already installed in {install_dir()}")
        return
    find_maven()
    find_java()
    print(f"Fetching LanguageTool {LT_VERSION} with Maven...", file=sys.stderr)
    print(f"LanguageTool {LT_VERSION} installed in {install_jars().parent}")


@lt_app.command()
def serve(
    port: int = typer.Option(8081, "--port", "-p", min=0, max=65535, help="Port on localhost (0 picks a free one)."),
    heap: str = typer.Option(None, "--heap", help="Java heap, e.g. 2g (default: $TRANSCHECK_LANGUAGETOOL_HEAP or 2g)."),
) -> None:
    """Run a LanguageTool server in the foreground until Ctrl-C; point --languagetool-url at it."""
    from transcheck.languagetool.server import LocalServer

    server = LocalServer(port=port or None, heap=heap, verbose=True)
    with server:
        print(f"LanguageTool {LT_VERSION} listening at {server.url} (Ctrl-C to stop)", file=sys.stderr)
        code = server.process.wait()  # Ctrl-C or SIGTERM unwinds through the with: the server stops
    raise typer.Exit(0 if code == 0 else 2)


@lt_app.command()
def status(url: str = URL) -> None:
    """Show what LanguageTool transcheck would use; exit 1 if none is usable."""
    from transcheck.languagetool.cache import default_cache_path
    from transcheck.languagetool.install import LanguageToolUnavailable
    from transcheck.languagetool.server import probe

    java = shutil.which("java")
    print(f"version:   {LT_VERSION} (pinned)")
    print(f"jars:      {jars_dir() if is_installed() else 'not installed (run: transcheck languagetool install)'}")
    print(f"java:      {java or 'not found'}")
    print(f"maven:     {shutil.which('mvn') or 'not found'}")
    print(f"cache:     {default_cache_path()}")
    usable = bool(java and is_installed())
    if url:
        try:
            print(f"server:    {url} answers (LanguageTool {probe(url)})")
            usable = True
        except LanguageToolUnavailable as err:
            print(f"server:    {err}")
            usable = False
    raise typer.Exit(0 if usable else 1)
