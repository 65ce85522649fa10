from diagrams import Diagram, Node

CAPTION = "The plain box."
ALT = "Diagram: the plain box, which imports no helper."

with Diagram("", show=False):
    Node("plain")
