"""CONTRIBUTING.md tells the truth: a page added by it alone passes the tests, and what it names exists.

The worked example is taken from the guide itself (its code blocks titled with
a file name), applied to a copy of the project the way the guide says, and
built for real; the content checks of tests/site/test_content.py then run on
every page of that copy. So is a diagram scaffolded by `python -m scripts.new_diagram`.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from scripts.shared.project import ROOT

from helpers import BIN, Project, run_script, warm_copy
from site_checks import (
    ABOVE_THE_GLOSSARY,
    EXAMPLE_DIAGRAMS,
    EXAMPLE_FILES,
    EXAMPLE_PAGE,
    GUIDE,
    Nav,
    add_above_the_glossary,
    add_to_nav,
    build_the_worked_example,
    check_site,
    ends_with_check_yourself,
    ends_with_its_sources,
    guide_files,
    is_linked_from_where_next,
    new_diagram,
    page_checks,
    site_path,
    starts_with_a_description_and_one_title,
)


@pytest.fixture(scope="module")
def worked_example(built: Project, tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A copy of the site with the guide's worked example added as the guide says, and built."""
    project = warm_copy(tmp_path_factory.mktemp("worked-example"), built)
    build_the_worked_example(project)
    return project


def test_the_guide_holds_one_complete_example() -> None:
    assert set(guide_files()) == {*EXAMPLE_FILES, *ABOVE_THE_GLOSSARY}


def test_the_example_uses_only_the_house_building_blocks_and_fans_out() -> None:
    for path in EXAMPLE_FILES[:2]:
        code = guide_files()[path]
        assert "from _style import" in code
        for graphviz_markup in ("<TABLE", "<TD", "<IMG", "fillcolor", "fontsize", "Diagram("):
            assert graphviz_markup not in code, f"{path}: {graphviz_markup}"
    fan_out = re.search(
        r"^\s+(\w+) = \[\n(?:\s+step\(.*\),\n){3}\s+\]\n(?:.*\n)*?.* >> \1$", guide_files()[EXAMPLE_FILES[1]], re.M
    )
    assert fan_out, f"{EXAMPLE_FILES[1]} fans out to a list of three step()s"


def test_the_worked_example_builds_into_a_page_with_its_figures(worked_example: Project) -> None:
    page = worked_example.page(f"{site_path(EXAMPLE_PAGE)}index.html")
    for name in EXAMPLE_DIAGRAMS:
        assert f'id="diagram-{name}-figure"' in page
        assert "<title" in page.split(f'id="diagram-{name}-figure"')[1]
    assert "<figcaption>A request passes through an API gateway to a function" in page
    assert page.count("<summary>Describe this diagram<") == len(EXAMPLE_DIAGRAMS)
    flow = page.split('id="diagram-request-flow-figure"')[1].split("</figure>")[0]
    arrows = re.findall(r'<g id="[^"]*" class="edge">', flow)
    assert len(arrows) == 5, arrows  # user, gateway, function, then three from the function
    navigation = re.findall(r'<a href="([^"]+)" class="md-nav__link', worked_example.page())
    assert navigation.index("a-request/") < navigation.index("glossary/"), "the glossary is no longer last"
    linkcheck = run_script("linkcheck", "site", cwd=worked_example.root)
    assert linkcheck.returncode == 0, linkcheck.stderr


def test_a_page_added_by_the_guide_alone_passes_every_content_check(worked_example: Project) -> None:
    """The checks test_content.py runs on the site, on every page of the copy: the new page, and the pages
    around it (the home page's "Where next", the previous and next links, the nav)."""
    check_site(worked_example)
    nav = Nav.of(worked_example.root)
    assert EXAMPLE_PAGE in nav.explainers, "the guide puts the page among the explainers, above the glossary"
    assert ends_with_check_yourself in page_checks(nav, EXAMPLE_PAGE)
    facts = run_script("facts", "--docs", str(worked_example.root / "docs"))
    assert facts.returncode == 0, facts.stderr  # its footnote names a link and the day it was checked


# The checklist's items, each left out of a copy of the example page: the check that must then fail.
LEFT_OUT = {
    "description": (r"\A---\n.*?^---\n\n", starts_with_a_description_and_one_title),
    "check-yourself": (r"^## Check yourself .*?(?=^## )", ends_with_check_yourself),
    "sources": (r"^## Sources and further reading .*?(?=^\[\^)", ends_with_its_sources),
    "where-next": (r"(?!)", is_linked_from_where_next),  # the page is whole; its line in docs/index.md is left out
}


@pytest.fixture(scope="module")
def incomplete_pages(built: Project, tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A copy of the site with the worked example and, beside it, one copy of its page per item of `LEFT_OUT`,
    each added as the guide says but without that item; built once for all of them."""
    project = warm_copy(tmp_path_factory.mktemp("incomplete"), built)
    build_the_worked_example(project)
    files = guide_files()
    for item, (pattern, _) in LEFT_OUT.items():
        name = f"without-{item}.md"
        text = re.sub(pattern, "", files[f"docs/{EXAMPLE_PAGE}"], count=1, flags=re.MULTILINE | re.DOTALL)
        assert item == "where-next" or text != files[f"docs/{EXAMPLE_PAGE}"], f"the example page has no {item}"
        (project.root / "docs" / name).write_text(text, encoding="utf-8")
        add_above_the_glossary(project, "mkdocs.yml", f"      - Without {item}: {name}\n")
        if item != "where-next":
            add_above_the_glossary(project, "docs/index.md", f"    - [Without {item}]({name}): a page.\n")
    project.build()
    return project


@pytest.mark.parametrize("item", LEFT_OUT)
def test_a_page_without_an_item_of_the_checklist_fails_its_check_and_only_that(
    incomplete_pages: Project, item: str
) -> None:
    markdown = f"without-{item}.md"
    failed = {}
    for check in page_checks(Nav.of(incomplete_pages.root), markdown):
        try:
            check(incomplete_pages, markdown)
        except AssertionError as error:
            failed[check] = str(error)
    _, expected = LEFT_OUT[item]
    assert list(failed) == [expected], failed
    assert re.match(rf"docs/({re.escape(markdown)}|index\.md:\d+)\b", failed[expected]), failed[expected]


def test_the_worked_examples_pass_the_checks(tmp_path: Path) -> None:
    files = guide_files()
    for path in EXAMPLE_FILES:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(files[path], encoding="utf-8")
    for config in ("pyproject.toml", ".pymarkdown.yml", ".codespellrc", ".codespell-words.txt"):
        shutil.copy(ROOT / config, tmp_path / config)
    for command in (
        ["ruff", "check", "diagrams"],
        ["ruff", "format", "--check", "diagrams"],
        ["pymarkdown", "scan", "docs"],
        ["codespell", "docs", "diagrams"],
    ):
        result = subprocess.run([str(BIN / command[0]), *command[1:]], cwd=tmp_path, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_a_scaffolded_diagram_builds_as_it_is(warm_project: Project) -> None:
    result = new_diagram(warm_project, "my-new-diagram")
    assert result.returncode == 0, result.stderr
    assert "{diagram: my-new-diagram}" in result.stdout  # it says how to place the diagram
    (warm_project.root / "docs" / "new.md").write_text("# New\n\n{diagram: my-new-diagram}\n", encoding="utf-8")
    add_to_nav(warm_project, "      - New: new.md\n")  # a page missing from the nav stops a strict build
    warm_project.build()
    page = warm_project.page("new/index.html")
    assert 'id="diagram-my-new-diagram-figure"' in page
    assert "<figcaption>My new diagram: " in page
    scaffold = warm_project.root / "diagrams" / "my-new-diagram.py"
    for command in (["ruff", "check"], ["ruff", "format", "--check"]):
        lint = subprocess.run(
            [str(BIN / command[0]), *command[1:], "--config", str(ROOT / "pyproject.toml"), str(scaffold)],
            capture_output=True,
            text=True,
        )
        assert lint.returncode == 0, lint.stdout


@pytest.mark.parametrize(
    ("name", "message"),
    [("Request_Path", "is not a diagram name"), ("value-stack", "already exists")],
)
def test_new_diagram_refuses_a_bad_name_or_an_existing_file(project: Project, name: str, message: str) -> None:
    before = sorted(p.name for p in (project.root / "diagrams").iterdir())
    result = new_diagram(project, name)
    assert result.returncode != 0
    assert message in result.stderr
    assert sorted(p.name for p in (project.root / "diagrams").iterdir()) == before


def test_make_diagram_without_a_name_says_how_to_call_it() -> None:
    result = subprocess.run(["make", "-o", ".venv/.installed", "diagram"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    assert "usage: make diagram NAME=my-diagram" in result.stderr


def test_every_make_command_the_guide_names_exists() -> None:
    targets = set(re.findall(r"^([\w-]+):", (ROOT / "Makefile").read_text(encoding="utf-8"), flags=re.MULTILINE))
    named = set(re.findall(r"\bmake ([\w-]+)", GUIDE.read_text(encoding="utf-8")))
    assert named, "the guide names no make command"
    assert named <= targets


def test_every_file_the_guide_names_exists() -> None:
    named = re.findall(r"`((?:scripts/|tests/|\.(?!venv))[\w./-]+)`", GUIDE.read_text(encoding="utf-8"))
    assert len(named) > 5
    for path in named:
        assert (ROOT / path).exists(), path


def test_the_readme_points_to_the_guide() -> None:
    assert "(CONTRIBUTING.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
