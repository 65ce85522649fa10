"""A normal infrastructure stack: nine layers, networking at the bottom."""

from diagrams import Diagram

from _stack import LAYERS, STACK, describe, stacked

CAPTION = "A normal infrastructure stack, from networking at the bottom to applications at the top."
ALT = "Diagram: the nine layers of a normal infrastructure stack."
DESCRIPTION = describe(grouped=False)

with Diagram("", **STACK):
    stacked(LAYERS)
