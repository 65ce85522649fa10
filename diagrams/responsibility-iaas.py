"""Who runs each layer of the stack in one model: IaaS."""

from _stack import MODEL, describe_model, model_stack
from _style import stack

MODEL_SHOWN = MODEL["IaaS"]
CAPTION = "IaaS: the provider runs networking, storage, servers and virtualisation; your team runs the rest."
ALT = f"Diagram: the nine layers of the stack, grouped by who runs them in {MODEL_SHOWN.name}."
DESCRIPTION = describe_model(MODEL_SHOWN)

with stack():
    model_stack(MODEL_SHOWN)
