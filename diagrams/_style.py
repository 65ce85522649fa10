"""The house look shared by diagrams: a band with an icon on a light tile and a label.

`band(Icon, "Label")` draws a node of the `diagrams` package as a wide, low,
rounded band instead of a large icon over a caption, so a stack of them stays
compact and every label stays readable on a phone. The icon sits on a white
tile so that dark icons stay visible in dark mode. `role` becomes a class of
the shape in the SVG; the site's stylesheet (docs/stylesheets/figures.css)
gives each role its colours in light and dark: `adds-value`, `service`, or
none for a neutral band.
"""

from __future__ import annotations

from html import escape

from diagrams import Node

BAND_WIDTH_PT = 300
BAND_HEIGHT_IN = 0.42
ICON_PT = 22
FONT_PT = 14


def band(icon: type[Node], text: str, role: str = "", width_pt: int = BAND_WIDTH_PT) -> Node:
    """A node drawn as a band: the icon of `icon`, then `text` (use a line break for a second line)."""
    path = icon._load_icon(icon)  # type: ignore[arg-type]  # the package's own lookup of the icon file
    tile = ICON_PT + 4
    lines = "".join(f'{escape(line)}<BR ALIGN="LEFT"/>' for line in text.split("\n"))
    label = (
        f'<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0" WIDTH="{width_pt - 16}">'
        f'<TR><TD FIXEDSIZE="TRUE" WIDTH="{tile}" HEIGHT="{tile}" BGCOLOR="white" STYLE="rounded">'
        f'<IMG SRC="{path}" SCALE="TRUE"/></TD><TD WIDTH="8"></TD>'
        f'<TD WIDTH="{width_pt - tile - 28}" ALIGN="LEFT" BALIGN="LEFT">{lines}</TD></TR></TABLE>>'
    )
    height = BAND_HEIGHT_IN + 0.22 * text.count("\n")
    return Node(
        label,
        shape="box",
        style="rounded,filled",
        fixedsize="true",
        width=str(width_pt / 72),
        height=str(height),
        fontsize=str(FONT_PT),
        labelloc="c",
        **{"class": f"band {role}".strip()},
    )
