"""Turn Graphviz's SVG into a self-contained figure that can sit inline in any page.

Graphviz writes icons as links to PNG files on the build machine, ids such as
`node1` that collide when two figures share a page, a white background, a
tooltip `<title>` per shape, and fonts named after the build machine's. This
module rewrites that SVG so that it:

- embeds every icon as a data URI: an SVG icon as it is, once checked to be
  plain drawing; a PNG scaled to twice the size it is shown at; and stores an
  icon used more than once a single time (`<defs>` and `<use>`);
- prefixes every id with `ID_PREFIX`, which the page replaces with a prefix of
  its own for each placement, so ids stay unique on any page;
- drops the background, the per-shape tooltips and the font names, so that the
  page's stylesheet decides colours and fonts (light and dark alike);
- keeps only plain drawing elements: no script, no link, no event handler, no
  `foreignObject`, nothing that points outside the figure (an `href` or a
  `url()` may only name an id of the figure, and an `<image>` only an icon file,
  which is embedded). Anything else is an `UnsafeSvgError`.
"""

from __future__ import annotations

import base64
import io
import math
import re
import urllib.parse
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from PIL import Image

from drawn_figures import ID_PREFIX

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
# Links are written as xlink:href, not href: Material's instant navigation rewrites the `href` of
# every element that has one, which throws on SVG elements, whose `href` is read-only.
XLINK_HREF = f"{{{XLINK}}}href"
PX_PER_PT = 4 / 3
ICON_DENSITY = 2  # pixels stored per pixel shown, for sharp icons on high-density screens
ALLOWED_ELEMENTS = frozenset(
    [
        "svg",
        "g",
        "defs",
        "use",
        "title",
        "path",
        "polygon",
        "polyline",
        "ellipse",
        "circle",
        "rect",
        "line",
        "text",
        "tspan",
        "image",
        "linearGradient",
        "radialGradient",
        "stop",
    ]
)
ICON_ELEMENTS = frozenset(["svg", "g", "title", "path", "polygon", "polyline", "ellipse", "circle", "rect", "line"])
DROPPED_ATTRIBUTES = frozenset({"font-family"})
LOCAL_REFERENCE = re.compile(r"url\(#([^)]+)\)")
OTHER_REFERENCE = re.compile(r"url\(\s*(?!#)", re.IGNORECASE)
HREFS = frozenset({XLINK_HREF, "href"})

ET.register_namespace("", SVG)
ET.register_namespace("xlink", XLINK)


class UnsafeSvgError(ValueError):
    """The SVG holds something a self-contained figure must not have."""


def make_self_contained(svg_text: str, base_dir: Path, title: str) -> str:
    """Return `svg_text` rewritten as described above, titled `title` for screen readers."""
    root = ET.fromstring(svg_text)
    drop_tooltips_and_background(root)
    for element in root.iter():
        check_and_prefix(element)
        element.tail = None  # Graphviz's line breaks between elements: weight with no meaning
        if element.text is not None and not element.text.strip():
            element.text = None
    embed_icons(root, base_dir)
    for side in ("width", "height"):  # in CSS pixels: the stylesheet may only shrink a figure to fit
        root.set(side, str(round(float(root.attrib[side].removesuffix("pt")) * PX_PER_PT)))
    root.set("role", "img")
    root.set("aria-labelledby", f"{ID_PREFIX}title")
    heading = ET.Element(f"{{{SVG}}}title", id=f"{ID_PREFIX}title")
    heading.text = title
    root.insert(0, heading)
    return ET.tostring(root, encoding="unicode")


def drop_tooltips_and_background(root: ET.Element) -> None:
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag == f"{{{SVG}}}title":
                parent.remove(child)
    graph = root.find(f"{{{SVG}}}g")
    background = graph.find(f"{{{SVG}}}polygon") if graph is not None else None
    if graph is not None and background is not None and background.get("fill") == "white":
        graph.remove(background)


def check_and_prefix(element: ET.Element) -> None:
    tag = element.tag.removeprefix(f"{{{SVG}}}")
    if tag not in ALLOWED_ELEMENTS:
        raise UnsafeSvgError(f"the SVG has a <{tag}> element; remove the URL, href or HREF attribute that makes it")
    for name, value in list(element.attrib.items()):
        if name.lower().startswith("on") or name in DROPPED_ATTRIBUTES:
            del element.attrib[name]
        elif name == "id":
            element.set(name, ID_PREFIX + value)
        elif name == XLINK_HREF and tag == "image":
            continue  # an icon's file: `embed_icons` puts it in the figure, or refuses it
        elif name in HREFS and value.startswith("#"):
            element.set(name, f"#{ID_PREFIX}{value[1:]}")
        elif name in HREFS or OTHER_REFERENCE.search(value):
            shown = "xlink:href" if name == XLINK_HREF else name
            raise UnsafeSvgError(f"the SVG has {shown}={value!r}, which leads out of the figure; remove it")
        else:
            element.set(name, LOCAL_REFERENCE.sub(rf"url(#{ID_PREFIX}\1)", value))


def embed_icons(root: ET.Element, base_dir: Path) -> None:
    images = [(parent, image) for parent in root.iter() for image in parent if image.tag == f"{{{SVG}}}image"]
    shapes = Counter(icon_shape(image) for _, image in images)
    shared: dict[tuple[str, str, str], str] = {}
    defs = ET.Element(f"{{{SVG}}}defs")
    for parent, image in images:
        shape = icon_shape(image)
        source = image.get(XLINK_HREF, "")
        if shapes[shape] == 1:
            image.set(XLINK_HREF, icon_data_uri(base_dir / source, image))
            continue
        if shape not in shared:
            shared[shape] = f"{ID_PREFIX}icon{len(shared) + 1}"
            stored = ET.SubElement(defs, f"{{{SVG}}}image", id=shared[shape])
            stored.attrib.update({k: v for k, v in image.attrib.items() if k not in ("x", "y")})
            stored.set(XLINK_HREF, icon_data_uri(base_dir / source, image))
        use = ET.Element(
            f"{{{SVG}}}use", {XLINK_HREF: f"#{shared[shape]}", "x": image.get("x", "0"), "y": image.get("y", "0")}
        )
        parent[list(parent).index(image)] = use
    if len(defs):
        root.insert(0, defs)


def icon_shape(image: ET.Element) -> tuple[str, str, str]:
    source = image.get(XLINK_HREF, "")
    return source, image.get("width", ""), image.get("height", "")


def icon_data_uri(path: Path, image: ET.Element) -> str:
    """The icon at `path` as a data URI: an SVG as it is, a PNG no larger than shown times `ICON_DENSITY`."""
    if path.suffix.lower() == ".svg" and path.is_file():
        # Percent-encoded, not base64: a fifth smaller. Single quotes need no escaping in a double-quoted attribute.
        return "data:image/svg+xml," + urllib.parse.quote(plain_drawing(path).replace('"', "'"), safe="'=:/;,.- ")
    if path.suffix.lower() != ".png" or not path.is_file():
        raise UnsafeSvgError(f"icon {path.name!r} is not a PNG or SVG file that exists; use a .png or .svg icon")
    shown = max(float(image.get(side, "0").removesuffix("px")) for side in ("width", "height"))
    with Image.open(path) as icon:
        largest = math.ceil(shown * ICON_DENSITY)
        if max(icon.size) > largest > 0:
            icon.thumbnail((largest, largest), Image.Resampling.LANCZOS)
        # 256 colours are plenty for an icon this small, and halve its bytes.
        small = icon.convert("RGBA").quantize(256, method=Image.Quantize.FASTOCTREE)
        buffer = io.BytesIO()
        small.save(buffer, format="PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def plain_drawing(path: Path) -> str:
    """The SVG icon at `path`, without its XML declaration, once checked to hold nothing but drawing."""
    root = ET.fromstring(path.read_text(encoding="utf-8"))
    for element in root.iter():
        tag = element.tag.removeprefix(f"{{{SVG}}}")
        if tag not in ICON_ELEMENTS:
            raise UnsafeSvgError(f"icon {path.name!r} has a <{tag}> element; an SVG icon may only draw shapes")
        for name, value in element.attrib.items():
            if name.lower().startswith("on") or "href" in name or "url(" in value:
                raise UnsafeSvgError(f"icon {path.name!r} has a {name}= attribute; an SVG icon may only draw shapes")
    return ET.tostring(root, encoding="unicode")
