"""Drawing one diagram file in this process (drawn_figures/draw.py), with a real Graphviz.

`draw()` changes the `diagrams` package for the rest of its process, as the child that draws is
meant to; the `fresh_diagrams` fixture puts the package back after each test.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import diagrams
import pytest

from drawn_figures import ID_PREFIX, ChildExit
from drawn_figures.draw import DrawError, GraphvizError, draw

HEADER = 'from diagrams import Diagram, Node\n\nCAPTION = "A box."\nALT = "Diagram: one box."\n\n'


@pytest.fixture
def fresh_diagrams(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(diagrams.Diagram, "__exit__", diagrams.Diagram.__exit__)
    monkeypatch.setattr(diagrams.Diagram, "_default_graph_attrs", dict(diagrams.Diagram._default_graph_attrs))
    monkeypatch.setattr(diagrams.Diagram, "_default_node_attrs", dict(diagrams.Diagram._default_node_attrs))
    monkeypatch.setattr(diagrams.Node, "_rand_id", diagrams.Node.__dict__["_rand_id"])  # the staticmethod itself
    yield


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_diagrams: None) -> Path:
    folder = tmp_path / "diagrams"
    folder.mkdir()
    monkeypatch.chdir(folder)  # as the child runs: in the diagram's folder
    return folder


def diagram(folder: Path, body: str, header: str = HEADER, name: str = "box") -> Path:
    path = folder / f"{name}.py"
    path.write_text(header + 'with Diagram("", show=False):\n' + body + "\n", encoding="utf-8")
    return path


def test_a_diagram_file_is_drawn_into_a_self_contained_figure(folder: Path) -> None:
    figure = draw(diagram(folder, '    Node("hello") >> Node("world")'), "diagrams")
    assert figure["caption"] == "A box." and figure["alt"] == "Diagram: one box." and figure["description"] == ""
    svg = figure["svg"]
    assert svg.startswith("<svg ") and f'aria-labelledby="{ID_PREFIX}title"' in svg
    assert ">hello</text>" in svg and ">world</text>" in svg
    assert "font-family" not in svg  # the page's stylesheet chooses the font shown


def test_the_same_file_is_drawn_to_the_same_bytes(folder: Path) -> None:
    path = diagram(folder, '    Node("a") >> Node("b")')
    first = draw(path, "diagrams")
    assert 'id="@@ID@@node1"' in first["svg"]  # numbered in drawing order, not by uuid4
    assert draw(path, "diagrams") == first


def test_the_font_option_reaches_graphviz_and_a_file_can_still_override_it(folder: Path) -> None:
    path = diagram(folder, '    Node("a", fontname="Liberation Mono")')
    draw(path, "diagrams", font="Liberation Sans")
    assert diagrams.Diagram._default_graph_attrs["fontname"] == "Liberation Sans"
    assert diagrams.Diagram._default_node_attrs["fontname"] == "Liberation Sans"


@pytest.mark.parametrize(
    ("body", "header", "message"),
    [
        ("    Node('x')\n    1 / 0", HEADER, "diagrams/box.py:8: ZeroDivisionError: division by zero"),
        ("    Node('x')\n    import sys\n    sys.exit(3)", HEADER, "diagrams/box.py:9: SystemExit: 3"),
        ("    Node('x'", HEADER, "diagrams/box.py:7: SyntaxError: '(' was never closed: Node('x'"),
        ("    Node('x')", HEADER.replace('ALT = "Diagram: one box."\n', ""), "set ALT to a non-empty string"),
        ("    Node('x')", HEADER.replace('"A box."', "42"), "set CAPTION to a non-empty string"),
        ("    Node('x')\nwith Diagram('', show=False):\n    Node('y')", HEADER, "draws 2 diagrams"),
        ("    Node('x', URL='https://example.com/')", HEADER, "the SVG has a <a> element"),
        ("    Node('x', image='icons/missing.png')", HEADER, "icon 'icons/missing.png' does not exist"),
    ],
)
def test_a_mistake_in_the_file_names_the_file_and_line(folder: Path, body: str, header: str, message: str) -> None:
    with pytest.raises(DrawError) as raised:
        draw(diagram(folder, body, header), "diagrams")
    assert message in str(raised.value)
    assert type(raised.value) is DrawError and raised.value.status == ChildExit.MISTAKE


def test_a_file_of_the_machine_that_is_no_image_is_never_embedded(folder: Path) -> None:
    secret = folder.parent / "secret.txt"
    secret.write_text("the build machine's secret", encoding="utf-8")
    figure = draw(diagram(folder, f"    Node('x', image={str(secret)!r})"), "diagrams")
    assert "<image" not in figure["svg"]
    assert "secret" not in figure["svg"]


def test_a_real_graphviz_failure_is_graphviz_trouble_not_a_mistake(folder: Path) -> None:
    header = HEADER.replace("Node\n", "Node\n\nLAYOUT = {'layout': 'nope'}\n")
    path = folder / "box.py"
    path.write_text(header + "with Diagram('', show=False, graph_attr=LAYOUT):\n    Node('x')\n", encoding="utf-8")
    with pytest.raises(GraphvizError) as raised:
        draw(path, "diagrams")
    assert str(raised.value).startswith("diagrams/box.py: Graphviz failed: ")
    assert "nope" in str(raised.value)
    assert raised.value.status == ChildExit.GRAPHVIZ_TROUBLE


def test_a_helper_beside_the_file_is_found_only_through_the_folder(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / "_label.py").write_text('TEXT = "from a helper"\n', encoding="utf-8")
    monkeypatch.syspath_prepend(str(folder))  # as main() does, for the helpers diagrams share
    monkeypatch.delitem(sys.modules, "_label", raising=False)
    figure = draw(diagram(folder, "    Node(TEXT)", HEADER + "from _label import TEXT\n\n"), "diagrams")
    assert ">from a helper</text>" in figure["svg"]
