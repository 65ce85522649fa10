"""Figures drawn by Python code, placed in Markdown pages by name (the package's README says how to use it).

- `extension`: the Python-Markdown extension: `{diagram: NAME}` lines become figures;
- `mkdocs_plugin`: the one MkDocs-only part (paths beside mkdocs.yml, front matter, the stylesheet, serving);
- `library`: which figures to draw, and when; `keys`: the diagram folder and each diagram's content key;
- `children`: each diagram drawn in a child process; `draw`: what that child runs;
- `diagrams_api`: the one module that touches the `diagrams` package's private parts;
- `svg` and `cache`: the drawing made self-contained, and kept;
- `legibility`: what a phone and a desktop will show of a figure; `icons`: where icons come from;
- `glossary`: a second extension: a glossary page and tooltips a keyboard can reach;
- `options`, `stylesheet`, `fences`, `deprecated`: checked options, the figures' CSS, fenced code, old names.

Nothing but `mkdocs_plugin` imports MkDocs, so any tool that runs Python-Markdown extensions can build pages.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import MutableMapping
from enum import IntEnum
from typing import Any


class PrefixedLog(logging.LoggerAdapter[logging.Logger]):
    """Every line the package logs starts with `drawn_figures: `, so a reader of the build's log knows who speaks."""

    def process(self, msg: Any, kwargs: MutableMapping[str, Any]) -> tuple[Any, MutableMapping[str, Any]]:
        return f"drawn_figures: {msg}", kwargs


# A child of MkDocs' logger, so that `mkdocs build` shows it; elsewhere an ordinary logger.
log = PrefixedLog(logging.getLogger("mkdocs.plugins.drawn_figures"))

# Under MkDocs, a BuildError is reported as one clear line rather than a traceback. MkDocs has
# loaded its exceptions long before it loads Markdown extensions; elsewhere (other tools, and the
# child process that draws a diagram) importing MkDocs would only cost time. ProperDocs, MkDocs'
# fork, loads the same module as `properdocs.exceptions` and names it `mkdocs.` only when imported.
_mkdocs = sys.modules.get("mkdocs.exceptions") or sys.modules.get("properdocs.exceptions")
_ReportedError: type[Exception] = _mkdocs.BuildError if _mkdocs else Exception

# Every id in a drawn SVG starts with this; each placement on a page replaces it with its own prefix.
ID_PREFIX = "@@ID@@"


class ChildExit(IntEnum):
    """How the child that draws one diagram (`drawn_figures.draw`) ends; `drawn_figures.library` reads it."""

    DRAWN = 0  # the figure is on standard output, as JSON
    MISTAKE = 1  # a mistake in the diagram file, on standard error as `file:line: message`; kept until it changes
    GRAPHVIZ_TROUBLE = 2  # Graphviz missing or failing: no mistake in the file, so it is tried again later


class DiagramError(_ReportedError):  # type: ignore[misc,valid-type]  # chosen at import time, above
    """A mistake in a page or a diagram file; the message says where and how to fix it."""
