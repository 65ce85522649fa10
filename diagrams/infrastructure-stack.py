"""A normal infrastructure stack: nine layers, networking at the bottom, all run by your own team."""

from _stack import MODEL, describe, model_stack
from _style import stack

CAPTION = (
    "A normal infrastructure stack, from networking at the bottom to applications at the top. "
    "Without a provider, your own team runs every layer."
)
ALT = "Diagram: the nine layers of a normal infrastructure stack, all run by your own team."
DESCRIPTION = describe(grouped=False) + "\nAll nine layers sit in one group: **your team runs every layer**.\n"

with stack():
    model_stack(MODEL["On-prem"])
