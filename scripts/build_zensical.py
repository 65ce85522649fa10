"""Build the site with Zensical instead of MkDocs, into site-zensical/ (or the folder given), or preview it.

    make build-zensical      (or, from the project's root: .venv/bin/python -m scripts.build_zensical [SITE_DIR])
    make serve-zensical      (or: .venv/bin/python -m scripts.build_zensical --serve [--dev-addr IP:PORT])

Zensical reads mkdocs.yml and runs its Markdown extensions, `drawn_figures.extension` included, so the
pages and diagrams build unchanged. This wrapper around Zensical's `build` only adds what a bare
`zensical build` leaves out:

- its own output folder, so the MkDocs site in site/ stays as it is: mkdocs.yml takes `site_dir`
  from $SITE_DIR, which both generators read;
- every page rendered on every build, as MkDocs does: Zensical keeps rendered pages in .cache/ and
  cannot tell when drawn_figures/ or the tools that draw the diagrams change, so they are deleted first
  (not with Zensical's `clean`, which deletes the drawn diagrams in .cache/figures/ too);
- the figures' log lines (`drawn_figures: 2 diagram(s) drawn, 0 from the cache`): Zensical sets up no
  Python logging, so they would be dropped;
- the figures' stylesheet (`assets/drawn-figures.css`, which mkdocs.yml lists), which under MkDocs
  the figures plugin writes and Zensical, which runs no plugin, would leave missing; this site keeps
  the extension's default fonts, so the default stylesheet is the one MkDocs writes;
- MkDocs' `!relative $docs_dir` tag, which mkdocs.yml gives `pymdownx.snippets` so that the glossary
  is found wherever the build runs, and which Zensical's YAML loader does not know;
- one clear line for a mistake in a page or a diagram file, instead of a traceback through
  Zensical's runtime, and a failure, as under `mkdocs build --strict`, when the figures warn
  (a figure too small to read on a phone, say).

With `--serve` it previews the site as `mkdocs serve` does, which a bare `zensical serve` does not:
a mistake is shown in the page, where its figure goes, and the server keeps going. Under MkDocs the
figures plugin turns on the extension's `show_errors` while serving; Zensical runs no plugin, so
mkdocs.yml reads the option from $DRAWN_FIGURES_SHOW_ERRORS, which the preview sets. It also forgets
the rendered pages first and prints the figures' log lines, as a build does, and serves from
site-zensical/, not MkDocs' site/. It cannot add the figures' stylesheet: Zensical's server empties
that folder when it starts, and calls no Python code of ours after a build.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

import yaml
import zensical

from drawn_figures.stylesheet import STYLESHEET_URL, stylesheet

CONFIG = Path("mkdocs.yml")
DEFAULT_SITE_DIR = "site-zensical"
DEFAULT_DEV_ADDR = "127.0.0.1:8000"  # as `make serve`
SHOW_ERRORS = "DRAWN_FIGURES_SHOW_ERRORS"  # mkdocs.yml's `show_errors` for the figures extension
CACHE = Path(".cache")  # where Zensical keeps its files, beside the figures' cache_dir


def forget_rendered_pages() -> None:
    """Delete the files at the top of .cache/ (Zensical's), and keep its folders (`drawn_figures.extension`'s)."""
    if CACHE.is_dir():
        for entry in CACHE.iterdir():
            if entry.is_file():
                entry.unlink()


class CountingHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Prints records in MkDocs' format and counts the warnings, which strict mode turns into a failure."""

    warnings = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.warnings += record.levelno >= logging.WARNING
        super().emit(record)


def show_extension_logs() -> CountingHandler:
    """Print what extensions log under `mkdocs.` (as `figures` does) in MkDocs' format."""
    handler = CountingHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return handler


def build(site_dir: str) -> None:
    os.environ["SITE_DIR"] = site_dir
    logs = show_extension_logs()
    forget_rendered_pages()
    try:
        zensical.build(str(CONFIG.resolve()), {"strict": True, "clean": False})
    except RuntimeError as error:
        # Zensical hands an exception raised in Python back as text: its message, then its traceback.
        message, _, traceback = str(error).partition("\n")
        if "DiagramError" not in message:  # a contributor's mistake needs no traceback; anything else does
            print(traceback, file=sys.stderr)
        sys.exit(f"zensical build failed: {message}")
    if logs.warnings:  # Zensical's strict mode counts only its own warnings; MkDocs' counts these too
        sys.exit(f"zensical build failed: {logs.warnings} warning(s) in strict mode (see above)")
    (Path(site_dir) / STYLESHEET_URL).write_text(stylesheet(), encoding="utf-8")


def preview(dev_addr: str) -> None:
    """`zensical serve`, with the figures' mistakes shown in the page and their log lines printed."""
    os.environ[SHOW_ERRORS] = "true"
    os.environ["SITE_DIR"] = DEFAULT_SITE_DIR  # Zensical serves from files it writes: not over MkDocs' site/
    show_extension_logs()
    forget_rendered_pages()  # Zensical's cache cannot tell when drawn_figures/ changed since the last run
    zensical.serve(str(CONFIG.resolve()), {"dev_addr": dev_addr, "open": False, "strict": False})


def relative_path(loader: yaml.Loader, node: yaml.ScalarNode) -> str:
    """MkDocs' `!relative $docs_dir` or `!relative $config_dir` as an absolute path (this site keeps docs/)."""
    value = str(loader.construct_scalar(node)).strip()
    folders = {"$config_dir": CONFIG.resolve().parent, "$docs_dir": CONFIG.resolve().parent / "docs"}
    return str(folders[value]) if value in folders else value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.build_zensical",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "site_dir", nargs="?", default=DEFAULT_SITE_DIR, help=f"where to write the site (default: {DEFAULT_SITE_DIR})"
    )
    parser.add_argument("--serve", action="store_true", help="preview the site instead, rebuilding on each save")
    parser.add_argument(
        "--dev-addr", default=DEFAULT_DEV_ADDR, help=f"where --serve serves the site (default: {DEFAULT_DEV_ADDR})"
    )
    arguments = parser.parse_args(argv)
    yaml.Loader.add_constructor("!relative", relative_path)  # the loader Zensical reads mkdocs.yml with
    if arguments.serve:
        preview(arguments.dev_addr)
    else:
        build(arguments.site_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
