from _labels import PREFIX
from diagrams import Diagram, Node

CAPTION = "The second box."
ALT = "Diagram: the second box."

with Diagram("", show=False):
    Node(f"{PREFIX} second")
