"""Serve a built site on 127.0.0.1 and open it in headless Chromium.

Shared by the programs that open pages (screenshots, the link-preview picture, the benchmark's
page weight, the audit) and the browser tests. Chromium is the system's (`/usr/bin/chromium`,
e.g. Debian's `chromium` package) when present, else the one `playwright install chromium` downloads.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import socket
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, Playwright

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SYSTEM_CHROMIUM = ("chromium", "chromium-browser")


def system_chromium() -> str | None:
    return next((path for name in SYSTEM_CHROMIUM if (path := shutil.which(name))), None)


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=system_chromium(), args=CHROMIUM_FLAGS)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site: Path, handler: type[QuietHandler] = QuietHandler) -> Iterator[str]:
    """Serve `site` on a free port of 127.0.0.1 for the length of the block; yields the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    """A port of 127.0.0.1 that is free now, for a server that cannot be given port 0 (`mkdocs serve`)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def pages(site: Path) -> list[str]:
    """Every page of the built site, as paths relative to its root (`""` is the home page)."""
    found = []
    for path in sorted(site.rglob("index.html")):
        found.append(path.parent.relative_to(site).as_posix() + "/" if path.parent != site else "")
    return found


def fetch(url: str) -> str:
    """The page at `url` as text, or "" while nothing answers there yet."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError):
        return ""
