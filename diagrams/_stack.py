"""The infrastructure stack: one description of its layers, for every stack diagram.

`LAYERS` lists the nine layers from the bottom up, each with the icon that
stands for it and whether it adds value (yours to build) or can be consumed as
a service. Both stack diagrams draw from this list, and their descriptions are
written from it, so pictures and words cannot drift apart: rename a layer here
and both diagrams and both descriptions change.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from diagrams import Edge, Node

from figures.icons import material

from _style import Icon, band


@dataclass(frozen=True)
class Layer:
    name: str
    icon: Icon
    adds_value: bool = False


# Generic symbols, not brands: a stack names no vendor, language or product.
LAYERS = [
    Layer("Networking", material("lan")),
    Layer("Storage", material("harddisk")),
    Layer("Servers", material("server")),
    Layer("Virtualisation", material("layers-triple-outline")),
    Layer("Operating system", material("console")),
    Layer("Middleware", material("puzzle-outline")),
    Layer("Runtime", material("play-circle-outline")),
    Layer("Data", material("database"), adds_value=True),
    Layer("Applications", material("apps"), adds_value=True),
]
YOURS = [layer for layer in LAYERS if layer.adds_value]
SERVICE = [layer for layer in LAYERS if not layer.adds_value]


def stacked(layers: list[Layer], role: str = "") -> list[Node]:
    """Draw `layers` as equal bands, the first at the bottom, held in order by invisible edges."""
    nodes = [band(layer.icon, layer.name, role) for layer in reversed(layers)]
    for upper, lower in pairwise(nodes):
        upper >> Edge(style="invis") >> lower
    return nodes


def one_above_the_other(upper: list[Node], lower: list[Node]) -> None:
    """Keep the group `upper` directly above the group `lower`."""
    upper[-1] >> Edge(style="invis") >> lower[0]


def names(layers: list[Layer]) -> str:
    return ", ".join(layer.name.lower() for layer in reversed(layers))


def describe(grouped: bool) -> str:
    """The stack in words, top to bottom, as readers of the description get it."""
    listing = "\n".join(f"{number}. {layer.name}" for number, layer in enumerate(reversed(LAYERS), 1))
    text = f"The stack has {len(LAYERS)} layers, listed from the top down:\n\n{listing}\n"
    if grouped:
        text += (
            f"\nThe top {len(YOURS)} layers ({names(YOURS)}) are grouped as **adds value: yours to build**. "
            f"The {len(SERVICE)} layers below them ({names(SERVICE)}) are grouped as "
            "**consumed as a service**.\n"
        )
    return text
