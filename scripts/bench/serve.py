"""`mkdocs serve` rebuild latency, for the benchmark.

Starts `mkdocs serve` on a free port of 127.0.0.1 in a copy of the project,
then, alternately, saves a Markdown page and saves a diagram file, each time
with a new marker in it, and measures from the save to the served page showing
the marker. The time includes what a contributor waits for: MkDocs noticing the
change (it polls every 0.5 s), the rebuild, and the page being written. After
each diagram save the build log says how many diagrams were drawn, which shows
that only the changed one was.
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from scripts.bench.timing import Spread
from scripts.shared.browser import fetch, free_port
from scripts.shared.project import CAPTION_LINE, mkdocs_environment

PAGE = "docs/index.md"
DIAGRAM = "diagrams/infrastructure-stack.py"
DRAWN = re.compile(r"drawn_figures: (\d+) diagram\(s\) drawn")
POLL_SECONDS = 0.02
GIVE_UP_SECONDS = 60.0


@dataclass(frozen=True)
class ServeLatency:
    markdown_seconds: list[float]
    diagram_seconds: list[float]
    drawn_per_diagram_save: list[int]

    def ratio(self) -> Spread:
        """A diagram save's latency over the Markdown save's of the same round."""
        return Spread.of([d / m for d, m in zip(self.diagram_seconds, self.markdown_seconds, strict=True)])

    def gap_ms(self) -> Spread:
        """What a diagram save takes longer than the Markdown save of the same round, in milliseconds."""
        return Spread.of([(d - m) * 1000 for d, m in zip(self.diagram_seconds, self.markdown_seconds, strict=True)])


def wait_for(condition: str, url: str, log: Path, started: float) -> float:
    """Seconds from `started` until the page at `url` contains `condition`."""
    while condition not in fetch(url):
        if time.perf_counter() - started > GIVE_UP_SECONDS:
            raise TimeoutError(f"{url} never showed {condition!r}; mkdocs serve said:\n{log.read_text()}")
        time.sleep(POLL_SECONDS)
    return time.perf_counter() - started


def wait_for_reload(log: Path, reloads_before: int) -> None:
    """Wait until the rebuild has finished, so that the next save starts from a quiet server."""
    deadline = time.perf_counter() + GIVE_UP_SECONDS
    while log.read_text().count("Reloading browsers") <= reloads_before:
        if time.perf_counter() > deadline:
            raise TimeoutError(f"mkdocs serve never finished rebuilding:\n{log.read_text()}")
        time.sleep(POLL_SECONDS)


def save_and_time(path: Path, text: str, marker: str, url: str, log: Path) -> float:
    reloads = log.read_text().count("Reloading browsers")
    started = time.perf_counter()
    path.write_text(text, encoding="utf-8")
    latency = wait_for(marker, url, log, started)
    wait_for_reload(log, reloads)
    return latency


def measure(project: Path, runs: int) -> ServeLatency:
    """Alternate `runs` Markdown saves and `runs` diagram saves under one `mkdocs serve`."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    page, diagram = project / PAGE, project / DIAGRAM
    page_text, diagram_text = page.read_text(encoding="utf-8"), diagram.read_text(encoding="utf-8")
    result = ServeLatency([], [], [])
    with tempfile.NamedTemporaryFile("w+", suffix=".log") as log_file:
        log = Path(log_file.name)
        server = subprocess.Popen(
            [str(Path(sys.executable).parent / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            env=mkdocs_environment(),
        )
        try:
            wait_for("</html>", url, log, time.perf_counter())
            time.sleep(1)  # let the file watcher take its first look at the folders
            for run in range(1, runs + 1):
                marker = f"Benchmark page marker {run} {time.time_ns()}"
                result.markdown_seconds.append(save_and_time(page, f"{page_text}\n{marker}\n", marker, url, log))
                drawn_before = len(DRAWN.findall(log.read_text()))
                marker = f"Benchmark caption marker {run} {time.time_ns()}"
                new_caption = CAPTION_LINE.sub(f'CAPTION = "{marker}"', diagram_text)
                result.diagram_seconds.append(save_and_time(diagram, new_caption, marker, url, log))
                result.drawn_per_diagram_save.append(sum(int(n) for n in DRAWN.findall(log.read_text())[drawn_before:]))
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    return result
