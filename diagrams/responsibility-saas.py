"""Who runs each layer of the stack in one model: SaaS."""

from _stack import MODEL, describe_model, model_stack
from _style import stack

MODEL_SHOWN = MODEL["SaaS"]
CAPTION = (
    "SaaS: the provider runs every layer but your data, the application too; "
    "you still choose its settings and who may use it."
)
ALT = f"Diagram: the nine layers of the stack, grouped by who runs them in {MODEL_SHOWN.name}."
DESCRIPTION = describe_model(MODEL_SHOWN)

with stack():
    model_stack(MODEL_SHOWN)
