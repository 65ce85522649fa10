"""The worked example of "Serverless in practice": a photo upload that makes a thumbnail."""

from diagrams import Edge

from drawn_figures.icons import material

from _style import flow, group, step

CAPTION = "An upload starts the function once; it saves a thumbnail and stops until the next upload."
ALT = (
    "Diagram: a visitor uploads a photo to a storage bucket; the upload event starts a function, "
    "which saves a thumbnail in a second bucket."
)
DESCRIPTION = """\
1. A **visitor** uploads a photo to the **photos bucket**.
2. The upload is an event that starts the **thumbnail function**.
3. The function saves a small copy in the **thumbnails bucket**, then stops.
"""

with flow("TB"):
    visitor = step(material("account"), "Visitor", beside=True)
    with group("Cloud provider", role="provider"):
        photos = step(material("bucket-outline"), "Photos bucket", role="provider", beside=True)
        function = step(material("function-variant"), "Thumbnail function", role="yours", beside=True)
        thumbnails = step(material("image-size-select-small"), "Thumbnails bucket", role="provider", beside=True)
    visitor >> Edge(label="uploads a photo") >> photos
    photos >> Edge(label="upload event") >> function
    function >> Edge(label="saves a thumbnail") >> thumbnails
