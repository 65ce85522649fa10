"""Two clean builds of the same sources give byte-identical sites, whichever way the figures are drawn.

Each build runs in its own fresh copy of the project (another folder, an empty
diagram cache) with the same SOURCE_DATE_EPOCH, which `make build` takes from
the last commit; MkDocs uses it for the sitemap's dates. One build draws through
the drawing server (drawn_figures/server.py), the other with a process per
diagram (`FIGURES_DRAW=subprocess`, the way taken where fork is missing).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from drawn_figures.library import DRAW_VARIABLE

from helpers import Project, copy_project
from site_checks import figures_on

LAST_COMMIT_TIME = "1764115200"  # any fixed time will do; make takes the last commit's


def hashes(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def cached_figures(project: Project) -> dict[str, str]:
    """Caption -> SVG of every figure in the project's cache."""
    entries = (json.loads(path.read_text()) for path in (project.root / ".cache" / "figures").glob("*.json"))
    return {entry["caption"]: entry["svg"] for entry in entries}


def test_two_clean_builds_are_byte_identical_with_the_server_and_without(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", LAST_COMMIT_TIME)
    through_the_server, one_process_each = (copy_project(tmp_path_factory.mktemp(name)) for name in ("first", "second"))
    monkeypatch.setenv(DRAW_VARIABLE, "server")
    through_the_server.build()
    monkeypatch.setenv(DRAW_VARIABLE, "subprocess")
    one_process_each.build()
    first_hashes, second_hashes = hashes(through_the_server.site), hashes(one_process_each.site)
    assert "sitemap.xml" in first_hashes and "sitemap.xml.gz" in first_hashes
    assert figures_on(through_the_server.page()), "no figure to compare"
    assert first_hashes == second_hashes
    assert cached_figures(through_the_server)
    assert cached_figures(through_the_server) == cached_figures(one_process_each)


def test_the_sitemap_dates_come_from_source_date_epoch(small_site: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", LAST_COMMIT_TIME)
    small_site.build()
    assert "<lastmod>2025-11-26</lastmod>" in (small_site.site / "sitemap.xml").read_text()
