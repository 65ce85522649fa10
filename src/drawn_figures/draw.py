"""Draw one diagram file: what each child runs (`drawn_figures.children`), or the command

    python -P -m drawn_figures.draw DIAGRAM_FILE SHOWN_FOLDER [FONT]

run in the diagram's folder (`-P`: a diagram named like a module, `json.py`, must not hide it).
It runs the file as a script, catches the `diagrams.Diagram` it builds instead of letting the
library render it (`drawn_figures.diagrams_api`), lays it out with Graphviz, makes the SVG
self-contained, and prints the figure as one JSON object on stdout. A mistake goes to stderr as
`file:line: message`, naming the file as SHOWN_FOLDER says, and the exit status is a `ChildExit`.

The house style set here (tight padding, the font, ids numbered in drawing order instead of
`uuid4`, so a figure is the same bytes on every build) only changes the library's defaults: a
diagram file can still override any of it.
"""

from __future__ import annotations

import json
import os
import re
import runpy
import sys
import traceback
from pathlib import Path
from typing import Any

import graphviz

from drawn_figures import ChildExit
from drawn_figures.diagrams_api import capture_diagrams
from drawn_figures.icons import did_you_mean
from drawn_figures.stylesheet import DEFAULT_FONT
from drawn_figures.svg import UnsafeSvgError, make_self_contained

HOUSE_GRAPH_ATTRS = {"pad": "0.1"}  # tight padding: the page gives the figure its margin
INSTALL_GRAPHVIZ = (
    "install it and run the build again: `sudo apt-get install graphviz` (Debian, Ubuntu), "
    "`brew install graphviz` (macOS), `winget install graphviz` (Windows)"
)
IMAGE_ATTRIBUTE = re.compile(r'\bimage="([^"]*)"')


class DrawError(Exception):
    """A mistake in a diagram file, reported as `file:line: message`."""

    status = ChildExit.MISTAKE


class GraphvizError(DrawError):
    """Graphviz missing or failing: no mistake in the file, so the build tries again later."""

    status = ChildExit.GRAPHVIZ_TROUBLE


def located(path: Path, shown_folder: str, error: BaseException) -> str:
    """`file:line: error`, at the innermost line of the traceback that lies in the diagram folder."""
    if isinstance(error, SyntaxError):
        return (
            f"{shown_folder}/{Path(error.filename or path).name}:{error.lineno}: SyntaxError: {error.msg}: "
            + (error.text or "").strip()
        )
    hint = did_you_mean(error)  # a misspelled icon: Python's own message would name a path of this machine
    summary = f"{type(error).__name__}: {hint}" if hint else "".join(traceback.format_exception_only(error)).strip()
    frames = [f for f in traceback.extract_tb(error.__traceback__) if Path(f.filename).resolve().parent == path.parent]
    if not frames:
        return f"{shown_folder}/{path.name}: {summary}"
    return f"{shown_folder}/{Path(frames[-1].filename).name}:{frames[-1].lineno}: {summary}"


def text_setting(shown: str, settings: dict[str, Any], name: str, required: bool = True) -> str:
    value = settings.get(name, "")
    if not isinstance(value, str) or (required and not value.strip()):
        kind = "a non-empty string" if required else "a string"
        raise DrawError(f'{shown}: set {name} to {kind}, e.g. {name} = "..."')
    return value.strip()


def draw(path: Path, shown_folder: str, font: str = DEFAULT_FONT) -> dict[str, str]:
    """Run the diagram file at `path` and return its figure; `shown_folder` names its folder in messages.

    It changes the `diagrams` package for the rest of the process (see `capture_diagrams`): call it once
    per process, as the child that draws does.
    """
    shown = f"{shown_folder}/{path.name}"
    drawn = capture_diagrams({**HOUSE_GRAPH_ATTRS, "fontname": font}, {"fontname": font})
    try:
        settings = runpy.run_path(path.name, run_name="__main__")
    except (Exception, SystemExit) as error:  # any mistake in the file, even sys.exit(): report where it is
        raise DrawError(located(path, shown_folder, error)) from error
    if len(drawn) != 1:
        raise DrawError(
            f"{shown}: draws {len(drawn)} diagrams; a diagram file must draw exactly one `with Diagram(...):` block"
        )
    source = drawn[0].dot.source
    for icon in IMAGE_ATTRIBUTE.findall(source):
        if not (path.parent / icon).is_file():
            raise DrawError(f"{shown}: icon {icon!r} does not exist; check the path given to the node")
    figure = {
        "caption": text_setting(shown, settings, "CAPTION"),
        "alt": text_setting(shown, settings, "ALT"),
        "description": text_setting(shown, settings, "DESCRIPTION", required=False),
        "table": text_setting(shown, settings, "TABLE", required=False),
    }
    try:
        svg = drawn[0].dot.pipe(format="svg", encoding="utf-8")
        figure["svg"] = make_self_contained(svg, base_dir=path.parent, title=figure["alt"])
    except graphviz.ExecutableNotFound as error:
        raise GraphvizError(f"Graphviz is not installed: {INSTALL_GRAPHVIZ}") from error
    except graphviz.CalledProcessError as error:
        raise GraphvizError(f"{shown}: Graphviz failed: {error.stderr.strip()}") from error
    except OSError as error:  # e.g. a `dot` that died before reading the whole graph
        raise GraphvizError(f"{shown}: Graphviz failed: {error}") from error
    except UnsafeSvgError as error:
        raise DrawError(f"{shown}: {error}") from error
    return figure


def main(argv: list[str]) -> int:
    # Standard output carries the JSON alone: whatever the diagram writes there, from Python or
    # from a library in C, goes to standard error, which the build shows when drawing fails.
    result = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    path = Path(argv[1]).resolve()
    sys.path.append(str(path.parent))  # for the helpers diagrams share; after the libraries, never before
    try:
        figure = draw(path, shown_folder=argv[2], font=argv[3] if len(argv) > 3 else DEFAULT_FONT)
    except DrawError as error:
        print(error, file=sys.stderr)
        return error.status
    json.dump(figure, result)
    result.close()
    return ChildExit.DRAWN


if __name__ == "__main__":
    sys.exit(main(sys.argv))
