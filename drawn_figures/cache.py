"""A folder of drawn figures, one JSON file per content key.

The key (see `drawn_figures.library`) changes whenever anything that could change the
picture changes, so an entry never needs invalidating. Entries are written to a
temporary file and renamed into place, so a build that is killed, or two builds
that share the folder, never leave a torn entry; an entry that is unreadable
anyway (a full disk, a hand edit) is treated as missing and drawn again. When
the folder cannot be written, the build goes on without caching and says so.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from drawn_figures import log

FIELDS = ("caption", "alt", "description", "svg")


class DiskCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.writable = True

    def get(self, key: str) -> dict[str, str] | None:
        path = self.folder / f"{key}.json"
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            log.info("figures: cache entry %s is unreadable; drawing it again", path)
            return None
        if (
            not isinstance(entry, dict)
            or entry.get("key") != key
            or not all(isinstance(entry.get(f), str) for f in FIELDS)
        ):
            log.info("figures: cache entry %s is damaged; drawing it again", path)
            return None
        return {field: entry[field] for field in FIELDS}

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
            temporary.replace(self.folder / f"{key}.json")
        except OSError as error:
            self.writable = False
            log.info("figures: cannot write the cache in %s (%s); building without it", self.folder, error.strerror)
            if temporary is not None:
                temporary.unlink(missing_ok=True)
