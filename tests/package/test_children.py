"""Each diagram in a child of its own (drawn_figures.children): one that misbehaves fails alone; none outlives a build.

Real builds of the small site (tests/data/small-site), real Graphviz, no mocks,
and no time asserted: a bound on waiting is only there so that a broken test
fails instead of hanging. Which processes a build leaves behind is read from
/proc: each build here runs with an environment variable of its own, which
every process it starts inherits (the forkserver, and each child it forks).
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

from drawn_figures import ChildExit, DiagramError
from drawn_figures.children import START_METHOD_VARIABLE, Finished, GraphvizTroubleError, failure
from drawn_figures.library import DiagramLibrary
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
        (SEGFAULT, rf"{FAILED} crashed \(SIGSEGV, signal 11\)", "forkserver"),
        ("import os\nos._exit(3)", rf"{FAILED} exited with status 3", "forkserver"),
        (KILL, rf"{FAILED} crashed \(SIGKILL, signal 9\)", "forkserver"),
        (SEGFAULT, rf"{FAILED} crashed \(SIGSEGV, signal 11\)", "spawn"),
    ],
    ids=["segfault", "os._exit", "killed", "segfault, spawned"],
)
def test_a_crash_fails_only_that_diagram_with_its_message(
    project: Project, marker: str, monkeypatch: pytest.MonkeyPatch, case: tuple[str, str, str]
) -> None:
    before, message, drawing = case
    monkeypatch.setenv(START_METHOD_VARIABLE, drawing)
    (project.root / "diagrams" / "boom.py").write_text(BOOM.format(before=before))
    place(project, "boom", "first")
    result = project.build(check=False)
    assert result.returncode == BUILD_FAILED
    assert re.search(message, result.stderr), result.stderr
    assert f"{other_diagrams(project)} diagram(s) drawn, 0 from the cache, 1 failed" in result.stderr
    assert cache_entries(project) == other_diagrams(project)
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
    helper = project.root / "diagrams" / "_labels.py"
    helper.write_text(helper.read_text().replace('"Old"', '"New"'))
    redrawn = library.figure("first").svg  # the same forkserver: the helper is imported after the fork
    assert ">New first<" in redrawn
    assert ">Old first<" not in redrawn


# --- nothing is left running ----------------------------------------------------------------


@pytest.mark.parametrize(
    "way",
    [("forkserver", "multiprocessing.forkserver"), ("spawn", "multiprocessing.spawn")],
    ids=["forkserver", "spawned"],
)
def test_nothing_is_left_running_after_a_build(
    project: Project, marker: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, way: tuple[str, str]
) -> None:
    drawing_way, drawn_by = way
    monkeypatch.setenv(START_METHOD_VARIABLE, drawing_way)
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
    if drawing_way == "spawn":
        assert not any("multiprocessing.forkserver" in process for process in running), running  # none was started
    done.touch()  # slow.py may end now
    assert build.wait(timeout=WAIT_SECONDS) == 0
    assert none_left(marker) == []


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
        assert any("multiprocessing.forkserver" in process for process in processes_with(marker)), log.read_text()
    assert none_left(marker) == []


# --- how a child ended becomes an error ----------------------------------------------------


@pytest.mark.parametrize(
    ("finished", "error", "message"),
    [
        (Finished(ChildExit.MISTAKE, "", "diagrams/x.py:3: NameError: ..."), DiagramError, r"^diagrams/x\.py:3: Name"),
        (Finished(ChildExit.GRAPHVIZ_TROUBLE, "", "Graphviz is not installed"), GraphvizTroubleError, "^Graphviz is"),
        (Finished(ChildExit.GRAPHVIZ_TROUBLE, "", ""), GraphvizTroubleError, r"Graphviz trouble \(status 2\)"),
        (Finished(ChildExit.MISTAKE, "", ""), DiagramError, "exited with status 1$"),
        (Finished(7, "", "said this"), DiagramError, "exited with status 7; it said:\nsaid this$"),
        (Finished(-9, "", ""), DiagramError, r"crashed \(SIGKILL, signal 9\)$"),
    ],
)
def test_how_a_child_ended_becomes_the_error_it_stands_for(
    finished: Finished, error: type[DiagramError], message: str
) -> None:
    found = failure("diagrams/x.py", finished)
    assert type(found) is error
    assert re.search(message, str(found)), str(found)
