"""Where icons come from (drawn_figures/icons.py): the `diagrams` package's, Material Design's, help for a typo,
and the command that lists and searches them offline.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from diagrams.aws.compute import Lambda

from drawn_figures.icons import MEANINGS, did_you_mean, icon_file, main, material, material_names


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


# A name that is no Material Design icon -> the start of its message.
NOT_MATERIAL = {
    "a typo": ("servr", "no Material Design icon 'servr'. Did you mean 'server'"),
    "a word of names": ("queue", "no Material Design icon 'queue'. Did you mean 'human-queue' or"),
    "words with a space": ("tray full", "no Material Design icon 'tray full'. Did you mean 'tray-full'"),
}


@pytest.mark.parametrize(("name", "start"), NOT_MATERIAL.values(), ids=NOT_MATERIAL.keys())
def test_a_name_that_is_no_material_icon_gets_close_names_and_names_that_contain_it(name: str, start: str) -> None:
    with pytest.raises(FileNotFoundError) as error:
        material(name)
    assert str(error.value).startswith(start), error.value
    assert str(error.value).endswith("Search them with `python -m drawn_figures.icons material WORD`.")


def import_error(statement: str) -> ImportError:
    with pytest.raises(ImportError) as error:
        exec(statement, {})  # the import a diagram file would make
    return error.value


# A misspelled import -> the hint, as a diagram's error message shows it.
MISSPELLED = {
    "an icon": (
        "from diagrams.aws.compute import Lamda",
        "no icon 'Lamda'. Did you mean `Lambda`? List them with `python -m drawn_figures.icons aws.compute`.",
    ),
    "an icon whose words a longer name holds, in order": (
        "from diagrams.aws.integration import SQSQueue",
        "no icon 'SQSQueue'. Did you mean `SimpleQueueServiceSqsQueue`? "
        "List them with `python -m drawn_figures.icons aws.integration`.",
    ),
    "a word that several names hold, shortest first": (
        "from diagrams.aws.integration import Queue",
        "no icon 'Queue'. Did you mean `SimpleQueueServiceSqs` or `SimpleQueueServiceSqsQueue` or "
        "`SimpleQueueServiceSqsMessage`? List them with `python -m drawn_figures.icons aws.integration`.",
    ),
    "a close name and a longer one that holds it": (
        "from diagrams.aws.compute import lambda_",
        "no icon 'lambda_'. Did you mean `Lambda` or `LambdaFunction`? "
        "List them with `python -m drawn_figures.icons aws.compute`.",
    ),
    "an icon set": (
        "import diagrams.aws.compte",
        "no icon set 'compte'. Did you mean `compute` or `cost`? List them with `python -m drawn_figures.icons aws`.",
    ),
    "an icon with nothing close": (
        "from diagrams.aws.compute import Zzzzzz",
        "no icon 'Zzzzzz'. List them with `python -m drawn_figures.icons aws.compute`.",
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
    listed = capsys.readouterr().out
    assert "\ncompute\n" in listed
    assert "`python -m drawn_figures.icons aws.SET`" in listed
    assert main(["aws.compte"]) == 2
    assert capsys.readouterr().err.startswith("error: no icon set 'compte'. Did you mean `compute`")


# The command's words -> lines it must print, and lines it must not.
SEARCHES = {
    "a provider's icons by name, with the import line": (
        ["aws", "queue"],
        ["from diagrams.aws.integration import SimpleQueueServiceSqsQueue"],
        ["from diagrams.aws.compute import Lambda"],
    ),
    "every provider's": (
        ["diagrams", "queue"],
        [
            "from diagrams.aws.integration import SimpleQueueServiceSqsQueue",
            "from diagrams.azure.storage import QueuesStorage",
        ],
        [],
    ),
    "a set's, with every word, whatever the case": (
        ["aws.compute", "EC2", "spot"],
        ["from diagrams.aws.compute import EC2SpotInstance"],
        ["from diagrams.aws.compute import EC2Instance"],
    ),
    "Material Design's by meaning, then by name": (
        ["material", "queue"],
        ["tray-full  (means queue)", "queue-first-in-last-out"],
        ["human-queue"],  # found by meaning, so not again by name
    ),
    "a meaning found by the start of a word": (
        ["material", "balancer"],
        ["scale-balance  (means load balancer)"],
        [],
    ),
    "no meaning for a word of one letter": (
        ["material", "a", "queue"],
        ["tray-full  (means queue)"],
        ["api  (means api)"],
    ),
    "Material Design's by name alone, with every word": (
        ["material", "tray", "arrow"],
        ["tray-arrow-down", "tray-arrow-up"],
        ["tray-full", "tray-full  (means queue)"],
    ),
}


@pytest.mark.parametrize(("argv", "shown", "not_shown"), SEARCHES.values(), ids=SEARCHES.keys())
def test_icons_are_searched_by_name_and_meaning(
    argv: list[str], shown: list[str], not_shown: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    assert set(shown) <= set(lines), lines
    assert not set(not_shown) & set(lines), lines
    assert len(lines) == len(set(lines)), "an icon listed twice"


def test_a_search_that_finds_nothing_says_so_and_fails_as_grep_does(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["aws", "zzzz"]) == 1
    assert capsys.readouterr().err == "Icons of diagrams.aws whose names contain 'zzzz': none\n"
    assert main(["material", "zzzz"]) == 1


def test_every_icon_the_table_of_meanings_names_ships_with_material() -> None:
    installed = set(material_names())
    assert len(installed) > 5000
    missing = {meaning: sorted(set(names) - installed) for meaning, names in MEANINGS.items() if set(names) - installed}
    assert not missing, f"src/drawn_figures/icons.py, MEANINGS: no such Material Design icon: {missing}"


def test_the_command_runs_as_a_module_and_its_help_names_itself() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "drawn_figures.icons", "--help"], capture_output=True, text=True, check=True
    )
    assert run.stdout.startswith("usage: python -m drawn_figures.icons [-h] where [words ...]")
    assert "\n  python -m drawn_figures.icons material queue " in run.stdout
