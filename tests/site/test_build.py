"""The whole path, for real: MkDocs builds the site, and the figures in it are self-contained."""

from __future__ import annotations

import getpass
import os
import re
import socket
import subprocess
from pathlib import Path

from helpers import BIN, Project
from site_checks import (
    check_no_path_of_the_build_machine,
    check_no_placeholder_outside_code,
    check_places_what_its_markdown_places,
    check_self_contained,
    figures_on,
)


def every_figure(project: Project) -> list[tuple[str, str]]:
    """(page, figure) for every figure of the built site."""
    pages = sorted(project.site.rglob("*.html"))
    return [
        (page.relative_to(project.site).as_posix(), figure) for page in pages for figure in figures_on(page.read_text())
    ]


def test_every_page_shows_the_figures_its_markdown_places(built: Project) -> None:
    check_places_what_its_markdown_places(built.site, built.root)


def test_no_placeholder_is_left_outside_code(built: Project) -> None:
    check_no_placeholder_outside_code(built.site)


def test_the_site_holds_no_path_of_the_build_machine(built: Project) -> None:
    check_no_path_of_the_build_machine(built.site, built.root)


def test_no_figure_names_the_build_machine_or_its_user(built: Project) -> None:
    figures = "".join(figure for _, figure in every_figure(built))
    readable = re.sub(r"data:image/png;base64,[A-Za-z0-9+/=]+", "", figures)
    for trace in (socket.gethostname(), getpass.getuser(), str(Path.home())):
        assert trace not in readable, trace


def test_every_icon_is_embedded_and_nothing_points_outside_the_figure(built: Project) -> None:
    figures = every_figure(built)
    icons = [check_self_contained(figure, page) for page, figure in figures]
    assert sum(icons) > len(figures), "the icons checked above are embedded in the figures"


def test_ids_are_unique_on_every_page(built: Project) -> None:
    for page in built.site.rglob("*.html"):
        ids = re.findall(r'\bid="([^"]+)"', page.read_text(encoding="utf-8"))
        assert len(ids) == len(set(ids)), (page, sorted(i for i in ids if ids.count(i) > 1))


def test_a_published_build_from_another_folder_draws_nothing_and_links_each_page_to_its_source(
    built: Project, tmp_path: Path
) -> None:
    """The cache, the diagrams and the glossary's snippets are found beside mkdocs.yml, wherever the build runs;
    nothing is written where it runs; and with EDIT_URI set, as the deploy workflow sets it, each page links to
    its Markdown."""
    diagrams = len([p for p in (built.root / "diagrams").glob("*.py") if not p.name.startswith("_")])
    assert f"drawn_figures: {diagrams} diagram(s) drawn, 0 from the cache" in built.log
    elsewhere, again = tmp_path / "elsewhere", tmp_path / "again"
    elsewhere.mkdir()
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "-f", str(built.root / "mkdocs.yml"), "--site-dir", str(again)],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "EDIT_URI": "https://github.com/example/site/edit/main/docs/"},
    )
    assert result.returncode == 0, result.stderr
    assert f"drawn_figures: 0 diagram(s) drawn, {diagrams} from the cache" in result.stderr, (
        "the cache beside mkdocs.yml"
    )
    assert list(elsewhere.iterdir()) == [], "the build wrote into the folder it ran in"
    page = (again / "how-it-is-built" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/example/site/edit/main/docs/how-it-is-built.md"' in page
    for path in built.site.rglob("index.html"):
        shown = figures_on((again / path.relative_to(built.site)).read_text(encoding="utf-8"))
        assert shown == figures_on(path.read_text(encoding="utf-8")), path


def test_an_edit_redraws_exactly_the_diagrams_that_depend_on_it(small_site: Project) -> None:
    """What a build draws, as its log counts it: an edited helper redraws the diagrams that import it, and no more."""
    project = small_site
    project.build()
    assert "drawn_figures: 3 diagram(s) drawn, 0 from the cache" in project.log
    assert project.page().count(">Old first<") == project.page().count(">Old second<") == 1
    project.build()
    assert "drawn_figures: 0 diagram(s) drawn, 3 from the cache" in project.log
    project.edit("diagrams/_labels.py", '"Old"', '"New"')
    project.build()
    assert "drawn_figures: 2 diagram(s) drawn, 1 from the cache" in project.log
    assert ">New first<" in project.page() and ">New second<" in project.page()
    assert ">Old " not in project.page()
    project.edit("diagrams/second.py", "The second box", "The edited box")
    project.build()
    assert "drawn_figures: 1 diagram(s) drawn, 2 from the cache" in project.log
    assert "<figcaption>The edited box.</figcaption>" in project.page()
    leftovers = [path for path in (project.root / ".cache").rglob("*") if path.is_file() and path.suffix != ".json"]
    assert leftovers == [], "a temporary file left in the cache"
    assert list(project.site.rglob("*.tmp")) == [], "a temporary file left in the site"


def test_the_build_warns_about_nothing(built: Project) -> None:
    assert "WARNING" not in built.log


def test_a_preview_has_no_edit_link_that_leads_nowhere(built: Project) -> None:
    assert "/edit/" not in built.page("how-it-is-built/index.html")


def test_site_search_indexes_captions_and_descriptions_not_the_pictures_labels(built: Project) -> None:
    index = (built.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Only your applications and your data add value" in index  # a caption
    assert "ApplicationsData" not in index  # the value stack's labels, run together
