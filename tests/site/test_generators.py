"""The same sources build with ProperDocs and with Zensical as with MkDocs: every page, every diagram, the article.

Each other generator's pages are also held to the readers' bar that tests/test_browser.py sets for
MkDocs' (axe, their own host alone), and Zensical's build log to what the figures report.

    .venv/bin/pytest tests/test_generators.py

Each generator builds its own fresh copy of the project (tests/conftest.py's `copy_project`):
MkDocs with `mkdocs build --strict` (the `built` fixture), ProperDocs with `PROPERDOCS_BUILD` and Zensical
with `python -m scripts.build_zensical`, as `make build-properdocs` and `make build-zensical` run them.
All three build the repository's docs/ and diagrams/ as they are.

Which diagrams each page must show is an answer key kept here (`PLACED`), checked against the Markdown
by a rule of this module's own, not worked out with the extension's code.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

from scripts.shared.browser import pages, serve
from scripts.shared.project import markdown_pages

from helpers import BIN, Project, copy_project, run_script
from site_checks import (
    check_no_path_of_the_build_machine,
    check_no_placeholder_outside_code,
    check_self_contained,
    figures_on,
)
from site_checks import sentences, visible_text
from site_checks import BANDS

GENERATORS = ("mkdocs", "properdocs", "zensical")
OTHERS = GENERATORS[1:]  # each compared with MkDocs, which the site is published with
ZENSICAL_SITE_DIR = "site-zensical"
PROPERDOCS_SITE_DIR = "site-properdocs"
# As `make build-properdocs` runs it. ProperDocs reads mkdocs.yml on its own, but with a note unless named.
PROPERDOCS_BUILD = ("build", "--strict", "-f", "mkdocs.yml", "-d", PROPERDOCS_SITE_DIR)
# The answer key: every page, by its path, with the diagrams it must show, in order. Written by hand, so
# that the extension's own rules (which decide what a page places) do not mark the extension's answers.
PLACED = {
    "": ["infrastructure-stack", "value-stack"],
    "who-manages-what/": ["responsibility-all"],
    "one-model-at-a-time/": [f"responsibility-{model}" for model in ("on-premises", "iaas", "paas", "faas", "saas")],
    "serverless-in-practice/": ["photo-thumbnail"],
    "is-it-cheaper/": ["cost-break-even"],
    "designing-for-events/": ["queue-fan-out"],
    "trade-offs/": [],
    "beyond-functions/": ["serverless-landscape"],
    "glossary/": [],
    "how-it-is-built/": ["site-pipeline"],  # and one in fenced code, shown as written
}
FENCED = re.compile(r"^([ \t]*)(`{3,}|~{3,}).*?^\1\2", re.MULTILINE | re.DOTALL)
PLACEHOLDER_LINE = re.compile(r"^[ \t]*\{diagram: ([a-z0-9-]+)\}[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Output:
    """One generator's build of one copy of the project."""

    generator: str
    root: Path
    site: Path
    log: str

    def html_pages(self) -> set[str]:
        return {page.relative_to(self.site).as_posix() for page in self.site.rglob("*.html")}

    def page(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")

    def figures(self, path: str) -> list[str]:
        return figures_on(self.page(path))


def build_with_zensical(project: Project, *site_dir: str) -> subprocess.CompletedProcess[str]:
    return run_script("build_zensical", *site_dir, cwd=project.root)


def build_with_properdocs(project: Project) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "properdocs"), *PROPERDOCS_BUILD], cwd=project.root, capture_output=True, text=True
    )


@pytest.fixture(scope="module")
def outputs(built: Project, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Output]:
    zensical = copy_project(tmp_path_factory.mktemp("zensical"))
    result = build_with_zensical(zensical)
    assert result.returncode == 0, f"the Zensical build failed:\n{result.stderr}"
    properdocs = copy_project(tmp_path_factory.mktemp("properdocs"))
    proper = build_with_properdocs(properdocs)
    assert proper.returncode == 0, f"the ProperDocs build failed:\n{proper.stderr}"
    return {
        "mkdocs": Output("mkdocs", built.root, built.site, built.log),
        "properdocs": Output("properdocs", properdocs.root, properdocs.root / PROPERDOCS_SITE_DIR, proper.stderr),
        "zensical": Output("zensical", zensical.root, zensical.root / ZENSICAL_SITE_DIR, result.stdout + result.stderr),
    }


@pytest.fixture(params=GENERATORS)
def output(request: pytest.FixtureRequest, outputs: dict[str, Output]) -> Output:
    return outputs[request.param]


@pytest.fixture(params=OTHERS)
def other(request: pytest.FixtureRequest, outputs: dict[str, Output]) -> Output:
    """The build of a generator other than MkDocs, to compare with MkDocs'."""
    return outputs[request.param]


def test_the_answer_key_has_every_page_and_agrees_with_the_markdown() -> None:
    """By a rule of its own: a line that is a placeholder and nothing else, outside fenced code."""
    sources = markdown_pages()
    assert set(PLACED) == set(sources), "a page was added or removed: update PLACED"
    for page, markdown in sources.items():
        text = FENCED.sub("", markdown.read_text(encoding="utf-8"))
        assert PLACEHOLDER_LINE.findall(text) == PLACED[page], f"{markdown.name}: update PLACED"


def test_every_page_exists_in_each(outputs: dict[str, Output], other: Output) -> None:
    mkdocs = outputs["mkdocs"]
    from_sources = {f"{path}index.html" for path in PLACED}
    assert "index.html" in from_sources
    assert from_sources <= mkdocs.html_pages(), "MkDocs wrote no page for some Markdown files"
    assert mkdocs.html_pages() == other.html_pages()


def test_every_placed_diagram_is_on_its_page(output: Output) -> None:
    assert any(PLACED.values()), "no page places a diagram: nothing to compare"
    for page, names in PLACED.items():
        ids = re.findall(r'<figure class="diagram" id="diagram-([a-z0-9-]+?)-figure"', output.page(f"{page}index.html"))
        assert ids == names, page


def test_every_diagram_is_self_contained(output: Output) -> None:
    figures = [(page, figure) for page in output.html_pages() for figure in output.figures(page)]
    assert len(figures) == sum(len(names) for names in PLACED.values())
    icons = [check_self_contained(figure, page) for page, figure in figures]
    assert sum(icons) > len(figures), "the icons checked above are embedded in the figures"


def test_no_placeholder_is_left_outside_code(output: Output) -> None:
    check_no_placeholder_outside_code(output.site)


def test_the_site_holds_no_path_of_the_build_machine(output: Output) -> None:
    check_no_path_of_the_build_machine(output.site, output.root)


def test_each_draws_the_same_figures_as_mkdocs(outputs: dict[str, Output], other: Output) -> None:
    mkdocs = outputs["mkdocs"]
    pages = sorted(mkdocs.html_pages())
    assert any(mkdocs.figures(page) for page in pages)
    assert "data-search-exclude" in outputs["properdocs"].page("index.html")  # ProperDocs keeps it, as MkDocs does
    for page in pages:
        expected = mkdocs.figures(page)
        if other.generator == "zensical":  # it reads Material's search marker on the picture and drops it
            expected = [figure.replace(" data-search-exclude", "") for figure in expected]
        assert expected == other.figures(page), page


def test_every_sentence_of_the_article_is_on_the_page(output: Output) -> None:
    text = visible_text(output.page("index.html"))
    missing = [sentence for sentence in sentences() if sentence not in text]
    assert not missing, f"sentences of the article missing from the built page: {missing}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_each_others_pages_pass_axe_from_their_own_host_alone(other: Output, browser: Browser, scheme: str) -> None:
    """MkDocs' own pages are held to this in tests/test_browser.py."""
    site = other.site
    with serve(site) as base:
        context = browser.new_context(color_scheme=scheme)
        requested: list[str] = []
        context.on("request", lambda request: requested.append(request.url))
        for path in [*pages(site), "404.html"]:
            page = context.new_page()
            page.goto(base + path)
            results = Axe().run(page)
            assert results.violations_count == 0, f"{path}: {results.generate_report()}"
        context.close()
    assert [url for url in requested if not url.startswith((base, "data:"))] == []


def test_zensical_draws_the_figures_and_reports_no_issue(outputs: dict[str, Output]) -> None:
    log = outputs["zensical"].log
    assert re.search(r"drawn_figures: [1-9]\d* diagram\(s\) drawn, 0 from the cache", log), log
    assert "No issues found" in log
    assert "Warning" not in log


def test_a_second_zensical_build_renders_every_page_again_from_the_figure_cache(outputs: dict[str, Output]) -> None:
    """Built again where the first Zensical build drew every figure, into a folder of its own."""
    first = outputs["zensical"]
    second = build_with_zensical(Project(first.root), "site-again")
    assert second.returncode == 0, second.stderr
    assert (first.root / "site-again" / "index.html").read_text(encoding="utf-8") == first.page("index.html")
    assert re.search(r"drawn_figures: 0 diagram\(s\) drawn, [1-9]\d* from the cache", second.stderr), second.stderr


def test_a_mistake_stops_the_properdocs_build_with_the_one_line_mkdocs_gives(warm_project: Project) -> None:
    warm_project.edit("docs/index.md", "{diagram: value-stack}", "{diagram: value-stak}")
    properdocs = build_with_properdocs(warm_project)
    mkdocs = warm_project.build(check=False)
    assert properdocs.returncode == mkdocs.returncode == 1
    problem = next(line for line in mkdocs.stderr.splitlines() if "unknown diagram 'value-stak'" in line)
    assert problem.startswith("ERROR   -  line ")
    assert problem in properdocs.stderr.splitlines()
    assert "Traceback" not in properdocs.stderr


def test_a_mistake_stops_the_zensical_build_with_the_line_mkdocs_gives(warm_project: Project) -> None:
    """The same message; Zensical runs no plugin, so its line numbers do not count the front matter."""
    project = warm_project
    index = project.root / "docs" / "index.md"
    text = index.read_text(encoding="utf-8")
    lines = text.splitlines()
    misspelled = next(number for number, line in enumerate(lines, 1) if PLACEHOLDER_LINE.fullmatch(line))
    front_matter = lines.index(next(line for line in lines if line.startswith("# ")))  # and the blank line after
    index.write_text(text.replace(lines[misspelled - 1], "{diagram: no-such-diagram}", 1), encoding="utf-8")

    zensical = build_with_zensical(project)
    mkdocs = project.build(check=False)

    assert zensical.returncode == mkdocs.returncode == 1
    assert f"line {misspelled}: unknown diagram 'no-such-diagram'" in mkdocs.stderr
    problem = f"line {misspelled - front_matter}: unknown diagram 'no-such-diagram'"
    assert f"zensical build failed: Python error: DiagramError: {problem}" in zensical.stderr
    assert "Traceback" not in zensical.stderr


def test_a_figure_too_small_to_read_fails_the_zensical_build_as_it_fails_mkdocs(warm_project: Project) -> None:
    project = warm_project
    (project.root / "diagrams" / "row.py").write_text(BANDS.format(direction="LR", count=6), encoding="utf-8")
    (project.root / "docs" / "how-it-is-built.md").write_text("# Row\n\n{diagram: row}\n", encoding="utf-8")
    zensical = build_with_zensical(project)
    assert zensical.returncode == 1
    assert "diagrams/row.py: hard to read: its smallest text is" in zensical.stderr
    assert "zensical build failed: 1 warning(s) in strict mode" in zensical.stderr
