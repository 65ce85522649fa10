"""Who runs each layer of the stack, in all five models side by side."""

from _stack import describe_models, models_chart
from _style import chart

CAPTION = "Who runs each layer: a person marks your team, a cloud marks the provider."
ALT = (
    "Diagram: a chart of the nine layers against five models, on-premises, IaaS, PaaS, serverless "
    "functions and SaaS, marking who runs each layer."
)
DESCRIPTION = describe_models()

with chart():
    models_chart()
