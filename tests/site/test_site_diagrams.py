"""The site's own diagrams (diagrams/, not the package) teach: small, described in words, and drawn from one
description of the layers (diagrams/_stack.py)."""

from __future__ import annotations

import html
import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from scripts.shared.project import ROOT

from helpers import Project, warm_copy
from site_checks import placed

SVG = "{http://www.w3.org/2000/svg}"
MAX_FIGURE_BYTES = 40_000
MAX_STACK_FIGURE_BYTES = 12_500  # vector icons keep a stack of nine bands near 12 KB


# Each diagram, with the built page that places it: from docs/, so that moving a figure needs no test edit.
PAGE_OF = {name: f"{page}index.html" for page, names in placed().items() for name in names}


def drawn_from(helper_module: str) -> dict[str, str]:
    """Every diagram of diagrams/ that imports `helper_module`, with the built page that places it."""
    pages = PAGE_OF
    users = {
        path.stem
        for path in (ROOT / "diagrams").glob("[!_]*.py")
        if re.search(rf"^from {helper_module} import", path.read_text(encoding="utf-8"), flags=re.MULTILINE)
    }
    assert users, f"no diagram imports {helper_module}"
    unplaced = users - set(pages)
    assert not unplaced, f"no page of docs/ places {sorted(unplaced)}"
    return {name: pages[name] for name in sorted(users)}


# Every figure drawn from the one description of the stack, with the page that places it.
STACK_FIGURES = drawn_from("_stack")


def helper(name: str) -> ModuleType:
    """A helper module of diagrams/ (`_stack`, `_costs`), loaded by path: diagrams/ is no package, so it cannot
    shadow the library."""
    sys.path.insert(0, str(ROOT / "diagrams"))
    try:
        spec = importlib.util.spec_from_file_location(name, ROOT / "diagrams" / f"{name}.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up there
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "diagrams"))


def stack_description() -> ModuleType:
    module = helper("_stack")
    assert module.LAYERS and module.MODELS, "diagrams/_stack.py describes no layer or no model: nothing to check"
    return module


def figure(page: str, name: str) -> str:
    match = re.search(rf'<figure class="diagram" id="diagram-{name}-figure">.*?</figure>', page, flags=re.DOTALL)
    assert match, f"no figure {name!r} on the page"
    return match.group()


def words(fragment: str) -> str:
    """The text of an HTML fragment, as a screen reader or a reader of the description gets it."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def picture_and_description(fragment: str) -> tuple[str, str]:
    svg, description = fragment.split("</svg>", 1)
    return words(svg), words(description)


@pytest.mark.parametrize("name", [name for name in STACK_FIGURES if name != "responsibility-all"])  # a chart
def test_each_stack_figure_is_small_as_shipped(built: Project, name: str) -> None:
    assert len(figure(built.page(STACK_FIGURES[name]), name).encode()) <= MAX_STACK_FIGURE_BYTES


def test_every_figure_of_the_site_is_small_as_shipped(built: Project) -> None:
    names = [path.stem for path in (ROOT / "diagrams").glob("[!_]*.py")]
    shipped = {
        match[1]: len(match[0].encode())
        for page in built.site.rglob("*.html")
        for match in re.finditer(
            r'<figure class="diagram" id="diagram-([a-z0-9-]+?)-figure">.*?</figure>', page.read_text(), re.DOTALL
        )
    }
    assert set(names) <= set(shipped), "a diagram that no page places"
    assert max(shipped.values()) <= MAX_FIGURE_BYTES, shipped


@pytest.mark.parametrize("name", STACK_FIGURES)
def test_picture_and_description_name_every_layer(built: Project, name: str) -> None:
    picture, description = picture_and_description(figure(built.page(STACK_FIGURES[name]), name))
    for layer in stack_description().LAYERS:
        assert layer.name in picture
        assert layer.name.lower() in description.lower()


def test_the_value_stack_describes_its_two_groups(built: Project) -> None:
    _, description = picture_and_description(figure(built.page(PAGE_OF["value-stack"]), "value-stack"))
    assert "adds value: yours to build" in description
    assert "consumed as a service" in description


def test_each_model_says_who_runs_each_layer_in_picture_and_words(built: Project) -> None:
    stack = stack_description()
    for model in stack.MODELS:
        slug = {"On-prem": "on-premises"}.get(model.short_name, model.short_name.lower())
        picture, description = picture_and_description(
            figure(built.page(STACK_FIGURES[f"responsibility-{slug}"]), f"responsibility-{slug}")
        )
        for who in {model.runs(layer) for layer in stack.LAYERS}:
            assert stack.WHO[who][0] in picture
            assert stack.WHO[who][0].lower() in description


def test_the_chart_of_all_models_marks_who_runs_each_layer_where_the_layer_is(built: Project) -> None:
    """Read the chart as a reader does: across from each layer's name, in each model's column, the box there."""
    stack = stack_description()
    drawing = re.search(r"<svg.*?</svg>", figure(built.page(STACK_FIGURES["responsibility-all"]), "responsibility-all"))
    assert drawing, "no drawing in the chart's figure"
    svg = ET.fromstring(drawing.group().replace(" data-search-exclude", "", 1))  # an HTML attribute, not XML
    boxes = []  # (left, right, top, bottom, role) of every box of the chart
    for node in svg.iter(f"{SVG}g"):
        classes = node.get("class", "").split()
        if "mark" in classes:
            outline = node.find(f"{SVG}polygon")
            assert outline is not None
            xs, ys = zip(*(map(float, point.split(",")) for point in outline.get("points", "").split()), strict=True)
            boxes.append((min(xs), max(xs), min(ys), max(ys), classes[-1]))
    columns = sorted({(left, right) for left, right, *_ in boxes})
    assert len(columns) == len(stack.MODELS)
    assert len(boxes) == sum(len(stack.runs_of(model)) for model in stack.MODELS), "a box for each run of layers"
    names = {text.text: float(text.get("y", "nan")) for text in svg.iter(f"{SVG}text")}
    for layer in stack.LAYERS:
        row = names[stack.chart_name(layer).split("\n")[0]]
        for model, (left, right) in zip(stack.MODELS, columns, strict=True):
            across = [role for x0, x1, top, bottom, role in boxes if (x0, x1) == (left, right) and top < row < bottom]
            assert across == [model.runs(layer)], f"{model.name}, {layer.name}: {across}"


def test_no_stack_diagram_uses_a_brands_icon_for_a_generic_layer(built: Project) -> None:
    for layer in stack_description().LAYERS:
        assert isinstance(layer.icon, str), f"{layer.name}: an icon class of a vendor's set, not a generic symbol"
        assert Path(layer.icon).parent.name == "figures-icons", f"{layer.name}: not a Material Design icon"
    for name, page in STACK_FIGURES.items():
        icons = re.findall(r'xlink:href="(data:[^;,]+)', figure(built.page(page), name))
        assert icons and set(icons) == {"data:image/svg+xml"}, f"{name}: {set(icons)}"


# Edits to the site's helpers, each in one place (file, what is there, what replaces it): each must reach every
# figure drawn from that helper. They touch different helpers and figures, so one build shows them all.
EDITS = [
    ("diagrams/_stack.py", '"Middleware"', '"Message brokers"'),
    ("diagrams/_landscape.py", '"Serverless containers"', '"Container platforms"'),
    ("diagrams/_landscape.py", '"Each request, and the time', '"Each call, and the time'),
    ("diagrams/_costs.py", "SERVER_PER_MONTH = 12.00", "SERVER_PER_MONTH = 20.00"),
]


@pytest.fixture(scope="module")
def edited(built: Project, tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A copy of the built project with `EDITS` made, built again from the warm cache."""
    project = warm_copy(tmp_path_factory.mktemp("edited"), built)
    for path, old, new in EDITS:
        project.edit(path, old, new)
    project.build()
    return project


def test_renaming_a_layer_in_the_one_description_renames_it_everywhere(edited: Project) -> None:
    for name, page in STACK_FIGURES.items():
        picture, description = picture_and_description(figure(edited.page(page), name))
        assert "Message brokers" in picture and "message brokers" in description.lower(), name
        assert "Middleware" not in picture and "middleware" not in description.lower(), name


def landscape(page: str) -> tuple[str, str, str]:
    """The landscape figure's picture, table and description, each as text."""
    fragment = figure(page, "serverless-landscape")
    svg, rest = fragment.split("</svg>", 1)
    table, description = rest.split('<details class="info diagram-description">', 1)
    assert "<table" in table, "the landscape figure has no table"
    return words(svg), words(table), words(description)


def test_the_landscape_picture_and_table_show_the_same_options_in_order(built: Project) -> None:
    picture, table, description = landscape(built.page(PAGE_OF["serverless-landscape"]))
    names = ["Virtual machines", "Containers you run", "Serverless containers", "Functions"]
    for text in (picture, table, description):
        assert [text.find(name) for name in names] == sorted(text.find(name) for name in names), text
        assert -1 not in [text.find(name) for name in names], text


def test_renaming_an_option_in_the_landscape_model_renames_it_in_picture_table_and_description(
    edited: Project,
) -> None:
    picture, table, description = landscape(edited.page(PAGE_OF["serverless-landscape"]))
    for text in (picture, table, description):
        assert "Container platforms" in text and "Serverless containers" not in text
    assert "Each call, and the time your code runs" in table


COSTS_PAGE = PAGE_OF["cost-break-even"]


def cost_table(page: str) -> dict[str, list[str]]:
    """The worked cost example's table: each row's label → its cells, as text."""
    table = figure(page, "cost-break-even").split('<div class="diagram-table"', 1)[1].split("</table>", 1)[0]
    rows = [
        re.findall(r"<t[hd]>(.*?)</t[hd]>", row, re.DOTALL) for row in re.findall(r"<tr>(.*?)</tr>", table, re.DOTALL)
    ]
    return {words(cells[0]): [words(cell) for cell in cells[1:]] for cells in rows}


def test_the_worked_cost_example_can_be_redone_by_hand_from_its_prices(built: Project) -> None:
    costs = helper("_costs")
    table = cost_table(built.page(COSTS_PAGE))
    assert table["Requests a month"] == [f"{level.requests:,}" for level in costs.LEVELS]
    for column, level in enumerate(costs.LEVELS):
        requests = level.requests
        for_requests = max(0, requests - costs.FREE_REQUESTS) / 1e6 * costs.PRICE_PER_MILLION_REQUESTS
        gb_seconds = requests * costs.MEMORY_GB * costs.SECONDS_PER_REQUEST
        for_memory = max(0, gb_seconds - costs.FREE_GB_SECONDS) * costs.PRICE_PER_GB_SECOND
        function = next(cells for label, cells in table.items() if label.startswith("Function, a month"))
        assert function[column].endswith(f"= ${for_requests + for_memory:,.2f}"), level.name
        assert table["Server, a month"][column] == f"${costs.SERVER_PER_MONTH:,.2f}", level.name
    assert "$0.20 per million" in " ".join(table), "the table names the prices it multiplies by"


def crossing_shown(page: str) -> tuple[str, str, float]:
    """Where the example says the lines cross: its caption, the description's sentence, the marker's x in the SVG."""
    fragment = figure(page, "cost-break-even")
    caption = words(fragment.split("<figcaption>", 1)[1].split("</figcaption>", 1)[0])
    description = words(fragment.split('<details class="info diagram-description">', 1)[1])
    marker = re.search(r'class="node marker">\s*<ellipse[^>]* cx="([-\d.]+)"', fragment)
    assert marker, "the chart marks no point"
    return caption, re.search(r"The lines cross at about [^.]*\.[^.]*\.", description).group(), float(marker[1])


def test_a_new_price_moves_the_crossing_point_in_the_chart_its_words_and_its_table(
    built: Project, edited: Project
) -> None:
    before = crossing_shown(built.page(COSTS_PAGE))
    page = edited.page(COSTS_PAGE)
    after = crossing_shown(page)
    assert "18.3 million" in before[0] and "18.3 million" in before[1]
    assert "26 million" in after[0] and "26 million" in after[1], after
    assert after[2] > before[2], "the crossing point moved right on the chart"
    assert cost_table(page)["Server, a month"] == ["$20.00"] * 3
