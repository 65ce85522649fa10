"""The files a build of the site reads, and how to copy them into a scratch folder.

Tests and the benchmark build such copies, each with a diagram cache of its own,
so that they never touch the working tree. Not run on its own.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("mkdocs.yml", "docs", "diagrams")


def copy_project(destination: Path) -> Path:
    """Copy mkdocs.yml, docs/ and diagrams/ into `destination`, which may exist; returns it."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, destination / name)
    return destination
