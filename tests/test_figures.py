"""The stack diagrams teach: small, described in words, and drawn from one description of the layers."""

from __future__ import annotations

import html
import importlib.util
import re
import sys
from types import ModuleType

import pytest

from conftest import Project
from sources import ROOT

MAX_FIGURE_BYTES = 40_000
STACK_FIGURES = ("infrastructure-stack", "value-stack")


def stack_description() -> ModuleType:
    """diagrams/_stack.py, loaded by path: diagrams/ is no package, so it cannot shadow the library."""
    sys.path.insert(0, str(ROOT / "diagrams"))
    try:
        spec = importlib.util.spec_from_file_location("_stack", ROOT / "diagrams" / "_stack.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules["_stack"] = module  # dataclasses look their module up there
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "diagrams"))


def figure(page: str, name: str) -> str:
    match = re.search(rf'<figure class="diagram" id="diagram-{name}-figure">.*?</figure>', page, flags=re.DOTALL)
    assert match, f"no figure {name!r} on the page"
    return match.group()


def words(fragment: str) -> str:
    """The text of an HTML fragment, as a screen reader or a reader of the description gets it."""
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def picture_and_description(fragment: str) -> tuple[str, str]:
    svg, description = fragment.split("</svg>", 1)
    return words(svg), words(description)


@pytest.mark.parametrize("name", STACK_FIGURES)
def test_each_figure_is_small_as_shipped(built: Project, name: str) -> None:
    assert len(figure(built.page(), name).encode()) <= MAX_FIGURE_BYTES


def test_the_pipeline_figure_is_small_as_shipped(built: Project) -> None:
    assert len(figure(built.page("how-it-is-built/index.html"), "site-pipeline").encode()) <= MAX_FIGURE_BYTES


@pytest.mark.parametrize("name", STACK_FIGURES)
def test_picture_and_description_name_every_layer(built: Project, name: str) -> None:
    picture, description = picture_and_description(figure(built.page(), name))
    for layer in stack_description().LAYERS:
        assert layer.name in picture
        assert layer.name in description


def test_the_value_stack_describes_its_two_groups(built: Project) -> None:
    _, description = picture_and_description(figure(built.page(), "value-stack"))
    assert "adds value: yours to build" in description
    assert "consumed as a service" in description


def test_renaming_a_layer_in_the_one_description_renames_it_everywhere(project: Project) -> None:
    stack = project.root / "diagrams" / "_stack.py"
    stack.write_text(stack.read_text(encoding="utf-8").replace('"Middleware"', '"Message brokers"'), encoding="utf-8")
    project.build()
    for name in STACK_FIGURES:
        picture, description = picture_and_description(figure(project.page(), name))
        assert "Message brokers" in picture and "Message brokers" in description
        assert "Middleware" not in picture and "Middleware" not in description
