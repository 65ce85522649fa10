"""The figures' own stylesheet, which the MkDocs plugin adds to every site that places figures.

`figures.css`, beside this module, holds what a figure needs on any site: its size in the
column, the colours of its boxes, frames and lines by the classes the SVG carries, its caption
and its description. The stylesheet a site gets is that file after one rule of its own, which
sets `--drawn-figures-font` from the extension's `font` and `fallback_fonts` options: Graphviz lays
the labels out in `font`, so the page must show them in the same font, or they overflow their boxes.

    stylesheet("DejaVu Sans", ["Verdana", "sans-serif"])   # the text of assets/drawn-figures.css

A site changes the colours by setting the `--diagram-*` properties in a stylesheet of its own,
listed after this one (this site does so for Material's dark scheme: docs/stylesheets/figures.css).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

DEFAULT_FONT = "DejaVu Sans"  # installed with Graphviz on Debian and Ubuntu, and wide enough to read small
DEFAULT_FALLBACK_FONTS = ("Verdana", "sans-serif")  # for readers without it: Verdana's letters are as wide
STYLESHEET_URL = "assets/drawn-figures.css"  # where the plugin puts it in the site
SHIPPED = Path(__file__).with_name("figures.css")
# A font's name as both Graphviz and CSS read it, without quoting: nothing that could end the rule.
FONT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._+-]*")


def font_stack(font: str, fallbacks: Sequence[str]) -> str:
    """A CSS `font-family` value: `"DejaVu Sans", Verdana, sans-serif`; a name with a space is quoted."""
    return ", ".join(f'"{name}"' if " " in name else name for name in (font, *fallbacks))


def stylesheet(font: str = DEFAULT_FONT, fallbacks: Sequence[str] = DEFAULT_FALLBACK_FONTS) -> str:
    """The stylesheet a site gets: the fonts' rule, then the shipped `figures.css`."""
    fonts = f":root {{\n  --drawn-figures-font: {font_stack(font, fallbacks)};\n}}\n\n"
    return fonts + SHIPPED.read_text(encoding="utf-8")
