"""The checks of `make lint`: each one fails on a seeded mistake, naming the file and the line.

Each test copies the check's configuration into a temporary folder, seeds one
mistake there, and runs the tool as `make lint` runs it; the real tree is never
touched. The last tests keep `make lint`, pre-commit and these tests in step.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from scripts.shared.project import ROOT

from helpers import BIN

# What `make lint` runs, as the tests run it: the tool and its sub-command, without the files to check.
LINT_COMMANDS = {
    "ruff check": [str(BIN / "ruff"), "check"],
    "ruff format": [str(BIN / "ruff"), "format", "--check"],
    "mypy": [str(BIN / "mypy")],
    "pymarkdown": [str(BIN / "pymarkdown"), "scan"],
    "codespell": [str(BIN / "codespell")],
    "scripts.check_workflows": [str(BIN / "python"), "-m", "scripts.check_workflows"],
    "zizmor": [str(BIN / "zizmor"), "--offline", "--quiet"],
}
MISSPELT_PAGE = "# A page\n\nServerless is\nusualy cheaper.\n"
CONFIG_FILES = ("pyproject.toml", ".pymarkdown.yml", ".codespellrc", ".codespell-words.txt")


def run(check: str, *paths: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}  # where `python -m scripts.NAME` finds scripts/
    result = subprocess.run([*LINT_COMMANDS[check], *paths], cwd=cwd, capture_output=True, text=True, env=environment)
    result.stdout += result.stderr  # the tools disagree on where findings go; the tests read both
    return result


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An empty project folder with the checks' configuration, as at the root of the repository."""
    for name in CONFIG_FILES:
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# One mistake for each check: the check, the file it is seeded in and its text, the folder the check is given,
# and what its report must say (the file and line first).
SEEDED_MISTAKES = {
    "ruff check": (
        "scripts/tool.py",
        '"""A tool."""\n\nfrom __future__ import annotations\n\nimport os\n',
        ".",
        [r"scripts/tool\.py:5:8\b", r"F401"],  # `os` imported but unused
    ),
    "ruff format": (
        "tool.py",
        '"""A tool."""\n\nfrom __future__ import annotations\n\nx = { "a":1 }\n',
        ".",
        [r"tool\.py:5:\d+"],
    ),
    "pymarkdown": (
        "docs/page.md",
        "# A page\n\nSome text.\n\n### Too deep\n\nMore text.\n",
        "docs",
        [r"docs/page\.md:5:1: MD001"],  # a skipped heading level
    ),
    "codespell": ("docs/page.md", MISSPELT_PAGE, "docs", [r"docs/page\.md:4: usualy ==> usually"]),
}


@pytest.mark.parametrize("check", SEEDED_MISTAKES)
def test_each_check_names_the_file_and_line_of_a_seeded_mistake(folder: Path, check: str) -> None:
    path, text, where, expected = SEEDED_MISTAKES[check]
    write(folder / path, text)
    result = run(check, where, cwd=folder)
    assert result.returncode != 0
    for pattern in expected:
        assert re.search(pattern, result.stdout), result.stdout


def test_mypy_names_the_file_and_line_of_a_type_error_in_the_package_and_in_the_scripts(folder: Path) -> None:
    for package in ("drawn_figures", "scripts"):
        write(folder / package / "__init__.py", '"""A package."""\n\nCOUNT: int = "two"\n')
    result = run("mypy", cwd=folder)
    assert result.returncode != 0
    for package in ("drawn_figures", "scripts"):
        assert re.search(rf"{package}/__init__\.py:3: error: Incompatible types", result.stdout), result.stdout


def test_pymarkdown_accepts_this_sites_pages(folder: Path) -> None:
    """Front matter, one-line paragraphs and question headings are the house style, not mistakes."""
    page = (
        "---\ndescription: A page.\n---\n\n# Is it a page?\n\n" + "A paragraph on one line, " * 10 + "end.\n\n"
        "{diagram: value-stack}\n"
    )
    write(folder / "docs" / "page.md", page)
    result = run("pymarkdown", "docs", cwd=folder)
    assert result.returncode == 0, result.stdout


def test_a_word_in_the_project_word_list_is_accepted(folder: Path) -> None:
    write(folder / "docs" / "page.md", MISSPELT_PAGE)
    (folder / ".codespell-words.txt").write_text("usualy\n", encoding="utf-8")
    assert run("codespell", "docs", cwd=folder).returncode == 0


def workflow_copy(folder: Path) -> Path:
    return write(
        folder / ".github" / "workflows" / "ci.yml", (ROOT / ".github" / "workflows" / "ci.yml").read_text("utf-8")
    )


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if text in line)


def test_the_workflow_schema_check_names_the_file_and_line_of_an_unknown_key(folder: Path) -> None:
    workflow = workflow_copy(folder)
    text = workflow.read_text("utf-8").replace("    timeout-minutes:", "    timeout-minuets:", 1)
    workflow.write_text(text, encoding="utf-8")
    result = run("scripts.check_workflows", cwd=folder)
    assert result.returncode != 0
    expected = f".github/workflows/ci.yml:{line_of(workflow, 'timeout-minuets')}: "
    assert expected in result.stdout, result.stdout
    assert "'timeout-minuets' was unexpected" in result.stdout


def test_the_workflow_schema_check_names_the_line_of_a_yaml_error(folder: Path) -> None:
    workflow = write(folder / ".github" / "workflows" / "ci.yml", "name: CI\non: [push\njobs: {}\n")
    result = run("scripts.check_workflows", str(workflow.relative_to(folder)), cwd=folder)
    assert result.returncode != 0
    assert ".github/workflows/ci.yml:3: not valid YAML" in result.stdout, result.stdout


def test_the_workflow_audit_names_the_file_and_line_of_a_template_injection(folder: Path) -> None:
    workflow = workflow_copy(folder)
    text = workflow.read_text("utf-8").replace(
        "        run: make test\n", '        run: make test TITLE="${{ github.event.pull_request.title }}"\n', 1
    )
    workflow.write_text(text, encoding="utf-8")
    result = run("zizmor", ".github/workflows", cwd=folder)
    assert result.returncode != 0
    assert "template-injection" in result.stdout
    assert f".github/workflows/ci.yml:{line_of(workflow, 'pull_request.title')}:" in result.stdout, result.stdout


def test_the_workflow_audit_rejects_an_action_not_pinned_to_a_commit(folder: Path) -> None:
    workflow = workflow_copy(folder)
    text = re.sub(r"actions/checkout@[0-9a-f]{40}", "actions/checkout@v5", workflow.read_text("utf-8"))
    workflow.write_text(text, encoding="utf-8")
    result = run("zizmor", ".github/workflows", cwd=folder)
    assert result.returncode != 0
    assert "unpinned-uses" in result.stdout
    assert f".github/workflows/ci.yml:{line_of(workflow, 'actions/checkout@v5')}:" in result.stdout, result.stdout


def test_every_action_is_pinned_to_a_commit_with_its_version_beside_it() -> None:
    for workflow in (ROOT / ".github" / "workflows").glob("*.yml"):
        for uses in re.findall(r"uses: (\S+.*)", workflow.read_text("utf-8")):
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}  # v\d+\.\d+\.\d+", uses), f"{workflow.name}: {uses}"


def tool_of(command: str) -> str:
    """The check a command line runs: `ruff check`, `pymarkdown`, `scripts.check_workflows`, ..."""
    words = shlex.split(command)
    name = Path(words[0]).name
    if name == "python":
        return words[2] if words[1] == "-m" else Path(words[1]).name
    return f"{name} {words[1]}" if name == "ruff" else name


def make_lint_tools() -> list[str]:
    """The checks `make lint` would run, without running them."""
    result = subprocess.run(["make", "-n", "-o", ".venv/.installed", "lint"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return [tool_of(line) for line in result.stdout.splitlines() if line.startswith(".venv/bin/")]


def test_make_lint_runs_every_check_these_tests_seed_and_no_other() -> None:
    assert sorted(make_lint_tools()) == sorted(LINT_COMMANDS)


def test_pre_commit_runs_the_same_checks_as_make_lint() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert sorted(tool_of(hook["entry"]) for hook in hooks) == sorted(make_lint_tools())
    assert all(hook["language"] == "unsupported" for hook in hooks), "a hook that pre-commit must download"
    result = subprocess.run([str(BIN / "pre-commit"), "validate-config", ".pre-commit-config.yaml"], cwd=ROOT)
    assert result.returncode == 0
