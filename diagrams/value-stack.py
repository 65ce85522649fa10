"""The same stack, split into what adds value and what can be consumed as a service."""

from diagrams import Cluster, Diagram

from _stack import GROUP, SERVICE, STACK, YOURS, describe, one_above_the_other, stacked

CAPTION = "Only your applications and your data add value; everything below them can be consumed as a service."
ALT = "Diagram: the infrastructure stack split into the layers that add value and those consumed as a service."
DESCRIPTION = describe(grouped=True)

with Diagram("", **STACK):
    with Cluster("Adds value: yours to build", graph_attr={**GROUP, "class": "adds-value"}):
        yours = stacked(YOURS, role="adds-value")
    with Cluster("Consumed as a service", graph_attr={**GROUP, "class": "service"}):
        service = stacked(SERVICE, role="service")
    one_above_the_other(yours, service)
