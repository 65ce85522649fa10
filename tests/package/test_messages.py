"""The package speaks to any site that installs it: no message or docstring names a file of this repository.

Every string constant of src/drawn_figures/*.py is read with `ast`: messages, f-string parts and
docstrings are caught, while comments, which explain the design to whoever works here, are not.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

import drawn_figures
from scripts.shared.project import ROOT

PACKAGE = Path(drawn_figures.__file__).parent
SOURCES = sorted(PACKAGE.glob("*.py"))


class AnyTag(yaml.SafeLoader):
    """Reads the tags of mkdocs.yml (`!ENV [NAME, default]`) without acting on them: only its paths are wanted."""


AnyTag.add_multi_constructor(
    "", lambda loader, _suffix, node: loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else None
)


def site_paths() -> list[str]:
    """The paths mkdocs.yml gives this site's own files: its theme overrides, stylesheets and appended snippets."""
    config: dict[str, Any] = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=AnyTag)
    snippets = next(
        (
            entry["pymdownx.snippets"]
            for entry in config["markdown_extensions"]
            if isinstance(entry, dict) and "pymdownx.snippets" in entry
        ),
        {},
    )
    paths = [config["theme"].get("custom_dir"), *config.get("extra_css", []), *snippets.get("auto_append", [])]
    # The figures' own stylesheet is the package's file, which a site lists under its package name.
    return [path for path in paths if path and not Path(path).name.startswith("drawn-figures")]


def makefile_targets() -> list[str]:
    return re.findall(r"^([a-z][\w-]*):", (ROOT / "Makefile").read_text(encoding="utf-8"), flags=re.MULTILINE)


# A name of this repository -> the pattern that finds it in a string.
NAMES = {
    "a make target": rf"\bmake (?:{'|'.join(map(re.escape, makefile_targets()))})\b",
    "the contributors' guide": r"CONTRIBUTING",
    "the root's README": r"(?<![\w/])README\.md",
    "the site's diagram helpers": r"_style\.py|\bstep\(\)|\bband\(\)",
    "a folder of this repository": r"(?<![\w.-])(?:docs|tests|scripts)/",
    "the Makefile": r"\bMakefile\b",
    "the virtual environment": r"(?<![\w-])\.venv\b",
    **{f"a path of mkdocs.yml: {path}": re.escape(path) for path in site_paths()},
}


def strings(source: Path) -> list[tuple[int, str]]:
    """(line, text) of every string constant in `source`, docstrings and f-string parts included."""
    tree = ast.parse(source.read_text(encoding="utf-8"), filename=str(source))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def hits(source: Path) -> list[str]:
    """`file:line: names what ('text')` for each name found; the line is the name's own, inside a docstring too."""
    return [
        f"{source.relative_to(ROOT)}:{line + text.count(chr(10), 0, found.start())}: names {what} ({found.group()!r})"
        for line, text in strings(source)
        for what, pattern in NAMES.items()
        for found in re.finditer(pattern, text)
    ]


def test_the_names_looked_for_are_found_where_they_are() -> None:
    """Each pattern finds its name as the package would have written it, so none is a pattern that never fires."""
    written = {
        "a make target": "List them with `make icons SET=aws.compute`.",
        "the contributors' guide": "(CONTRIBUTING.md, section 4)",
        "the root's README": "see README.md",
        "the site's diagram helpers": "use step() instead of band(), as diagrams/_style.py does",
        "a folder of this repository": "as tests/test_article.py does",
        "the Makefile": "the Makefile's targets",
        "the virtual environment": "run .venv/bin/mkdocs",
    }
    for what, text in written.items():
        assert re.search(NAMES[what], text), what
    assert any(what.startswith("a path of mkdocs.yml") for what in NAMES), "mkdocs.yml lists no site file"
    for text in ["to make the figure", "the package's drawn_figures/README.md", "mkdocs-material/", "a step"]:
        assert not any(re.search(pattern, text) for pattern in NAMES.values()), text


# Files another change is mending (issue 22), each with what it names; strict, so a mended file fails here
# until its line is removed.
@pytest.mark.parametrize("source", SOURCES, ids=[source.name for source in SOURCES])
def test_no_message_or_docstring_of_the_package_names_a_file_of_this_repository(source: Path) -> None:
    found = hits(source)
    assert not found, "say it in terms any site has, or name the package's own command:\n" + "\n".join(found)
