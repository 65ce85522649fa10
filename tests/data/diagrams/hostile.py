"""One box whose words try to run code in the page. Used by tests/test_extension.py's golden files.

Every string here must reach the page as text: the caption, the alt text (the SVG's title) and the
description's and the table's raw HTML, block-level and inline alike.
"""

from diagrams import Diagram, Node

CAPTION = "A box & <i>more</i>."
ALT = "Diagram: a box</title><script>alert(1)</script>."
DESCRIPTION = """\
<script>alert(2)</script>

A line with <img src=x onerror=alert(3)> inline, and <b onclick="alert(4)">bold</b>.

<div onmouseover="alert(5)">A block of raw HTML.</div>

<!-- a comment --><style>body { display: none }</style>
"""

TABLE = """\
| Cell | <script>alert(6)</script> |
| --- | --- |
| <b onclick="alert(7)">bold</b> | text |
"""

with Diagram("", show=False):
    Node("box")
