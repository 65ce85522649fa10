"""Who runs each layer of the stack in one model: FaaS."""

from _stack import MODEL, describe_model, model_stack
from _style import stack

MODEL_SHOWN = MODEL["FaaS"]
CAPTION = (
    "Serverless functions: as in PaaS, the provider runs everything up to and including the runtime; "
    "your team runs your data and your functions."
)
ALT = f"Diagram: the nine layers of the stack, grouped by who runs them in {MODEL_SHOWN.name}."
DESCRIPTION = describe_model(MODEL_SHOWN)

with stack():
    model_stack(MODEL_SHOWN)
