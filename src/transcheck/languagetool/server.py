"""A local LanguageTool HTTP server started from the installed jars: start, wait, probe, stop."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

from transcheck.languagetool.custom import staged_classpath
from transcheck.languagetool.install import LanguageToolUnavailable, find_java, is_installed, jars_dir

HEAP_ENV = "TRANSCHECK_LANGUAGETOOL_HEAP"
DEFAULT_HEAP = "2g"  # English with the default rules needs 1-2 GB
SERVER_CLASS = "org.languagetool.server.HTTPServer"


def free_port() -> int:
    """A TCP port on localhost that nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_command(port: int, heap: str | None = None) -> list[str]:
    """The java command line that runs LanguageTool's HTTP server from the installed jars."""
    if not is_installed():
        raise LanguageToolUnavailable("LanguageTool is not installed: run 'transcheck languagetool install'")
    heap = heap or os.environ.get(HEAP_ENV) or DEFAULT_HEAP
    classpath = str(jars_dir() / "*")
    custom = staged_classpath()
    if custom is not None:  # transcheck's own pattern rules, loaded beside LanguageTool's grammar.xml
        classpath = f"{custom}{os.pathsep}{classpath}"
    return [find_java(), f"-Xmx{heap}", "-cp", classpath, SERVER_CLASS, "--port", str(port), "--allow-origin"]


def probe(url: str, timeout: float = 5.0) -> str:
    """The version of the LanguageTool server at ``url`` (checks an empty text), or a clear error."""
    endpoint = urllib.parse.urljoin(url.rstrip("/") + "/", "v2/check")
    data = urllib.parse.urlencode({"language": "en-US", "text": ""}).encode()
    try:
        with urllib.request.urlopen(endpoint, data=data, timeout=timeout) as response:
            body = json.load(response)
        return str(body["software"]["version"])
    except (OSError, ValueError, KeyError, TypeError) as err:
        reason = getattr(err, "reason", None) or err
        raise LanguageToolUnavailable(f"no LanguageTool server answers at {url} ({reason})") from None


def _die_with_parent() -> None:
    """In the server's process before exec: Linux sends it SIGTERM when transcheck dies, even by SIGKILL."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


class LocalServer:
    """A LanguageTool server process on a free localhost port; use as a context manager."""

    def __init__(self, port: int | None = None, heap: str | None = None, verbose: bool = False) -> None:
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._cmd = server_command(self.port, heap)
        self._verbose = verbose
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 120.0) -> "LocalServer":
        """Start the server and wait until it answers; stop it again on failure."""
        out = sys.stderr if self._verbose else subprocess.DEVNULL
        self.process = subprocess.Popen(
            self._cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, preexec_fn=_die_with_parent
        )
        try:
            self.wait_ready(timeout)
        except BaseException:
            self.stop()
            raise
        return self

    def wait_ready(self, timeout: float) -> str:
        """Poll until the server answers; fail early if the process dies."""
        deadline = time.monotonic() + timeout
        while True:
            if self.process is not None and self.process.poll() is not None:
                raise LanguageToolUnavailable(
                    f"the LanguageTool server exited at start (code {self.process.returncode}; is port {self.port} free?)"
                )
            try:
                return probe(self.url, timeout=5.0)
            except LanguageToolUnavailable:
                if time.monotonic() > deadline:
                    raise LanguageToolUnavailable(
                        f"the LanguageTool server did not answer within {timeout:.0f} s"
                    ) from None
                time.sleep(0.25)

    def stop(self) -> None:
        """Terminate the server (kill it if it does not exit within 10 s)."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def __enter__(self) -> "LocalServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
