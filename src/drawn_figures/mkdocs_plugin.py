"""The thin MkDocs layer: the little that only MkDocs needs, listed as `plugins: [drawn_figures]`.

The Markdown extension does the work and runs under any tool that runs
Python-Markdown extensions (Zensical ignores plugins it does not know). This
plugin only tells the extension what MkDocs alone knows:

- where `mkdocs.yml` is: the extension's `diagrams_dir` and `cache_dir` are
  made relative to it, as MkDocs makes `docs_dir` and `watch`, so that
  `mkdocs build -f other/mkdocs.yml` works from any folder; once they are, the
  drawing starts, in the background, while MkDocs reads the pages;
- how long each page's front matter is, which MkDocs strips before Markdown
  sees the page, so that a message's line number is the line in the file;
- which files the site has: it adds the figures' own stylesheet
  (`drawn_figures.stylesheet`, with the extension's fonts) to the site as
  `assets/drawn-figures.css`, and links it from every page before the site's own
  `extra_css` (as pawamoy's markdown-exec adds its assets), so that a site that
  installs the package gets styled figures with no stylesheet of its own;
- whether it is serving: MkDocs' server stops answering after a failed rebuild
  until the mistake is fixed, so while serving, a broken placeholder or diagram
  file is shown in the page where its figure goes, and in the terminal (as a
  warning), and the server keeps serving.

`mkdocs build` is left as it is: stopped by any mistake (and, with `--strict`,
by any warning). So a site should not set `strict` in its mkdocs.yml: it would
make `mkdocs serve` stop at these warnings too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from drawn_figures.deprecated import renamed
from drawn_figures.extension import DrawnFiguresExtension
from drawn_figures.stylesheet import STYLESHEET_URL

# The extension as mkdocs.yml may list it: by its entry point's name, or by its module.
EXTENSION_NAMES = ("drawn_figures", "drawn_figures.extension", "figures")  # the last one deprecated
PATH_OPTIONS = ("diagrams_dir", "cache_dir")


def front_matter_lines(source: str, markdown: str) -> int:
    """How many lines of `source` (a page's file) come before `markdown` (what MkDocs kept of it)."""
    if not markdown or not source.endswith(markdown):
        return 0
    return source[: len(source) - len(markdown)].count("\n")


def extension_name(config: MkDocsConfig) -> str | None:
    """The name under which `markdown_extensions:` lists the figures extension, if it does."""
    return next((name for name in EXTENSION_NAMES if name in config.markdown_extensions), None)


class NoOptions(Config):  # type: ignore[no-untyped-call]  # MkDocs' __init_subclass__ has no types
    """The plugin has no options: the extension's options are under `markdown_extensions:`."""


class DrawnFiguresPlugin(BasePlugin[NoOptions]):  # type: ignore[no-untyped-call]  # likewise
    serving = False

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        beside_config = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
        extension = extension_name(config)
        if extension is None:
            return config
        options: dict[str, Any] = config.mdx_configs.setdefault(extension, {})
        defaults = DrawnFiguresExtension().getConfigs()
        for option in PATH_OPTIONS:
            options[option] = str(beside_config / options.get(option, defaults[option]))
        if self.serving:
            options["show_errors"] = True
        if STYLESHEET_URL not in config.extra_css:
            config.extra_css.insert(0, STYLESHEET_URL)
        DrawnFiguresExtension(**options).start_drawing()
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        extension = extension_name(config)
        if extension is not None:
            stylesheet = DrawnFiguresExtension(**config.mdx_configs.get(extension, {})).stylesheet()
            files.append(File.generated(config, STYLESHEET_URL, content=stylesheet))
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        extension = extension_name(config)
        if extension is not None and page.file.abs_src_path:
            source = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
            config.mdx_configs.setdefault(extension, {})["first_line"] = 1 + front_matter_lines(source, markdown)
        return markdown


class FiguresPlugin(DrawnFiguresPlugin):  # type: ignore[no-untyped-call]  # as above
    """The plugin under its name of 0.1.0, `figures`."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        renamed("figures", "drawn_figures", "plugins")
        return super().on_config(config)
