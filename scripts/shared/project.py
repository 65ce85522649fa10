"""The files a build of the site reads, how to copy them into a scratch folder, and what a build writes.

Tests and the benchmark build such copies, each with a diagram cache of its own,
so that they never touch the working tree. They run MkDocs with `mkdocs_environment()`,
and find the figures of a built page with `FIGURE`.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("mkdocs.yml", "docs", "diagrams")
EXCLUDED = re.compile(r"^exclude_docs: \|\n((?:  .*\n)+)", re.MULTILINE)
# A figure in a built page, as `drawn_figures.extension.figure_html` writes it: its name and its markup.
FIGURE = re.compile(r'<figure class="diagram" id="diagram-(?P<name>[a-z0-9-]+?)-figure">.*?</figure>', re.DOTALL)
# In a diagram file, `CAPTION = "..."` on one line, or `CAPTION = (` and its strings up to a line `)`.
CAPTION_LINE = re.compile(r"^CAPTION = (?:\(\n(?:.*\n)*?\)|.*)$", re.MULTILINE)


def mkdocs_environment(**extra: str) -> dict[str, str]:
    """The environment to run MkDocs in: this process's, without MkDocs 1.6's notice about 2.0, and `extra`.

    Read when called, not imported, so that it carries what was set meanwhile (the benchmark's PYTHONPATH).
    """
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}


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


def excluded_folders(config: Path = ROOT / "mkdocs.yml") -> list[str]:
    """The folders of docs/ that `exclude_docs` keeps out of the site (`overrides`, `includes`)."""
    found = EXCLUDED.search(config.read_text(encoding="utf-8"))
    return [line.strip().strip("/") for line in found[1].splitlines()] if found else []


def page_path(markdown: Path, docs: Path) -> str:
    """The site path MkDocs and Zensical give a page (directory URLs): `index.md` is "", `a/b.md` is "a/b/"."""
    stem = markdown.relative_to(docs).with_suffix("").as_posix().removesuffix("index").rstrip("/")
    return stem + "/" if stem else ""


def markdown_pages(docs: Path = ROOT / "docs", config: Path = ROOT / "mkdocs.yml") -> dict[str, Path]:
    """Every page of the site, by its path, with the Markdown file it is built from."""
    excluded = excluded_folders(config)
    return {
        page_path(markdown, docs): markdown
        for markdown in sorted(docs.rglob("*.md"))
        if markdown.relative_to(docs).parts[0] not in excluded
    }
