"""CONTRIBUTING.md tells the truth: its worked example builds, and what it names exists.

The worked example is taken from the guide itself (its code blocks titled with
a file name), applied to a copy of the project the way the guide says, and
built for real; so is a diagram scaffolded by `python -m scripts.new_diagram`.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from scripts.shared.project import ROOT

from helpers import BIN, Project, run_script

def test_the_guide_holds_two_complete_examples() -> None:
    assert set(guide_files()) == {*EXAMPLE_FILES, "mkdocs.yml"}


def test_the_examples_use_only_the_house_building_blocks() -> None:
    for path in EXAMPLE_FILES[:2]:
        code = guide_files()[path]
        assert "from _style import" in code
        for graphviz_markup in ("<TABLE", "<TD", "<IMG", "fillcolor", "fontsize", "Diagram("):
            assert graphviz_markup not in code, f"{path}: {graphviz_markup}"


def test_the_worked_examples_build_into_a_page_with_their_figures(warm_project: Project) -> None:
    page = build_the_worked_example(warm_project)
    for name in EXAMPLE_DIAGRAMS:
        assert f'id="diagram-{name}-figure"' in page
        assert "<title" in page.split(f'id="diagram-{name}-figure"')[1]
    assert "<figcaption>A request passes through an API gateway to a function" in page
    assert page.count("<summary>Describe this diagram<") == len(EXAMPLE_DIAGRAMS)
    assert 'href="a-request/"' in warm_project.page()  # in the navigation of the home page
    navigation = re.findall(r'<a href="([^"]+)" class="md-nav__link', warm_project.page())
    assert navigation.index("a-request/") < navigation.index("glossary/"), "the glossary is no longer last"
    linkcheck = run_script("linkcheck", "site", cwd=warm_project.root)
    assert linkcheck.returncode == 0, linkcheck.stderr


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
