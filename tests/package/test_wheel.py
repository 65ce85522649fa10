"""The package as another site gets it: a wheel built from this repository, installed in a fresh environment.

The environment has the wheel and its dependencies (at requirements.txt's pins, from the package index
pip uses here), and none of this site's files: no editable install, no docs/, no diagrams/, no
stylesheet. In it, the minimal site in tests/data/second-site/ (MkDocs' own theme, one page, one
diagram) must build with `mkdocs build --strict` into a page whose figure is drawn, styled by the
package's own stylesheet, and self-contained.
"""

from __future__ import annotations

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

SECOND_SITE = ROOT / "tests" / "data" / "second-site"
STYLESHEET = "assets/drawn-figures.css"


@dataclass(frozen=True)
class Installed:
    wheel: Path
    python: Path
    build: subprocess.CompletedProcess[str]
    site: Path
    work: Path  # the folder all of it is in


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
    assert process.returncode == 0, f"{process.args} failed:\n{stdout}\n{stderr}"
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
    shutil.copy(ROOT / "pyproject.toml", source)
    shutil.copytree(ROOT / "drawn_figures", source / "drawn_figures", ignore=shutil.ignore_patterns("__pycache__"))
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    building = started(*pip, "wheel", "--no-deps", source, "--wheel-dir", work / "wheels", cwd=work)
    # Meanwhile, a venv without pip of its own (this environment's pip installs into it: quicker), and the
    # dependencies at requirements.txt's pins; `pip check` then says whether they meet the wheel's own.
    run(sys.executable, "-m", "venv", "--without-pip", work / "venv", cwd=work)
    python = work / "venv" / "bin" / "python"
    into = [*pip, "--python", python]
    run(*into, "install", "--no-compile", "--constraint", ROOT / "requirements.txt", *dependencies(), cwd=work)
    finished(building)
    (wheel,) = (work / "wheels").glob("drawn_figures-*.whl")
    run(*into, "install", "--no-compile", "--no-deps", wheel, cwd=work)
    run(*into, "check", cwd=work)
    site = work / "second-site"
    shutil.copytree(SECOND_SITE, site)
    build = run(python.parent / "mkdocs", "build", "--strict", cwd=site)
    return Installed(wheel, python, build, site / "site", work)


def test_the_wheel_is_typed_and_carries_its_stylesheet(installed: Installed) -> None:
    names = zipfile.ZipFile(installed.wheel).namelist()
    assert {"drawn_figures/py.typed", "drawn_figures/figures.css"} <= set(names), names


def test_the_package_comes_from_the_wheel_not_from_this_repository(installed: Installed) -> None:
    where = run(
        installed.python, "-c", "import drawn_figures; print(drawn_figures.__file__)", cwd=installed.work
    ).stdout
    assert Path(where.strip()).is_relative_to(installed.python.parents[1]), where
    assert str(ROOT) not in where


def test_the_second_site_draws_its_figure_self_contained(installed: Installed) -> None:
    assert "drawn_figures: 1 diagram(s) drawn, 0 from the cache" in installed.build.stderr, installed.build.stderr
    figures = [found[0] for found in FIGURE.finditer((installed.site / "index.html").read_text(encoding="utf-8"))]
    assert len(figures) == 1, figures
    assert 'id="diagram-one-server-figure"' in figures[0]
    assert "<figcaption>One server answers every request.</figcaption>" in figures[0]
    check_self_contained(figures[0], "the second site's page")


def test_the_plugin_links_and_ships_the_packages_own_stylesheet(installed: Installed) -> None:
    page = (installed.site / "index.html").read_text(encoding="utf-8")
    assert re.search(rf'<link [^>]*href="{STYLESHEET}"', page), "the page does not link the package's stylesheet"
    program = "from drawn_figures.stylesheet import stylesheet; print(stylesheet(), end='')"
    shipped = run(installed.python, "-c", program, cwd=installed.work).stdout
    served = (installed.site / STYLESHEET).read_text(encoding="utf-8")
    assert served == shipped
    assert '--drawn-figures-font: "DejaVu Sans", Verdana, sans-serif;' in served
    assert ".diagram svg {" in served
