"""The private parts of `diagrams` that drawn_figures/diagrams_api.py relies on are all still there.

An upgrade of `diagrams` that removes one fails here, with the name of what is gone and what it was
for, before any figure is drawn wrong.
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import diagrams
import pytest
from diagrams.aws.compute import Lambda

from drawn_figures.diagrams_api import PRIVATE_PARTS, icon_image, missing_parts


def test_every_private_part_drawn_figures_relies_on_is_in_the_installed_diagrams() -> None:
    missing = missing_parts()
    assert not missing, (
        f"diagrams {version('diagrams')} lacks what drawn_figures/diagrams_api.py relies on: "
        f"{'; '.join(missing)}. Mend diagrams_api.py for this version, or keep the range in pyproject.toml."
    )


@pytest.mark.parametrize(("owner", "name"), [(owner, name) for owner, name, _ in PRIVATE_PARTS])
def test_a_part_an_upgrade_removed_is_named(owner: type, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(owner, name)  # as a version without it would be
    assert [part for part in missing_parts() if part.startswith(f"diagrams.{owner.__name__}.{name} (")]


def test_defaults_that_are_no_longer_a_dictionary_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(diagrams.Diagram, "_default_node_attrs", (("shape", "box"),))
    assert [part for part in missing_parts() if "Diagram._default_node_attrs" in part]


def test_an_icon_class_gives_its_image_file() -> None:
    image = icon_image(Lambda)
    assert image.endswith("lambda.png"), image
    assert Path(image).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
