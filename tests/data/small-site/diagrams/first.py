from _labels import PREFIX
from diagrams import Diagram, Node

CAPTION = "The first box."
ALT = "Diagram: the first box."

with Diagram("", show=False):
    Node(f"{PREFIX} first")
