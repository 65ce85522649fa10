"""What the tests share: a private copy of the project, built for real with MkDocs, and served."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from scripts.shared.browser import free_port
from scripts.shared.project import ROOT, mkdocs_environment
from scripts.shared.project import copy_project as copy_sources

BIN = Path(sys.executable).parent
WAIT_SECONDS = 60  # a bound on waiting, never a measurement
SMALL_SITE = Path(__file__).parent / "data" / "small-site"
# How each generator that runs the figures plugin previews a site. ProperDocs reads mkdocs.yml on its
# own when there is no properdocs.yml, but prints a note unless it is named.
SERVE = {"mkdocs": ("mkdocs", "serve"), "properdocs": ("properdocs", "serve", "-f", "mkdocs.yml")}


@dataclass
class Project:
    """A copy of the site's sources in a temporary folder, with its own diagram cache."""

    root: Path
    log: str = ""  # what the last build printed

    def build(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [str(BIN / "mkdocs"), "build", "--strict", *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            env=mkdocs_environment(),
        )
        self.log = result.stderr
        if check and result.returncode != 0:
            pytest.fail(f"mkdocs build failed:\n{result.stderr}")
        return result

    @property
    def site(self) -> Path:
        return self.root / "site"

    def page(self, path: str = "index.html") -> str:
        return (self.site / path).read_text(encoding="utf-8")

    def edit(self, path: str, old: str, new: str) -> None:
        """Replace `old` with `new` in the file at `path` (relative to the root), as a contributor's save would."""
        file = self.root / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {path}"
        file.write_text(text.replace(old, new), encoding="utf-8")


def copy_project(destination: Path) -> Project:
    return Project(copy_sources(destination))


def warm_copy(destination: Path, built: Project) -> Project:
    """A fresh copy of the project whose cache holds every figure `built` drew: it draws only what a test changes."""
    project = copy_project(destination)
    shutil.copytree(built.root / ".cache", project.root / ".cache")
    return project


@contextmanager
def serving(
    project: Project, stop: signal.Signals = signal.SIGTERM, generator: str = "mkdocs"
) -> Iterator[tuple[str, Path]]:
    """`mkdocs serve` (or `generator`'s) in the project, logging to a file; stopped with `stop` at the end."""
    port = free_port()
    log = project.root / "serve.log"
    program, *arguments = SERVE[generator]
    with log.open("w") as output:
        process = subprocess.Popen(
            [str(BIN / program), *arguments, "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project.root,
            stdout=output,
            stderr=output,
            env=mkdocs_environment(),
        )
    try:
        wait_until(
            lambda: "Serving on" in log.read_text() or process.poll() is not None, f"{generator} serve serving", log
        )
        assert process.poll() is None, log.read_text()
        yield f"http://127.0.0.1:{port}/", log
    finally:
        process.send_signal(stop)
        try:
            process.wait(timeout=WAIT_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            pytest.fail(f"{generator} serve did not stop on {stop.name}:\n{log.read_text()}")


def run_script(name: str, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """`python -m scripts.NAME ARGS` in `cwd`, as the Makefile runs it from the root; its output as text."""
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return subprocess.run(
        [str(BIN / "python"), "-m", f"scripts.{name}", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": path},
    )


def wait_until(condition: Callable[[], bool], what: str, log: Path) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        assert time.monotonic() < deadline, f"never happened: {what}; the server said:\n{log.read_text()}"
        time.sleep(0.1)
