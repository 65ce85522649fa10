"""Where icons come from (drawn_figures/icons.py): the `diagrams` package's, Material Design's, and help for a typo.

.venv/bin/pytest tests/test_icons.py
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from diagrams.aws.compute import Lambda

from drawn_figures.icons import did_you_mean, icon_file, main, material


def test_an_icon_class_gives_its_image_file_and_a_path_is_kept_as_it_is() -> None:
    assert Path(icon_file(Lambda)).name == "lambda.png"
    assert Path(icon_file(Lambda)).is_file()
    assert icon_file("icons/mine.png") == "icons/mine.png"


def test_a_material_icon_is_a_copy_graphviz_can_read_named_by_its_content() -> None:
    path = Path(material("server"))
    text = path.read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')  # Graphviz reads no SVG without it
    root = ET.fromstring(text)
    assert (root.get("width"), root.get("height")) == ("24", "24")
    assert material("server") == str(path)  # prepared once, then found again


def test_a_misspelled_material_icon_names_the_closest_ones() -> None:
    with pytest.raises(FileNotFoundError, match=r"^no Material Design icon 'servr'\. Did you mean 'server'"):
        material("servr")


def import_error(statement: str) -> ImportError:
    with pytest.raises(ImportError) as error:
        exec(statement, {})  # the import a diagram file would make
    return error.value


# A misspelled import -> the hint, as a diagram's error message shows it.
MISSPELLED = {
    "an icon": (
        "from diagrams.aws.compute import Lamda",
        "no icon 'Lamda'. Did you mean `Lambda`? List them with `make icons SET=aws.compute`.",
    ),
    "an icon set": (
        "import diagrams.aws.compte",
        "no icon set 'compte'. Did you mean `compute` or `cost`? List them with `make icons SET=aws`.",
    ),
    "an icon with nothing close": (
        "from diagrams.aws.compute import Zzzzzz",
        "no icon 'Zzzzzz'. List them with `make icons SET=aws.compute`.",
    ),
}


@pytest.mark.parametrize(("statement", "hint"), MISSPELLED.values(), ids=MISSPELLED.keys())
def test_a_misspelled_icon_or_icon_set_gets_the_closest_names_and_the_command_that_lists_them(
    statement: str, hint: str
) -> None:
    assert did_you_mean(import_error(statement)) == hint


@pytest.mark.parametrize(
    "statement", ["import no_such_module_here", "from json import no_such_name"], ids=["a module", "a name"]
)
def test_an_import_error_outside_the_diagrams_package_gets_no_hint(statement: str) -> None:
    assert did_you_mean(import_error(statement)) is None


def test_icons_and_icon_sets_are_listed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["aws.compute"]) == 0
    assert "\nLambda\n" in capsys.readouterr().out
    assert main(["aws"]) == 0
    assert "\ncompute\n" in capsys.readouterr().out
    assert main(["aws.compte"]) == 2
    assert capsys.readouterr().err.startswith("error: no icon set 'compte'. Did you mean `compute`")
