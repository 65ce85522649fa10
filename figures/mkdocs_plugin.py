"""The thin MkDocs layer: the little that only MkDocs needs, listed as `plugins: [figures]`.

The Markdown extension does the work and runs under any tool that runs
Python-Markdown extensions (Zensical ignores plugins it does not know). This
plugin only changes how `mkdocs serve` treats mistakes: MkDocs' server stops
answering after a failed rebuild until the mistake is fixed, so while serving,
a broken placeholder or diagram file is shown in the page where its figure
goes, and in the terminal (as a warning), and the server keeps serving.
`mkdocs build` is left as it is: stopped by any mistake (and, with `--strict`,
as `make build` and the tests run it, by any warning). So `strict` is not set
in mkdocs.yml: it would make `mkdocs serve` stop at these warnings too.
"""

from __future__ import annotations

from typing import Literal

from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin

EXTENSION = "figures.extension"


class NoOptions(Config):  # type: ignore[no-untyped-call]  # MkDocs' __init_subclass__ has no types
    """The plugin has no options: the extension's options are under `markdown_extensions:`."""


class FiguresPlugin(BasePlugin[NoOptions]):  # type: ignore[no-untyped-call]  # likewise
    serving = False

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.serving and EXTENSION in config.markdown_extensions:
            config.mdx_configs.setdefault(EXTENSION, {})["show_errors"] = True
        return config
