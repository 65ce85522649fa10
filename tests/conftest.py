"""Shared fixtures: a private copy of the project, built for real with MkDocs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "scripts"))  # the helpers in scripts/ are plain modules


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
    for name in ("mkdocs.yml", "docs", "diagrams"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, destination / name)
    return Project(destination)


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
