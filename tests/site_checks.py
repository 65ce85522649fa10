"""What the site's tests share: checks of a built site that hold whichever generator built it, the article's
sentences, and the contributor guide's worked example."""

from __future__ import annotations

import html
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

from drawn_figures.fences import outside_fences
from scripts.shared.project import FIGURE, ROOT

from helpers import Project, run_script

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


SOURCE = Path(__file__).parent / "data" / "what-is-serverless.txt"
CORRECTIONS = [
    ("resepct", "respect"),
    ("serverleress", "serverless"),
    ("infrastuture", "infrastructure"),
    ("There always room", "There is always room"),
    ("  ", " "),
]


class TextOf(HTMLParser):
    """The text a reader sees in the page's article, without scripts, styles or figures."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "svg") or self.skipping:
            self.skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def sentences() -> list[str]:
    text = SOURCE.read_text(encoding="utf-8")
    for wrong, right in CORRECTIONS:
        text = text.replace(wrong, right)
    lines = [line.lstrip("#").strip() for line in text.splitlines()]
    return [
        sentence
        for line in lines
        if line and line != "{diagram}"
        for sentence in re.split(r"(?<=[.?!])\s+(?=[A-Z])", line)
    ]


def visible_text(page: str) -> str:
    parser = TextOf()
    parser.feed(page)
    return re.sub(r"\s+", " ", html.unescape(" ".join(parser.parts)))


GUIDE = ROOT / "CONTRIBUTING.md"
TITLED_BLOCK = re.compile(r'^```\w+ title="(?P<path>[^"]+)"\n(?P<text>.*?)^```$', re.MULTILINE | re.DOTALL)


def guide_files() -> dict[str, str]:
    """The files of the worked example, by path, as the guide shows them."""
    return {match["path"]: match["text"] for match in TITLED_BLOCK.finditer(GUIDE.read_text(encoding="utf-8"))}


def new_diagram(project: Project, name: str) -> subprocess.CompletedProcess[str]:
    return run_script("new_diagram", name, "--folder", str(project.root / "diagrams"))


EXAMPLE_DIAGRAMS = ("team-stack", "request-flow")
EXAMPLE_FILES = (*(f"diagrams/{name}.py" for name in EXAMPLE_DIAGRAMS), "docs/a-request.md")
GLOSSARY_IN_NAV = re.compile(r"^[ \t]+- Glossary: glossary\.md\n", flags=re.MULTILINE)


def add_to_nav(project: Project, lines: str) -> None:
    """Add `lines` to the copy's mkdocs.yml on the line before the glossary, as the guide says to."""
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(lines, "")  # as before the guide's first step
    glossary = GLOSSARY_IN_NAV.search(text)
    assert glossary, "the nav: list of mkdocs.yml has no Glossary line"
    config.write_text(text[: glossary.start()] + lines + text[glossary.start() :], encoding="utf-8")


def build_the_worked_example(project: Project) -> str:
    """Follow the guide's section 6 in `project`, build it, and return the new page."""
    files = guide_files()
    for path in EXAMPLE_FILES:  # as before the guide's first step
        (project.root / path).unlink(missing_ok=True)
    for name in EXAMPLE_DIAGRAMS:  # "First make diagram NAME=team-stack and make diagram NAME=request-flow"
        assert new_diagram(project, name).returncode == 0
    for path in EXAMPLE_FILES:
        (project.root / path).write_text(files[path], encoding="utf-8")
    add_to_nav(project, files["mkdocs.yml"])
    project.build()  # strict: a figure too small to read on a phone would stop it
    return project.page("a-request/index.html")


BANDS = """\
from itertools import pairwise

from diagrams import Edge
from diagrams.generic.compute import Rack

from _style import band, flow

CAPTION = "Bands."
ALT = "Diagram: bands."

with flow("{direction}"):
    bands = [band(Rack, f"Band {{number}}") for number in range({count})]
    for one, next_one in pairwise(bands):
        one >> Edge() >> next_one
"""
