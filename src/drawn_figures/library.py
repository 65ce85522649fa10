"""The diagram folder: every diagram in it, drawn only when something changed.

A diagram is a `.py` file in the folder, and its name is the file name without
`.py`: lower-case words joined by hyphens, e.g. `infrastructure-stack.py`.
Files whose names start with `_`, and everything in sub-folders, are helpers
that diagrams share (a Python module, a custom icon).

Each diagram's content key hashes its own file, the helpers it uses, and what
draws it. A helper module (`_name.py`) counts for the diagrams that import it,
with `import _name` or `from _name import ...`, directly or through another
helper: an edit of it redraws those alone (a helper imported any other way,
with `importlib` say, is not seen). Every other helper file (an icon, a module
in a sub-folder) counts for every diagram, as does every helper when a file
cannot be parsed. What draws it is this package's code, the versions of
`diagrams`, the `graphviz` binding and Pillow, the installed `dot` program (its
size and time), and the font the labels are laid out in (the extension's
`font`). Installed fonts are not in the key: after installing fonts, `make
clean` draws everything again. A key already in memory or in the disk cache is
not drawn again; the others are drawn at the same time, one child process each
(`drawn_figures.draw`), before the first page that needs any of them is
converted: as soon as the library is made (MkDocs makes it while reading its
configuration), in the background.

Each child is forked by the drawing server (`drawn_figures.server`), which has the
libraries imported already, where the system can fork (not Windows, not macOS);
elsewhere, or with `FIGURES_DRAW=subprocess` in the environment, each is a new
`python -P -m drawn_figures.draw` process, as before the server. Either way a child
that crashes, exits or never ends fails its own diagram alone, with a message
that names the file and says how the child ended.

When a library is made, the cache drops the entries that are none of the
folder's diagrams now and that no build has used for `UNUSED_DAYS` days
(`DiskCache.prune`), so it stays bounded while still serving another branch's
diagrams to a build next week.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

from drawn_figures import ChildExit, DiagramError, log
from drawn_figures.cache import DiskCache
from drawn_figures.server import (
    DrawingStoppedError,
    Finished,
    ServerGoneError,
    close_shared_server,
    fork_available,
    retire_outdated_server,
    shared_server,
)
from drawn_figures.stylesheet import DEFAULT_FONT

NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
TOOL_PACKAGES = ("diagrams", "graphviz", "pillow")
UNUSED_DAYS = 30  # a cache entry that no build used for this long, and no diagram has now, is deleted


class GraphvizTroubleError(DiagramError):
    """Graphviz missing or failing (`ChildExit.GRAPHVIZ_TROUBLE`): not kept, so that it is tried again."""


KILLED = -9  # the status of a child killed by SIGKILL (a name Windows' `signal` lacks)
STOPPED = Finished(KILLED, "", "drawing was interrupted")
DRAW_VARIABLE = "FIGURES_DRAW"  # `subprocess`: a new Python process per diagram, even where fork is available


@dataclass(frozen=True)
class Figure:
    caption: str
    alt: str
    description: str
    table: str
    svg: str


@cache
def toolchain() -> bytes:
    """Everything besides the diagram folder that can change a drawing."""
    dot = shutil.which("dot")
    # The installed program itself stands for its version: cheaper than running `dot -V` on every build.
    program = Path(dot).stat() if dot else None
    graphviz = f"{dot}:{program.st_size}:{program.st_mtime_ns}" if program else "missing"
    code = b"".join(p.read_bytes() for p in sorted(Path(__file__).parent.glob("*.py")))
    packages = ",".join(f"{name}={version(name)}" for name in TOOL_PACKAGES)
    return f"{graphviz}|{packages}|".encode() + code


class DiagramLibrary:
    """The diagrams of one folder, each drawn at most once per content."""

    def __init__(self, folder: Path, cache_folder: Path, timeout: float, font: str = DEFAULT_FONT) -> None:
        self.folder = folder
        self.cache = DiskCache(cache_folder)
        self.timeout = timeout
        self.font = font
        self.drawn: dict[str, Figure] = {}  # by content key, for the life of the process
        self.failed: dict[str, DiagramError] = {}
        self.snapshot: list[tuple[Path, int, int]] = []
        self.known_keys: dict[str, str] = {}
        self.lock = threading.Lock()
        self.interrupted = False  # set when drawing was interrupted: what is still to draw is not drawn
        self.early: tuple[dict[str, str], dict[str, DiagramError]] | None = None  # see start_drawing
        self.start_drawing()

    def start_drawing(self) -> None:
        """Start drawing now, in the background, if some diagram is in no cache.

        MkDocs loads Markdown extensions while reading its configuration, well before the first page
        is converted: the diagrams are drawn meanwhile, on the other core, and the drawing server
        imports its libraries while MkDocs imports its own. The first page that asks for a figure
        waits for the rest. A build with every figure in the cache draws and starts nothing.
        """
        try:
            keys = self.keys()
        except (DiagramError, OSError):  # no diagram folder (yet): the first page that asks says so
            return
        self.cache.prune(keep=set(keys.values()), unused_days=UNUSED_DAYS)
        if all(self.cache.entry(key).is_file() for key in keys.values()):
            return
        self.lock.acquire()  # before the thread starts, so that no page gets in first

        def draw() -> None:
            try:
                self.early = (keys, self.draw_missing(keys))
            finally:
                self.lock.release()

        try:
            threading.Thread(target=draw, name="figures-early-drawing", daemon=True).start()
        except RuntimeError:  # no thread to be had: the first page draws, as it would have
            self.lock.release()

    def shown_folder(self) -> Path:
        """The folder as messages name it: relative to where the build runs."""
        return Path(os.path.relpath(self.folder))

    def sources(self) -> dict[str, Path]:
        """Every diagram in the folder, by name."""
        if not self.folder.is_dir():
            raise DiagramError(
                f"the diagram folder {self.shown_folder()} does not exist; create it or fix `diagrams_dir`"
            )
        found = {}
        for path in sorted(self.folder.glob("*.py")):
            if path.name.startswith("_"):
                continue
            if not NAME.fullmatch(path.stem):
                raise DiagramError(
                    f"{self.shown_folder() / path.name}: a diagram's file name must be lower-case words "
                    "joined by hyphens, e.g. my-diagram.py (helpers that diagrams share start with _)"
                )
            found[path.stem] = path
        return found

    def keys(self) -> dict[str, str]:
        """The content key of every diagram, by name; hashed again only when a file in the folder changed."""
        files, snapshot = [], []
        for path in sorted(self.folder.rglob("*")):
            parts = path.relative_to(self.folder).parts
            if "__pycache__" in parts or any(p.startswith(".") or p.endswith("~") for p in parts):
                continue  # caches, and editors' backup and swap files
            try:
                status = path.stat()
            except FileNotFoundError:  # a temporary file, gone already
                continue
            if path.is_file():
                files.append(path)
                snapshot.append((path, status.st_mtime_ns, status.st_size))
        if snapshot == self.snapshot:
            return self.known_keys
        modules = {path.stem: path for path in files if path.parent == self.folder and is_helper_module(path)}
        shared = hashlib.sha256(toolchain() + f"|font={self.font}|".encode())
        for path in files:
            if path.stem not in modules and (path.name.startswith("_") or path.parent != self.folder):
                shared.update(f"{path.relative_to(self.folder)}\0".encode() + path.read_bytes())
        keys = {}
        imports = cache(imported_modules)  # each helper parsed once, not once per diagram that uses it
        for name, path in self.sources().items():
            digest = shared.copy()
            for helper in sorted(helpers_used(path, modules, imports)):
                digest.update(f"{helper}.py\0".encode() + modules[helper].read_bytes())
            digest.update(path.read_bytes())
            keys[name] = digest.hexdigest()[:32]
        self.snapshot, self.known_keys = snapshot, keys
        return keys

    def figure(self, name: str) -> Figure:
        """The figure called `name`, drawing whatever in the folder is out of date first."""
        keys = self.keys()
        with self.lock:
            early, self.early = self.early, None
            # What the early drawing found wrong with the machine, once; after that, try again.
            troubles = early[1] if early and early[0] == keys else self.draw_missing(keys)
        key = keys[name]
        if error := troubles.get(key) or self.failed.get(key):
            raise error
        return self.drawn[key]

    def draw_missing(self, keys: dict[str, str]) -> dict[str, DiagramError]:
        """Draw what is neither drawn nor failed; returns the troubles of the machine, which are not kept."""
        missing = {name: key for name, key in keys.items() if key not in self.drawn and key not in self.failed}
        troubles: dict[str, DiagramError] = {}
        if not missing:
            return troubles
        cached = {name: entry for name, key in missing.items() if (entry := self.cache.get(key))}
        for name, entry in cached.items():
            self.drawn[missing[name]] = Figure(**entry)
        stale = [name for name in missing if name not in cached]
        self.interrupted = False
        if stale and server_wanted():
            retire_outdated_server()
        pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 1)
        try:
            outcomes = list(pool.map(self.draw, stale))
        except BaseException:  # Ctrl-C, say: stop the children drawing rather than wait for them to end
            self.interrupted = True
            pool.shutdown(wait=False, cancel_futures=True)
            close_shared_server()
            raise
        finally:
            pool.shutdown()
        for name, outcome in zip(stale, outcomes, strict=True):
            if isinstance(outcome, GraphvizTroubleError):
                troubles[missing[name]] = outcome
            elif isinstance(outcome, DiagramError):
                self.failed[missing[name]] = outcome
            else:
                self.drawn[missing[name]] = outcome
                self.cache.put(missing[name], outcome.__dict__)
        failures = sum(missing[name] in self.failed or missing[name] in troubles for name in stale)
        log.info(
            "%d diagram(s) drawn, %d from the cache%s",
            len(stale) - failures,
            len(cached),
            f", {failures} failed" if failures else "",
        )
        return troubles

    def draw(self, name: str) -> Figure | DiagramError:
        """Draw one diagram in a child process; a mistake comes back as the error to raise."""
        shown = self.shown_folder()
        file = f"{shown / name}.py"
        finished = self.run_child([f"{name}.py", str(shown), self.font])
        if finished.timed_out:
            return DiagramError(
                f"{file}: still drawing after {self.timeout:g} s, so it was stopped; "
                "look for a loop that never ends (or raise `timeout` in the figures extension's settings)"
            )
        if finished.status != ChildExit.DRAWN:
            return failure(file, finished)
        try:
            return Figure(**json.loads(finished.stdout))
        except (ValueError, TypeError):
            return DiagramError(f"{file}: drew no figure ({finished.stdout[:200]!r})")

    def run_child(self, arguments: list[str]) -> Finished:
        """Run `drawn_figures.draw` with `arguments`: forked by the drawing server where it can, else a new process."""
        if self.interrupted:
            return STOPPED
        if server_wanted():
            try:
                return shared_server().draw(arguments, str(self.folder), self.timeout)
            except DrawingStoppedError:
                return STOPPED
            except ServerGoneError as error:
                log.info("%s; drawing %s in a process of its own", error, arguments[0])
        command = [sys.executable, "-P", "-m", "drawn_figures.draw", *arguments]
        try:
            child = subprocess.run(command, cwd=self.folder, capture_output=True, text=True, timeout=self.timeout)
        except subprocess.TimeoutExpired:
            return Finished(KILLED, "", "", timed_out=True)
        return Finished(child.returncode, child.stdout, child.stderr)


def is_helper_module(path: Path) -> bool:
    return path.name.startswith("_") and path.suffix == ".py" and path.stem.isidentifier()


def imported_modules(path: Path) -> set[str] | None:
    """The top-level names of the modules the Python file at `path` imports; None if it cannot be parsed."""
    try:
        tree = ast.parse(path.read_bytes(), filename=path.name)
    except (SyntaxError, ValueError):
        return None
    found: set[str] = set()
    for node in ast.walk(tree):  # anywhere in the file: an import inside a function counts too
        if isinstance(node, ast.Import):
            found.update(alias.name.partition(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.partition(".")[0])
    return found


def helpers_used(
    diagram: Path, modules: dict[str, Path], imports: Callable[[Path], set[str] | None] = imported_modules
) -> set[str]:
    """The helper modules (of `modules`, by name) that `diagram` imports, directly or through one another.

    `imports` reads a file's imports: `imported_modules`, or a cached copy of it when many diagrams are asked about.

    A file that cannot be parsed is taken to use every helper: it fails to draw anyway, and
    must be drawn again when any of them changes.
    """
    used: set[str] = set()
    waiting = [diagram]
    while waiting:
        imported = imports(waiting.pop())
        names = set(modules) if imported is None else imported & set(modules)
        waiting += [modules[name] for name in names - used]
        used |= names
    return used


def server_wanted() -> bool:
    """Whether to draw with the drawing server: where fork is available, unless `FIGURES_DRAW=subprocess`."""
    return os.environ.get(DRAW_VARIABLE, "server") != "subprocess" and fork_available()


def failure(file: str, finished: Finished) -> DiagramError:
    """The error for a drawing process that ended badly: its own message, or how it ended."""
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
