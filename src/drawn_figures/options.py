"""Options checked as they are set, so that a mistake in `mkdocs.yml` gets a message that says how to fix it.

Python-Markdown stores an extension's options as it is given them: a `timeout: soon` would
only fail later, deep in a build, and `show_errors: maybe` with a message that names neither the
extension nor the option. `CheckedExtension` checks each option against a `Rule` when it is
set, and refuses an option it does not have, with an `OptionError` that names the extension,
the option, the value given and what is allowed, e.g.

    drawn_figures: option `timeout` is 'soon'; it must be a number of seconds above 0, e.g. `timeout: 60`
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

import markdown

from drawn_figures.stylesheet import is_font_name


class OptionError(ValueError):
    """A bad option of one of the package's extensions; MkDocs shows it as a configuration error."""


@dataclass(frozen=True)
class Rule:
    accepts: Callable[[Any], bool]
    allowed: str  # what to write instead, ending the message "it must be ..."


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


SWITCH = Rule(lambda value: isinstance(value, bool), "true or false")
FOLDER = Rule(lambda value: isinstance(value, str) and bool(value.strip()), "a folder's path, e.g. `diagrams`")
SECONDS = Rule(
    lambda value: is_number(value) and math.isfinite(value) and value > 0,
    "a number of seconds above 0, e.g. `timeout: 60`",
)
LINE_NUMBER = Rule(lambda value: isinstance(value, int) and not isinstance(value, bool) and value >= 1, "1 or more")
FONT = Rule(is_font_name, "a font's name: letters, digits, spaces, dots, hyphens, e.g. `font: DejaVu Sans`")
FONTS = Rule(
    lambda value: isinstance(value, list | tuple) and all(is_font_name(name) for name in value),
    "a list of fonts' names, e.g. `fallback_fonts: [Verdana, sans-serif]`",
)


class CheckedExtension(markdown.Extension):
    """A Python-Markdown extension whose options are checked by `rules` as they are set."""

    name: ClassVar[str]  # as `markdown_extensions:` lists it
    rules: ClassVar[dict[str, Rule]]

    def setConfig(self, key: str, value: Any) -> None:  # noqa: N802 - Python-Markdown's name
        if key not in self.config:
            raise OptionError(f"{self.name}: no option `{key}`; the options are {', '.join(sorted(self.config))}")
        if not self.rules[key].accepts(value):
            raise OptionError(f"{self.name}: option `{key}` is {value!r}; it must be {self.rules[key].allowed}")
        super().setConfig(key, value)
