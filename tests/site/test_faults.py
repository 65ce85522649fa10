"""Every mistake a contributor or a machine can make ends in a clear message and a failed build.

Each case builds a real site with one thing broken, and checks the exit status
and the message: the page and line, or the diagram file and line, and what to do.
The site is the small one (tests/data/small-site) with this site's building
blocks (diagrams/_style.py): a mistake reads the same in any site, and the small
one builds in a fraction of the time.
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

import pytest

from scripts.shared.project import ROOT

from helpers import BIN, SMALL_SITE, Project

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
    """Put `{diagram: name}` on line 5 of the second page."""
    (project.root / "docs" / "how-it-is-built.md").write_text(f"# Test\n\nText.\n\n{{diagram: {name}}}\n")


def fails_with(project: Project, message: str, *args: str) -> str:
    result = project.build(*args, check=False)
    assert result.returncode == BUILD_FAILED, result.stderr
    assert re.search(message, result.stderr), result.stderr
    return result.stderr


# --- pages ----------------------------------------------------------------------------------


def test_an_unknown_name_names_the_page_the_line_and_the_closest_name(project: Project) -> None:
    place(project, "frist")
    log = fails_with(project, r"line 5: unknown diagram 'frist'\. Did you mean 'first'\?")
    assert "Error reading page 'how-it-is-built.md'" in log
    assert f"Known diagrams: {', '.join(diagram_names(project))}." in log


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{diagram}", r"line 5: `\{diagram\}` needs a name"),
        ("{diagram:}", r"line 5: '\{diagram:\}': a diagram name is lower-case letters, digits and hyphens"),
        ("{diagram: Bad Name}", r"line 5: '\{diagram: Bad Name\}': a diagram name is lower-case"),
        ("{diagram: first", r"line 5: '\{diagram: first' is not a placeholder; write"),
        ("{diagram: <script>alert(1)</script>}", r"line 5: .*a diagram name is lower-case"),
    ],
    ids=["bare", "empty name", "bad name", "unclosed brace", "HTML in the name"],
)
def test_a_malformed_placeholder_fails_the_build_with_its_line(project: Project, line: str, message: str) -> None:
    (project.root / "docs" / "how-it-is-built.md").write_text(f"# Test\n\nText.\n\n{line}\n")
    log = fails_with(project, message)
    assert "Error reading page 'how-it-is-built.md'" in log


def test_line_numbers_count_the_front_matter(project: Project) -> None:
    index = project.root / "docs" / "index.md"
    lines = index.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "---", "the home page has no front matter to count"
    number = lines.index("{diagram: second}") + 1
    lines[number - 1] = "{diagram: secnod}"
    index.write_text("\n".join(lines) + "\n", encoding="utf-8")
    fails_with(project, rf"Error reading page 'index\.md':.*\n.*line {number}: unknown diagram 'secnod'")


# --- diagram files --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("def broken(:\n", r"(?m)diagrams/boom\.py:1: SyntaxError: invalid syntax: def broken\(:$"),
        (diagram("Node('fine')\n1 / 0"), r"diagrams/boom\.py:8: ZeroDivisionError: division by zero"),
        ("CAPTION = 'x'\nALT = 'y'\n", r"diagrams/boom\.py: draws 0 diagrams; a diagram file must draw exactly one"),
        (
            diagram("Node('x')").replace('CAPTION = "Boom."', ""),
            r"diagrams/boom\.py: set CAPTION to a non-empty string",
        ),
        (
            diagram("from diagrams.custom import Custom\nCustom('x', 'icons/missing.png')"),
            r"diagrams/boom\.py: icon 'icons/missing\.png' does not exist",
        ),
        (diagram("Node('x', URL='https://example.com/')"), r"diagrams/boom\.py: the SVG has a <a> element"),
        (
            "from diagrams.aws.compute import Lamda\n",
            r"diagrams/boom\.py:1: ImportError: no icon 'Lamda'\. Did you mean `Lambda`\? "
            r"List them with `make icons SET=aws\.compute`\.",
        ),
        (
            "import diagrams.aws.compte\n",
            r"diagrams/boom\.py:1: ModuleNotFoundError: no icon set 'compte'\. Did you mean `compute`",
        ),
    ],
    ids=[
        "syntax error",
        "exception",
        "draws nothing",
        "no caption",
        "missing icon",
        "link",
        "misspelled icon",
        "misspelled icon set",
    ],
)
def test_a_broken_diagram_file_names_its_file_and_line(project: Project, source: str, message: str) -> None:
    (project.root / "diagrams" / "boom.py").write_text(source)
    place(project, "boom")
    fails_with(project, message)


def test_six_bands_in_a_row_fail_the_build_with_what_to_change(project: Project) -> None:
    (project.root / "diagrams" / "row.py").write_text(BANDS.format(direction="LR", count=6))
    place(project, "row")
    log = fails_with(
        project, r"diagrams/row\.py: hard to read: its smallest text is \d+\.\d px on a 360 px phone \(at least 11 px\)"
    )
    for advice in ("fewer boxes in a row", 'direction="TB"', "step() instead of band()"):
        assert advice in log


def test_a_diagram_too_tall_for_a_desktop_screen_fails_the_build(project: Project) -> None:
    (project.root / "diagrams" / "tower.py").write_text(BANDS.format(direction="TB", count=12))
    place(project, "tower")
    log = fails_with(project, r"diagrams/tower\.py: hard to read: it is \d+ px tall on a desktop \(at most 600 px\)")
    assert "fewer boxes one above the other" in log


GRID = """\
from diagrams.generic.compute import Rack

from _style import Run, chart, grid

CAPTION = "A chart."
ALT = "Diagram: a chart."

with chart():
    grid(rows=["Top", "Bottom"], columns={{"Mine": [Run(Rack, "yours", {rows})]}})
"""


def test_a_chart_column_that_does_not_fill_its_rows_says_how_many_it_needs(project: Project) -> None:
    (project.root / "diagrams" / "chart.py").write_text(GRID.format(rows=3))
    place(project, "chart")
    fails_with(
        project,
        r"diagrams/_style\.py:\d+: ValueError: grid\(\): the runs of column 'Mine' cover 3 rows, but the chart has 2; "
        r"make the rows of its runs add up to 2",
    )


def test_a_file_name_that_is_no_diagram_name_is_refused(project: Project) -> None:
    (project.root / "diagrams" / "Value_Stack.py").write_text(diagram("Node('x')"))
    fails_with(project, r"diagrams/Value_Stack\.py: a diagram's file name must be lower-case words joined by hyphens")


def test_a_diagram_that_never_ends_is_stopped(project: Project) -> None:
    config = project.root / "mkdocs.yml"
    assert "timeout: 60" in config.read_text()
    config.write_text(config.read_text().replace("timeout: 60", "timeout: 3"))
    (project.root / "diagrams" / "boom.py").write_text(diagram("while True:\n    pass"))
    place(project, "boom")
    fails_with(project, r"diagrams/boom\.py: still drawing after 3 s, so it was stopped")


def test_labels_in_any_script_are_kept_as_written(project: Project) -> None:
    label = "Café · naïve · Ελληνικά · 日本語 · 🚀"
    (project.root / "diagrams" / "words.py").write_text(diagram(f"Node({label!r})"))
    place(project, "words")
    project.build()
    assert f">{label}</text>" in project.page("how-it-is-built/index.html")


# --- the machine ----------------------------------------------------------------------------


def without_graphviz() -> dict[str, str]:
    return {**os.environ, "PATH": str(BIN), "NO_MKDOCS_2_WARNING": "1"}


def test_a_machine_without_graphviz_is_told_how_to_install_it(project: Project) -> None:
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build"], cwd=project.root, capture_output=True, text=True, env=without_graphviz()
    )
    assert result.returncode == BUILD_FAILED
    for advice in ("Graphviz is not installed", "apt-get install graphviz", "brew install graphviz", "winget"):
        assert advice in result.stderr


def test_a_failing_graphviz_is_reported_with_its_own_words(project: Project) -> None:
    """A real Graphviz, failing for real: asked for a layout engine it does not have."""
    (project.root / "diagrams" / "boom.py").write_text(
        diagram("Node('x')").replace("show=False", 'show=False, graph_attr={"layout": "nope"}')
    )
    place(project, "boom")
    fails_with(project, r'diagrams/boom\.py: Graphviz failed: .*Layout type: "nope" not recognized')


def test_an_unwritable_cache_still_builds_and_says_so(project: Project) -> None:
    (project.root / ".cache").write_text("a file where the cache folder should be")
    project.build()
    assert "cannot write the cache in" in project.log
    assert "building without it" in project.log
    assert project.page().count('<figure class="diagram"') == FIGURES_ON_THE_PAGE


def test_a_damaged_cache_entry_is_drawn_again(project: Project) -> None:
    project.build()
    first = project.page()
    entries = list((project.root / ".cache" / "figures").glob("*.json"))
    assert len(entries) == len(diagram_names(project)), "nothing to damage"
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])
    project.build()
    assert "is unreadable; drawing it again" in project.log
    assert project.page() == first


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
    assert (project.root / "site-1" / "index.html").read_text() == (project.root / "site-2" / "index.html").read_text()


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


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("chatty", "print('debugging')\nNode('x')"),
        ("chatty", "import os\nos.write(1, b'output from below Python')\nNode('x')"),
        ("json", "Node('x')"),
    ],
    ids=["print", "os.write", "named like a module"],
)
def test_a_diagram_that_writes_output_or_is_named_like_a_module_still_draws(
    project: Project, name: str, body: str
) -> None:
    (project.root / "diagrams" / f"{name}.py").write_text(diagram(body))
    place(project, name)
    project.build()
    assert f'id="diagram-{name}-figure"' in project.page("how-it-is-built/index.html")


def test_a_diagram_that_exits_names_its_line(project: Project) -> None:
    (project.root / "diagrams" / "boom.py").write_text(diagram("import sys\nsys.exit(3)"))
    place(project, "boom")
    fails_with(project, r"diagrams/boom\.py:8: SystemExit: 3")
