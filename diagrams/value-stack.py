"""The same stack, split into what adds value and what can be consumed as a service."""

from _stack import SERVICE, YOURS, describe, one_above_the_other, stacked
from _style import group, stack

CAPTION = (
    "Only your applications and your data add value; everything below them can be consumed as a service. "
    "Serverless and PaaS both split the stack here."
)
ALT = "Diagram: the infrastructure stack split into the layers that add value and those consumed as a service."
DESCRIPTION = describe(grouped=True)

with stack():
    with group("Adds value: yours to build", role="adds-value"):
        yours = stacked(YOURS, role="adds-value")
    with group("Consumed as a service", role="service"):
        service = stacked(SERVICE, role="service")
    one_above_the_other(yours, service)
