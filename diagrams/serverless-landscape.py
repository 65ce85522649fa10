"""Four ways to run code, from virtual machines to functions, grouped by who runs the servers."""

from itertools import pairwise

from diagrams import Edge

from _landscape import OPTIONS, describe, table
from _style import flow, group, step

CAPTION = "Each step down hands the provider more of the work; the last two are serverless."
ALT = (
    "Diagram: virtual machines, containers you run, serverless containers and functions, "
    "from the most you run to the least."
)
DESCRIPTION = describe()
TABLE = table()

with flow("TB"):
    boxes = []
    for serverless, label, role in ((False, "You run the servers", "yours"), (True, "Serverless", "provider")):
        with group(label, role=role):
            boxes += [step(o.icon, o.name, role=role, beside=True) for o in OPTIONS if o.serverless == serverless]
    for option, (upper, lower) in zip(OPTIONS[1:], pairwise(boxes), strict=True):
        upper >> Edge(label=option.change) >> lower
