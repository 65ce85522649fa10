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
from diagrams.generic.compute import Rack
from diagrams.generic.database import SQL
from diagrams.generic.network import Switch
from diagrams.generic.os import LinuxGeneral
from diagrams.generic.storage import Storage
from diagrams.generic.virtualization import Vmware
from diagrams.onprem.queue import Rabbitmq
from diagrams.programming.flowchart import Action
from diagrams.programming.language import Python


@dataclass(frozen=True)
class Layer:
    name: str
    icon: type[Node]
    adds_value: bool = False


LAYERS = [
    Layer("Networking", Switch),
    Layer("Storage", Storage),
    Layer("Servers", Rack),
    Layer("Virtualisation", Vmware),
    Layer("Operating system", LinuxGeneral),
    Layer("Middleware", Rabbitmq),
    Layer("Runtime", Python),
    Layer("Data", SQL, adds_value=True),
    Layer("Applications", Action, adds_value=True),
]
YOURS = [layer for layer in LAYERS if layer.adds_value]
SERVICE = [layer for layer in LAYERS if not layer.adds_value]

# Diagram settings shared by every stack: layers top to bottom, close together.
STACK = {
    "direction": "TB",
    "show": False,
    "graph_attr": {"ranksep": "0.08", "nodesep": "0.1"},
}
GROUP = {"fontsize": "13", "margin": "10", "style": "rounded,dashed"}


def stacked(layers: list[Layer]) -> list[Node]:
    """Draw `layers` as equal boxes, the first at the bottom, held in order by invisible edges."""
    nodes = [
        layer.icon(
            layer.name,
            shape="box",
            style="rounded,filled",
            fixedsize="true",
            width="3.6",
            height="0.44",
            labelloc="c",
            imagepos="ml",
            imagescale="true",
            fontsize="14",
            **{"class": "layer adds-value" if layer.adds_value else "layer service"},
        )
        for layer in reversed(layers)
    ]
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
