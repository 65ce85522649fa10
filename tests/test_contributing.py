"""CONTRIBUTING.md tells the truth: its worked example builds, and what it names exists.

The worked example is taken from the guide itself (its code blocks titled with
a file name), applied to a copy of the project the way the guide says, and
built for real; so is a diagram scaffolded by scripts/new_diagram.py.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import BIN, Project
from sources import ROOT

GUIDE = ROOT / "CONTRIBUTING.md"
TITLED_BLOCK = re.compile(r'^```\w+ title="(?P<path>[^"]+)"\n(?P<text>.*?)^```$', re.MULTILINE | re.DOTALL)
NEW_DIAGRAM = ROOT / "scripts" / "new_diagram.py"


def guide_files() -> dict[str, str]:
    """The files of the worked example, by path, as the guide shows them."""
    return {match["path"]: match["text"] for match in TITLED_BLOCK.finditer(GUIDE.read_text(encoding="utf-8"))}


def new_diagram(project: Project, name: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "python"), str(NEW_DIAGRAM), name, "--folder", str(project.root / "diagrams")],
        capture_output=True,
        text=True,
    )


def add_to_nav(project: Project, lines: str) -> None:
    """Add `lines` at the end of the `nav:` list of the copy's mkdocs.yml, as the guide says to."""
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(lines, "")  # as before the guide's first step
    nav = re.search(r"^nav:\n(?:[ \t]+-.*\n)+", text, flags=re.MULTILINE)
    assert nav, "mkdocs.yml has no nav: list"
    config.write_text(text[: nav.end()] + lines + text[nav.end() :], encoding="utf-8")


def test_the_guide_holds_a_complete_example() -> None:
    assert set(guide_files()) == {"diagrams/request-path.py", "docs/a-request.md", "mkdocs.yml"}


def test_the_worked_example_builds_into_a_page_with_its_figure(project: Project) -> None:
    files = guide_files()
    for path in ("diagrams/request-path.py", "docs/a-request.md"):  # as before the guide's first step
        (project.root / path).unlink(missing_ok=True)
    assert new_diagram(project, "request-path").returncode == 0  # "First make diagram NAME=request-path"
    for path in ("diagrams/request-path.py", "docs/a-request.md"):
        (project.root / path).write_text(files[path], encoding="utf-8")
    add_to_nav(project, files["mkdocs.yml"])
    project.build()
    page = project.page("a-request/index.html")
    assert 'id="diagram-request-path-figure"' in page
    assert "<figcaption>A request passes through an API gateway to a function" in page
    assert "<summary>Describe this diagram<" in page
    assert "<title" in page.split('id="diagram-request-path-figure"')[1]
    assert 'href="a-request/"' in project.page()  # in the navigation of the home page
    linkcheck = subprocess.run(
        [str(BIN / "python"), str(ROOT / "scripts" / "linkcheck.py"), "site"], cwd=project.root, capture_output=True
    )
    assert linkcheck.returncode == 0, linkcheck.stderr


def test_the_worked_example_passes_the_checks(tmp_path: Path) -> None:
    files = guide_files()
    for path in ("diagrams/request-path.py", "docs/a-request.md"):
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


def test_a_scaffolded_diagram_builds_as_it_is(project: Project) -> None:
    result = new_diagram(project, "my-new-diagram")
    assert result.returncode == 0, result.stderr
    assert "{diagram: my-new-diagram}" in result.stdout  # it says how to place the diagram
    (project.root / "docs" / "new.md").write_text("# New\n\n{diagram: my-new-diagram}\n", encoding="utf-8")
    project.build()
    page = project.page("new/index.html")
    assert 'id="diagram-my-new-diagram-figure"' in page
    assert "<figcaption>My new diagram: " in page
    scaffold = project.root / "diagrams" / "my-new-diagram.py"
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
