"""The extensions as Python-Markdown expects them to behave: checked options, reset per page, priorities
that tie with no other processor, and one prefix on every line they log (drawn_figures/extension.py,
glossary.py, options.py)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import markdown
import pytest

from drawn_figures import log
from drawn_figures.extension import DrawnFiguresExtension
from drawn_figures.glossary import GlossaryExtension
from drawn_figures.options import OptionError

# Every extension of Python-Markdown and pymdown-extensions that registers a block or tree processor
# near ours, so that a tie with any of them would show.
NEIGHBOURS = [
    "abbr",
    "footnotes",
    "attr_list",
    "legacy_attrs",
    "smarty",
    "toc",
    "tables",
    "fenced_code",
    "pymdownx.smartsymbols",
]


@pytest.mark.parametrize(
    ("option", "value", "allowed"),
    [
        ("timeout", "soon", "a number of seconds above 0, e.g. `timeout: 60`"),
        ("timeout", 0, "a number of seconds above 0"),
        ("timeout", -5, "a number of seconds above 0"),
        ("timeout", float("inf"), "a number of seconds above 0"),
        ("timeout", True, "a number of seconds above 0"),
        ("show_errors", "maybe", "true or false"),
        ("show_errors", "yes", "true or false"),  # Python-Markdown itself would read it as true
        ("show_errors", 1, "true or false"),
        ("show_errors", None, "true or false"),
        ("first_line", 0, "1 or more"),
        ("first_line", "3", "1 or more"),
        ("diagrams_dir", "", "a folder's path"),
        ("cache_dir", 7, "a folder's path"),
        # Fonts go into the stylesheet and into Graphviz's attributes: nothing that could end either.
        ("font", 'Sans"; } body { display: none; } .x { x: "', "a font's name"),
        ("font", "Sans</style><script>alert(1)</script>", "a font's name"),
        ("font", " DejaVu Sans", "a font's name"),
        ("font", "", "a font's name"),
        ("fallback_fonts", "sans-serif", "a list of fonts' names"),
        ("fallback_fonts", ["Verdana", "sans-serif; } * { color: red"], "a list of fonts' names"),
    ],
)
def test_a_bad_option_names_itself_its_value_and_what_is_allowed(option: str, value: Any, allowed: str) -> None:
    with pytest.raises(OptionError) as raised:
        DrawnFiguresExtension(**{option: value})
    assert str(raised.value).startswith(f"drawn_figures: option `{option}` is {value!r}; it must be {allowed}")


def test_an_option_the_extension_does_not_have_is_named_with_those_it_has() -> None:
    with pytest.raises(OptionError, match=r"^drawn_figures: no option `timout`; the options are cache_dir, .*timeout"):
        DrawnFiguresExtension(timout=5)


def test_markdown_reports_a_bad_option_given_by_the_entry_points_name() -> None:
    with pytest.raises(OptionError, match=r"option `timeout` is 'soon'"):
        markdown.Markdown(extensions=["drawn_figures"], extension_configs={"drawn_figures": {"timeout": "soon"}})


@pytest.mark.parametrize(
    ("option", "value"),
    [("first_use_only", "yes"), ("id_prefix", '"><script>alert(1)</script>'), ("id_prefix", "1st-")],
)
def test_the_glossary_checks_its_options_too(option: str, value: Any) -> None:
    with pytest.raises(OptionError, match=rf"^drawn_figures_glossary: option `{option}` is "):
        GlossaryExtension(**{option: value})


def test_good_options_are_kept() -> None:
    given = {
        "timeout": 5,
        "show_errors": True,
        "first_line": 4,
        "font": "Liberation Sans",
        "fallback_fonts": ["Arial", "sans-serif"],
    }
    extension = DrawnFiguresExtension(**given)
    assert {option: extension.getConfig(option) for option in given} == given
    assert '--drawn-figures-font: "Liberation Sans", Arial, sans-serif;' in extension.stylesheet()


def test_the_extension_is_registered_and_reset_forgets_the_page(tmp_path: Path) -> None:
    extension = DrawnFiguresExtension(diagrams_dir=str(tmp_path / "none"), cache_dir=str(tmp_path / "cache"))
    md = markdown.Markdown(extensions=[extension])
    assert extension in md.registeredExtensions
    md.convert("Text.\n\n`{diagram: shown as code}`\n")
    extension.placements["box"] = 2
    extension.mentions = [(3, "{diagram: box}")]
    md.reset()
    assert not extension.placements and not extension.mentions


@pytest.mark.parametrize(
    ("registry", "name", "neighbours"),
    [
        (
            "blockprocessors",
            "drawn_figures",
            (["quote", "abbr", "footnote", "table", "hashheader", "code"], ["reference"]),
        ),
        ("treeprocessors", "drawn_figures_leftovers", (["inline", "legacyattrs", "footnote-duplicate"], ["attr_list"])),
        ("treeprocessors", "glossary_tooltips", (["abbr"], ["smarty", "smart-symbols", "toc"])),
        ("preprocessors", "drawn_figures_source_lines", ([], ["snippet", "normalize_whitespace", "fenced_code_block"])),
        ("preprocessors", "glossary", (["snippet", "normalize_whitespace"], ["meta", "html_block"])),
    ],
)
@pytest.mark.parametrize("ours_first", [True, False], ids=["ours listed first", "ours listed last"])
def test_each_processor_runs_where_its_docstring_says_whatever_the_order_of_extensions(
    tmp_path: Path, registry: str, name: str, neighbours: tuple[list[str], list[str]], ours_first: bool
) -> None:
    after, before = neighbours
    ours: list[Any] = [
        DrawnFiguresExtension(diagrams_dir=str(tmp_path / "none"), cache_dir=str(tmp_path / "cache")),
        GlossaryExtension(),
        "pymdownx.snippets",
        "meta",
    ]
    md = markdown.Markdown(extensions=ours + NEIGHBOURS if ours_first else NEIGHBOURS + ours)
    processors = getattr(md.parser if registry == "blockprocessors" else md, registry)
    index = processors.get_index_for_name(name)
    for other in after:
        assert processors.get_index_for_name(other) < index, f"{name} must run after {other}"
    for other in before:
        assert processors.get_index_for_name(other) > index, f"{name} must run before {other}"


def test_every_line_logged_starts_with_the_prefix(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.drawn_figures"):
        log.info("%d diagram(s) drawn", 3)
        log.warning("diagrams/box.py: hard to read")
    assert caplog.messages == ["drawn_figures: 3 diagram(s) drawn", "drawn_figures: diagrams/box.py: hard to read"]
