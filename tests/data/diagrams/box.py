"""The smallest diagram: one box. Used by the tests of the placeholder rules."""

from diagrams import Diagram, Node

CAPTION = "A box."
ALT = "Diagram: a box."

with Diagram("", show=False):
    Node("box")
