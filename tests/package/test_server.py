"""Drawing through the server (drawn_figures/server.py) isolates each diagram as a process of its own did.

Real builds of the small site (tests/data/small-site: what is tested here is the
drawing, not this site's pages), real Graphviz, no mocks, and no time asserted:
a bound on waiting is only there so that a broken test fails instead of hanging.
That the server and a process per diagram draw byte-identical figures is
tests/test_reproducible.py's.

    .venv/bin/pytest tests/test_server.py

Which processes a build leaves behind is read from /proc: each build or server
here runs with an environment variable of its own, which every process it
starts inherits (the drawing server, and each child it forks).
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from drawn_figures import server
from drawn_figures.library import DRAW_VARIABLE, DiagramLibrary
from scripts.shared.browser import fetch

from helpers import BIN, WAIT_SECONDS, Project, serving, wait_until

BUILD_FAILED = 1
FAILED = r"diagrams/boom\.py: drawing failed: the process drawing it"
MARKER_VARIABLE = "FIGURES_ISOLATION_TEST"
BOOM = """\
from diagrams import Diagram, Node

CAPTION = "Boom."
ALT = "Diagram: boom."

{before}
with Diagram("", show=False):
    Node("x")
"""

pytestmark = pytest.mark.skipif(
    not server.fork_available() or not Path("/proc/self/environ").exists(),
    reason="the drawing server needs fork, and these tests read /proc",
)


def place(project: Project, *names: str) -> None:
    """A page that places each diagram in `names`."""
    placeholders = "\n\n".join(f"{{diagram: {name}}}" for name in names)
    (project.root / "docs" / "how-it-is-built.md").write_text(f"# Test\n\nText.\n\n{placeholders}\n")


def set_timeout(project: Project, seconds: int) -> None:
    config = project.root / "mkdocs.yml"
    text = config.read_text()
    assert "timeout: 60" in text
    config.write_text(text.replace("timeout: 60", f"timeout: {seconds}"))


def cache_entries(project: Project) -> int:
    return len(list((project.root / ".cache" / "figures").glob("*.json")))


def other_diagrams(project: Project) -> int:
    return sum(1 for path in (project.root / "diagrams").glob("*.py") if not path.name.startswith(("_", "boom")))


@pytest.fixture
def project(small_site: Project) -> Project:
    """The small site, fresh for each test."""
    return small_site


@pytest.fixture
def marker(monkeypatch: pytest.MonkeyPatch) -> str:
    """A value of MARKER_VARIABLE for this test alone, set for every build it runs."""
    value = uuid.uuid4().hex
    monkeypatch.setenv(MARKER_VARIABLE, value)
    return value


def processes_with(marker: str) -> list[str]:
    """`pid: command line` of every running process whose environment holds the marker (zombies hold none)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or entry.name == str(os.getpid()):
            continue
        try:
            environment = (entry / "environ").read_bytes().split(b"\0")
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:  # gone meanwhile
            continue
        if f"{MARKER_VARIABLE}={marker}".encode() in environment:
            found.append(f"{entry.name}: {command.strip()}")
    return found


def none_left(marker: str) -> list[str]:
    """The processes still holding the marker once they had time to end (none, if all is well)."""
    deadline = time.monotonic() + WAIT_SECONDS
    while (left := processes_with(marker)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def wait_for(path: Path, what: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not path.exists():
        assert time.monotonic() < deadline, f"never happened: {what}"
        time.sleep(0.05)


# --- a diagram that misbehaves fails alone, with its message ---------------------------------


def test_the_timeout_stops_an_endless_diagram_and_the_others_still_draw(project: Project, marker: str) -> None:
    set_timeout(project, 3)
    (project.root / "diagrams" / "boom.py").write_text(BOOM.format(before="while True:\n    pass"))
    place(project, "boom")
    result = project.build(check=False)
    assert result.returncode == BUILD_FAILED
    assert "diagrams/boom.py: still drawing after 3 s, so it was stopped" in result.stderr
    assert f"{other_diagrams(project)} diagram(s) drawn, 0 from the cache, 1 failed" in result.stderr
    assert cache_entries(project) == other_diagrams(project)
    assert none_left(marker) == []


SEGFAULT = "import ctypes\nctypes.string_at(0)"
KILL = "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)"


@pytest.mark.parametrize(
    "case",
    [
        (SEGFAULT, rf"{FAILED} crashed \(SIGSEGV, signal 11\)", "server"),
        ("import os\nos._exit(3)", rf"{FAILED} exited with status 3", "server"),
        (KILL, rf"{FAILED} crashed \(SIGKILL, signal 9\)", "server"),
        (SEGFAULT, rf"{FAILED} crashed \(SIGSEGV, signal 11\)", "subprocess"),
    ],
    ids=["segfault", "os._exit", "killed", "segfault, a process per diagram"],
)
def test_a_crash_fails_only_that_diagram_with_its_message(
    project: Project, marker: str, monkeypatch: pytest.MonkeyPatch, case: tuple[str, str, str]
) -> None:
    before, message, drawing = case
    monkeypatch.setenv(DRAW_VARIABLE, drawing)
    (project.root / "diagrams" / "boom.py").write_text(BOOM.format(before=before))
    place(project, "boom", "first")
    result = project.build(check=False)
    assert result.returncode == BUILD_FAILED
    assert re.search(message, result.stderr), result.stderr
    assert f"{other_diagrams(project)} diagram(s) drawn, 0 from the cache, 1 failed" in result.stderr
    assert cache_entries(project) == other_diagrams(project)
    assert "process of its own" not in result.stderr  # the server outlived the crash: no fallback
    assert none_left(marker) == []


def test_a_crash_under_mkdocs_serve_is_shown_and_the_next_save_draws(project: Project, marker: str) -> None:
    boom = project.root / "diagrams" / "boom.py"
    boom.write_text(BOOM.format(before="import os\nos._exit(3)"))
    place(project, "boom")
    with serving(project) as (url, log):
        page = f"{url}how-it-is-built/"
        wait_until(lambda: "exited with status 3" in fetch(page), "the crash shown in the page", log)
        boom.write_text(BOOM.format(before="").replace('"Boom."', '"Boom, fixed."'))
        wait_until(lambda: "Boom, fixed." in fetch(page), "the fixed diagram drawn", log)


# --- a helper is read again ---------------------------------------------------------------


def test_a_saved_helper_is_read_again_by_the_same_long_lived_library(project: Project, tmp_path: Path) -> None:
    library = DiagramLibrary(project.root / "diagrams", tmp_path / "cache", timeout=60)
    assert ">Old first<" in library.figure("first").svg
    first_server = server.shared_server()
    helper = project.root / "diagrams" / "_labels.py"
    helper.write_text(helper.read_text().replace('"Old"', '"New"'))
    redrawn = library.figure("first").svg
    assert ">New first<" in redrawn
    assert ">Old first<" not in redrawn
    assert server.shared_server() is first_server  # one server drew both: the helper was imported after the fork
    assert first_server.process.poll() is None


# --- nothing is left running ----------------------------------------------------------------


@pytest.mark.parametrize(
    "way",
    [("server", "drawn_figures.server"), ("subprocess", "-m drawn_figures.draw")],
    ids=["through the server", "a process per diagram"],
)
def test_nothing_is_left_running_after_a_build(
    project: Project, marker: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, way: tuple[str, str]
) -> None:
    drawing_way, drawn_by = way
    monkeypatch.setenv(DRAW_VARIABLE, drawing_way)
    drawing, done = tmp_path / "drawing", tmp_path / "done"
    wait_for_done = f"import os, time\nwhile not os.path.exists({str(done)!r}):\n    time.sleep(0.01)"
    (project.root / "diagrams" / "slow.py").write_text(
        BOOM.format(before=f"open({str(drawing)!r}, 'w').close()\n{wait_for_done}")
    )
    build = subprocess.Popen(
        [str(BIN / "mkdocs"), "build"],
        cwd=project.root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    wait_for(drawing, "the build drawing slow.py")
    running = processes_with(marker)
    assert any(drawn_by in process for process in running), running
    if drawing_way == "subprocess":
        assert not any("drawn_figures.server" in process for process in running), running  # none was started
    done.touch()  # slow.py may end now
    assert build.wait(timeout=WAIT_SECONDS) == 0
    assert processes_with(marker) == []  # the build waits for its server to end


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_nothing_is_left_running_after_mkdocs_serve_stops_even_while_drawing(
    project: Project, marker: str, tmp_path: Path, stop: signal.Signals
) -> None:
    set_timeout(project, 600)  # what stops the endless diagram is mkdocs serve stopping, not its timeout
    with serving(project, stop) as (_, log):
        drawing = tmp_path / "drawing"
        (project.root / "diagrams" / "endless.py").write_text(
            BOOM.format(before=f"open({str(drawing)!r}, 'w').close()\nwhile True:\n    pass")
        )
        wait_for(drawing, "mkdocs serve drawing endless.py")
        assert any("drawn_figures.server" in process for process in processes_with(marker)), log.read_text()
    assert none_left(marker) == []
