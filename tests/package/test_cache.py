"""The disk cache (drawn_figures/cache.py) on its own: whole entries or none, damage survived, and bounded."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest

from drawn_figures.cache import SECONDS_PER_DAY, DiskCache

KEY = "0123456789abcdef0123456789abcdef"
FIGURE = {"caption": "A caption.", "alt": "Diagram: a box.", "description": "", "table": "", "svg": "<svg/>"}
LONG_AGO = 1_000_000_000  # 2001: older than any rule of days


def cache_in(tmp_path: Path) -> DiskCache:
    return DiskCache(tmp_path / "cache")


def test_an_entry_written_is_read_back_whole_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    cache = cache_in(tmp_path)
    cache.put(KEY, FIGURE)
    assert cache.get(KEY) == FIGURE
    assert [path.name for path in cache.folder.iterdir()] == [f"{KEY}.json"]


def test_a_write_that_fails_halfway_leaves_the_entry_as_it_was(tmp_path: Path) -> None:
    cache = cache_in(tmp_path)
    cache.put(KEY, FIGURE)
    with pytest.raises(TypeError):  # json.dump has written part of the file when it meets the object
        cache.put(KEY, {**FIGURE, "svg": object()})  # type: ignore[dict-item]
    assert cache.get(KEY) == FIGURE
    assert not list(cache.folder.glob("*.tmp"))


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("{", "is unreadable"),  # torn, as by a full disk
        (b"\xff\xfe not text", "is unreadable"),
        ("[1, 2]", "is damaged"),  # JSON, but not an entry
        (json.dumps({**FIGURE, "key": "another key"}), "is damaged"),  # a file renamed by hand
        (json.dumps({"key": KEY, **FIGURE, "svg": 42}), "is damaged"),
        (json.dumps({"key": KEY, "caption": "only a caption"}), "is damaged"),
    ],
)
def test_a_damaged_entry_is_missing_and_said_so_and_drawing_it_again_repairs_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, content: str | bytes, said: str
) -> None:
    cache = cache_in(tmp_path)
    cache.folder.mkdir()
    entry = cache.folder / f"{KEY}.json"
    if isinstance(content, bytes):
        entry.write_bytes(content)
    else:
        entry.write_text(content, encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.drawn_figures"):
        assert cache.get(KEY) is None
    assert f"drawn_figures: cache entry {entry} {said}; drawing it again" in caplog.messages
    cache.put(KEY, FIGURE)
    assert cache.get(KEY) == FIGURE


def test_a_cache_that_cannot_be_written_is_given_up_once_and_said_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "cache").write_text("a file where the folder should be", encoding="utf-8")
    cache = cache_in(tmp_path)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.drawn_figures"):
        cache.put(KEY, FIGURE)
        cache.put(KEY, FIGURE)
    assert not cache.writable
    assert sum("cannot write the cache" in message for message in caplog.messages) == 1
    assert cache.get(KEY) is None


def test_reading_an_entry_marks_it_used(tmp_path: Path) -> None:
    cache = cache_in(tmp_path)
    cache.put(KEY, FIGURE)
    os.utime(cache.entry(KEY), (LONG_AGO, LONG_AGO))
    cache.get(KEY)
    assert cache.entry(KEY).stat().st_mtime > LONG_AGO


def aged(cache: DiskCache, key: str, days: float) -> Path:
    """An entry for `key` that a build last used `days` days ago."""
    cache.put(key, FIGURE)
    entry = cache.entry(key)
    when = entry.stat().st_mtime - days * SECONDS_PER_DAY
    os.utime(entry, (when, when))
    return entry


def test_pruning_deletes_only_what_no_build_needs_or_used_lately(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache = cache_in(tmp_path)
    needed_but_old = aged(cache, "a" * 32, days=400)
    recent = aged(cache, "b" * 32, days=29)
    unused = aged(cache, "c" * 32, days=31)
    leftover = cache.folder / "tmpx1y2.tmp"  # from a build killed while writing
    leftover.write_text("{", encoding="utf-8")
    os.utime(leftover, (LONG_AGO, LONG_AGO))
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.drawn_figures"):
        deleted = cache.prune(keep={"a" * 32}, unused_days=30)
    assert sorted(deleted) == sorted([unused, leftover])
    assert needed_but_old.exists() and recent.exists()
    assert "drawn_figures: deleted 2 cache entries that no build used for 30 days" in caplog.messages


def test_pruning_a_cache_that_does_not_exist_yet_deletes_nothing(tmp_path: Path) -> None:
    assert cache_in(tmp_path).prune(keep=set(), unused_days=0) == []


def test_pruning_never_follows_a_key_out_of_the_folder(tmp_path: Path) -> None:
    """Keys name files, but pruning only ever lists the folder's own entries."""
    outside = tmp_path / "precious.json"
    outside.write_text("{}", encoding="utf-8")
    os.utime(outside, (LONG_AGO, LONG_AGO))
    cache = cache_in(tmp_path)
    aged(cache, KEY, days=100)
    cache.prune(keep=set(), unused_days=1)
    assert outside.exists()
    assert not cache.entry(KEY).exists()
