"""A normal infrastructure stack: nine layers, networking at the bottom."""

from _stack import LAYERS, describe, stacked
from _style import stack

CAPTION = "A normal infrastructure stack, from networking at the bottom to applications at the top."
ALT = "Diagram: the nine layers of a normal infrastructure stack."
DESCRIPTION = describe(grouped=False)

with stack():
    stacked(LAYERS)
