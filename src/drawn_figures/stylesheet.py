"""The figures' own stylesheet, which the MkDocs plugin adds to every site that places figures.

`figures.css`, beside this module, holds what a figure needs on any site: its size in the
column, the colours of its boxes, frames and lines by the classes the SVG carries, its caption
and its description. The stylesheet a site gets is that file after one rule of its own, which
sets `--drawn-figures-font` from the extension's `font` and `fallback_fonts` options: Graphviz lays
the labels out in `font`, so the page must show them in the same font, or they overflow their boxes.

    stylesheet("DejaVu Sans", ["Verdana", "sans-serif"])   # the text of assets/drawn-figures.css

A tool that runs the extension but not the MkDocs plugin (Zensical, say) lists `assets/drawn-figures.css`
in its `extra_css` and writes the file into the built site itself:

    python -m drawn_figures.stylesheet SITE_DIR [--font NAME] [--fallback-fonts NAME ...]

A site changes the colours by setting the `--diagram-*` properties in a stylesheet of its own,
listed after this one (for instance to suit Material's dark scheme).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from pathlib import Path

DEFAULT_FONT = "DejaVu Sans"  # installed with Graphviz on Debian and Ubuntu, and wide enough to read small
DEFAULT_FALLBACK_FONTS = ("Verdana", "sans-serif")  # for readers without it: Verdana's letters are as wide
STYLESHEET_URL = "assets/drawn-figures.css"  # where the plugin puts it in the site
SHIPPED = Path(__file__).with_name("figures.css")
# A font's name as both Graphviz and CSS read it, without quoting: nothing that could end the rule.
FONT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._+-]*")


def is_font_name(value: object) -> bool:
    return isinstance(value, str) and FONT_NAME.fullmatch(value) is not None and value == value.strip()


def font_stack(font: str, fallbacks: Sequence[str]) -> str:
    """A CSS `font-family` value: `"DejaVu Sans", Verdana, sans-serif`; a name with a space is quoted."""
    return ", ".join(f'"{name}"' if " " in name else name for name in (font, *fallbacks))


def stylesheet(font: str = DEFAULT_FONT, fallbacks: Sequence[str] = DEFAULT_FALLBACK_FONTS) -> str:
    """The stylesheet a site gets: the fonts' rule, then the shipped `figures.css`."""
    fonts = f":root {{\n  --drawn-figures-font: {font_stack(font, fallbacks)};\n}}\n\n"
    return fonts + SHIPPED.read_text(encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=f"Write the figures' stylesheet into a built site, as {STYLESHEET_URL}."
    )
    parser.add_argument("site_dir", type=Path, help="the built site's folder")
    parser.add_argument("--font", default=DEFAULT_FONT, help=f"the extension's `font` (default: {DEFAULT_FONT})")
    parser.add_argument(
        "--fallback-fonts", nargs="*", default=list(DEFAULT_FALLBACK_FONTS), help="the extension's `fallback_fonts`"
    )
    arguments = parser.parse_args(argv)
    fonts = [arguments.font, *arguments.fallback_fonts]
    if not all(is_font_name(name) for name in fonts):
        parser.error(f"a font's name is letters, digits, spaces, dots and hyphens: {fonts}")
    target = arguments.site_dir / STYLESHEET_URL
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(stylesheet(arguments.font, arguments.fallback_fonts), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
