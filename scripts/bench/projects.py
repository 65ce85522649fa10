"""Copies of the project for the benchmark to build: as it is, without the diagram step, and generated.

- `snapshot_package`: the `drawn_figures` package as it is when the benchmark starts;
- `copy_project` (from `scripts.shared.project`): mkdocs.yml, docs/ and diagrams/ as they are,
  with a cache of their own;
- `make_static_baseline`: the same pages with every `{diagram: NAME}` replaced by
  the SVG a normal build drew, as a static image file, and the figures extension
  and plugin switched off, so that building it costs what MkDocs costs alone;
- `make_generated`: a page that places COUNT diagrams, each a copy of one real
  diagram file with a caption of its own (so each has its own content key).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from drawn_figures.extension import PLACEHOLDER
from drawn_figures.fences import outside_fences
from scripts.shared.project import CAPTION_LINE, FIGURE, ROOT, copy_project

CACHE = Path(".cache/figures")  # the extension's default `cache_dir`, which mkdocs.yml keeps
SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)
FIGURES_EXTENSION = re.compile(r"^  - drawn_figures:.*\n(?:    .*\n)*", re.MULTILINE)
FIGURES_PLUGIN = re.compile(r"^  - drawn_figures(?:[ \t]+#.*)?\n", re.MULTILINE)
WATCH_DIAGRAMS = re.compile(r"^watch:\n  - diagrams\n", re.MULTILINE)
NAV = re.compile(r"^nav:\n(?:  .*\n)*", re.MULTILINE)
TEMPLATE_DIAGRAM = "infrastructure-stack"
INCLUDES = "includes"  # docs/includes/: text that pages include, kept out of the site by mkdocs.yml


def snapshot_package(destination: Path) -> Path:
    """Copy the `drawn_figures` package into `destination`, to put on PYTHONPATH ahead of the editable install.

    Every build of one benchmark then runs the same code, even if `drawn_figures/` is edited meanwhile.
    """
    shutil.copytree(
        ROOT / "src" / "drawn_figures", destination / "drawn_figures", ignore=shutil.ignore_patterns("__pycache__")
    )
    return destination


def empty_cache(project: Path) -> None:
    shutil.rmtree(project / CACHE, ignore_errors=True)


def make_static_baseline(built: Path, destination: Path) -> Path:
    """A copy of the project at `built` (already built) whose pages show its drawn SVGs as plain images."""
    copy_project(destination)
    shutil.rmtree(destination / "diagrams")
    images = destination / "docs" / "static-diagrams"
    images.mkdir()
    for page in built.joinpath("site").rglob("*.html"):
        for drawn in FIGURE.finditer(page.read_text(encoding="utf-8")):
            if svg := SVG.search(drawn.group()):
                images.joinpath(f"{drawn['name']}.svg").write_text(svg.group(), encoding="utf-8")
    for markdown in destination.joinpath("docs").rglob("*.md"):
        depth = len(markdown.relative_to(destination / "docs").parts) - 1
        prefix = "../" * depth + "static-diagrams/"
        text = with_static_images(markdown.read_text(encoding="utf-8"), prefix)
        markdown.write_text(text, encoding="utf-8")
    settings = destination / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    for figures_step in (FIGURES_EXTENSION, FIGURES_PLUGIN, WATCH_DIAGRAMS):
        text = figures_step.sub("", text)
    if re.search(r"^  - drawn_figures(?![\w.])", text, re.MULTILINE):  # other extensions of ours stay
        raise RuntimeError(f"could not switch the figures extension off in {settings}")
    settings.write_text(text, encoding="utf-8")
    return destination


def with_static_images(page: str, prefix: str) -> str:
    """`page` with each placeholder line outside fenced code replaced by an image of `prefix` + NAME.svg."""
    lines = page.split("\n")
    for index in outside_fences(lines):
        if placeholder := PLACEHOLDER.fullmatch(lines[index].strip()):
            indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]  # in a tab, a list item
            lines[index] = f"{indent}![{placeholder['name']}]({prefix}{placeholder['name']}.svg)"
    return "\n".join(lines)


def make_generated(destination: Path, count: int) -> Path:
    """A copy of the project whose only page places `count` distinct diagrams."""
    copy_project(destination)
    folder = destination / "diagrams"
    template = (folder / f"{TEMPLATE_DIAGRAM}.py").read_text(encoding="utf-8")
    for path in folder.glob("*.py"):
        if not path.name.startswith("_"):
            path.unlink()
    names = [f"stack-{number:03d}" for number in range(1, count + 1)]
    for number, name in enumerate(names, 1):
        caption = f'CAPTION = "Copy {number} of the infrastructure stack."'
        folder.joinpath(f"{name}.py").write_text(CAPTION_LINE.sub(caption, template), encoding="utf-8")
    placements = "\n\n".join(f"{{diagram: {name}}}" for name in names)
    docs = destination / "docs"
    for page in docs.rglob("*.md"):
        if page.relative_to(docs).parts[0] != INCLUDES:  # snippets pages include, e.g. the glossary
            page.unlink()
    settings = destination / "mkdocs.yml"  # without its nav, which names the pages just removed
    settings.write_text(NAV.sub("", settings.read_text(encoding="utf-8")), encoding="utf-8")
    destination.joinpath("docs", "index.md").write_text(f"# {count} diagrams\n\n{placements}\n", encoding="utf-8")
    return destination
