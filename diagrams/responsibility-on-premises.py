"""Who runs each layer of the stack in one model: On-prem."""

from _stack import MODEL, describe_model, model_stack
from _style import stack

MODEL_SHOWN = MODEL["On-prem"]
CAPTION = "On-premises: your team runs every layer, from networking to applications."
ALT = f"Diagram: the nine layers of the stack, grouped by who runs them in {MODEL_SHOWN.name}."
DESCRIPTION = describe_model(MODEL_SHOWN)

with stack():
    model_stack(MODEL_SHOWN)
