"""The same sources build with ProperDocs and with Zensical into the pages MkDocs builds.

    .venv/bin/pytest tests/site/test_generators.py

Each generator builds its own copy of the project, as `make build-properdocs` and `make build-zensical`
run them; MkDocs' build is the `built` fixture. Rather than hold each build to the readers' bar again
(tests/site/test_browser.py holds MkDocs' to it, with axe), each is compared with MkDocs' HTML: what may
differ is named here and taken out, and the rest must be equal.

- ProperDocs: every file of the site, byte for byte, but for the generator tag.
- Zensical, whose theme is its own build of Material: each page's article (its text and its figures),
  title, link previews and the site's own stylesheets; not the theme's assets or markup around the article.
"""

from __future__ import annotations

import gzip
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from scripts.shared.project import markdown_pages

from helpers import BIN, Project, copy_project, run_script, warm_copy
from site_checks import (
    BANDS,
    PLACEHOLDER_LINE,
    check_loads_only_its_own_files,
    check_no_path_of_the_build_machine,
    figure_names,
)

ZENSICAL_SITE_DIR = "site-zensical"
PROPERDOCS_SITE_DIR = "site-properdocs"
# As `make build-properdocs` runs it. ProperDocs reads mkdocs.yml on its own, but with a note unless named.
PROPERDOCS_BUILD = ("build", "--strict", "-f", "mkdocs.yml", "-d", PROPERDOCS_SITE_DIR)

# What legitimately differs between the generators' pages.
GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')
LAST_CHANGED = re.compile(rb"<lastmod>[^<]*</lastmod>")  # the day each built, which may be another day
THEME_ASSET = re.compile(r'(?:href|src)="[./]*assets/(?:stylesheets|javascripts)/')
ZENSICAL_SKIP_TARGET = '<a id="__skip" tabindex="-1"></a>'
# Zensical reads Material's marker for site search and leaves it out of the page.
SEARCH_MARKER = " data-search-exclude"


@dataclass(frozen=True)
class Output:
    """One generator's build of one copy of the project."""

    root: Path
    site: Path
    log: str

    def html_pages(self) -> list[str]:
        return sorted(page.relative_to(self.site).as_posix() for page in self.site.rglob("*.html"))

    def page(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")


def build_with_zensical(project: Project, *site_dir: str) -> subprocess.CompletedProcess[str]:
    return run_script("build_zensical", *site_dir, cwd=project.root)


def build_with_properdocs(project: Project) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "properdocs"), *PROPERDOCS_BUILD], cwd=project.root, capture_output=True, text=True
    )


@pytest.fixture(scope="module")
def properdocs(built: Project, tmp_path_factory: pytest.TempPathFactory) -> Output:
    """From MkDocs' cache: ProperDocs runs the same plugin, so what it may do differently is not the drawing."""
    project = warm_copy(tmp_path_factory.mktemp("properdocs"), built)
    result = build_with_properdocs(project)
    assert result.returncode == 0, f"the ProperDocs build failed:\n{result.stderr}"
    return Output(project.root, project.root / PROPERDOCS_SITE_DIR, result.stderr)


@pytest.fixture(scope="module")
def zensical(tmp_path_factory: pytest.TempPathFactory) -> Output:
    """From an empty cache: Zensical runs the extension in its own runtime, so it draws every figure itself."""
    project = copy_project(tmp_path_factory.mktemp("zensical"))
    result = build_with_zensical(project)
    assert result.returncode == 0, f"the Zensical build failed:\n{result.stderr}"
    return Output(project.root, project.root / ZENSICAL_SITE_DIR, result.stdout + result.stderr)


def comparable(file: Path) -> bytes:
    content = file.read_bytes()
    if file.suffix == ".gz":
        content = gzip.decompress(content)  # whose header holds the time it was written
    return LAST_CHANGED.sub(b"", GENERATOR_TAG.sub(b"", content))


def test_properdocs_builds_the_same_site_as_mkdocs_but_for_the_generator_tag(
    built: Project, properdocs: Output
) -> None:
    files = sorted(path.relative_to(built.site) for path in built.site.rglob("*") if path.is_file())
    assert sorted(path.relative_to(properdocs.site) for path in properdocs.site.rglob("*") if path.is_file()) == files
    assert any(figure_names(built.page(f"{page}index.html")) for page in markdown_pages()), "no figure to compare"
    for file in files:
        assert comparable(properdocs.site / file) == comparable(built.site / file), file
    assert GENERATOR_TAG.search(properdocs.page("index.html").encode())


def article(page: str) -> str:
    """The article as a reader gets it, whatever the theme's whitespace between tags."""
    found = re.search(r"<article\b[^>]*>(.*?)</article>", page, flags=re.DOTALL)
    assert found, "a page without an article"
    return re.sub(r">\s+<", "><", found[1].replace(ZENSICAL_SKIP_TARGET, "").replace(SEARCH_MARKER, "")).strip()


def head(page: str) -> list[str]:
    """The page's title, meta tags and links, but for the generator tag and the theme's own assets."""
    tags = re.findall(r"<title>.*?</title>|<meta\b[^>]*>|<link\b[^>]*>", page.split("</head>", 1)[0])
    return [
        re.sub(r'(href|src)="\./', r'\1="', tag)  # Zensical writes ./page/ where MkDocs writes page/
        for tag in tags
        if not GENERATOR_TAG.match(tag.encode()) and not THEME_ASSET.search(tag)
    ]


def test_zensical_builds_every_page_with_the_article_and_head_mkdocs_builds(built: Project, zensical: Output) -> None:
    pages = sorted(page.relative_to(built.site).as_posix() for page in built.site.rglob("*.html"))
    assert zensical.html_pages() == pages
    assert len(pages) == len(markdown_pages()) + 1, "a page of docs/ that MkDocs did not build, or no 404.html"
    for page in pages:
        ours, theirs = built.page(page), zensical.page(page)
        assert article(theirs) == article(ours), f"{page}: the article differs from MkDocs'"
        assert head(theirs) == head(ours), f"{page}: the title, link previews or stylesheets differ from MkDocs'"
    assert "drawn-figures.css" in " ".join(head(zensical.page("index.html"))), "the figures' stylesheet"


@pytest.mark.parametrize("generator", ["properdocs", "zensical"])
def test_each_loads_only_its_own_files_and_holds_no_path_of_the_build_machine(
    request: pytest.FixtureRequest, generator: str
) -> None:
    output: Output = request.getfixturevalue(generator)
    check_loads_only_its_own_files(output.site)
    check_no_path_of_the_build_machine(output.site, output.root)


def test_zensical_draws_the_figures_reports_no_issue_and_builds_again_from_the_cache(zensical: Output) -> None:
    """Zensical keeps rendered pages of its own; the build script forgets them, so a second build renders every
    page again, from the figures' cache."""
    assert re.search(r"drawn_figures: [1-9]\d* diagram\(s\) drawn, 0 from the cache", zensical.log), zensical.log
    assert "No issues found" in zensical.log
    assert "Warning" not in zensical.log
    second = build_with_zensical(Project(zensical.root), "site-again")
    assert second.returncode == 0, second.stderr
    assert re.search(r"drawn_figures: 0 diagram\(s\) drawn, [1-9]\d* from the cache", second.stderr), second.stderr
    for page in zensical.html_pages():
        assert (zensical.root / "site-again" / page).read_text(encoding="utf-8") == zensical.page(page), page


def test_a_mistake_in_a_page_stops_each_generator_with_the_line_mkdocs_gives(warm_project: Project) -> None:
    """The one line MkDocs gives; Zensical runs no plugin, so its line numbers do not count the front matter."""
    index = warm_project.root / "docs" / "index.md"
    text = index.read_text(encoding="utf-8")
    lines = text.splitlines()
    misspelled = next(number for number, line in enumerate(lines, 1) if PLACEHOLDER_LINE.fullmatch(line))
    front_matter = lines.index(next(line for line in lines if line.startswith("# ")))  # and the blank line after
    index.write_text(text.replace(lines[misspelled - 1], "{diagram: no-such-diagram}", 1), encoding="utf-8")

    mkdocs = warm_project.build(check=False)
    properdocs = build_with_properdocs(warm_project)
    zensical = build_with_zensical(warm_project)

    assert mkdocs.returncode == properdocs.returncode == zensical.returncode == 1
    problem = next(line for line in mkdocs.stderr.splitlines() if "unknown diagram 'no-such-diagram'" in line)
    assert problem.startswith(f"ERROR   -  line {misspelled}: unknown diagram 'no-such-diagram'"), problem
    assert problem in properdocs.stderr.splitlines()
    in_zensical = f"line {misspelled - front_matter}: unknown diagram 'no-such-diagram'"
    assert f"zensical build failed: Python error: DiagramError: {in_zensical}" in zensical.stderr
    assert "Traceback" not in properdocs.stderr + zensical.stderr


def test_a_figure_too_small_to_read_fails_the_zensical_build_as_it_fails_mkdocs(warm_project: Project) -> None:
    (warm_project.root / "diagrams" / "row.py").write_text(BANDS.format(direction="LR", count=6), encoding="utf-8")
    (warm_project.root / "docs" / "how-it-is-built.md").write_text("# Row\n\n{diagram: row}\n", encoding="utf-8")
    zensical = build_with_zensical(warm_project)
    assert zensical.returncode == 1
    assert re.search(r"diagrams/row\.py: hard to read: its smallest text is \d+\.\d px on a 360 px", zensical.stderr)
    assert "zensical build failed: 1 warning(s) in strict mode" in zensical.stderr
