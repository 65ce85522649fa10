"""How this site is built: from Markdown and diagram code to a reader's browser."""

from diagrams import Edge
from diagrams.aws.devtools import Codebuild
from diagrams.aws.network import CloudFront
from diagrams.onprem.client import User
from diagrams.programming.flowchart import Document, MultipleDocuments, PredefinedProcess
from diagrams.programming.language import Python

from _style import band, flow

CAPTION = "How this site is built: pages and diagram code go in, a static site comes out and is served to readers."
ALT = (
    "Diagram: Markdown pages and diagram code flow through the diagram renderer and MkDocs "
    "to a static site, a host and a reader."
)
DESCRIPTION = """\
1. **Markdown pages** (`docs/`) and **diagram code** (`diagrams/`) are the sources.
2. The **diagram renderer** (the `figures` Markdown extension) draws each diagram the pages name, with Graphviz.
3. **MkDocs**, with Material for MkDocs, turns the pages and their figures into HTML.
4. The result is a **static site** (`site/`): files only, no server code.
5. A **static host or CDN** serves those files.
6. A **reader** opens them in a browser.
"""

STEP = 180  # points wide: two sources side by side still fit a phone with readable text

with flow("TB"):
    pages = band(Document, "Markdown pages\ndocs/", width_pt=STEP)
    code = band(Python, "Diagram code\ndiagrams/", width_pt=STEP)
    renderer = band(PredefinedProcess, "Diagram renderer\nfigures extension", width_pt=STEP)
    mkdocs = band(Codebuild, "MkDocs + Material", width_pt=STEP)
    site = band(MultipleDocuments, "Static site\nsite/", width_pt=STEP)
    host = band(CloudFront, "Static host / CDN", width_pt=STEP)
    reader = band(User, "Reader", width_pt=STEP)

    [pages, code] >> Edge() >> renderer >> Edge() >> mkdocs >> Edge() >> site >> Edge() >> host >> Edge() >> reader
