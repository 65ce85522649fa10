"""The library (drawn_figures.library): making one writes nothing; starting to draw prunes the cache."""

from __future__ import annotations

import os
from pathlib import Path

from drawn_figures.cache import SECONDS_PER_DAY, DiskCache
from drawn_figures.keys import DiagramFolder
from drawn_figures.library import DiagramLibrary

DIAGRAM = 'CAPTION = "c"\nALT = "a"\n'


def test_making_a_library_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "diagrams").mkdir()
    (tmp_path / "diagrams" / "box.py").write_text(DIAGRAM, encoding="utf-8")
    DiagramLibrary(tmp_path / "diagrams", tmp_path / "cache", timeout=60)
    assert not (tmp_path / "cache").exists()


def test_starting_to_draw_prunes_the_cache_but_keeps_every_current_diagram(tmp_path: Path) -> None:
    folder = tmp_path / "diagrams"
    folder.mkdir()
    for name in ("one", "two"):
        (folder / f"{name}.py").write_text(f"# {name}\n{DIAGRAM}", encoding="utf-8")
    keys = DiagramFolder(folder, "DejaVu Sans").keys()
    cache = DiskCache(tmp_path / "cache")
    figure = {"caption": "c", "alt": "a", "description": "", "table": "", "svg": "<svg/>"}
    for key in [*keys.values(), "f" * 32]:  # the current diagrams', and one of a diagram since deleted
        cache.put(key, figure)
        long_ago = cache.entry(key).stat().st_mtime - 365 * SECONDS_PER_DAY
        os.utime(cache.entry(key), (long_ago, long_ago))
    library = DiagramLibrary(folder, cache.folder, timeout=60)
    library.start_drawing()  # every diagram is cached: it draws nothing
    assert sorted(path.stem for path in cache.folder.glob("*.json")) == sorted(keys.values())
    assert library.figure("one").svg == "<svg/>"
