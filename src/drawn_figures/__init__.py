"""Figures drawn by Python code, placed in Markdown pages by name.

The package has these parts, each in its own module:

- `drawn_figures.extension`: the Python-Markdown extension that replaces each
  `{diagram: NAME}` line in a page with the figure called NAME;
- `drawn_figures.library`: finds the diagram files, and draws the ones that changed;
- `drawn_figures.server`: the drawing server, which forks a child per diagram with the libraries imported once;
- `drawn_figures.draw`: runs one diagram file in a child process;
- `drawn_figures.diagrams_api`: the one module that touches the `diagrams` package's private parts;
- `drawn_figures.svg` and `drawn_figures.cache`: make the drawing self-contained, and keep it;
- `drawn_figures.legibility`: what a phone and a desktop will show of a figure, known at build time;
- `drawn_figures.icons`: where icons come from (`diagrams` and Material Design), and help for a misspelled one;
- `drawn_figures.glossary`: a second, small extension: the glossary page and keyboard-reachable tooltips;
- `drawn_figures.options`: checks the extensions' options, so that a mistake in one gets a clear message;
- `drawn_figures.stylesheet`: the figures' own stylesheet (`figures.css`), with the fonts chosen in the options;
- `drawn_figures.mkdocs_plugin`: the one MkDocs-only part: paths beside mkdocs.yml, front matter in line numbers,
  the package's stylesheet added to the site, and mistakes shown in the page under `mkdocs serve`.

Nothing else imports MkDocs, so any tool that runs Python-Markdown extensions
can build the pages.
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
