"""The package README's table "When the build fails" shows the messages the code really prints.

Each row of the table is a mistake made here for real, with the extension, a
real Graphviz and a real child process (the first row with a whole MkDocs
build, for its page prefix). Its message must match the row, where `...` stands
for anything and every number for any number: the table's `line 32` or `60 s`
are examples. A row without a mistake here, or a mistake without a row, fails.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import markdown
import pytest

from drawn_figures import DiagramError
from drawn_figures.extension import DrawnFiguresExtension
from drawn_figures.options import OptionError
from scripts.shared.project import ROOT

from helpers import BIN, Project, copy_project

README = ROOT / "src" / "drawn_figures" / "README.md"
SECTION = re.compile(r"^## When the build fails\n(.*?)^## ", re.MULTILINE | re.DOTALL)
NUMBER = re.compile(r"\d+(?:\.\d+)?")
DIAGRAM = """\
from diagrams import Diagram, Node

CAPTION = "Boom."
ALT = "Diagram: boom."

with Diagram("", show=False):
{body}
"""
Mistake = Callable[[Path, pytest.LogCaptureFixture], str]  # makes the mistake in a scratch folder; returns the message


def table_rows() -> list[str]:
    """The first cell of each row: the message, as the table shows it (`a` then `b` for two lines)."""
    section = SECTION.search(README.read_text(encoding="utf-8"))
    assert section, f"{README.relative_to(ROOT)} has no section 'When the build fails'"
    cells = [line.split(" | ")[0].removeprefix("| ") for line in section[1].splitlines() if line.startswith("| ")]
    return cells[2:]  # after the header and the rule


def shown_message(cell: str) -> str:
    """The message in a cell: ``a `b` c`` is a `b` c; `a` then `b` is a, a line break, b."""
    if cell.startswith("``"):
        return cell.strip("`").strip()
    return "\n".join(part.strip("`") for part in cell.split(" then "))


def pattern(message: str) -> str:
    """A regular expression for `message` in which `...` is anything and each number any number."""
    parts = [re.escape(NUMBER.sub("0", part)).replace("0", r"\d+(?:\.\d+)?") for part in message.split("...")]
    return ".*".join(parts)


def convert(folder: Path, page: str, **options: object) -> str:
    """The message of the mistake in `page`, converted with the extension over `folder`/diagrams."""
    extension = DrawnFiguresExtension(diagrams_dir=str(folder / "diagrams"), cache_dir=str(folder / "cache"), **options)
    with pytest.raises(DiagramError) as error:
        markdown.markdown(page, extensions=[extension])
    return str(error.value)


def diagram_file(folder: Path, body: str, name: str = "boom", source: str = DIAGRAM) -> Path:
    (folder / "diagrams").mkdir(exist_ok=True)
    path = folder / "diagrams" / f"{name}.py"
    path.write_text(source.format(body="\n".join(f"    {line}" for line in body.splitlines())), encoding="utf-8")
    return path


def broken(body: str, source: str = DIAGRAM, **options: object) -> Mistake:
    def make(folder: Path, caplog: pytest.LogCaptureFixture) -> str:
        diagram_file(folder, body, source=source)
        return convert(folder, "{diagram: boom}", **options)

    return make


def page_with(text: str) -> Mistake:
    def make(folder: Path, caplog: pytest.LogCaptureFixture) -> str:
        for name in ("infrastructure-stack", "value-stack"):  # as in the site
            diagram_file(folder, "Node('x')", name=name)
        return convert(folder, text)

    return make


def logged(make_it: Callable[[Path], None]) -> Mistake:
    """The message the figures log, for a mistake that is no error (the build goes on)."""

    def make(folder: Path, caplog: pytest.LogCaptureFixture) -> str:
        with caplog.at_level(logging.INFO, logger="mkdocs.plugins.drawn_figures"):
            make_it(folder)
        return "\n".join(r.getMessage() for r in caplog.records if "diagram(s) drawn" not in r.getMessage())

    return make


def errors_of_a_build(project: Project, environment: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict"],
        cwd=project.root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(environment or {})},
    )
    assert result.returncode != 0, result.stderr
    return "\n".join(line.removeprefix("ERROR   -  ") for line in result.stderr.splitlines() if "ERROR" in line)


def misspelled_in_a_page(folder: Path, caplog: pytest.LogCaptureFixture) -> str:
    project = copy_project(folder)
    index = folder / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("{diagram: value-stack}", "{diagram: value-stak}"))
    return errors_of_a_build(project)


def without_graphviz(folder: Path, caplog: pytest.LogCaptureFixture) -> str:
    return errors_of_a_build(copy_project(folder), {"PATH": str(BIN)})


def bad_option(folder: Path, caplog: pytest.LogCaptureFixture) -> str:
    with pytest.raises(OptionError) as error:
        DrawnFiguresExtension(timeout="soon")
    return str(error.value)


def misnamed_file(folder: Path, caplog: pytest.LogCaptureFixture) -> str:
    diagram_file(folder, "Node('x')", name="Value_Stack")
    return convert(folder, "{diagram: value-stack}")


def draw_with_cache_in(folder: Path, cache: Path, damage: str | None = None) -> None:
    """Draw a diagram into `cache`; then, given `damage`, write it over the entry and read the cache again."""
    diagram_file(folder, "Node('x')")
    extension = DrawnFiguresExtension(diagrams_dir=str(folder / "diagrams"), cache_dir=str(cache))
    markdown.markdown("{diagram: boom}", extensions=[extension])
    if damage is not None:
        entries = list(cache.glob("*.json"))
        assert entries, "nothing to damage"
        for entry in entries:
            entry.write_text(damage, encoding="utf-8")
        fresh = DrawnFiguresExtension(diagrams_dir=str(folder / "diagrams"), cache_dir=str(cache), timeout=59)
        markdown.markdown("{diagram: boom}", extensions=[fresh])  # another library: it reads the cache again


def cache_is_a_file(folder: Path) -> None:
    (folder / "cache").write_text("a file where the folder should be", encoding="utf-8")
    draw_with_cache_in(folder, folder / "cache")


def hard_to_read(body: str) -> Mistake:
    def make(folder: Path, caplog: pytest.LogCaptureFixture) -> str:
        diagram_file(folder, body)
        # From the site's folder, as a build runs, so that the file is named as a build names it.
        with contextlib.chdir(folder), caplog.at_level(logging.WARNING, logger="mkdocs.plugins.drawn_figures"):
            markdown.markdown("{diagram: boom}", extensions=[DrawnFiguresExtension(cache_dir="c")])
        return "\n".join(record.getMessage() for record in caplog.records)

    return make


MISSPELLED_ICON = "from diagrams import Diagram, Node\n\nfrom diagrams.aws.compute import Lamda\n"
NO_LAYOUT = DIAGRAM.replace("show=False", 'show=False, graph_attr={{"layout": "nope"}}')  # {{: a format string
TWO_DIAGRAMS = DIAGRAM + 'with Diagram("", show=False):\n{body}\n'
ROW_OF_TWELVE = "previous = Node('box 0')\nfor n in range(1, 12):\n    previous = previous >> Node(f'box {n}')"

# A distinctive part of each row -> the mistake that must print it. A row made by two mistakes is named by
# two parts of it (draws 0 diagrams, or 2).
MISTAKES: dict[str, Mistake] = {
    "unknown diagram": misspelled_in_a_page,
    "needs a name": page_with("Text.\n\n{diagram}"),
    "a diagram name is": page_with("Text.\n\nMore.\n\n{diagram: Bad Name}"),
    "must stand alone": page_with("Text.\n\nMore.\n\nThird.\n\nSee {diagram: value-stack} here."),
    "is not a placeholder": page_with("Text.\n\nMore.\n\nThird.\n\n{diagram: value-stack"),
    "option `timeout`": bad_option,
    "ZeroDivisionError": broken("Node('fine')\n1 / 0"),
    "no icon 'Lamda'": broken("Node('x')", source=MISSPELLED_ICON),
    "draws 0 diagrams": broken("", source="CAPTION = 'x'\nALT = 'y'\n"),
    "a diagram file must draw exactly one": broken("Node('x')", source=TWO_DIAGRAMS),
    "set CAPTION": broken("Node('x')", source=DIAGRAM.replace('CAPTION = "Boom."', "")),
    "set ALT": broken("Node('x')", source=DIAGRAM.replace('ALT = "Diagram: boom."', "")),
    "does not exist": broken("from diagrams.custom import Custom\nCustom('x', 'icons/x.png')"),
    "<a> element": broken("Node('x', URL='https://example.com/')"),
    "file name must be": misnamed_file,
    "still drawing after": broken("while True:\n    pass", timeout=1),
    "hard to read: its smallest text": hard_to_read(ROW_OF_TWELVE),
    "tall on a desktop": hard_to_read("for n in range(12):\n    Node(f'box {n}')"),
    "Graphviz is not installed": without_graphviz,
    "Graphviz failed": broken("Node('x')", source=NO_LAYOUT),
    "cannot write the cache": logged(cache_is_a_file),
    "is unreadable": logged(lambda folder: draw_with_cache_in(folder, folder / "cache", damage="{")),
    "is damaged": logged(lambda folder: draw_with_cache_in(folder, folder / "cache", damage='{"key": "another"}')),
}


def test_every_row_of_the_table_has_a_mistake_here_and_every_mistake_a_row() -> None:
    rows = [shown_message(cell) for cell in table_rows()]
    for key in MISTAKES:
        assert sum(key in row for row in rows) == 1, f"no row, or several, of the package README's table say {key!r}"
    for row in rows:
        assert any(key in row for key in MISTAKES), f"no test makes the mistake of this row: {row}"


@pytest.mark.parametrize("key", MISTAKES)
def test_the_message_printed_is_the_one_in_the_table(
    key: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    row = next(shown_message(cell) for cell in table_rows() if key in shown_message(cell))
    printed = MISTAKES[key](tmp_path, caplog)
    assert re.search(pattern(row), printed, flags=re.DOTALL), f"the README says:\n{row}\nthe code printed:\n{printed}"
