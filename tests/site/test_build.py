"""The whole path, for real: MkDocs builds the site, and the figures in it are self-contained."""

from __future__ import annotations

import getpass
import os
import re
import socket
import subprocess
from pathlib import Path

import pytest

from helpers import BIN, Project
from site_checks import (
    check_no_path_of_the_build_machine,
    check_no_placeholder_outside_code,
    check_self_contained,
    figures_on,
)

FIGURES_ON_HOME_PAGE = 2


def test_the_home_page_shows_both_stack_diagrams(built: Project) -> None:
    page = built.page()
    assert page.count('<figure class="diagram"') == FIGURES_ON_HOME_PAGE
    assert 'id="diagram-infrastructure-stack-figure"' in page
    assert 'id="diagram-value-stack-figure"' in page


def test_no_placeholder_is_left_outside_code(built: Project) -> None:
    check_no_placeholder_outside_code(built.site)


def test_the_site_holds_no_path_of_the_build_machine(built: Project) -> None:
    check_no_path_of_the_build_machine(built.site, built.root)


def test_no_figure_names_the_build_machine_or_its_user(built: Project) -> None:
    figures = "".join(figures_on(built.page()))
    readable = re.sub(r"data:image/png;base64,[A-Za-z0-9+/=]+", "", figures)
    for trace in (socket.gethostname(), getpass.getuser(), str(Path.home())):
        assert trace not in readable, trace


def test_every_icon_is_embedded_and_nothing_points_outside_the_figure(built: Project) -> None:
    figures = figures_on(built.page())
    assert figures
    icons = [check_self_contained(figure, "the home page") for figure in figures]
    assert all(icons), "a stack without its icons"


def test_ids_are_unique_on_the_page(built: Project) -> None:
    ids = re.findall(r'\bid="([^"]+)"', built.page())
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def test_a_second_build_draws_nothing(built: Project, tmp_path: Path) -> None:
    diagrams = len([p for p in (built.root / "diagrams").glob("*.py") if not p.name.startswith("_")])
    assert f"drawn_figures: {diagrams} diagram(s) drawn, 0 from the cache" in built.log
    again = Project(built.root)  # the same sources and cache, built into a folder of its own
    again.build("--site-dir", str(tmp_path / "again"))
    assert f"drawn_figures: 0 diagram(s) drawn, {diagrams} from the cache" in again.log
    assert (tmp_path / "again" / "index.html").read_text(encoding="utf-8") == built.page()


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


def test_the_build_warns_about_nothing(built: Project) -> None:
    assert "WARNING" not in built.log


def test_published_pages_link_to_their_source_for_editing(
    warm_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDIT_URI", "https://github.com/example/site/edit/main/docs/")
    warm_project.build()
    assert 'href="https://github.com/example/site/edit/main/docs/how-it-is-built.md"' in warm_project.page(
        "how-it-is-built/index.html"
    )


def test_a_preview_has_no_edit_link_that_leads_nowhere(built: Project) -> None:
    assert "/edit/" not in built.page()


def test_paths_follow_the_config_file_from_any_folder(warm_project: Project, tmp_path: Path) -> None:
    """The cache, the diagrams and the glossary's snippets are found beside mkdocs.yml, and nothing is written here."""
    project = warm_project
    diagrams = len([p for p in (project.root / "diagrams").glob("*.py") if not p.name.startswith("_")])
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "-f", str(project.root / "mkdocs.yml")],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert project.page().count('<figure class="diagram"') == FIGURES_ON_HOME_PAGE
    assert f"drawn_figures: 0 diagram(s) drawn, {diagrams} from the cache" in result.stderr, "the cache beside mkdocs.yml"
    assert list(elsewhere.iterdir()) == [], "the build wrote into the folder it ran in"


def test_site_search_indexes_captions_and_descriptions_not_the_pictures_labels(built: Project) -> None:
    index = (built.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Only your applications and your data add value" in index  # a caption
    assert "ApplicationsData" not in index  # the value stack's labels, run together
