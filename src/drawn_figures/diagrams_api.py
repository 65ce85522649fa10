"""The one module that uses the `diagrams` package's private parts.

`diagrams` is made to render a file itself; this package wants its graph instead, drawn in the
house style, with ids that do not change from build to build. The package offers no public way
to do that, so this module relies on five private names, all listed in `PRIVATE_PARTS`:

- `Diagram.__exit__`: replaced, so that leaving `with Diagram(...):` hands the graph over instead
  of rendering it to a file;
- `Diagram._default_graph_attrs` and `Diagram._default_node_attrs`: the library's defaults, which
  the house style changes (a diagram file can still override any of it);
- `Node._rand_id`: replaced, so that nodes are numbered in drawing order instead of by `uuid4`,
  and a figure is the same bytes on every build;
- `Node._load_icon`: where an icon class keeps its image file (`drawn_figures.icons.icon_file`).

`missing_parts()` says which of them an upgrade of `diagrams` removed; the package's tests fail
with that list, naming what to mend here, before any figure is drawn wrong.
"""

from __future__ import annotations

import itertools
from typing import Any

import diagrams

# (owner, attribute, what this package needs it for)
PRIVATE_PARTS = (
    (diagrams.Diagram, "__exit__", "to capture the graph instead of rendering it"),
    (diagrams.Diagram, "_default_graph_attrs", "the graph's defaults, for the house style"),
    (diagrams.Diagram, "_default_node_attrs", "the nodes' defaults, for the house style"),
    (diagrams.Node, "_rand_id", "node ids in drawing order, for figures that are the same on every build"),
    (diagrams.Node, "_load_icon", "the image file of an icon class"),
)
DEFAULT_ATTRIBUTES = ("_default_graph_attrs", "_default_node_attrs")


def missing_parts() -> list[str]:
    """The private parts this module relies on that the installed `diagrams` lacks, each with its use."""
    missing = [
        f"diagrams.{owner.__name__}.{name} ({use})"
        for owner, name, use in PRIVATE_PARTS
        if not hasattr(owner, name) or (name in DEFAULT_ATTRIBUTES and not isinstance(getattr(owner, name), dict))
    ]
    return missing


def capture_diagrams(graph_attrs: dict[str, str], node_attrs: dict[str, str]) -> list[diagrams.Diagram]:
    """Make every `with Diagram(...)` block hand its graph to the list returned instead of rendering it.

    Meant for the child process that draws one diagram file: the changes last for the process.
    `graph_attrs` and `node_attrs` update the library's defaults.
    """
    drawn: list[diagrams.Diagram] = []

    def leave(self: diagrams.Diagram, *exc_info: object) -> None:
        if exc_info[0] is None:
            drawn.append(self)
        diagrams.setdiagram(None)

    diagrams.Diagram.__exit__ = leave
    diagrams.Diagram._default_graph_attrs.update(graph_attrs)
    diagrams.Diagram._default_node_attrs.update(node_attrs)
    numbers = itertools.count(1)
    diagrams.Node._rand_id = staticmethod(lambda: f"n{next(numbers)}")
    return drawn


def icon_image(icon: type[Any]) -> str:
    """The image file of an icon class such as `diagrams.aws.compute.Lambda`.

    `_load_icon` is the package's own answer; it reads class attributes only, so it can be called
    on the class, without making a node (which would need a diagram).
    """
    return str(icon._load_icon(icon))
