"""Two clean builds of the same sources give byte-identical sites.

Each build runs in its own fresh copy of the project (another folder, an empty
diagram cache) with the same SOURCE_DATE_EPOCH, which `make build` takes from
the last commit; MkDocs uses it for the sitemap's dates.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conftest import Project, copy_project

LAST_COMMIT_TIME = "1764115200"  # any fixed time will do; make takes the last commit's


def hashes(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_two_clean_builds_are_byte_identical(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", LAST_COMMIT_TIME)
    first, second = (copy_project(tmp_path_factory.mktemp(name)) for name in ("first", "second"))
    for project in (first, second):
        project.build()
    first_hashes, second_hashes = hashes(first.site), hashes(second.site)
    assert "sitemap.xml" in first_hashes and "sitemap.xml.gz" in first_hashes
    assert first_hashes == second_hashes


def test_the_sitemap_dates_come_from_source_date_epoch(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", LAST_COMMIT_TIME)
    project.build()
    assert "<lastmod>2025-11-26</lastmod>" in (project.site / "sitemap.xml").read_text()
