"""A folder of drawn figures, one JSON file per content key.

The key (see `drawn_figures.library`) changes whenever anything that could change the
picture changes, so an entry never needs invalidating. Entries are written to a
temporary file and renamed into place, so a build that is killed, or two builds
that share the folder, never leave a torn entry; an entry that is unreadable
anyway (a full disk, a hand edit) is treated as missing and drawn again. When
the folder cannot be written, the build goes on without caching and says so.

An entry's modification time is when a build last used it: writing it sets
the time, and reading it sets it again. `prune` deletes the entries that are
not among the keys a build needs and that no build used for a number of days:
so the folder holds what today's diagrams need, and what any build used lately
(another branch's, say), and no more.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from pathlib import Path

from drawn_figures import log

FIELDS = ("caption", "alt", "description", "table", "svg")
SECONDS_PER_DAY = 24 * 60 * 60


class DiskCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.writable = True

    def entry(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def get(self, key: str) -> dict[str, str] | None:
        path = self.entry(key)
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            log.info("cache entry %s is unreadable; drawing it again", path)
            return None
        if (
            not isinstance(entry, dict)
            or entry.get("key") != key
            or not all(isinstance(entry.get(f), str) for f in FIELDS)
        ):
            log.info("cache entry %s is damaged; drawing it again", path)
            return None
        self.used(path)
        return {field: entry[field] for field in FIELDS}

    def used(self, path: Path) -> None:
        """Note that a build used the entry at `path` now, so that `prune` keeps it a while longer."""
        if self.writable:
            with contextlib.suppress(OSError):  # a read-only cache still serves its entries
                os.utime(path)

    def put(self, key: str, figure: dict[str, str]) -> None:
        if not self.writable:
            return
        temporary: Path | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=self.folder, suffix=".tmp", delete=False
            ) as file:
                temporary = Path(file.name)
                json.dump({"key": key, **figure}, file)
            temporary.replace(self.entry(key))
            temporary = None
        except OSError as error:
            self.writable = False
            log.info("cannot write the cache in %s (%s); building without it", self.folder, error.strerror)
        finally:  # whatever stopped the write, the entry is as it was, and no half-written file is left
            if temporary is not None:
                temporary.unlink(missing_ok=True)

    def prune(self, keep: set[str], unused_days: float) -> list[Path]:
        """Delete the entries (and leftover temporary files) that are not in `keep` and that no build
        used for `unused_days` days; return what was deleted. An entry in `keep` is never deleted."""
        oldest = time.time() - unused_days * SECONDS_PER_DAY
        deleted = []
        for path in [*self.folder.glob("*.json"), *self.folder.glob("*.tmp")]:
            try:
                if path.stem not in keep and path.stat().st_mtime < oldest:
                    path.unlink()
                    deleted.append(path)
            except OSError:  # a read-only folder, or a file that another build deleted first
                continue
        if deleted:
            log.info("deleted %d cache entries that no build used for %g days", len(deleted), unused_days)
        return deleted
