"""Making Graphviz's SVG self-contained (drawn_figures/svg.py), as data: hand-written SVG beside what it becomes.

Every build runs Graphviz's own SVG through this module; here each rule is seen
alone, on SVG written by hand, with the hostile input Graphviz would never write
but a diagram file, an icon or a future Graphviz might.

    .venv/bin/pytest tests/test_svg.py
"""

from __future__ import annotations

import base64
import io
import re
import urllib.parse
from pathlib import Path

import pytest
from PIL import Image

from drawn_figures import ID_PREFIX
from drawn_figures.svg import UnsafeSvgError, make_self_contained

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
TITLE = "Diagram: a test."
DATA_URI = re.compile(r"data:image/(?:png;base64|svg\+xml),[^\"]+")


def graphviz(body: str, root: str = "") -> str:
    """An SVG of 30 x 15 pt as Graphviz writes one around `body`: a tooltip, a white background, line breaks."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        f'<svg xmlns="{SVG}" xmlns:xlink="{XLINK}" width="30pt" height="15pt" viewBox="0.00 0.00 30.00 15.00"{root}>\n'
        '<g id="graph0" class="graph">\n<title>G</title>\n'
        '<polygon fill="white" stroke="transparent" points="0,0 30,0 30,15 0,15"/>\n'
        f"{body}\n</g>\n</svg>\n"
    )


def figure(body: str, xlink: bool = False) -> str:
    """What every figure becomes around `body`: sized in CSS px, titled for screen readers, ids prefixed."""
    namespaces = f'xmlns="{SVG}"' + (f' xmlns:xlink="{XLINK}"' if xlink else "")
    return (
        f'<svg {namespaces} width="40" height="20" viewBox="0.00 0.00 30.00 15.00" role="img" '
        f'aria-labelledby="{ID_PREFIX}title"><title id="{ID_PREFIX}title">{TITLE}</title>'
        f'<g id="{ID_PREFIX}graph0" class="graph">{body}</g></svg>'
    )


def rewritten(svg: str, icons: Path = Path()) -> str:
    return make_self_contained(svg, base_dir=icons, title=TITLE)


# Graphviz's SVG -> the figure it must become.
REWRITTEN = {
    "a shape loses its tooltip and keeps its drawing; its id is prefixed": (
        graphviz('<g id="node1" class="node"><title>a</title><ellipse fill="none" cx="15" cy="-7" rx="9" ry="5"/></g>'),
        figure(f'<g id="{ID_PREFIX}node1" class="node"><ellipse fill="none" cx="15" cy="-7" rx="9" ry="5" /></g>'),
    ),
    "fonts are left to the page": (
        graphviz('<text font-family="Times,serif" font-size="14.00" x="1" y="2">a</text>'),
        figure('<text font-size="14.00" x="1" y="2">a</text>'),
    ),
    "onload on the root is dropped": (
        graphviz('<path d="M0,0"/>', root=' onload="alert(1)"'),
        figure('<path d="M0,0" />'),
    ),
    "ONCLICK in capitals is dropped": (
        graphviz('<g id="node1" class="node" ONCLICK="alert(1)"><path d="M0,0"/></g>'),
        figure(f'<g id="{ID_PREFIX}node1" class="node"><path d="M0,0" /></g>'),
    ),
    "onmouseover on nested elements is dropped at every depth": (
        graphviz('<g onmouseover="a()"><g><text onMouseOver="b()">a<tspan OnFocusIn="c()">b</tspan></text></g></g>'),
        figure("<g><g><text>a<tspan>b</tspan></text></g></g>"),
    ),
    "url(#…) points at the prefixed id, in an attribute and in a style": (
        graphviz(
            '<defs><linearGradient id="l_0"><stop offset="0" stop-color="red"/></linearGradient></defs>'
            '<polygon fill="url(#l_0)" points="0,0 9,9"/><path style="stroke:url(#l_0)" d="M0,0"/>'
        ),
        figure(
            f'<defs><linearGradient id="{ID_PREFIX}l_0"><stop offset="0" stop-color="red" /></linearGradient></defs>'
            f'<polygon fill="url(#{ID_PREFIX}l_0)" points="0,0 9,9" /><path style="stroke:url(#{ID_PREFIX}l_0)" '
            'd="M0,0" />'
        ),
    ),
    "a link to an id of the figure is prefixed too": (
        graphviz('<use xlink:href="#shape"/><use href="#shape"/>'),
        figure(f'<use xlink:href="#{ID_PREFIX}shape" /><use href="#{ID_PREFIX}shape" />', xlink=True),
    ),
    "a background that is not white is the author's, and is kept": (
        graphviz("").replace('fill="white"', 'fill="lightgrey"'),
        figure('<polygon fill="lightgrey" stroke="transparent" points="0,0 30,0 30,15 0,15" />'),
    ),
}


@pytest.mark.parametrize(("svg", "expected"), REWRITTEN.values(), ids=REWRITTEN.keys())
def test_graphviz_svg_becomes_a_self_contained_figure(svg: str, expected: str) -> None:
    assert rewritten(svg) == expected


# SVG with something a figure must not hold -> the start of the message that refuses it.
REFUSED = {
    "a link": ('<a xlink:href="https://example.com/"><text>x</text></a>', "the SVG has a <a> element"),
    "a script": ("<script>alert(1)</script>", "the SVG has a <script> element"),
    "a foreignObject": (
        '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>',
        "the SVG has a <foreignObject> element",
    ),
    "a style sheet": ("<style>text { fill: red }</style>", "the SVG has a <style> element"),
    "an animation that sets a link": (
        '<animate attributeName="href" to="javascript:alert(1)"/>',
        "the SVG has a <animate> element",
    ),
    "an HTML frame": ('<iframe xmlns="http://www.w3.org/1999/xhtml" src="https://example.com/"/>', "the SVG has a <"),
    "an image from the web": (
        '<image xlink:href="https://example.com/x.png" width="9px" height="9px"/>',
        "icon 'x.png' is not a PNG or SVG file that exists",
    ),
    "a use of another file": (
        '<use xlink:href="https://example.com/sprite.svg#a"/>',
        "the SVG has xlink:href='https://example.com/sprite.svg#a', which leads out of the figure",
    ),
    "a plain href": ('<use href="sprite.svg#a"/>', "the SVG has href='sprite.svg#a', which leads out of the figure"),
    "a url() to another file": (
        '<polygon fill="url(https://example.com/p.svg#a)" points="0,0 9,9"/>',
        "the SVG has fill='url(https://example.com/p.svg#a)', which leads out of the figure",
    ),
    "a url() in a style, spaced out": (
        '<path style="fill: url( \'https://example.com/p.svg\' )" d="M0,0"/>',
        "the SVG has style=",
    ),
    "an image that is no PNG or SVG": (
        '<image xlink:href="/etc/passwd" width="9px" height="9px"/>',
        "icon 'passwd' is not a PNG or SVG file that exists",
    ),
}


@pytest.mark.parametrize(("body", "message"), REFUSED.values(), ids=REFUSED.keys())
def test_what_could_run_or_lead_away_is_refused(body: str, message: str) -> None:
    with pytest.raises(UnsafeSvgError) as error:
        rewritten(graphviz(body))
    assert str(error.value).startswith(message), error.value


# --- icons ---------------------------------------------------------------------------------


def image(source: str, x: int = 0, size: int = 32) -> str:
    """An icon as Graphviz places one, in a node of its own."""
    return (
        f'<g id="node{x}"><image xlink:href="{source}" width="{size}px" height="{size}px" '
        f'preserveAspectRatio="xMinYMin meet" x="{x}" y="-5"/></g>'
    )


def png(folder: Path, name: str, side: int) -> str:
    Image.new("RGBA", (side, side), (200, 30, 30, 255)).save(folder / name)
    return name


def embedded_png_side(figure: str) -> int:
    [uri] = DATA_URI.findall(figure)
    assert uri.startswith("data:image/png;base64,"), uri[:40]
    with Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1]))) as icon:
        assert icon.size[0] == icon.size[1]
        return icon.size[0]


def test_a_png_is_embedded_at_twice_the_size_it_is_shown(tmp_path: Path) -> None:
    shown = rewritten(graphviz(image(png(tmp_path, "big.png", 200), size=32)), tmp_path)
    assert embedded_png_side(shown) == 64
    assert "big.png" not in shown


def test_a_small_png_is_embedded_as_it_is_never_enlarged(tmp_path: Path) -> None:
    assert embedded_png_side(rewritten(graphviz(image(png(tmp_path, "small.png", 20), size=32)), tmp_path)) == 20


def test_an_icon_used_twice_is_stored_once_and_used_twice(tmp_path: Path) -> None:
    name = png(tmp_path, "icon.png", 64)
    shown = rewritten(graphviz(image(name, x=1) + image(name, x=2)), tmp_path)
    assert DATA_URI.sub("DATA", shown) == figure(
        f'<g id="{ID_PREFIX}node1"><use xlink:href="#{ID_PREFIX}icon1" x="1" y="-5" /></g>'
        f'<g id="{ID_PREFIX}node2"><use xlink:href="#{ID_PREFIX}icon1" x="2" y="-5" /></g>',
        xlink=True,
    ).replace(
        "</title>",
        f'</title><defs><image id="{ID_PREFIX}icon1" xlink:href="DATA" width="32px" height="32px" '
        'preserveAspectRatio="xMinYMin meet" /></defs>',
    )


def test_one_file_shown_at_two_sizes_is_two_icons(tmp_path: Path) -> None:
    name = png(tmp_path, "icon.png", 64)
    shown = rewritten(graphviz(image(name, x=1, size=16) + image(name, x=2, size=32)), tmp_path)
    assert "<defs>" not in shown
    assert len(DATA_URI.findall(shown)) == 2


PLAIN_ICON = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    f'<svg xmlns="{SVG}" width="24" height="24" viewBox="0 0 24 24"><path d="M4 4h16v16H4z" fill="#123"/></svg>'
)


def test_an_svg_icon_is_embedded_as_its_drawing_alone(tmp_path: Path) -> None:
    (tmp_path / "icon.svg").write_text(PLAIN_ICON, encoding="utf-8")
    [uri] = DATA_URI.findall(rewritten(graphviz(image("icon.svg")), tmp_path))
    assert uri.startswith("data:image/svg+xml,")
    assert urllib.parse.unquote(uri.removeprefix("data:image/svg+xml,")) == (
        f"<svg xmlns='{SVG}' width='24' height='24' viewBox='0 0 24 24'><path d='M4 4h16v16H4z' fill='#123' /></svg>"
    )


# An SVG icon's drawing -> the start of the message that refuses it: an icon may only draw shapes.
HOSTILE_ICONS = {
    "a script": ("<script>alert(1)</script>", "has a <script> element"),
    "a link": (f'<a xmlns:xlink="{XLINK}" xlink:href="https://example.com/"/>', "has a <a> element"),
    "an image of its own": ('<image href="https://example.com/x.png"/>', "has a <image> element"),
    "a use of another file": ('<use href="other.svg#shape"/>', "has a <use> element"),
    "a style sheet": ("<style>path { fill: red }</style>", "has a <style> element"),
    "a foreignObject": ("<foreignObject/>", "has a <foreignObject> element"),
    "an event handler": ('<path d="M0 0" onclick="alert(1)"/>', "has a onclick= attribute"),
    "an event handler in capitals": ('<path d="M0 0" ONLOAD="alert(1)"/>', "has a ONLOAD= attribute"),
    "an href on a shape": ('<path d="M0 0" href="https://example.com/"/>', "has a href= attribute"),
    "a url() to another file": ('<path d="M0 0" fill="url(https://example.com/p.svg#a)"/>', "has a fill= attribute"),
    "a url() in a style": ('<path d="M0 0" style="fill: url(#a)"/>', "has a style= attribute"),
}


@pytest.mark.parametrize(("drawing", "message"), HOSTILE_ICONS.values(), ids=HOSTILE_ICONS.keys())
def test_an_svg_icon_that_does_more_than_draw_is_refused(tmp_path: Path, drawing: str, message: str) -> None:
    (tmp_path / "icon.svg").write_text(PLAIN_ICON.replace("</svg>", f"{drawing}</svg>"), encoding="utf-8")
    with pytest.raises(UnsafeSvgError) as error:
        rewritten(graphviz(image("icon.svg")), tmp_path)
    assert str(error.value) == f"icon 'icon.svg' {message}; an SVG icon may only draw shapes"


def test_an_onload_on_the_icons_root_is_refused(tmp_path: Path) -> None:
    (tmp_path / "icon.svg").write_text(PLAIN_ICON.replace("<svg ", '<svg onload="alert(1)" '), encoding="utf-8")
    with pytest.raises(UnsafeSvgError, match=r"^icon 'icon\.svg' has a onload= attribute"):
        rewritten(graphviz(image("icon.svg")), tmp_path)
