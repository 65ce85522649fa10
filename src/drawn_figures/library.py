"""The figures of one diagram folder, each drawn at most once per content key.

A key already drawn in this process, or kept in the disk cache, is not drawn
again; the others are drawn at the same time, one child each
(`drawn_figures.children`), before the first page that needs any of them.
`start_drawing` starts that work in the background as soon as the paths are
final (the MkDocs plugin calls it from `on_config`), so the drawing overlaps
MkDocs' own start-up; without it, the first page draws.

Making a library writes nothing. Starting to draw prunes the cache of entries
that none of the folder's diagrams has now and that no build used for
`UNUSED_DAYS` days, so it stays bounded while still serving another branch's
diagrams next week.
"""

from __future__ import annotations

import json
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from drawn_figures import ChildExit, DiagramError, log
from drawn_figures.cache import DiskCache
from drawn_figures.children import GraphvizTroubleError, failure, run, stop_all
from drawn_figures.keys import DiagramFolder
from drawn_figures.stylesheet import DEFAULT_FONT

UNUSED_DAYS = 30


@dataclass(frozen=True)
class Figure:
    caption: str
    alt: str
    description: str
    table: str
    svg: str


class DiagramLibrary:
    """The diagrams of one folder, drawn when asked for and kept."""

    def __init__(self, folder: Path, cache_folder: Path, timeout: float, font: str = DEFAULT_FONT) -> None:
        self.folder = DiagramFolder(folder, font)
        self.cache = DiskCache(cache_folder)
        self.timeout = timeout
        self.font = font
        self.drawn: dict[str, Figure] = {}  # by content key, for the life of the process
        self.failed: dict[str, DiagramError] = {}
        self.lock = threading.Lock()
        self.started = False
        self.early: tuple[dict[str, str], dict[str, DiagramError]] | None = None  # see start_drawing

    def start_drawing(self) -> None:
        """Draw what no cache holds, in the background; the first page that asks for a figure waits for it.

        A build with every figure in the cache starts nothing. Called again, it does nothing.
        """
        if self.started:
            return
        self.started = True
        try:
            keys = self.folder.keys()
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
            threading.Thread(target=draw, name="drawn-figures-early-drawing", daemon=True).start()
        except RuntimeError:  # no thread to be had: the first page draws, as it would have
            self.lock.release()

    def figure(self, name: str) -> Figure:
        """The figure called `name`, drawing whatever in the folder is out of date first."""
        self.start_drawing()
        keys = self.folder.keys()
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
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            try:
                outcomes = list(pool.map(self.draw, stale))
            except BaseException:  # Ctrl-C, say: stop the children rather than wait for them to end
                pool.shutdown(wait=False, cancel_futures=True)
                stop_all()
                raise
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
        """Draw one diagram in a child; a mistake comes back as the error to raise."""
        shown = self.folder.shown()
        file = f"{shown / name}.py"
        finished = run([f"{name}.py", str(shown), self.font], self.folder.path, self.timeout)
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
