"""The drawing server: the libraries imported once, a fresh child process forked for each diagram.

Drawing a diagram in a new Python process (`python -P -m drawn_figures.draw`) costs
about 0.1 s, and half of it is importing `diagrams`, `graphviz` and Pillow
before the file is even read. So, where the system can fork, the library
starts one server for the life of the build (or of `mkdocs serve`), which
imports those once, and forks a child of itself for each diagram. The child is
as fresh as a new process for everything that changes: it runs the diagram
file, and imports the helpers of the diagram folder, after the fork (the server
never imports them), so an edited helper is always read again; and it runs
`drawn_figures.draw.main`, as the command does, so messages, exit statuses and the
output kept out of the result are the same. Each request carries the build's
environment as it is when it asks (PATH included: Graphviz installed while
serving is found), and a server older than an edit of this package is replaced
between two batches of drawing.

    python -P -m drawn_figures.server

reads requests from standard input and writes replies on standard output, one
JSON object a line each:

    {"id": 7, "arguments": ["value-stack.py", "diagrams", "DejaVu Sans"], "folder": "/abs/diagrams",
     "timeout": 60, "environment": {"PATH": ...}}
    {"id": 7, "status": 0, "stdout": "{...figure...}", "stderr": ""}

`arguments` are those of `python -P -m drawn_figures.draw`. `status` is the
child's exit status, or minus the signal that ended it (as `subprocess` reports
it); a child still drawing after `timeout` seconds is
killed and its reply says `"timed_out": true`. The server never dies with a
child: a crash, an endless loop or `os._exit` ends only that child. It stops,
killing any child still drawing, when its standard input closes, which happens
when the process that started it exits, however it exits; a child on Linux is
also killed if the server itself is. Ctrl-C in a terminal reaches the whole
process group: the server ignores it and waits for its standard input to close.

`DrawingServer` is the client side, used by `drawn_figures.library`: many threads
may ask it to draw at once.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import json
import os
import selectors
import signal
import subprocess
import sys
import threading
import time
import traceback
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeoutError
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

# Start-up that every diagram pays once instead of once each: the libraries, and our own modules.
PRELOAD = ("diagrams", "graphviz", "PIL.Image", "PIL.PngImagePlugin", "drawn_figures.draw", "ctypes")
REPLY_GRACE_SECONDS = 30.0  # beyond a draw's own timeout, before the client gives up on the server
READ_SIZE = 1 << 16


@dataclass(frozen=True)
class Finished:
    """How one drawing process ended: what `subprocess.run` would say of it."""

    status: int  # the exit status, or minus the signal that ended it
    stdout: str
    stderr: str
    timed_out: bool = False


class ServerGoneError(RuntimeError):
    """The drawing server stopped or cannot start: the caller draws in a process of its own instead."""


class DrawingStoppedError(RuntimeError):
    """The drawing server was closed on purpose (the build is ending): nothing is to be drawn any more."""


# --- the server process ---------------------------------------------------------------------


@dataclass
class Child:
    request: dict[str, Any]
    pid: int
    deadline: float
    output: dict[int, bytearray] = field(default_factory=dict)  # by pipe: stdout's, then stderr's
    open_pipes: set[int] = field(default_factory=set)
    timed_out: bool = False


def kill_with_parent(server: int) -> None:
    """On Linux, have the kernel kill this child if the server dies first (by SIGKILL, say)."""
    if sys.platform.startswith("linux"):
        import ctypes  # noqa: PLC0415 - preloaded on Linux (PRELOAD), and of no use elsewhere

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != server:  # it died before the kernel was told
            os._exit(1)


def run_child(request: dict[str, Any], stdout: int, stderr: int, server: int) -> None:
    """In the forked child: draw one diagram as `python -P -m drawn_figures.draw ARGUMENTS...` would, then exit."""
    status = 1
    try:
        os.dup2(stdout, 1)
        os.dup2(stderr, 2)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.closerange(3, 1 << 16)  # the server's pipes, and the other children's, are none of this child's
        for number in (signal.SIGINT, signal.SIGTERM, signal.SIGCHLD):
            signal.signal(number, signal.SIG_DFL)
        kill_with_parent(server)
        os.environ.clear()  # the environment of the build as it is now, PATH and all, not as the server started
        os.environ.update(request["environment"])
        os.chdir(request["folder"])
        from drawn_figures import draw  # noqa: PLC0415 - preloaded: already imported, this only names it

        status = draw.main(["drawn_figures.draw", *request["arguments"]])
    except SystemExit as leaving:  # as a process would end, e.g. sys.exit() called outside the diagram file
        status = leaving.code if isinstance(leaving.code, int) else 1
    except BaseException:  # as Python would report it, and end with status 1
        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        os._exit(status)


def start_child(request: dict[str, Any], selector: selectors.BaseSelector) -> Child:
    pipes = [os.pipe(), os.pipe()]  # (read, write) for stdout, then stderr
    server = os.getpid()
    pid = os.fork()
    if pid == 0:
        run_child(request, pipes[0][1], pipes[1][1], server)  # never returns
    child = Child(request, pid, time.monotonic() + float(request["timeout"]))
    for read, write in pipes:
        os.close(write)
        child.output[read] = bytearray()
        child.open_pipes.add(read)
        selector.register(read, selectors.EVENT_READ, child)
    return child


def reply(message: dict[str, Any]) -> bool:
    """Send `message`; False if nobody reads the replies any more."""
    data = memoryview(json.dumps(message).encode() + b"\n")
    try:
        while data:
            data = data[os.write(1, data) :]
    except BrokenPipeError:
        return False
    return True


class Server:
    """The server's loop: requests in, children forked, replies out; one thread, so forking is safe."""

    def __init__(self) -> None:
        self.selector = selectors.DefaultSelector()
        self.selector.register(0, selectors.EVENT_READ, None)
        self.pending = b""
        self.children: list[Child] = []  # drawing, or finished and not yet reaped
        self.reading = True

    def stop_reading(self) -> None:
        """Nobody waits for replies any more: stop every child, and end once they are reaped."""
        if self.reading:
            self.reading = False
            self.selector.unregister(0)
            for child in self.children:
                os.kill(child.pid, signal.SIGKILL)

    def run(self) -> None:
        while self.reading or self.children:
            self.wait_for_events()
            now = time.monotonic()
            for child in self.children:
                if now >= child.deadline and not child.timed_out:
                    child.timed_out = True
                    os.kill(child.pid, signal.SIGKILL)
            for child in [child for child in self.children if not child.open_pipes]:
                self.reap(child)

    def wait_for_events(self) -> None:
        timeout = min((child.deadline for child in self.children), default=time.monotonic() + 3600)
        timeout -= time.monotonic()
        if any(not child.open_pipes for child in self.children):
            timeout = min(timeout, 0.002)  # its pipes are closed: it is exiting
        for key, _ in self.selector.select(max(timeout, 0)):
            data = os.read(key.fd, READ_SIZE)
            if key.data is None:  # a request, or the end of them
                if not data:
                    self.stop_reading()
                self.pending += data
                *lines, self.pending = self.pending.split(b"\n")
                self.children += [start_child(json.loads(line), self.selector) for line in lines if line.strip()]
            else:
                child = key.data
                child.output[key.fd] += data
                if not data:
                    self.selector.unregister(key.fd)
                    os.close(key.fd)
                    child.open_pipes.discard(key.fd)

    def reap(self, child: Child) -> None:
        pid, status = os.waitpid(child.pid, os.WNOHANG)
        if pid == 0:
            return
        self.children.remove(child)
        if not self.reading:
            return
        stdout, stderr = (bytes(output).decode("utf-8", "replace") for output in child.output.values())
        answer = {
            "id": child.request["id"],
            "status": os.waitstatus_to_exitcode(status),
            "stdout": stdout,
            "stderr": stderr,
            "timed_out": child.timed_out,
        }
        if not reply(answer):
            self.stop_reading()


def main() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # see the module's docstring
    for module in PRELOAD:
        __import__(module)
    Server().run()
    os._exit(0)  # nothing is left to flush or clean up: skip tearing the libraries down, which takes a while


# --- the client, in the build's process -----------------------------------------------------


def fork_available() -> bool:
    """Whether the server can run here: fork exists and is safe for it (not Windows, not macOS)."""
    return hasattr(os, "fork") and sys.platform != "darwin"


def code_fingerprint() -> list[tuple[str, int, int]]:
    """This package's files as they are now: a server started before an edit runs the old code."""
    files = sorted(Path(__file__).parent.glob("*.py"))
    return [(path.name, (status := path.stat()).st_mtime_ns, status.st_size) for path in files]


class DrawingServer:
    """One `python -P -m drawn_figures.server`, shared by every thread that draws."""

    def __init__(self) -> None:
        self.code = code_fingerprint()
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-P", "-m", "drawn_figures.server"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
            )
        except OSError as error:
            raise ServerGoneError(f"cannot start the drawing server: {error}") from error
        assert self.process.stdin is not None and self.process.stdout is not None
        self.requests: IO[bytes] = self.process.stdin
        self.replies: IO[bytes] = self.process.stdout
        self.lock = threading.Lock()
        self.ids = itertools.count(1)
        self.waiting: dict[int, Future[Finished]] = {}
        self.gone = False
        self.closing = False
        threading.Thread(target=self.read_replies, name="figures-server-replies", daemon=True).start()

    def draw(self, arguments: list[str], folder: str, timeout: float) -> Finished:
        """Run `drawn_figures.draw` with `arguments` in `folder`, in a fresh child; `ServerGoneError` if it stopped."""
        future: Future[Finished] = Future()
        request = {"arguments": arguments, "folder": folder, "timeout": timeout, "environment": dict(os.environ)}
        with self.lock:
            if self.closing:
                raise DrawingStoppedError("the drawing server was closed")
            if self.gone:
                raise ServerGoneError("the drawing server has stopped")
            number = next(self.ids)
            self.waiting[number] = future
            try:
                self.requests.write(json.dumps({"id": number, **request}).encode() + b"\n")
                self.requests.flush()
            except OSError as error:
                self.waiting.pop(number, None)
                self.gone = True
                raise ServerGoneError(f"the drawing server has stopped: {error}") from error
        try:
            return future.result(timeout + REPLY_GRACE_SECONDS)
        except FutureTimeoutError as error:
            self.close()
            raise ServerGoneError("the drawing server stopped answering") from error

    def read_replies(self) -> None:
        for line in self.replies:
            answer = json.loads(line)
            with self.lock:
                future = self.waiting.pop(answer["id"], None)
            if future is not None:
                future.set_result(
                    Finished(answer["status"], answer["stdout"], answer["stderr"], answer.get("timed_out", False))
                )
        with self.lock:
            self.gone = True
            waiting, self.waiting = list(self.waiting.values()), {}
            ended = DrawingStoppedError("the drawing server was closed") if self.closing else None
        for future in waiting:
            future.set_exception(ended or ServerGoneError("the drawing server has stopped"))

    def close(self) -> None:
        """Stop the server and every child still drawing, and wait for them."""
        with self.lock:
            self.closing = True
        with contextlib.suppress(OSError):
            self.requests.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


SHARED: list[DrawingServer] = []  # the one server of this process, once started
SHARED_LOCK = threading.Lock()


def shared_server() -> DrawingServer:
    """This process's drawing server, started at the first call (and again if it stopped)."""
    with SHARED_LOCK:
        if not SHARED or SHARED[0].gone:
            SHARED[:] = [DrawingServer()]
        return SHARED[0]


def retire_outdated_server() -> None:
    """Stop the server if drawn_figures/ was edited since it started (under `mkdocs serve`, say).

    The next draw then starts one that runs the new code. Called between batches of drawing, never
    during one, so that no draw is cut short.
    """
    with SHARED_LOCK:
        if SHARED and SHARED[0].code != code_fingerprint():
            SHARED.pop().close()


def close_shared_server() -> None:
    with SHARED_LOCK:
        for server in SHARED:
            server.close()
        SHARED.clear()


atexit.register(close_shared_server)  # a build waits for its server to end: nothing is left running


if __name__ == "__main__":
    main()
