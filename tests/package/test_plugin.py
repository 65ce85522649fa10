"""The MkDocs plugin's hooks (drawn_figures.mkdocs_plugin), on the real configuration of a small site.

The site is tests/data/second-site/ (its own files only); the events are run as MkDocs runs them,
through the configuration's plugin collection, or by a real build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from drawn_figures.mkdocs_plugin import DrawnFiguresPlugin, front_matter_lines
from drawn_figures.stylesheet import STYLESHEET_URL, main, stylesheet

from helpers import BIN, SMALL_SITE

SECOND_SITE = Path(__file__).parents[1] / "data" / "second-site"


def configured(tmp_path: Path, command: str = "build", **options: Any) -> MkDocsConfig:
    """The second site's configuration, after the `startup` and `config` events."""
    site = tmp_path / "site-source"
    shutil.copytree(SECOND_SITE, site)
    config = load_config(str(site / "mkdocs.yml"))
    config.mdx_configs.setdefault("drawn_figures", {}).update(options)
    assert isinstance(config.plugins["drawn_figures"], DrawnFiguresPlugin)
    config.plugins.on_startup(command=command, dirty=False)  # type: ignore[arg-type]
    return config.plugins.on_config(config)


def added_stylesheet(config: MkDocsConfig) -> str:
    files = config.plugins.on_files(Files([]), config=config)
    added = files.get_file_from_path(STYLESHEET_URL)
    assert added is not None, "the plugin added no stylesheet to the site"
    return added.content_string


def test_the_extensions_folders_are_made_relative_to_mkdocs_yml(tmp_path: Path) -> None:
    config = configured(tmp_path)
    options = config.mdx_configs["drawn_figures"]
    assert options["diagrams_dir"] == str(tmp_path / "site-source" / "diagrams")
    assert options["cache_dir"] == str(tmp_path / "site-source" / ".cache" / "figures")
    assert "show_errors" not in options  # a build stops at a mistake


def test_while_serving_mistakes_are_shown_in_the_page(tmp_path: Path) -> None:
    config = configured(tmp_path, command="serve")
    assert config.mdx_configs["drawn_figures"]["show_errors"] is True


def test_the_stylesheet_is_linked_first_and_added_to_the_site(tmp_path: Path) -> None:
    config = configured(tmp_path)
    assert config.extra_css[0] == STYLESHEET_URL
    assert added_stylesheet(config) == stylesheet()


def test_the_stylesheet_has_the_fonts_of_the_options(tmp_path: Path) -> None:
    config = configured(tmp_path, font="Liberation Sans", fallback_fonts=["sans-serif"])
    assert '--drawn-figures-font: "Liberation Sans", sans-serif;' in added_stylesheet(config)


def test_a_stylesheet_the_site_lists_already_is_not_linked_twice(tmp_path: Path) -> None:
    config = configured(tmp_path)
    config.plugins.on_config(config)  # a second run of the event, as a rebuild might
    assert config.extra_css.count(STYLESHEET_URL) == 1


@pytest.mark.parametrize(
    ("source", "kept", "lines"),
    [
        ("# Title\n", "# Title\n", 0),
        ("---\ntitle: T\n---\n# Title\n", "# Title\n", 3),
        ("---\ntitle: T\n---\n", "", 0),  # nothing kept: nothing to count from
        ("# Title\n", "# Another\n", 0),  # not the end of the file: not front matter
    ],
)
def test_front_matter_is_counted_in_lines(source: str, kept: str, lines: int) -> None:
    assert front_matter_lines(source, kept) == lines


def test_without_the_plugin_the_command_writes_the_same_stylesheet(tmp_path: Path) -> None:
    """For a tool that runs the extension but no MkDocs plugin (Zensical): `python -m drawn_figures.stylesheet`."""
    assert main([str(tmp_path), "--font", "Liberation Sans", "--fallback-fonts", "sans-serif"]) == 0
    assert (tmp_path / STYLESHEET_URL).read_text(encoding="utf-8") == stylesheet("Liberation Sans", ["sans-serif"])


def test_the_command_refuses_a_font_that_could_end_the_rule(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main([str(tmp_path), "--font", 'Sans"; } body { display: none'])
    assert not (tmp_path / STYLESHEET_URL).exists()


def files_under(folder: Path) -> set[Path]:
    return {path.relative_to(folder) for path in folder.rglob("*")}


def test_building_another_site_from_this_ones_folder_writes_nothing_here(tmp_path: Path) -> None:
    """MkDocs sets extensions up before the plugin makes their paths final: nothing may be drawn then."""
    here = shutil.copytree(SMALL_SITE, tmp_path / "here")  # a site with diagrams of its own, never built
    other = shutil.copytree(SECOND_SITE, here / "other")
    before = files_under(here)
    build = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "-f", "other/mkdocs.yml"],
        cwd=here,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert build.returncode == 0, build.stderr
    assert "drawn_figures: 1 diagram(s) drawn, 0 from the cache" in build.stderr
    assert {path for path in files_under(here) - before if path.parts[0] != "other"} == set()
    assert len(list((other / ".cache" / "figures").glob("*.json"))) == 1
