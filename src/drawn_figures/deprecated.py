"""The Markdown extensions' names of drawn-figures 0.1.0: each still works, and says what replaced it.

The plugin's old name is `drawn_figures.mkdocs_plugin.FiguresPlugin`.
"""

from __future__ import annotations

from typing import Any

from drawn_figures import log
from drawn_figures.extension import DrawnFiguresExtension
from drawn_figures.glossary import GlossaryExtension


def renamed(old: str, new: str, where: str) -> None:
    log.info("`%s` under `%s:` is deprecated and will be removed in 1.0; write `%s`", old, where, new)


def figures_extension(**options: Any) -> DrawnFiguresExtension:
    renamed("figures", "drawn_figures", "markdown_extensions")
    return DrawnFiguresExtension(**options)


def figures_glossary_extension(**options: Any) -> GlossaryExtension:
    renamed("figures_glossary", "drawn_figures_glossary", "markdown_extensions")
    return GlossaryExtension(**options)
