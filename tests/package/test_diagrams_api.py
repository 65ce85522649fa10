"""The private parts of `diagrams` that drawn_figures/diagrams_api.py relies on are all still there.

An upgrade of `diagrams` that removes one fails here, with the name of what is gone and what it was
for, before any figure is drawn wrong.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
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


# Run in a fresh interpreter: capturing changes the `diagrams` package for the rest of the process.
CAPTURE = """
import json, os
import diagrams
from drawn_figures.diagrams_api import capture_diagrams

drawn = capture_diagrams({"pad": "0.1"}, {"fontname": "House Font"})
with diagrams.Diagram("d", show=False):
    diagrams.Node("first") >> diagrams.Node("second")
print(json.dumps({
    "drawn": len(drawn),
    "source": drawn[0].dot.source if drawn else "",
    "files": os.listdir("."),
}))
"""


def test_the_package_still_uses_what_the_adapter_changes(tmp_path: Path) -> None:
    """The names may all be there and yet no longer be used: capture a real diagram and look at it."""
    result = subprocess.run([sys.executable, "-c", CAPTURE], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    captured = json.loads(result.stdout)
    source = captured["source"]
    assert captured["drawn"] == 1, "leaving `with Diagram(...)` no longer hands the graph over (Diagram.__exit__)"
    assert captured["files"] == [], "leaving `with Diagram(...)` rendered files after all (Diagram.__exit__)"
    assert re.search(r"^\s*n1 \[label=first\b", source, re.MULTILINE), (
        f"nodes are no longer named by Node._rand_id, so figures would change from build to build:\n{source}"
    )
    assert re.search(r"^\s*n2 \[label=second\b", source, re.MULTILINE), source
    assert "pad=0.1" in source, f"the graph's defaults no longer reach it (Diagram._default_graph_attrs):\n{source}"
    assert 'fontname="House Font"' in source, (
        f"the nodes' defaults no longer reach them (Diagram._default_node_attrs):\n{source}"
    )
