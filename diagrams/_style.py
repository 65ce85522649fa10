"""The house building blocks: every box and frame of every diagram on the site.

- `stack()` and `flow()`: the diagram itself, as `with stack():` (layers top to
  bottom, close together) or `with flow():` (steps left to right; `flow("TB")`
  for top to bottom), with the caption as its only title.
- `band(Icon, "Label")`: a layer of a stack. A wide, low, rounded box: the icon,
  then the label. Stack bands top to bottom (`direction="TB"`).
- `step(Icon, "Label")`: a step of a flow. A compact box: the icon above a short
  label (`beside=True`: beside it). Put up to four steps in a row, left to right
  (`direction="LR"`), or more top to bottom.
- `group("Label")`: a frame around boxes that belong together, used as
  `with group("Cloud provider"):`.
- `instances(Icon, "Label", 3)`: several instances of one function or program,
  numbered steps side by side; an arrow into the list fans out to each
  (`queue >> instances(...)`).
- `column(a, b, c)`: keeps boxes one above the other, `a` on top (boxes that no
  arrow joins would otherwise stand side by side).
- `chart()` and `grid(rows, columns)`: a chart, as `with chart():`: a row per
  name, a column per heading, and in each column boxes that each span a run of
  rows (`Run(Icon, role, rows)`). `mark(Icon)` and `words("Label")` are its
  cells: a box holding only an icon, and a label with no box.
- `chart()` and `plot(x, y, lines, points)`: a line chart, as `with chart():`:
  two `Axis`es (`log=True` for a logarithmic one), `Line`s through points of
  data, each labelled and coloured by role, and labelled `Point`s to mark.

Each block has the house look in both palettes: the icon sits on a white tile,
so dark icons stay visible in dark mode, and the colours come from the figures'
stylesheet (drawn_figures/figures.css; this site's dark colours are in
docs/stylesheets/figures.css) by `role`: `adds-value`, `service`,
`yours` and `provider` (the same colours: what your team runs, and what a
provider runs for you), or none for a neutral box. An icon is an icon class of the `diagrams` package
(`from diagrams.aws.compute import Lambda`) or the path of an image file;
`drawn_figures.icons` finds its file. Labels are 14 pt, which the build's legibility
check (drawn_figures/legibility.py) turns into pixels on a phone: drawn as above,
they stay at least 11 px high there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from html import escape
from itertools import count, pairwise
from typing import Any

from diagrams import Cluster, Diagram, Edge, Node

from drawn_figures.icons import icon_file

FONT_PT = 14
LINE_PT = 14.4  # a second line of a label adds this much to its box (0.2 in)
BAND_WIDTH_PT = 300
BAND_HEIGHT_IN = 0.36
ICON_PT = 22
STEP_ICON_PT = 30
TILE_PADDING_PT = 4
MARK_WIDTH_PT = 44
MARK_HEIGHT_PT = (BAND_HEIGHT_IN - 0.02) * 72  # a chart's row: a little lower than a band
GRID_GAP_PT = 4
GROUP = {"fontsize": "14", "fontname": "DejaVu Sans Bold", "margin": "8", "style": "rounded,dashed", "labeljust": "l"}

Icon = type[Node] | str
FRAMES = count(1)


def stack() -> Diagram:
    """A diagram of bands, top to bottom, close together."""
    return Diagram("", show=False, direction="TB", graph_attr={"ranksep": "0.06", "nodesep": "0.1"})


def chart() -> Diagram:
    """A diagram whose boxes stand where `grid()` puts them: rows and columns line up, which dot cannot promise."""
    return Diagram("", show=False, graph_attr={"layout": "neato"})


def flow(direction: str = "LR") -> Diagram:
    """A diagram of steps joined by arrows, left to right (or `"TB"`), with short arrows."""
    return Diagram("", show=False, direction=direction, graph_attr={"ranksep": "0.28", "nodesep": "0.2"})


def tile(icon: Icon, size_pt: int) -> str:
    """The icon on a white, rounded tile: a cell of an HTML-like label."""
    outer = size_pt + TILE_PADDING_PT
    return (
        # Square corners: a rounded tile is a curve of some 400 bytes, a square one a polygon of 70.
        f'<TD FIXEDSIZE="TRUE" WIDTH="{outer}" HEIGHT="{outer}" BGCOLOR="white">'
        f'<IMG SRC="{escape(icon_file(icon))}" SCALE="TRUE"/></TD>'
    )


def lines(text: str, align: str) -> str:
    """`text` as label lines (a "\\n" starts a new one), each aligned `align`."""
    return "".join(f'{escape(line)}<BR ALIGN="{align}"/>' for line in text.split("\n"))


def box(label: str, role: str, kind: str, rounded: bool = True, **attributes: Any) -> Node:
    return Node(
        f"<{label}>",
        shape="box",
        style="rounded,filled" if rounded else "filled",
        fontsize=str(FONT_PT),
        labelloc="c",
        **{"class": f"{kind} {role}".strip()},
        **attributes,
    )


def band(icon: Icon, text: str, role: str = "", width_pt: int = BAND_WIDTH_PT) -> Node:
    """A layer of a stack: the icon, then `text`, in a band `width_pt` wide (narrower for two side by side)."""
    label = (
        f'<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0" WIDTH="{width_pt - 16}"><TR>'
        f'{tile(icon, ICON_PT)}<TD WIDTH="8"></TD>'
        f'<TD WIDTH="{width_pt - ICON_PT - 32}" ALIGN="LEFT" BALIGN="LEFT">{lines(text, "LEFT")}</TD>'
        "</TR></TABLE>"
    )
    height = BAND_HEIGHT_IN + 0.22 * text.count("\n")
    return box(label, role, "band", fixedsize="true", width=str(width_pt / 72), height=str(height))


def step(icon: Icon, text: str, role: str = "", beside: bool = False) -> Node:
    """A step of a flow: the icon above `text` (or `beside` it), in a box just large enough for both."""
    if beside:
        cells = f'<TR>{tile(icon, ICON_PT)}<TD WIDTH="6"></TD><TD ALIGN="LEFT">{lines(text, "LEFT")}</TD></TR>'
    else:
        gap = '<TR><TD HEIGHT="4"></TD></TR>'
        cells = f"<TR>{tile(icon, STEP_ICON_PT)}</TR>{gap}<TR><TD>{lines(text, 'CENTER')}</TD></TR>"
    label = f'<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0">{cells}</TABLE>'
    return box(label, role, "step", fixedsize="false", width="0", height="0", margin="0.1,0.06")


def group(text: str, role: str = "") -> Cluster:
    """A dashed frame labelled `text` around the boxes drawn inside `with group(...):`."""
    frame = Cluster(text, graph_attr={**GROUP, "class": role} if role else GROUP)
    # The package names a frame after its label, so two frames with one label would become one.
    frame.dot.name = f"cluster_{next(FRAMES)}"
    return frame


def instances(icon: Icon, text: str, how_many: int, role: str = "") -> list[Node]:
    """`how_many` running instances of one thing, numbered steps side by side: `text 1`, `text 2`, ..."""
    return [step(icon, f"{text} {number}", role) for number in range(1, how_many + 1)]


def markdown_table(corner: str, headings: list[str], rows: dict[str, list[str]]) -> str:
    """A figure's TABLE: `headings` across the top after `corner`, then a row per label with its cells."""
    lines = [
        f"| {corner} | " + " | ".join(headings) + " |",
        "| --- " * (len(headings) + 1) + "|",
        *(f"| {label} | " + " | ".join(cells) + " |" for label, cells in rows.items()),
    ]
    return "\n".join(lines) + "\n"


def column(*boxes: Node) -> list[Node]:
    """Keep `boxes` one above the other, the first on top, with invisible arrows; returns them."""
    for upper, lower in pairwise(boxes):
        upper >> Edge(style="invis") >> lower
    return list(boxes)


def text_width_pt(text: str) -> int:
    """About how wide `text` is at the house font size: Graphviz's own guess is too narrow for DejaVu Sans."""
    return math.ceil(max(len(line) for line in text.split("\n")) * FONT_PT * 0.62)


def mark(icon: Icon, role: str = "", width_pt: int = 40, height_pt: float = MARK_HEIGHT_PT, **attributes: Any) -> Node:
    """A cell of a chart: a box `width_pt` wide holding only the icon on its tile, in its middle."""
    label = f'<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>{tile(icon, ICON_PT - 6)}</TR></TABLE>'
    return box(
        label,
        role,
        "mark",
        rounded=False,
        fixedsize="true",
        width=str(width_pt / 72),
        height=str(height_pt / 72),
        **attributes,
    )


def words(text: str, align: str = "RIGHT", width_pt: int = 0, **attributes: Any) -> Node:
    """A label with no box, e.g. a row's name in a chart, at least `width_pt` wide and aligned `align` in
    that width (so that a column of names lines up on one edge)."""
    width = max(width_pt, text_width_pt(text))
    cell = f'<TD WIDTH="{width}" ALIGN="{align}" BALIGN="{align}">{lines(text, align)}</TD>'
    return Node(
        f'<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>{cell}</TR></TABLE>>',
        shape="plaintext",
        fontsize=str(FONT_PT),
        fixedsize="true",
        width=str(width / 72),
        height=str((MARK_HEIGHT_PT + LINE_PT * text.count("\n")) / 72),
        margin="0",
        **attributes,
    )


@dataclass(frozen=True)
class Run:
    """Rows of a chart's column that belong together: one box, `rows` rows tall, marked by `icon`."""

    icon: Icon
    role: str
    rows: int


def grid(rows: list[str], columns: dict[str, list[Run]]) -> None:
    """Draw a chart in a `chart()` diagram: `rows` named down the left, a column per heading in `columns`.

    Each column is its runs from the top down, and they must fill it: their `rows` add up to `len(rows)`.
    A row is as tall as its name (a name with a "\\n" takes two lines); a run is as tall as its rows.
    """
    heights = [MARK_HEIGHT_PT + LINE_PT * name.count("\n") for name in rows]
    tops = [sum(heights[:row]) + GRID_GAP_PT * row for row in range(len(rows) + 1)]
    names_width = max(text_width_pt(name) for name in rows)
    heading_top = -(MARK_HEIGHT_PT + GRID_GAP_PT)

    def at(left: float, top: float, width: float, height: float) -> str:
        """Graphviz's `pos` for a box with this top left corner and size: its centre, in inches, y up; "!" pins it."""
        return f"{(left + width / 2) / 72:.4f},{-(top + height / 2) / 72:.4f}!"

    for name, top, height in zip(rows, tops[:-1], heights, strict=True):
        words(name, width_pt=names_width, pos=at(0, top, names_width, height))
    left = names_width + 2 * GRID_GAP_PT
    for heading, runs in columns.items():
        covered = sum(run.rows for run in runs)
        if covered != len(rows):
            raise ValueError(
                f"grid(): the runs of column {heading!r} cover {covered} rows, but the chart has {len(rows)}; "
                f"make the rows of its runs add up to {len(rows)}"
            )
        width = max(MARK_WIDTH_PT, text_width_pt(heading))
        words(heading, align="CENTER", width_pt=width, pos=at(left, heading_top, width, MARK_HEIGHT_PT))
        first = 0
        for run in runs:
            top, bottom = tops[first], tops[first + run.rows] - GRID_GAP_PT
            mark(run.icon, run.role, width_pt=width, height_pt=bottom - top, pos=at(left, top, width, bottom - top))
            first += run.rows
        left += width + GRID_GAP_PT


PLOT_WIDTH_PT = 250
PLOT_HEIGHT_PT = 170
TICK_GAP_PT = 6


@dataclass(frozen=True)
class Axis:
    """An axis from `low` to `high`, with a label at each value of `ticks`; `log=True` spaces it by powers."""

    title: str
    low: float
    high: float
    ticks: dict[float, str]
    log: bool = False

    def at(self, value: float, length_pt: float) -> float:
        """Where `value` falls along an axis `length_pt` long, in points from its start."""
        scale = math.log10 if self.log else float
        return (scale(value) - scale(self.low)) / (scale(self.high) - scale(self.low)) * length_pt


# Where a label sits around its spot: "n" above it, "sw" below and to the left, and so on.
COMPASS = {
    "n": (0, 1),
    "s": (0, -1),
    "e": (1, 0),
    "w": (-1, 0),
    "ne": (1, 1),
    "nw": (-1, 1),
    "se": (1, -1),
    "sw": (-1, -1),
}


@dataclass(frozen=True)
class Line:
    """A line of a plot through `points` (x, y), coloured by `role`, labelled `label` on the `side` of its point
    number `label_at` (the last by default)."""

    label: str
    role: str
    points: list[tuple[float, float]] = field(default_factory=list)
    label_at: int = -1
    side: str = "w"


@dataclass(frozen=True)
class Point:
    """A dot on a plot at (x, y), with `label` on its `side`: "n" (above), "e", "sw" and so on."""

    label: str
    x: float
    y: float
    side: str = "n"


def plot(x: Axis, y: Axis, lines: list[Line], points: list[Point]) -> None:
    """Draw a line chart in a `chart()` diagram: axes with their ticks, the lines, then the marked points."""

    def pinned(left: float, bottom: float) -> str:
        """Graphviz's `pos` for a spot `left` points right of the origin and `bottom` points up; "!" pins it."""
        return f"{left / 72:.4f},{bottom / 72:.4f}!"

    def spot(left: float, bottom: float) -> Node:
        return Node("", shape="point", width="0", height="0", style="invis", pos=pinned(left, bottom))

    def join(start: Node, end: Node, kind: str) -> None:
        start >> Edge(arrowhead="none", **{"class": kind}) >> end

    def label(text: str, left: float, bottom: float, side: str) -> None:
        width, height = text_width_pt(text), MARK_HEIGHT_PT + LINE_PT * text.count("\n")
        across, up = COMPASS[side]
        align = {1: "LEFT", -1: "RIGHT"}.get(across, "CENTER")
        words(text, align=align, pos=pinned(left + across * (width / 2 + 6), bottom + up * (height / 2 + 2)))

    origin = spot(0, 0)
    join(origin, spot(PLOT_WIDTH_PT, 0), "axis")
    join(origin, spot(0, PLOT_HEIGHT_PT), "axis")
    for value, text in x.ticks.items():
        label(text, x.at(value, PLOT_WIDTH_PT), -TICK_GAP_PT, "s")
    for value, text in y.ticks.items():
        bottom = y.at(value, PLOT_HEIGHT_PT)
        label(text, -TICK_GAP_PT, bottom, "w")
        if bottom > 0:
            join(spot(0, bottom), spot(PLOT_WIDTH_PT, bottom), "grid")
    label(x.title, PLOT_WIDTH_PT / 2, -TICK_GAP_PT - MARK_HEIGHT_PT - 4, "s")
    label(y.title, 0, PLOT_HEIGHT_PT + 6, "n")
    for line in lines:
        spots = [spot(x.at(px, PLOT_WIDTH_PT), y.at(py, PLOT_HEIGHT_PT)) for px, py in line.points]
        for start, end in pairwise(spots):
            join(start, end, f"series {line.role}")
        at_x, at_y = line.points[line.label_at]
        label(line.label, x.at(at_x, PLOT_WIDTH_PT), y.at(at_y, PLOT_HEIGHT_PT), line.side)
    for point in points:
        left, bottom = x.at(point.x, PLOT_WIDTH_PT), y.at(point.y, PLOT_HEIGHT_PT)
        marker = {"class": "marker"}
        Node("", shape="circle", width="0.1", height="0.1", fixedsize="true", pos=pinned(left, bottom), **marker)
        label(point.label, left, bottom, point.side)
