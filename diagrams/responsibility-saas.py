"""Who runs each layer of the stack in one model: SaaS."""

from _stack import MODEL, describe_model, model_stack
from _style import stack

MODEL_SHOWN = MODEL["SaaS"]
CAPTION = "SaaS: the provider runs everything, the application too, except your data."
ALT = f"Diagram: the nine layers of the stack, grouped by who runs them in {MODEL_SHOWN.name}."
DESCRIPTION = describe_model(MODEL_SHOWN)

with stack():
    model_stack(MODEL_SHOWN)
