"""Every mistake a contributor or a machine can make ends in a clear message and a failed build.

What the extension says for each mistake is checked in-process, against the package README's table, in
tests/package (test_error_table, test_extension, test_draw, test_cache). Here, one real build for each
boundary the plugin owns: a mistake in a page (MkDocs names the page; the line counts the front matter),
a mistake in a diagram file, a figure too small to read (a warning, which `--strict` turns into a failure),
a machine without Graphviz, and builds that are killed or run at once. The mistakes that belong to this
site's own building blocks (diagrams/_style.py) are made in-process, as the package's tests make theirs.

The site is the small one (tests/data/small-site) with the house building blocks beside its diagrams:
a mistake reads the same in any site, and the small one builds in a fraction of the time.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

import markdown
import pytest

from drawn_figures import DiagramError
from drawn_figures.extension import DrawnFiguresExtension
from scripts.shared.project import ROOT

from helpers import BIN, SMALL_SITE, Project
from site_checks import BANDS

BUILD_FAILED = 1
BOOM = """\
from diagrams import Diagram, Node

CAPTION = "Boom."
ALT = "Diagram: boom."

with Diagram("", show=False):
{body}
"""
FIGURES_ON_THE_PAGE = 3  # of tests/data/small-site/docs/index.md


@pytest.fixture
def project(small_site: Project) -> Project:
    """The small site, fresh for each test, with the house building blocks beside its diagrams."""
    shutil.copy(ROOT / "diagrams" / "_style.py", small_site.root / "diagrams")
    return small_site


def diagram_names(project: Project) -> list[str]:
    return sorted(path.stem for path in (project.root / "diagrams").glob("*.py") if not path.name.startswith("_"))


def diagram(body: str) -> str:
    return BOOM.format(body="\n".join(f"    {line}" for line in body.splitlines()))


def place(project: Project, name: str) -> None:
    """Put `{diagram: name}` on line 5 of a second page."""
    (project.root / "docs" / "how-it-is-built.md").write_text(f"# Test\n\nText.\n\n{{diagram: {name}}}\n")


def fails_with(project: Project, message: str) -> str:
    result = project.build(check=False)
    assert result.returncode == BUILD_FAILED, result.stderr
    assert re.search(message, result.stderr), result.stderr
    return result.stderr


# --- a real build, one for each boundary ----------------------------------------------------


def test_a_mistake_in_a_page_names_the_page_and_its_line_counting_the_front_matter(project: Project) -> None:
    index = project.root / "docs" / "index.md"
    lines = index.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "---", "the home page has no front matter to count"
    number = lines.index("{diagram: second}") + 1
    lines[number - 1] = "{diagram: secnod}"
    index.write_text("\n".join(lines) + "\n", encoding="utf-8")
    log = fails_with(
        project,
        rf"Error reading page 'index\.md':.*\n.*line {number}: unknown diagram 'secnod'\. Did you mean 'second'\?",
    )
    assert f"Known diagrams: {', '.join(diagram_names(project))}." in log


def test_a_mistake_in_a_diagram_file_names_the_file_from_the_site_and_its_line(project: Project) -> None:
    (project.root / "diagrams" / "boom.py").write_text(diagram("Node('fine')\n1 / 0"))
    place(project, "boom")
    log = fails_with(project, r"(?m)^ERROR   -  .*diagrams/boom\.py:8: ZeroDivisionError: division by zero$")
    errors = [line for line in log.splitlines() if line.startswith("ERROR")]
    assert errors == ["ERROR   -  Error reading page 'how-it-is-built.md':", errors[-1]], "one message, no traceback"
    assert str(project.root) not in errors[-1], "a path of the build machine, where one relative to the site will do"


def test_a_figure_too_small_to_read_is_a_warning_that_fails_the_strict_build(project: Project) -> None:
    """Six bands in a row. Only the measured part of the message: its advice is the package's to word."""
    (project.root / "diagrams" / "row.py").write_text(BANDS.format(direction="LR", count=6))
    place(project, "row")
    fails_with(
        project,
        r"(?m)^WARNING -  .*diagrams/row\.py: hard to read: its smallest text is \d+\.\d px on a 360 px phone "
        r"\(at least 11 px\)",
    )


def test_a_machine_without_graphviz_is_told_how_to_install_it(project: Project) -> None:
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build"],
        cwd=project.root,
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": str(BIN), "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == BUILD_FAILED
    for advice in ("Graphviz is not installed", "apt-get install graphviz", "brew install graphviz", "winget"):
        assert advice in result.stderr


def test_two_builds_at_once_share_the_cache_without_tearing_it(project: Project) -> None:
    builds = [
        subprocess.Popen(
            [str(BIN / "mkdocs"), "build", "--site-dir", f"site-{n}"],
            cwd=project.root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        for n in (1, 2)
    ]
    assert [build.wait(timeout=120) for build in builds] == [0, 0]
    entries = list((project.root / ".cache" / "figures").glob("*.json"))
    assert len(entries) == len(diagram_names(project))
    for entry in entries:
        assert json.loads(entry.read_text())["svg"].startswith("<svg")
    first, second = ((project.root / f"site-{n}" / "index.html").read_text() for n in (1, 2))
    assert first == second
    assert first.count('<figure class="diagram"') == FIGURES_ON_THE_PAGE


def test_a_build_killed_while_drawing_leaves_the_next_build_correct(project: Project, tmp_path: Path) -> None:
    marker = tmp_path / "drawing"
    slow = diagram(f"Node('x')\nopen({str(marker)!r}, 'w').close()\nimport time\ntime.sleep(60)")
    (project.root / "diagrams" / "slow.py").write_text(slow)
    build = subprocess.Popen(
        [str(BIN / "mkdocs"), "build"],
        cwd=project.root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    deadline = time.monotonic() + 60
    while not marker.exists() and time.monotonic() < deadline:  # until the build is surely drawing
        time.sleep(0.05)
    assert marker.exists(), "the build never started drawing"
    os.killpg(build.pid, signal.SIGKILL)
    build.wait()
    (project.root / "diagrams" / "slow.py").unlink()
    project.build()
    entries = list((project.root / ".cache" / "figures").glob("*.json"))
    assert len(entries) == len(diagram_names(project))
    for entry in entries:
        assert json.loads(entry.read_text())["svg"].startswith("<svg")  # nothing torn
    reference = Project(shutil.copytree(SMALL_SITE, tmp_path / "reference"))
    reference.build()
    assert project.page() == reference.page()


# --- in-process: the site's own building blocks and the drawing child ---------------------------


def convert(folder: Path, page: str, diagrams: dict[str, str]) -> str:
    """`page` converted with the extension, over `diagrams` (name -> source) and the house building blocks."""
    (folder / "diagrams").mkdir()
    shutil.copy(ROOT / "diagrams" / "_style.py", folder / "diagrams")
    for name, source in diagrams.items():
        (folder / "diagrams" / f"{name}.py").write_text(source, encoding="utf-8")
    extension = DrawnFiguresExtension(diagrams_dir=str(folder / "diagrams"), cache_dir=str(folder / "cache"))
    return markdown.markdown(page, extensions=[extension])


GRID = """\
from diagrams.generic.compute import Rack

from _style import Run, chart, grid

CAPTION = "A chart."
ALT = "Diagram: a chart."

with chart():
    grid(rows=["Top", "Bottom"], columns={{"Mine": [Run(Rack, "yours", {rows})]}})
"""


def test_a_chart_column_that_does_not_fill_its_rows_says_how_many_it_needs(tmp_path: Path) -> None:
    with pytest.raises(DiagramError) as error:
        convert(tmp_path, "{diagram: chart}", {"chart": GRID.format(rows=3)})
    assert re.search(
        r"diagrams/_style\.py:\d+: ValueError: grid\(\): the runs of column 'Mine' cover 3 rows, but the chart has 2; "
        r"make the rows of its runs add up to 2$",
        str(error.value),
    ), error.value


def test_a_diagram_that_writes_output_or_is_named_like_a_module_still_draws(tmp_path: Path) -> None:
    diagrams = {
        "prints": diagram("print('debugging')\nNode('x')"),
        "writes": diagram("import os\nos.write(1, b'output from below Python')\nNode('x')"),
        "json": diagram("Node('x')"),  # the name of a module of the standard library
    }
    page = convert(tmp_path, "\n\n".join(f"{{diagram: {name}}}" for name in diagrams), diagrams)
    assert re.findall(r'<figure class="diagram" id="diagram-([a-z-]+)-figure">', page) == list(diagrams)
    assert page.count("<svg") == len(diagrams)
    assert "debugging" not in page and "below Python" not in page
