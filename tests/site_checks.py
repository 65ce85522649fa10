"""Checks of a built site that hold whichever generator built it (tests/test_build.py, tests/test_generators.py)."""

from __future__ import annotations

import re
from pathlib import Path

from drawn_figures.fences import outside_fences
from scripts.shared.project import FIGURE

TEXT_FILES = {".html", ".svg", ".xml", ".json", ".js", ".css"}


def figures_on(page: str) -> list[str]:
    return [figure.group() for figure in FIGURE.finditer(page)]


def check_self_contained(figure: str, where: str) -> int:
    """Icons embedded, references only inside the figure, nothing that runs or leads away; returns its icons."""
    assert "<svg" in figure, f"a diagram without its picture on {where}"
    images = re.findall(r"<image\b[^>]*>", figure)
    for image in images:
        assert re.search(r'\bxlink:href="data:image/(png;base64|svg\+xml),', image), image
    for reference in re.findall(r'\bhref="([^"]*)"', figure):
        assert reference.startswith(("data:image/png;base64,", "data:image/svg+xml,", "#diagram-")), reference
    for banned in (r"<script", r"<foreignObject", r"\son\w+=", r"<a\s"):
        assert not re.search(banned, figure), f"{banned} in a diagram on {where}"
    return len(images)


def prose(page: Path) -> list[tuple[int, str]]:
    """(line number, text) of the lines of a Markdown page a reader reads as sentences: not fenced code, front
    matter, glossary definitions, footnotes or the list of sources; inline code and link targets blanked out."""
    lines = page.read_text(encoding="utf-8").splitlines()
    return [
        (index + 1, re.sub(r"`[^`]*`|\]\([^)]*\)", "", lines[index]))
        for index in outside_fences(lines)
        if not lines[index].startswith(("[^", "description:", "*["))
        and not re.match(r"\s*- \[.*\]\(http", lines[index])
    ]


def check_no_placeholder_outside_code(site: Path) -> None:
    for page in site.rglob("*.html"):
        text = re.sub(r"<(code|pre)\b.*?</\1>", "", page.read_text(encoding="utf-8"), flags=re.DOTALL)
        assert "{diagram" not in text, page


def check_no_path_of_the_build_machine(site: Path, root: Path) -> None:
    for path in site.rglob("*"):
        if path.suffix in TEXT_FILES:
            text = path.read_text(encoding="utf-8", errors="replace")
            for trace in ("site-packages", str(root), "/root/", "/home/", "file:/"):
                assert trace not in text, f"{trace!r} in {path}"
