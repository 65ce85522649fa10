"""Shared fixtures: a private copy of the project, built for real with MkDocs."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from sources import copy_project as copy_sources

BIN = Path(sys.executable).parent


@dataclass
class Project:
    """A copy of the site's sources in a temporary folder, with its own diagram cache."""

    root: Path
    log: str = ""  # what the last build printed

    def build(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [str(BIN / "mkdocs"), "build", "--strict", *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        self.log = result.stderr
        if check and result.returncode != 0:
            pytest.fail(f"mkdocs build failed:\n{result.stderr}")
        return result

    @property
    def site(self) -> Path:
        return self.root / "site"

    def page(self, path: str = "index.html") -> str:
        return (self.site / path).read_text(encoding="utf-8")


def copy_project(destination: Path) -> Project:
    return Project(copy_sources(destination))


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A fresh copy of the project, not yet built."""
    return copy_project(tmp_path)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The project built once, from an empty cache; shared by the tests that only read it."""
    project = copy_project(tmp_path_factory.mktemp("built"))
    project.build()
    return project
