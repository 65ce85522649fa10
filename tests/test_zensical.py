"""The same sources build with Zensical as with MkDocs: every page, every diagram, the article's text.

Zensical's pages are also held to the readers' bar that tests/test_browser.py sets for MkDocs' (axe,
their own host alone), and its build log to what the figures report.

    .venv/bin/pytest tests/test_zensical.py

Each generator builds its own fresh copy of the project (tests/conftest.py's `copy_project`):
MkDocs with `mkdocs build --strict` (the `built` fixture), Zensical with scripts/build_zensical.py,
as `make build-zensical` runs it. Both build the repository's docs/ and diagrams/ as they are.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from drawn_figures.extension import PLACEHOLDER
from scripts.shared.browser import launch, pages, serve
from scripts.shared.project import ROOT, placed_diagrams

from conftest import Project, copy_project
from site_checks import (
    check_no_path_of_the_build_machine,
    check_no_placeholder_outside_code,
    check_self_contained,
    figures_on,
)
from test_article import sentences, visible_text
from test_faults import BANDS

GENERATORS = ("mkdocs", "zensical")
BUILD_ZENSICAL = ROOT / "scripts" / "build_zensical.py"
ZENSICAL_SITE_DIR = "site-zensical"


@dataclass(frozen=True)
class Output:
    """One generator's build of one copy of the project."""

    root: Path
    site: Path
    log: str

    def html_pages(self) -> set[str]:
        return {page.relative_to(self.site).as_posix() for page in self.site.rglob("*.html")}

    def page(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")

    def figures(self, path: str) -> list[str]:
        return figures_on(self.page(path))


def build_with_zensical(project: Project) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(BUILD_ZENSICAL)], cwd=project.root, capture_output=True, text=True)


@pytest.fixture(scope="module")
def outputs(built: Project, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Output]:
    zensical = copy_project(tmp_path_factory.mktemp("zensical"))
    result = build_with_zensical(zensical)
    assert result.returncode == 0, f"the Zensical build failed:\n{result.stderr}"
    return {
        "mkdocs": Output(built.root, built.site, built.log),
        "zensical": Output(zensical.root, zensical.root / ZENSICAL_SITE_DIR, result.stdout + result.stderr),
    }


@pytest.fixture(params=GENERATORS)
def output(request: pytest.FixtureRequest, outputs: dict[str, Output]) -> Output:
    return outputs[request.param]


def test_every_page_exists_in_both(outputs: dict[str, Output]) -> None:
    mkdocs, zensical = outputs["mkdocs"], outputs["zensical"]
    from_sources = set({f"{path}index.html" for path in placed_diagrams(mkdocs.root)})
    assert "index.html" in from_sources
    assert from_sources <= mkdocs.html_pages(), "MkDocs wrote no page for some Markdown files"
    assert mkdocs.html_pages() == zensical.html_pages()


def test_every_placed_diagram_is_on_its_page(output: Output) -> None:
    placed = placed_diagrams(output.root)
    assert any(placed.values()), "no page places a diagram: nothing to compare"
    for page, names in placed.items():
        ids = re.findall(r'<figure class="diagram" id="diagram-([a-z0-9-]+?)-figure"', output.page(f"{page}index.html"))
        assert ids == names, page


def test_every_diagram_is_self_contained(output: Output) -> None:
    for page in output.html_pages():
        for figure in output.figures(page):
            check_self_contained(figure, page)


def test_no_placeholder_is_left_outside_code(output: Output) -> None:
    check_no_placeholder_outside_code(output.site)


def test_the_site_holds_no_path_of_the_build_machine(output: Output) -> None:
    check_no_path_of_the_build_machine(output.site, output.root)


def test_both_draw_the_same_figures(outputs: dict[str, Output]) -> None:
    mkdocs, zensical = outputs["mkdocs"], outputs["zensical"]
    pages = sorted(mkdocs.html_pages())
    assert any(mkdocs.figures(page) for page in pages)
    for page in pages:
        # Zensical reads Material's search marker on the picture and drops it from the page; MkDocs leaves it.
        assert [figure.replace(" data-search-exclude", "") for figure in mkdocs.figures(page)] == zensical.figures(
            page
        ), page


def test_every_sentence_of_the_article_is_on_the_page(output: Output) -> None:
    text = visible_text(output.page("index.html"))
    missing = [sentence for sentence in sentences() if sentence not in text]
    assert not missing, f"sentences of the article missing from the built page: {missing}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_zensical_pages_pass_axe_from_their_own_host_alone(outputs: dict[str, Output], scheme: str) -> None:
    site = outputs["zensical"].site
    with serve(site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context(color_scheme=scheme)
        requested: list[str] = []
        context.on("request", lambda request: requested.append(request.url))
        for path in [*pages(site), "404.html"]:
            page = context.new_page()
            page.goto(base + path)
            results = Axe().run(page)
            assert results.violations_count == 0, f"{path}: {results.generate_report()}"
        browser.close()
    assert [url for url in requested if not url.startswith((base, "data:"))] == []


def test_zensical_draws_the_figures_and_reports_no_issue(outputs: dict[str, Output]) -> None:
    log = outputs["zensical"].log
    assert re.search(r"figures: [1-9]\d* diagram\(s\) drawn, 0 from the cache", log), log
    assert "No issues found" in log
    assert "Warning" not in log


def test_a_second_zensical_build_renders_every_page_again_from_the_figure_cache(project: Project) -> None:
    build_with_zensical(project)
    second = build_with_zensical(project)
    assert second.returncode == 0, second.stderr
    assert re.search(r"figures: 0 diagram\(s\) drawn, [1-9]\d* from the cache", second.stderr), second.stderr


def test_a_mistake_stops_the_zensical_build_with_the_line_mkdocs_gives(project: Project) -> None:
    """The same message; Zensical runs no plugin, so its line numbers do not count the front matter."""
    index = project.root / "docs" / "index.md"
    text = index.read_text(encoding="utf-8")
    lines = text.splitlines()
    misspelled = next(number for number, line in enumerate(lines, 1) if PLACEHOLDER.fullmatch(line))
    front_matter = lines.index(next(line for line in lines if line.startswith("# ")))  # and the blank line after
    index.write_text(PLACEHOLDER.sub("{diagram: no-such-diagram}", text, count=1), encoding="utf-8")

    zensical = build_with_zensical(project)
    mkdocs = project.build(check=False)

    assert zensical.returncode == mkdocs.returncode == 1
    assert f"line {misspelled}: unknown diagram 'no-such-diagram'" in mkdocs.stderr
    problem = f"line {misspelled - front_matter}: unknown diagram 'no-such-diagram'"
    assert f"zensical build failed: Python error: DiagramError: {problem}" in zensical.stderr
    assert "Traceback" not in zensical.stderr


def test_a_figure_too_small_to_read_fails_the_zensical_build_as_it_fails_mkdocs(project: Project) -> None:
    (project.root / "diagrams" / "row.py").write_text(BANDS.format(direction="LR", count=6), encoding="utf-8")
    (project.root / "docs" / "how-it-is-built.md").write_text("# Row\n\n{diagram: row}\n", encoding="utf-8")
    zensical = build_with_zensical(project)
    assert zensical.returncode == 1
    assert "diagrams/row.py: hard to read: its smallest text is" in zensical.stderr
    assert "zensical build failed: 1 warning(s) in strict mode" in zensical.stderr
