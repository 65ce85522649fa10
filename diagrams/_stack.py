"""The infrastructure stack: one description of its layers, for every stack diagram.

`LAYERS` lists the nine layers from the bottom up, each with the icon that
stands for it and whether it adds value (yours to build) or can be consumed as
a service. `MODELS` says, for each way of running software (on-premises, IaaS,
PaaS, serverless functions, SaaS), which of those layers the provider runs.
Every stack diagram draws from these lists, and their descriptions are written
from them, so pictures and words cannot drift apart: rename a layer here and
every diagram and every description changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from diagrams import Node

from drawn_figures.icons import material

from _style import Icon, Run, band, column, grid, group


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
NETWORKING, STORAGE, SERVERS, VIRTUALISATION, OPERATING_SYSTEM, MIDDLEWARE, RUNTIME, DATA, APPLICATIONS = LAYERS


@dataclass(frozen=True)
class Model:
    """A way of running software: which layers a provider runs for you; your team runs the others."""

    name: str
    short_name: str  # a chart's column heading
    provider_runs: tuple[Layer, ...]

    def runs(self, layer: Layer) -> str:
        return "provider" if layer in self.provider_runs else "yours"


MODELS = [
    Model("On-premises", "On-prem", ()),
    Model("IaaS", "IaaS", (NETWORKING, STORAGE, SERVERS, VIRTUALISATION)),
    Model("PaaS", "PaaS", (NETWORKING, STORAGE, SERVERS, VIRTUALISATION, OPERATING_SYSTEM, MIDDLEWARE, RUNTIME)),
    Model(
        "Serverless functions (FaaS)",
        "FaaS",
        (NETWORKING, STORAGE, SERVERS, VIRTUALISATION, OPERATING_SYSTEM, MIDDLEWARE, RUNTIME),
    ),
    Model("SaaS", "SaaS", tuple(layer for layer in LAYERS if layer is not DATA)),
]
MODEL = {model.short_name: model for model in MODELS}
LONGEST_LINE = len("Virtualisation")  # a longer layer name is written on two lines in a chart
WHO = {"yours": ("Your team runs", material("account")), "provider": ("The provider runs", material("cloud-outline"))}


def stacked(layers: list[Layer], role: str = "") -> list[Node]:
    """Draw `layers` as equal bands, the first at the bottom."""
    return column(*(band(layer.icon, layer.name, role) for layer in reversed(layers)))


def one_above_the_other(upper: list[Node], lower: list[Node]) -> None:
    """Keep the group `upper` directly above the group `lower`."""
    column(upper[-1], lower[0])


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


def runs_of(model: Model) -> list[tuple[str, list[Layer]]]:
    """The layers, top down, in runs of the same owner: [("provider", [applications]), ("yours", [data]), ...]."""
    found: list[tuple[str, list[Layer]]] = []
    for layer in reversed(LAYERS):
        who = model.runs(layer)
        if found and found[-1][0] == who:
            found[-1][1].append(layer)
        else:
            found.append((who, [layer]))
    return found


def model_stack(model: Model) -> None:
    """The stack, its bands grouped by who runs them in `model`: the look of the home page's stacks."""
    groups = []
    for who, layers in runs_of(model):
        everything = " every layer" if len(layers) == len(LAYERS) else ""
        with group(WHO[who][0] + everything, role=who):
            groups.append(stacked(list(reversed(layers)), role=who))
    for upper, lower in pairwise(groups):
        one_above_the_other(upper, lower)


def describe_model(model: Model) -> str:
    """`model` in words, top down, as readers of the description get it."""
    text = f"In {model.name}, from the top of the stack down:\n\n"
    for who, layers in runs_of(model):
        text += f"- **{WHO[who][0].lower()}** {names(list(reversed(layers)))}\n"
    return text


def chart_name(layer: Layer) -> str:
    """A layer's name as a chart's row writes it: on two lines when it is long."""
    return layer.name.replace(" ", "\n") if len(layer.name) > LONGEST_LINE else layer.name


def models_chart() -> None:
    """Every model side by side: a row for each layer, a column for each model, a box for each run of layers
    that one side runs, marked by who runs it."""
    grid(
        rows=[chart_name(layer) for layer in reversed(LAYERS)],
        columns={
            model.short_name: [Run(WHO[who][1], who, len(layers)) for who, layers in runs_of(model)] for model in MODELS
        },
    )


def describe_models() -> str:
    """The chart in words: for each model, what the provider runs."""
    text = "A person marks a layer your team runs; a cloud marks a layer the provider runs.\n\n"
    for model in MODELS:
        provider = names(list(model.provider_runs)) or "nothing"
        yours = names([layer for layer in LAYERS if model.runs(layer) == "yours"])
        text += f"- **{model.name}**: your team runs {yours}; the provider runs {provider}.\n"
    return text
