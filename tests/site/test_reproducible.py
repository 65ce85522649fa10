"""Two clean builds of the same sources give byte-identical sites, whichever way the figures are drawn.

Each build runs in its own copy of the project (another folder, an empty diagram
cache): the session's `built`, drawn by forkserver children, and a copy drawn by
spawned ones (`DRAWN_FIGURES_START_METHOD=spawn`, the way taken where there is no
forkserver). The sitemap's dates are the day of the build, or SOURCE_DATE_EPOCH,
which `make build` takes from the last commit.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from drawn_figures.children import START_METHOD_VARIABLE

from helpers import Project, copy_project
from site_checks import figures_on

LAST_COMMIT_TIME = "1764115200"  # any fixed time will do; make takes the last commit's
BUILD_DAY = re.compile(rb"<lastmod>[^<]*</lastmod>")


def hashes(site: Path) -> dict[str, str]:
    """Each file's hash; the sitemap's without its dates, which may fall on another day for another build."""
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(
            BUILD_DAY.sub(b"", path.read_bytes()) if path.name == "sitemap.xml" else path.read_bytes()
        ).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.name != "sitemap.xml.gz"  # the gzip header holds the time it was written
    }


def cached_figures(project: Project) -> dict[str, str]:
    """Caption -> SVG of every figure in the project's cache."""
    entries = (json.loads(path.read_text()) for path in (project.root / ".cache" / "figures").glob("*.json"))
    return {entry["caption"]: entry["svg"] for entry in entries}


def test_two_clean_builds_are_byte_identical_with_a_process_per_diagram_and_without(
    built: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(START_METHOD_VARIABLE, "spawn")
    one_process_each = copy_project(tmp_path / "elsewhere")
    one_process_each.build()
    assert figures_on(built.page()), "no figure to compare"
    expected = hashes(built.site)
    assert "sitemap.xml" in expected and "index.html" in expected
    assert hashes(one_process_each.site) == expected
    assert cached_figures(built)
    assert cached_figures(one_process_each) == cached_figures(built)


def test_the_sitemap_dates_come_from_source_date_epoch(small_site: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", LAST_COMMIT_TIME)
    small_site.build()
    assert "<lastmod>2025-11-26</lastmod>" in (small_site.site / "sitemap.xml").read_text()
