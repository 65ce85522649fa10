"""What the site's tests share: checks of a built site that hold whichever generator built it, the article's
sentences, what the contributor guide's checklist asks of a page, and the guide's worked example."""

from __future__ import annotations

import html
import json
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config import load_config

from drawn_figures.fences import outside_fences
from scripts.shared.project import FIGURE, ROOT, markdown_pages, page_path

from helpers import Project, run_script

TEXT_FILES = {".html", ".svg", ".xml", ".json", ".js", ".css"}


def figures_on(page: str) -> list[str]:
    return [figure.group() for figure in FIGURE.finditer(page)]


def figure_names(page: str) -> list[str]:
    """The names of the figures on a built page, in order."""
    return [figure["name"] for figure in FIGURE.finditer(page)]


# What a page of docs/ places, by a rule of the tests' own rather than the extension's, so that the extension
# does not mark its own answers: a line that is a placeholder and nothing else, outside fenced code.
FENCED = re.compile(r"^([ \t]*)(`{3,}|~{3,}).*?^\1\2", re.MULTILINE | re.DOTALL)
PLACEHOLDER_LINE = re.compile(r"^[ \t]*\{diagram: ([a-z0-9-]+)\}[ \t]*$", re.MULTILINE)


def placed(root: Path = ROOT) -> dict[str, list[str]]:
    """Every page of the site in `root`, by its path, with the diagrams its Markdown places, in order.

    Read from docs/ and mkdocs.yml, so that a new page or figure needs no test edit."""
    return {
        page: PLACEHOLDER_LINE.findall(FENCED.sub("", markdown.read_text(encoding="utf-8")))
        for page, markdown in markdown_pages(root / "docs", root / "mkdocs.yml").items()
    }


def check_places_what_its_markdown_places(site: Path, root: Path = ROOT) -> None:
    """Each page of `site` shows the figures its Markdown places, in the same order, and no other."""
    pages = placed(root)
    assert any(pages.values()), "no page places a diagram: nothing to check"
    for page, names in pages.items():
        shown = figure_names((site / page / "index.html").read_text(encoding="utf-8"))
        assert shown == names, (
            f"{markdown_pages(root / 'docs')[page].relative_to(root)} places {names}, the page shows {shown}"
        )


def check_self_contained(figure: str, where: str) -> int:
    """Icons embedded, references only inside the figure, nothing that runs or leads away; returns its icons.

    Case does not matter: a browser runs `ONLOAD=` as it runs `onload=`."""
    assert "<svg" in figure, f"a diagram without its picture on {where}"
    images = re.findall(r"<image\b[^>]*>", figure)
    for image in images:
        assert re.search(r'\bxlink:href="data:image/(png;base64|svg\+xml),', image), image
    for reference in re.findall(r'\bhref="([^"]*)"', figure, flags=re.IGNORECASE):
        assert reference.startswith(("data:image/png;base64,", "data:image/svg+xml,", "#diagram-")), reference
    for banned in (r"<script", r"<foreignObject", r"\son\w+\s*=", r"<a\s"):
        assert not re.search(banned, figure, flags=re.IGNORECASE), f"{banned} in a diagram on {where}"
    return len(images)


# What a page loads as it opens (not what it links to): each must be a file of the site itself.
RESOURCE = re.compile(
    r'<(?:script|img|source|iframe|audio|video)\b[^>]*?\bsrc="(?P<src>[^"]*)"'
    r'|<link\b(?=[^>]*\brel="(?:stylesheet|icon|preload|modulepreload|manifest|prefetch)")[^>]*?\bhref="(?P<href>[^"]*)"'
)
FROM_ANOTHER_HOST = re.compile(r"""url\(\s*["']?(?:https?:)?//|@import\s+(?:url\()?["']?(?:https?:)?//""")


def check_loads_only_its_own_files(site: Path) -> None:
    """Every script, stylesheet, icon and image a page loads is a file of the site, and no stylesheet fetches
    from another host: the browser's check (tests/site/test_browser.py), read from the files."""
    pages = sorted(site.rglob("*.html"))
    assert pages, f"no page in {site}"
    for page in pages:
        for found in RESOURCE.finditer(page.read_text(encoding="utf-8")):
            url = found["src"] or found["href"]
            if url.startswith("data:"):
                continue
            assert "//" not in url.split("?")[0], f"{page.relative_to(site)} loads {url} from another host"
            path = url.split("?")[0].split("#")[0]
            file = (site / path.lstrip("/") if path.startswith("/") else page.parent / path).resolve()  # 404.html's
            assert file.is_file() and file.is_relative_to(site.resolve()), f"{page.relative_to(site)}: no file {url}"
    for stylesheet in site.rglob("*.css"):
        fetch = FROM_ANOTHER_HOST.search(stylesheet.read_text(encoding="utf-8"))
        assert fetch is None, f"{stylesheet.relative_to(site)} fetches from another host: {fetch.group()}"


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


# What CONTRIBUTING.md's checklist asks of a page, checked in any copy of the site. The pages and their order
# come from mkdocs.yml's nav and docs/, so a new page is checked like the others, with no list to update.
ARTICLE = "index.md"  # the article, word for word: the first page of Learn
GLOSSARY = "glossary.md"  # the last page of Learn
SECTIONS = ["Learn", "About"]


@dataclass(frozen=True)
class Nav:
    """The pages of a copy of the site, by `nav:` section, as its mkdocs.yml lists them."""

    root: Path
    sections: dict[str, list[str]]

    @classmethod
    def of(cls, root: Path) -> Nav:
        nav = load_config(str(root / "mkdocs.yml")).nav  # as MkDocs reads it, tags such as !relative and all
        sections: dict[str, list[str]] = {}
        for section in nav:
            assert isinstance(section, dict), f"mkdocs.yml: nav: {section!r} is not a section; use {SECTIONS}"
            [(title, entries)] = section.items()
            sections[title] = [file for entry in entries for file in entry.values()]
        return cls(root, sections)

    @property
    def order(self) -> list[str]:
        """Every page, in the order of the menu and of the footer's previous and next links."""
        return [file for files in self.sections.values() for file in files]

    @property
    def ours(self) -> list[str]:
        """Learn's pages after the article: the site's own explainers, then the glossary."""
        return self.sections.get("Learn", [])[1:]

    @property
    def explainers(self) -> list[str]:
        return [file for file in self.ours if file != GLOSSARY]


def line_of(path: Path, pattern: str) -> int:
    """The number of the first line of `path` that matches `pattern`, for a message; 0 when none does."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next((number for number, line in enumerate(lines, 1) if re.search(pattern, line)), 0)


GLOSSARY_NAV_LINE = rf"^\s+- .*: {GLOSSARY}$"


def glossary_in_nav(root: Path) -> str:
    """Where a new page's nav line goes, for a message."""
    return f"mkdocs.yml above line {line_of(root / 'mkdocs.yml', GLOSSARY_NAV_LINE)} (`- Glossary: {GLOSSARY}`)"


def check_nav(root: Path) -> None:
    """Two sections, Learn (the article first, the glossary last) and About, and every page of docs/ once."""
    nav = Nav.of(root)
    where = glossary_in_nav(root)
    assert list(nav.sections) == SECTIONS, f"mkdocs.yml: nav: has the sections {list(nav.sections)}, not {SECTIONS}"
    learn = nav.sections["Learn"]
    assert learn[0] == ARTICLE, f"mkdocs.yml: nav: Learn starts with {learn[0]}; {ARTICLE}, the article, comes first"
    assert learn[-1] == GLOSSARY, f"mkdocs.yml: nav: Learn ends with {learn[-1]}; move that line to {where}"
    docs = root / "docs"
    pages = sorted(path.name for path in docs.glob("*.md"))
    for file in nav.order:
        assert nav.order.count(file) == 1, f"mkdocs.yml: nav: lists {file} {nav.order.count(file)} times"
        line = line_of(root / "mkdocs.yml", rf": {re.escape(file)}$")
        assert file in pages, f"mkdocs.yml:{line}: there is no docs/{file}"
    for file in pages:
        assert file in nav.order, f"docs/{file} is in no menu: add `      - Its title: {file}` to {where}"


def site_path(markdown: str) -> str:
    """Where a page of docs/ is in the site, by the one map from Markdown to pages (scripts/shared/project.py)."""
    return page_path(Path("docs") / markdown, Path("docs"))


def article(page: str) -> str:
    return page.split("<article", 1)[1].split("</article>", 1)[0]


def built_article(project: Project, markdown: str) -> str:
    return article(project.page(f"{site_path(markdown)}index.html"))


def section(text: str, heading_id: str) -> str | None:
    """What follows the `<h2>` with this id, up to the next `<h2>`; None when there is no such heading.
    Its attributes may come in any order (`data-search-exclude` keeps a section out of the search index)."""
    found = re.search(rf'<h2 [^>]*\bid="{heading_id}"[^>]*>(.*?)(?=<h2|$)', text, flags=re.DOTALL)
    return found.group(1) if found else None


def footer_links(page: str) -> dict[str, str]:
    """The previous/next links of Material's footer: direction → href."""
    link = r'<a href="([^"]*)" class="md-footer__link md-footer__link--(prev|next)"'
    return {direction: href for href, direction in re.findall(link, page)}


def starts_with_a_description_and_one_title(project: Project, markdown: str) -> None:
    text = (project.root / "docs" / markdown).read_text(encoding="utf-8")
    front_matter = r"---\ndescription: .+\n(?:.+\n)*---\n\n# "
    assert re.match(front_matter, text), (
        f"docs/{markdown}:1: start with `---`, `description: one sentence`, `---`, a blank line, then `# Title`"
    )
    titles = re.findall(r"^# .*", text, flags=re.MULTILINE)
    assert len(titles) == 1, f"docs/{markdown}: one `# ` title, not {len(titles)}: make the others `## `"


SOURCES = "## Sources and further reading { data-search-exclude }"
CHECK_YOURSELF = "## Check yourself { data-search-exclude }"


def ends_with_its_sources(project: Project, markdown: str) -> None:
    text = built_article(project, markdown)
    sources = section(text, "sources-and-further-reading")
    assert sources is not None, f"docs/{markdown}: end the page with `{SOURCES}` and a list of links to read on"
    last = re.findall(r"<h2[^>]*>(.*?)<a", text)[-1]
    line = line_of(project.root / "docs" / markdown, r"^## Sources")
    assert 'id="sources-and-further-reading"' in text.rsplit("<h2", 1)[1].split(">", 1)[0], (
        f"docs/{markdown}:{line}: the sources are the page's last section; move '{last}' above them"
    )
    links = set(re.findall(r'<a href="(https://[^"]+)"', sources))
    assert len(links) >= 2, f"docs/{markdown}:{line}: the sources link {len(links)} page(s); list at least 2"


def ends_with_check_yourself(project: Project, markdown: str) -> None:
    text = built_article(project, markdown)
    check = section(text, "check-yourself")
    assert check is not None, f"docs/{markdown}: add `{CHECK_YOURSELF}` above the sources, with 3 or 4 questions"
    line = line_of(project.root / "docs" / markdown, r"^## Check yourself")
    sources = text.find('id="sources-and-further-reading"')
    assert sources < 0 or text.index('id="check-yourself"') < sources, (
        f"docs/{markdown}:{line}: 'Check yourself' comes just before 'Sources and further reading'"
    )
    questions = re.findall(r'<details class="question">\s*<summary>(.*?)</summary>(.*?)</details>', check, re.DOTALL)
    assert 3 <= len(questions) <= 4, (
        f'docs/{markdown}:{line}: {len(questions)} questions; write 3 or 4, each `??? question "...?"`'
    )
    for question, answer in questions:
        assert question.rstrip().endswith("?"), f"docs/{markdown}: {question!r} is not a question"
        words = len(re.sub(r"<[^>]+>", "", answer).split())
        assert words >= 8, f"docs/{markdown}: answer {question!r} in a sentence or two, indented under it"


def is_linked_from_where_next(project: Project, markdown: str) -> None:
    text = built_article(project, ARTICLE)
    where_next = text.split('<h2 id="where-next">', 1)[1]
    line = line_of(project.root / "docs" / ARTICLE, rf"- \[.*\]\({GLOSSARY}\)")
    assert f'href="{site_path(markdown)}"' in where_next, (
        f"docs/{ARTICLE}:{line}: 'Where next' does not link {markdown}; "
        f"add `    - [Its title]({markdown}): what it explains.` above this line"
    )


def follows_the_nav_with_previous_and_next(project: Project, markdown: str) -> None:
    """Material's footer links the pages in the nav's order; a page outside the nav has neither link."""
    order = Nav.of(project.root).order
    at = order.index(markdown)
    links = footer_links(project.page(f"{site_path(markdown)}index.html"))
    here = f"/{site_path(markdown)}"
    expected = {"prev": order[at - 1] if at else None, "next": order[at + 1] if at + 1 < len(order) else None}
    for direction, neighbour in expected.items():
        found = urljoin(here, links[direction]) if direction in links else None
        assert found == (neighbour and f"/{site_path(neighbour)}"), f"docs/{markdown}: {direction} is {found}"


def keeps_its_questions_and_sources_out_of_the_search_index(project: Project, markdown: str) -> None:
    """Material fetches the whole index on a first visit, so every page pays for it (README: the readers' bar)."""
    index = json.loads((project.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for document in index["docs"]:
        location = document["location"]
        if location.split("#")[0] == site_path(markdown):
            assert not location.endswith(("#check-yourself", "#sources-and-further-reading")), (
                f"docs/{markdown}: end that heading with `{{ data-search-exclude }}`: {location}"
            )


PageCheck = Callable[[Project, str], None]


def page_checks(nav: Nav, markdown: str) -> list[PageCheck]:
    """What CONTRIBUTING.md's checklist asks of this page, by where the nav puts it."""
    checks: list[PageCheck] = [
        starts_with_a_description_and_one_title,
        follows_the_nav_with_previous_and_next,
        keeps_its_questions_and_sources_out_of_the_search_index,
    ]
    if markdown in nav.ours:
        checks += [ends_with_its_sources, is_linked_from_where_next]
    if markdown in nav.explainers:
        checks.append(ends_with_check_yourself)
    return checks


def check_site(project: Project) -> None:
    """Every content check on every page of a built copy of the site, as tests/site/test_content.py runs them."""
    check_nav(project.root)
    nav = Nav.of(project.root)
    for markdown in nav.order:
        for check in page_checks(nav, markdown):
            check(project, markdown)


GUIDE = ROOT / "CONTRIBUTING.md"
TITLED_BLOCK = re.compile(r'^```\w+ title="(?P<path>[^"]+)"\n(?P<text>.*?)^```$', re.MULTILINE | re.DOTALL)


def guide_files() -> dict[str, str]:
    """The files of the worked example, by path, as the guide shows them."""
    return {match["path"]: match["text"] for match in TITLED_BLOCK.finditer(GUIDE.read_text(encoding="utf-8"))}


def new_diagram(project: Project, name: str) -> subprocess.CompletedProcess[str]:
    return run_script("new_diagram", name, "--folder", str(project.root / "diagrams"))


EXAMPLE_DIAGRAMS = ("team-stack", "request-flow")
EXAMPLE_PAGE = "a-request.md"
EXAMPLE_FILES = (*(f"diagrams/{name}.py" for name in EXAMPLE_DIAGRAMS), f"docs/{EXAMPLE_PAGE}")
# The guide's one rule for a new page's two lines, in the nav and in the home page's "Where next": above the
# glossary's, which stays last.
ABOVE_THE_GLOSSARY = {
    "mkdocs.yml": re.compile(rf"^[ \t]+- Glossary: {GLOSSARY}\n", flags=re.MULTILINE),
    f"docs/{ARTICLE}": re.compile(rf"^[ \t]+- \[Glossary\]\({GLOSSARY}\).*\n", flags=re.MULTILINE),
}


def add_above_the_glossary(project: Project, path: str, lines: str) -> None:
    """Add `lines` to the copy's `path` (mkdocs.yml or docs/index.md) above the glossary's line, as the guide says."""
    file = project.root / path
    text = file.read_text(encoding="utf-8").replace(lines, "")  # as before the guide's first step
    glossary = ABOVE_THE_GLOSSARY[path].search(text)
    assert glossary, f"{path} has no line for the glossary"
    file.write_text(text[: glossary.start()] + lines + text[glossary.start() :], encoding="utf-8")


def add_to_nav(project: Project, lines: str) -> None:
    add_above_the_glossary(project, "mkdocs.yml", lines)


def build_the_worked_example(project: Project) -> str:
    """Follow the guide's worked example in `project`, build it, and return the new page."""
    files = guide_files()
    for path in EXAMPLE_FILES:  # as before the guide's first step
        (project.root / path).unlink(missing_ok=True)
    for name in EXAMPLE_DIAGRAMS:  # "First make diagram NAME=team-stack and make diagram NAME=request-flow"
        assert new_diagram(project, name).returncode == 0
    for path in EXAMPLE_FILES:
        (project.root / path).write_text(files[path], encoding="utf-8")
    for path in ABOVE_THE_GLOSSARY:
        add_above_the_glossary(project, path, files[path])
    project.build()  # strict: a figure too small to read on a phone would stop it
    return project.page(f"{site_path(EXAMPLE_PAGE)}index.html")


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
