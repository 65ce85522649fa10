"""Figures drawn by Python code, placed in Markdown pages by name.

The package has four parts, each in its own module:

- `figures.extension`: the Python-Markdown extension that replaces each
  `{diagram: NAME}` line in a page with the figure called NAME;
- `figures.library`: finds the diagram files, and draws the ones that changed;
- `figures.draw`: runs one diagram file in a child process;
- `figures.svg` and `figures.cache`: make the drawing self-contained, and keep it;
- `figures.mkdocs_plugin`: the one MkDocs-only part, for `mkdocs serve`.

Nothing else imports MkDocs, so any tool that runs Python-Markdown extensions
can build the pages.
"""

from __future__ import annotations

try:  # Under MkDocs, a BuildError is reported as one clear line rather than a traceback.
    from mkdocs.exceptions import BuildError as _ReportedError
except ImportError:  # pragma: no cover - other tools print the message as it is
    _ReportedError = Exception  # type: ignore[assignment,misc]


class DiagramError(_ReportedError):
    """A mistake in a page or a diagram file; the message says where and how to fix it."""
