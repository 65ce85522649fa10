"""Each diagram drawn in a child process of its own, and how that child ended.

A child runs `drawn_figures.draw.main`, so an edited diagram file or helper is
always read afresh, a file that never ends can be stopped, and several files
draw at once. Children come from the standard library's forkserver, which has
imported the drawing libraries and this package once (`PRELOAD`), so a child
skips that cost. A diagram's helpers are imported after the fork, so they are
never stale under `mkdocs serve`; nor is this package, imported again by a
child when its files changed since the forkserver started. Where there is no forkserver (Windows),
children are spawned. `DRAWN_FIGURES_START_METHOD=spawn` chooses that anywhere.
"""

from __future__ import annotations

import ast
import contextlib
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from drawn_figures import ChildExit, DiagramError

# "__main__" first, as the forkserver's default: else each child would import the build's program again.
LIBRARIES = ["diagrams", "graphviz", "PIL.Image", "PIL.PngImagePlugin"]
PRELOAD = ["__main__", *LIBRARIES, "drawn_figures.children", "drawn_figures.draw"]
START_METHOD_VARIABLE = "DRAWN_FIGURES_START_METHOD"
CHILD_FILES = ("stdout", "stderr", "status")  # what a child leaves in its scratch folder
PACKAGE = Path(__file__).parent


def fingerprint() -> list[tuple[str, int, int]]:
    """This package's files as they are now."""
    return [(path.name, (status := path.stat()).st_mtime_ns, status.st_size) for path in sorted(PACKAGE.glob("*.py"))]


LOADED = fingerprint()  # as the forkserver imported the package (PRELOAD)
RUNNING: set[multiprocessing.process.BaseProcess] = set()  # stopped at once if the build is interrupted
RUNNING_LOCK = threading.Lock()


@dataclass(frozen=True)
class Finished:
    """How one child ended: its exit status (or minus the signal that ended it) and what it wrote."""

    status: int
    stdout: str
    stderr: str
    timed_out: bool = False


class GraphvizTroubleError(DiagramError):
    """Graphviz missing or failing (`ChildExit.GRAPHVIZ_TROUBLE`): not kept, so that it is tried again."""


def start_method() -> str:
    default = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return os.environ.get(START_METHOD_VARIABLE) or default


def main_imports() -> list[str]:
    """The modules the build's program (`mkdocs`, say) imports, for the forkserver to import once.

    Each child runs that program's file again, as `__mp_main__`; Python before 3.14 drops the
    forkserver's `__main__` preload, so without these every child would import MkDocs anew (65 ms).
    """
    try:
        tree = ast.parse(Path(sys.modules["__main__"].__file__ or "").read_bytes())
    except (AttributeError, OSError, SyntaxError, ValueError):
        return []
    found = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    return found + [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module and not n.level]


def new_child(arguments: tuple[object, ...]) -> multiprocessing.process.BaseProcess:
    """A child that will run `draw_in_child(*arguments)`; ended by multiprocessing if the build ends first."""
    if start_method() == "forkserver":
        forkserver = multiprocessing.get_context("forkserver")
        forkserver.set_forkserver_preload(
            [*PRELOAD, *main_imports()]
        )  # takes effect when the forkserver starts, once per process
        return forkserver.Process(target=draw_in_child, args=arguments, daemon=True)
    return multiprocessing.get_context("spawn").Process(target=draw_in_child, args=arguments, daemon=True)


def run(arguments: list[str], folder: Path, timeout: float) -> Finished:
    """Run `drawn_figures.draw` with `arguments` in `folder`, in a new child; kill it after `timeout` seconds."""
    with tempfile.TemporaryDirectory(prefix="drawn-figures-") as scratch:
        child = new_child((arguments, str(folder), dict(os.environ), scratch))
        with RUNNING_LOCK:
            child.start()
            RUNNING.add(child)
        try:
            child.join(timeout)
            timed_out = child.exitcode is None
            if timed_out:
                child.kill()
                child.join()
        finally:
            with RUNNING_LOCK:
                RUNNING.discard(child)
        stdout, stderr, status = (
            path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
            for path in (Path(scratch, name) for name in CHILD_FILES)
        )
    assert child.exitcode is not None  # joined
    # The child's own word first: the forkserver's report of an exit can be lost under load (as 255).
    return Finished(int(status) if status and not timed_out else child.exitcode, stdout, stderr, timed_out)


def stop_all() -> None:
    """Kill every child still drawing: the build was interrupted."""
    with RUNNING_LOCK:
        for child in RUNNING:
            with contextlib.suppress(ValueError):  # closed meanwhile
                child.kill()


def draw_in_child(arguments: list[str], folder: str, environment: dict[str, str], scratch: str) -> None:
    """In the child: draw as `python -m drawn_figures.draw ARGUMENTS` would, in the build's environment of now."""
    for number, name in enumerate(CHILD_FILES[:2], start=1):
        os.dup2(os.open(Path(scratch, name), os.O_WRONLY | os.O_CREAT | os.O_TRUNC), number)
    status = 1
    try:
        die_with_parent()
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.environ.clear()  # PATH and all as the build has them now, not as the forkserver started
        os.environ.update(environment)
        os.chdir(folder)
        if fingerprint() != LOADED:  # the package was edited since the forkserver started (under mkdocs serve)
            for name in [name for name in sys.modules if name.partition(".")[0] == "drawn_figures"]:
                del sys.modules[name]
        from drawn_figures import draw  # noqa: PLC0415 - after the check above, so that it is never stale

        status = draw.main(["drawn_figures.draw", *arguments])
    except SystemExit as leaving:  # as a process would end, e.g. sys.exit() outside the diagram file
        status = leaving.code if isinstance(leaving.code, int) else 1
    except BaseException:  # as Python would report it, and end with status 1
        import traceback  # noqa: PLC0415 - only on this path

        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        with contextlib.suppress(OSError):
            Path(scratch, CHILD_FILES[2]).write_text(str(status), encoding="utf-8")
        os._exit(status)  # skip the libraries' teardown, which takes a while


def die_with_parent() -> None:
    """End this child when the build ends, however it ends (even by SIGKILL): nothing outlives a build.

    The forkserver cannot do it: it waits for its children before it ends.
    """
    parent = multiprocessing.parent_process()
    if parent is not None:

        def watch() -> None:
            multiprocessing.connection.wait([parent.sentinel])
            os._exit(1)

        threading.Thread(target=watch, daemon=True).start()


def failure(file: str, finished: Finished) -> DiagramError:
    """The error for a child that ended badly: its own message, or how it ended."""
    stderr = finished.stderr.strip()
    if finished.status == ChildExit.GRAPHVIZ_TROUBLE:
        return GraphvizTroubleError(stderr or f"{file}: drawing failed: Graphviz trouble (status {finished.status})")
    if finished.status == ChildExit.MISTAKE and stderr:
        return DiagramError(stderr)
    if finished.status < 0:
        number = -finished.status
        try:
            how = f"crashed ({signal.Signals(number).name}, signal {number})"
        except ValueError:
            how = f"crashed (signal {number})"
    else:
        how = f"exited with status {finished.status}"
    said = f"; it said:\n{stderr[-2000:]}" if stderr else ""
    return DiagramError(f"{file}: drawing failed: the process drawing it {how}{said}")
