"""The package as a stranger gets it: a wheel, installed in a fresh environment, used by its README alone.

The environment has the wheel and its dependencies (at the repository's pins, from the package index
pip uses here), and none of this repository's files: no editable install, no docs/, no diagrams/, no
stylesheet. The site it builds is the one the package README teaches: its `mkdocs.yml`, its diagram
file and its page are taken from the README's code blocks titled with a path, so that a README whose
example no longer builds fails here. `mkdocs build --strict` must make a page whose figure is drawn,
styled by the package's own stylesheet, and self-contained.

It needs the network and about a minute, so it runs on a schedule (`pytest -m scheduled`).
"""

from __future__ import annotations

import ast
import html
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from scripts.shared.project import FIGURE, ROOT, mkdocs_environment

from site_checks import check_self_contained

pytestmark = pytest.mark.scheduled

README = ROOT / "src" / "drawn_figures" / "README.md"
# A fenced code block titled with the path of the file it shows: ```yaml title="mkdocs.yml"
TITLED_BLOCK = re.compile(r'^```\w+ title="(?P<path>[^"]+)"\n(?P<text>.*?)^```$', re.MULTILINE | re.DOTALL)
PLACEHOLDER = re.compile(r"^\{diagram: (?P<name>[a-z0-9-]+)\}$", re.MULTILINE)
STYLESHEET = "assets/drawn-figures.css"
# The pins: constraints.txt, which replaces requirements.txt.
PINS = next(path for path in (ROOT / "constraints.txt", ROOT / "requirements.txt") if path.exists())


@dataclass(frozen=True)
class Installed:
    wheel: Path
    python: Path
    build: subprocess.CompletedProcess[str]
    site: Path  # the README's site, beside its mkdocs.yml
    work: Path  # the folder all of it is in


def readme_files() -> dict[str, str]:
    """The files the package README shows in code blocks titled with their path: path → text."""
    return {found["path"]: found["text"] for found in TITLED_BLOCK.finditer(README.read_text(encoding="utf-8"))}


def environment() -> dict[str, str]:
    """MkDocs' environment, without a PYTHONPATH that could lead Python to this repository's files."""
    return {name: value for name, value in mkdocs_environment().items() if name != "PYTHONPATH"}


def started(*command: str | Path, cwd: Path) -> subprocess.Popen[str]:
    """`command`, started in `cwd`, away from this repository, whose files Python would otherwise find."""
    parts = [str(part) for part in command]
    return subprocess.Popen(
        parts, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment()
    )


def finished(process: subprocess.Popen[str]) -> subprocess.CompletedProcess[str]:
    stdout, stderr = process.communicate()
    assert process.returncode == 0, f"{process.args!r} failed:\n{stdout}\n{stderr}"
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return finished(started(*command, cwd=cwd))


def dependencies() -> list[str]:
    """What the package needs, with the plugin's extra, as pyproject.toml says."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [*project["dependencies"], *project["optional-dependencies"]["mkdocs"]]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"  # the package's files alone: the build leaves its build/ folder there, not here
    source.mkdir()
    for name in ("pyproject.toml", "LICENSE"):
        shutil.copy(ROOT / name, source)
    shutil.copytree(
        ROOT / "src" / "drawn_figures", source / "src" / "drawn_figures", ignore=shutil.ignore_patterns("__pycache__")
    )
    pip: list[str | Path] = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    building = started(*pip, "wheel", "--no-deps", source, "--wheel-dir", work / "wheels", cwd=work)
    # Meanwhile, a venv without pip of its own (this environment's pip installs into it: quicker), and the
    # dependencies at the repository's pins; `pip check` then says whether they meet the wheel's own.
    run(sys.executable, "-m", "venv", "--without-pip", work / "venv", cwd=work)
    python = work / "venv" / "bin" / "python"
    into: list[str | Path] = [*pip, "--python", python]
    run(*into, "install", "--no-compile", "--constraint", PINS, *dependencies(), cwd=work)
    finished(building)
    (wheel,) = (work / "wheels").glob("drawn_figures-*.whl")
    run(*into, "install", "--no-compile", "--no-deps", wheel, cwd=work)
    run(*into, "check", cwd=work)
    site = work / "site"
    for path, text in readme_files().items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
    build = run(python.parent / "mkdocs", "build", "--strict", cwd=site)
    return Installed(wheel, python, build, site, work)


def test_the_readme_shows_a_whole_site_a_configuration_a_diagram_file_and_a_page() -> None:
    files = readme_files()
    assert "mkdocs.yml" in files, f"{README.name} has no block titled mkdocs.yml"
    assert len(files["mkdocs.yml"].splitlines()) == 3, files["mkdocs.yml"]
    diagrams = [path for path in files if path.startswith("diagrams/") and path.endswith(".py")]
    pages = [path for path in files if path.startswith("docs/") and path.endswith(".md")]
    assert len(diagrams) == 1, files.keys()
    assert len(pages) == 1, files.keys()
    (placed,) = PLACEHOLDER.findall(files[pages[0]])
    assert diagrams == [f"diagrams/{placed}.py"]


def test_the_wheel_is_typed_and_carries_its_stylesheet_licence_and_readme(installed: Installed) -> None:
    wheel = zipfile.ZipFile(installed.wheel)
    names = set(wheel.namelist())
    assert {"drawn_figures/py.typed", "drawn_figures/figures.css"} <= names, names
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names), names
    (metadata,) = (name for name in names if name.endswith(".dist-info/METADATA"))
    text = wheel.read(metadata).decode("utf-8")
    assert "License-Expression: MIT" in text
    assert "Description-Content-Type: text/markdown" in text
    assert README.read_text(encoding="utf-8").strip() in text, "the long description is not the package README"


def test_the_package_comes_from_the_wheel_not_from_this_repository(installed: Installed) -> None:
    where = run(
        installed.python, "-c", "import drawn_figures; print(drawn_figures.__file__)", cwd=installed.work
    ).stdout
    assert Path(where.strip()).is_relative_to(installed.python.parents[1]), where
    assert str(ROOT) not in where


def test_the_readmes_site_draws_its_figure_self_contained(installed: Installed) -> None:
    files = readme_files()
    (diagram,) = (path for path in files if path.startswith("diagrams/"))
    name = Path(diagram).stem
    values = {
        target.id: ast.literal_eval(node.value)
        for node in ast.parse(files[diagram]).body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name) and target.id.isupper()
    }
    assert "drawn_figures: 1 diagram(s) drawn, 0 from the cache" in installed.build.stderr, installed.build.stderr
    page = (installed.site / "site" / "index.html").read_text(encoding="utf-8")
    figures = [found[0] for found in FIGURE.finditer(page)]
    assert len(figures) == 1, figures
    assert f'id="diagram-{name}-figure"' in figures[0]
    assert f"<figcaption>{html.escape(values['CAPTION'])}</figcaption>" in figures[0]
    assert f'<title id="diagram-{name}-title">{html.escape(values["ALT"])}</title>' in figures[0]
    if "TABLE" in values:
        assert '<table class="diagram-data">' in figures[0]
    if "DESCRIPTION" in values:
        assert "Describe this diagram" in figures[0]
    check_self_contained(figures[0], "the package README's page")


def test_the_plugin_links_and_ships_the_packages_own_stylesheet(installed: Installed) -> None:
    built = installed.site / "site"
    page = (built / "index.html").read_text(encoding="utf-8")
    assert re.search(rf'<link [^>]*href="{STYLESHEET}"', page), "the page does not link the package's stylesheet"
    program = "from drawn_figures.stylesheet import stylesheet; print(stylesheet(), end='')"
    shipped = run(installed.python, "-c", program, cwd=installed.work).stdout
    served = (built / STYLESHEET).read_text(encoding="utf-8")
    assert served == shipped
    assert '--drawn-figures-font: "DejaVu Sans", Verdana, sans-serif;' in served
    assert ".diagram svg {" in served
