"""The project's own configuration of its checks and installs stays consistent.

The tools themselves (ruff, mypy, pymarkdown, codespell, zizmor) are not tested here: `make lint`
runs them on every file. What is tested is what this project adds: that pre-commit and `make lint`
run the same checks on the same files, that every installed package is pinned, that the lowest
versions CI tests are the ones pyproject.toml declares, and that scripts/check_workflows.py names
the line of a mistake in a workflow.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import tomllib
from importlib.metadata import distributions
from pathlib import Path
from typing import Any

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from scripts.shared.project import ROOT

from helpers import BIN

PYPROJECT: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
# The installers a virtual environment starts with; pip's own pin is there, but an older venv may still hold another.
INSTALLERS = {"pip", "setuptools", "wheel", "drawn-figures"}


def pins(name: str) -> dict[str, tuple[str, int]]:
    """The `package==version` lines of a constraints file: each name, canonical, with its version and line."""
    found = {}
    for number, line in enumerate((ROOT / name).read_text("utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            package, _, version = line.partition("==")
            found[canonicalize_name(package)] = (version.strip(), number)
    return found


def tool_of(command: str) -> str:
    """The check a command line runs: `ruff check`, `pymarkdown`, `scripts.check_workflows`, ..."""
    words = shlex.split(command)
    name = Path(words[0]).name
    if name == "python":
        return words[2] if words[1] == "-m" else Path(words[1]).name
    return f"{name} {words[1]}" if name == "ruff" else name


def make_lint() -> dict[str, str]:
    """The command lines `make lint` would run, by check, without running them."""
    result = subprocess.run(
        ["make", "-n", "-o", ".venv/.installed-lint", "lint"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return {tool_of(line): line for line in result.stdout.splitlines() if line.startswith(".venv/bin/")}


def hooks() -> dict[str, dict[str, Any]]:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    return {tool_of(hook["entry"]): hook for repo in config["repos"] for hook in repo["hooks"]}


def test_pre_commit_runs_the_same_checks_as_make_lint() -> None:
    assert sorted(hooks()) == sorted(make_lint()), "edit .pre-commit-config.yaml or the lint target of the Makefile"
    assert all(hook["language"] == "unsupported" for hook in hooks().values()), "a hook that pre-commit must download"
    result = subprocess.run([str(BIN / "pre-commit"), "validate-config", ".pre-commit-config.yaml"], cwd=ROOT)
    assert result.returncode == 0


def tracked_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True)
    return listed.stdout.splitlines()


def hook_files(hook: dict[str, Any]) -> set[str]:
    """The tracked files pre-commit hands the hook when each of them changes."""
    exclude = re.compile(hook.get("exclude", "^$"))
    return {f for f in tracked_files() if re.search(hook["files"], f) and not exclude.search(f)}


def make_lint_files(check: str) -> set[str]:
    """The tracked files `make lint` gives the check: pymarkdown says which; codespell reads every file below."""
    command = shlex.split(make_lint()[check])
    if check == "pymarkdown":
        listed = subprocess.run([*command, "--list-files"], cwd=ROOT, capture_output=True, text=True, check=True)
        return {str(Path(line).relative_to(ROOT)) for line in listed.stdout.splitlines()}
    paths = [word for word in command[1:] if not word.startswith("-")]
    return {f for f in tracked_files() if any(f == path or f.startswith(f"{path}/") for path in paths)}


@pytest.mark.parametrize("check", ["pymarkdown", "codespell"])
def test_pre_commit_and_make_lint_check_the_same_files(check: str) -> None:
    in_hook, in_make = hook_files(hooks()[check]), make_lint_files(check)
    assert in_hook - in_make == set(), f"add these to the {check} line of the Makefile's lint target"
    assert in_make - in_hook == set(), f"add these to the `files:` of the {check} hook in .pre-commit-config.yaml"


def test_every_installed_package_is_pinned_in_constraints_txt() -> None:
    """A package that came in unpinned (a new tool in a group, or a new dependency of one) names its line to add."""
    pinned = pins("constraints.txt")
    unpinned = sorted(
        f"{name}=={dist.version}"
        for dist in distributions()
        if (name := canonicalize_name(dist.metadata["Name"])) not in INSTALLERS
        and pinned.get(name, ("",))[0] != dist.version
    )
    assert unpinned == [], "constraints.txt: pin these (or make the environment again with make):\n" + "\n".join(
        unpinned
    )


def declared() -> list[Requirement]:
    project = PYPROJECT["project"]
    extras = [line for lines in project.get("optional-dependencies", {}).values() for line in lines]
    return [Requirement(line) for line in [*project["dependencies"], *extras]]


def test_every_requirement_of_the_package_and_its_groups_is_pinned() -> None:
    groups = [line for lines in PYPROJECT["dependency-groups"].values() for line in lines if isinstance(line, str)]
    pinned = pins("constraints.txt")
    for requirement in [*declared(), *map(Requirement, groups)]:
        name = canonicalize_name(requirement.name)
        assert name in pinned, f"constraints.txt: add {requirement.name}==VERSION (pyproject.toml requires it)"
        assert requirement.specifier.contains(pinned[name][0]), (
            f"constraints.txt:{pinned[name][1]}: {name}=={pinned[name][0]} is outside pyproject.toml's {requirement}"
        )


def test_the_lowest_versions_ci_tests_are_the_lower_bounds_pyproject_declares() -> None:
    lowest = pins("constraints-lowest.txt")
    bounds = {}
    for requirement in declared():
        (bound,) = [spec.version for spec in requirement.specifier if spec.operator == ">="]
        bounds[canonicalize_name(requirement.name)] = bound
    for name, bound in bounds.items():
        version, line = lowest.get(name, ("missing", 0))
        assert version == bound, f"constraints-lowest.txt:{line}: write {name}=={bound}, the bound in pyproject.toml"
    assert sorted(lowest) == sorted(bounds), "constraints-lowest.txt: keep only the package's own dependencies"


def test_every_action_is_pinned_to_a_commit_with_its_version_beside_it() -> None:
    for workflow in (ROOT / ".github" / "workflows").glob("*.yml"):
        for uses in re.findall(r"uses: (\S+.*)", workflow.read_text("utf-8")):
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}  # v\d+\.\d+\.\d+", uses), f"{workflow.name}: {uses}"


# scripts/check_workflows.py: check-jsonschema names a mistake by its path in the document, the script by its line.


def check_workflows(*paths: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}  # where `python -m scripts.NAME` finds scripts/
    command = [str(BIN / "python"), "-m", "scripts.check_workflows", *paths]
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=environment)
    result.stdout += result.stderr
    return result


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_workflow_schema_check_names_the_file_and_line_of_an_unknown_key(tmp_path: Path) -> None:
    text = (ROOT / ".github/workflows/ci.yml").read_text("utf-8").replace("timeout-minutes:", "timeout-minuets:", 1)
    workflow = write(tmp_path / ".github/workflows/ci.yml", text)
    result = check_workflows(cwd=tmp_path)
    assert result.returncode != 0
    line = next(n for n, text in enumerate(workflow.read_text("utf-8").splitlines(), 1) if "timeout-minuets" in text)
    assert f".github/workflows/ci.yml:{line}: " in result.stdout, result.stdout
    assert "'timeout-minuets' was unexpected" in result.stdout


def test_the_workflow_schema_check_names_the_line_of_a_yaml_error(tmp_path: Path) -> None:
    write(tmp_path / ".github/workflows/ci.yml", "name: CI\non: [push\njobs: {}\n")
    result = check_workflows(".github/workflows/ci.yml", cwd=tmp_path)
    assert result.returncode != 0
    assert ".github/workflows/ci.yml:3: not valid YAML" in result.stdout, result.stdout
