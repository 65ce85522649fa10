"""One box with a table and a long description, both in Markdown. Used by tests/test_extension.py's golden files."""

from diagrams import Diagram, Node

CAPTION = "A described box."
ALT = "Diagram: a box, described below."
DESCRIPTION = """\
One box, *alone*, with `nothing` around it:

- nothing goes in;
- nothing comes out.
"""

TABLE = """\
| Box | Goes in | Comes out |
| --- | --- | --- |
| box | nothing | nothing |
"""

with Diagram("", show=False):
    Node("box")
