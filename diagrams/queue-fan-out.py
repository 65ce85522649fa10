"""Designing for events: a queue between a web app and the function that does the slow work."""

from diagrams import Edge

from drawn_figures.icons import material

from _style import flow, group, instances, step

CAPTION = "The web app only adds a message; the queue holds a burst while three instances take messages in turn."
ALT = (
    "Diagram: a web app puts messages on a queue, and three instances of one worker function "
    "each take messages from it."
)
DESCRIPTION = """\
1. The **web app** receives a request and puts a message on the **queue**, then answers at once.
2. The **queue** holds the messages until a worker is free, however many arrive together.
3. Three **instances** of one **worker function** each take the next message, do the work and take another.
"""

with flow("TB"):
    app = step(material("web"), "Web app", role="yours", beside=True)
    with group("Cloud provider", role="provider"):
        queue = step(material("tray-full"), "Queue", role="provider", beside=True)
        with group("Worker function", role="yours"):
            workers = instances(material("function-variant"), "Instance", 3, role="yours")
    app >> Edge(label="adds a message") >> queue
    queue >> workers
