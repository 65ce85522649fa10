from diagrams import Diagram
from diagrams.onprem.compute import Server

CAPTION = "One server answers every request."
ALT = "Diagram: a single server."

with Diagram("", show=False):
    Server("web")
