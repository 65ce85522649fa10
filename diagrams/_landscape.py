"""Four ways to run code, from the most you run yourself to the least: one description for the
landscape figure and its table.

`OPTIONS` lists them in that order. Each says what you give the provider, how it
scales and bills, when to pick it, and whether the provider runs its servers
(serverless). The figure `serverless-landscape` draws them in this order and its
table is written from the same fields, so picture and table cannot disagree:
rename an option here and both change.
"""

from __future__ import annotations

from dataclasses import dataclass

from drawn_figures.icons import material

from _style import Icon, markdown_table


@dataclass(frozen=True)
class Option:
    name: str
    icon: Icon
    serverless: bool  # the provider runs the servers and adds or removes instances
    change: str  # on the arrow into this option: what changes from the one before
    you_give: str
    scaling: str
    billing: str
    pick_it_for: str
    examples: str


# Examples are product names: docs/beyond-functions.md cites them in a dated footnote.
OPTIONS = [
    Option(
        "Virtual machines",
        material("server"),
        serverless=False,
        change="",
        you_give="A whole server from the operating system up, which you patch",
        scaling="You add or remove machines, by hand or by rules you set",
        billing="Each machine while it is switched on, busy or idle",
        pick_it_for="Software that needs its own operating system, or runs all day",
        examples="Amazon EC2, Azure Virtual Machines, Google Compute Engine",
    ),
    Option(
        "Containers you run",
        material("package-variant-closed"),
        serverless=False,
        change="pack each program\nin a container",
        you_give="Container images, plus the servers and cluster software that run them",
        scaling="You set rules, and add servers when the cluster is full",
        billing="The servers, busy or idle, plus any fee for a managed cluster",
        pick_it_for="Many programs with steady traffic, where you want full control",
        examples="Kubernetes on virtual machines you run",
    ),
    Option(
        "Serverless containers",
        material("package-variant"),
        serverless=True,
        change="hand over the servers\nand the scaling",
        you_give="A container image of your program",
        scaling="The platform adds and removes instances with traffic, often down to none",
        billing="Processor and memory while instances run or handle requests",
        pick_it_for="Web apps and APIs in any language, and longer requests",
        examples="Google Cloud Run, Azure Container Apps",
    ),
    Option(
        "Functions",
        material("function-variant"),
        serverless=True,
        change="hand over the runtime\nand start-up too",
        you_give="Your code, as small functions",
        scaling="The platform adds and removes instances as events arrive, usually down to none",
        billing="Each request, and the time your code runs",
        pick_it_for="Short tasks started by events",
        examples="AWS Lambda, Azure Functions, Cloud Run functions",
    ),
]

ASPECTS = {
    "What you give the provider": "you_give",
    "How it scales": "scaling",
    "What you pay for": "billing",
    "Pick it for": "pick_it_for",
    "Examples": "examples",
}


def table() -> str:
    """The options side by side in a Markdown table: a row per aspect, a column per option."""
    return markdown_table(
        "Compared",
        [option.name for option in OPTIONS],
        {f"**{aspect}**": [getattr(option, field) for option in OPTIONS] for aspect, field in ASPECTS.items()},
    )


def describe() -> str:
    """The figure in words, as readers of its description get it."""
    text = "From the option where you run the most to the one where you run the least:\n\n"
    for number, option in enumerate(OPTIONS, 1):
        how = " ".join(option.change.split()) if option.change else "the starting point"
        kind = "serverless: the provider runs the servers" if option.serverless else "you run the servers"
        text += f"{number}. **{option.name}** ({how}); {kind}.\n"
    return text
