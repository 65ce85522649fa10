"""What a reader will see of a figure, known at build time: its smallest text on a phone, its height on a desktop.

A figure is an inline SVG that the page shrinks to fit its column and never
enlarges (`max-width: 100%`). Its `width` and `height` are in CSS pixels and its
`viewBox` in Graphviz's points, so every length in the drawing, font sizes
included, is shown at `min(width, column) / viewBox width` pixels per point.
The build therefore knows, before any browser opens the page, how large the
smallest label will be on a phone and how tall the figure will be on a desktop,
and a browser test can check that Chromium shows the same.

The rules are a reader's bar: on a phone 360 px wide (a text column of 328 px:
Material leaves 16 px on each side) no text is smaller than 11 px, and on a
desktop (a text column of at most 700 px) no figure is taller than 600 px, so
that it fits one screen.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

PHONE_WIDTH_PX = 360
PHONE_COLUMN_PX = PHONE_WIDTH_PX - 2 * 16
DESKTOP_COLUMN_PX = 700
MIN_TEXT_PX = 11.0
MAX_DESKTOP_HEIGHT_PX = 600.0

SVG = "{http://www.w3.org/2000/svg}"
NUMBER = re.compile(r"[-+]?\d*\.?\d+")


@dataclass(frozen=True)
class Legibility:
    """A figure as shown: `phone_text_px` is its smallest text on a phone; the rest is desktop, in CSS px."""

    phone_text_px: float
    desktop_width_px: float
    desktop_height_px: float

    def problems(self) -> list[str]:
        """What breaks the readers' bar, each with its figure; empty when nothing does."""
        found = []
        if self.phone_text_px < MIN_TEXT_PX:
            found.append(
                f"its smallest text is {self.phone_text_px:.1f} px on a {PHONE_WIDTH_PX} px phone "
                f"(at least {MIN_TEXT_PX:g} px)"
            )
        if self.desktop_height_px > MAX_DESKTOP_HEIGHT_PX:
            found.append(
                f"it is {self.desktop_height_px:.0f} px tall on a desktop (at most {MAX_DESKTOP_HEIGHT_PX:g} px)"
            )
        return found

    def advice(self) -> str:
        """What to change in the diagram file to meet the bar."""
        if self.phone_text_px < MIN_TEXT_PX:
            return (
                "the figure is too wide to read once shrunk to a phone: shorten its labels or break them over "
                'two lines ("Object\\nstorage"), put fewer boxes in a row, or draw it top to bottom (direction="TB")'
            )
        return (
            "the figure is too tall: put fewer boxes one above the other, or draw it left to right "
            '(direction="LR") with short labels, on two lines where needed ("Object\\nstorage"), so that it '
            "still fits a phone"
        )


def measure(svg: str) -> Legibility:
    """The figure `svg` (as `drawn_figures.svg` writes it) as a phone and a desktop will show it."""
    root = ET.fromstring(svg)
    width, height = float(root.attrib["width"]), float(root.attrib["height"])
    view_width = float(root.attrib["viewBox"].split()[2])
    sizes = [float(NUMBER.findall(text.attrib["font-size"])[0]) for text in root.iter(f"{SVG}text")]
    smallest = min(sizes, default=float("inf"))
    phone_scale = min(width, PHONE_COLUMN_PX) / view_width
    desktop_shrink = min(1.0, DESKTOP_COLUMN_PX / width)
    return Legibility(
        phone_text_px=smallest * phone_scale,
        desktop_width_px=width * desktop_shrink,
        desktop_height_px=height * desktop_shrink,
    )
