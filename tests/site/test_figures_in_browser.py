"""The figures as readers see them, measured in Chromium on desktop and on a phone, light and dark.

Graphviz measures text with the build machine's fonts while the browser uses its
own, so label sizes and overflow are checked here, in the browser, not in the SVG.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, Page

from drawn_figures.legibility import DESKTOP_COLUMN_PX, MAX_DESKTOP_HEIGHT_PX, MIN_TEXT_PX, PHONE_WIDTH_PX, measure
from scripts.shared.browser import pages, serve

from helpers import Project, warm_copy
from site_checks import build_the_worked_example

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": PHONE_WIDTH_PX, "height": 800}
AGREEMENT_PX = 1.5  # the build's figures against the browser's: rounding, and the column's own rounding
TOO_WIDE = "too wide for a phone: shorter or two-line labels, or fewer boxes in a row"
TOO_TALL = "too tall for one screen: fewer boxes one above the other, or a left-to-right flow"

MIN_CONTRAST = 4.5

MEASURE = """figure => {
  const rgba = colour => (colour.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const linear = c => (c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  const over = ([r, g, b, a = 1], [R, G, B]) => [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a)];
  const page = rgba(getComputedStyle(document.body).backgroundColor);
  const contrast = (text, ground) => {
    const [l1, l2] = [luminance(over(rgba(text), ground)), luminance(ground)].sort((x, y) => y - x);
    return (l1 + 0.05) / (l2 + 0.05);
  };
  const contrasts = [];
  const svg = figure.querySelector("svg");
  const box = svg.getBoundingClientRect();
  const scale = box.width / svg.viewBox.baseVal.width;
  const overflowing = [];
  for (const node of svg.querySelectorAll("g.node")) {
    // A node in the package's own style (shape "none": an icon over its label) has no outline.
    const shape = node.querySelector("path, polygon");
    const outline = shape?.getBoundingClientRect();
    const fill = shape ? getComputedStyle(shape).fill : "none";
    const ground = fill.startsWith("rgb") ? over(rgba(fill), page) : page;
    for (const text of node.querySelectorAll("text")) {
      contrasts.push(contrast(getComputedStyle(text).fill, ground));
      const t = text.getBoundingClientRect();
      const inside = t.left >= outline?.left && t.right <= outline?.right
        && t.top >= outline?.top && t.bottom <= outline?.bottom;
      if (outline && !inside) {
        overflowing.push(text.textContent);
      }
    }
  }
  const sizes = [...svg.querySelectorAll("text")].map(t => parseFloat(t.getAttribute("font-size")) * scale);
  return {width: box.width, height: box.height, column: figure.getBoundingClientRect().width,
          smallestText: Math.min(...sizes), lowestContrast: Math.min(...contrasts), overflowing};
}"""


# A figure in a content tab (pymdownx.tabbed) is drawn only while its tab is chosen: choose it, as a reader would.
SHOW_ITS_TAB = """figure => {
  const block = figure.closest(".tabbed-block");
  if (block) {
    const set = block.closest(".tabbed-set");
    const index = [...block.parentElement.children].indexOf(block);
    set.querySelectorAll(":scope > .tabbed-labels > label")[index].click();
  }
}"""


@pytest.fixture(scope="module")
def site_url(built: Project) -> Iterator[str]:
    with serve(built.site) as url:
        yield url


def figures_on_every_page(
    browser: Browser, url: str, site: Project, viewport: dict, scheme: str = "light"
) -> dict[str, dict]:
    """Each figure of the site, by `page#id`, as measured in Chromium: every one the build placed, and at least one."""
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page: Page = context.new_page()
    measured = {}
    for path in pages(site.site):
        page.goto(url + path)
        for figure in page.locator("figure.diagram").all():
            figure.evaluate(SHOW_ITS_TAB)
            measured[f"{path}#{figure.get_attribute('id')}"] = figure.evaluate(MEASURE)
    context.close()
    assert measured, "no figure on any page"
    placed = sum(
        page.read_text(encoding="utf-8").count('<figure class="diagram"') for page in site.site.rglob("*.html")
    )
    assert len(measured) == placed, f"{placed} figures on the site's pages, {len(measured)} measured"
    return measured


Measured = Callable[[dict[str, int], str], dict[str, dict]]


@pytest.fixture(scope="module")
def measured(browser: Browser, site_url: str, built: Project) -> Measured:
    """`figures_on_every_page` for a viewport and a scheme, each measured once for the whole module."""
    done: dict[tuple[int, str], dict[str, dict]] = {}

    def measure_once(viewport: dict[str, int], scheme: str = "light") -> dict[str, dict]:
        if (viewport["width"], scheme) not in done:
            done[viewport["width"], scheme] = figures_on_every_page(browser, site_url, built, viewport, scheme)
        return done[viewport["width"], scheme]

    return measure_once


def test_on_desktop_each_figure_fits_the_column_and_one_screen(measured: Measured) -> None:
    """In the light palette: sizes are the same in both, and the colours are measured on a phone in each."""
    for where, figure in measured(DESKTOP, "light").items():
        assert figure["width"] <= min(DESKTOP_COLUMN_PX, figure["column"]), f"{where}: {TOO_WIDE}"
        assert figure["height"] <= MAX_DESKTOP_HEIGHT_PX, f"{where}: {figure['height']:.0f} px, {TOO_TALL}"
        assert not figure["overflowing"], f"{where}: labels outside their boxes: {figure['overflowing']}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_phone_every_label_is_readable_and_inside_its_box(measured: Measured, scheme: str) -> None:
    for where, figure in measured(PHONE, scheme).items():
        assert figure["width"] <= figure["column"], f"{where}: {TOO_WIDE}"
        assert figure["smallestText"] >= MIN_TEXT_PX, f"{where}: text {figure['smallestText']:.1f} px, {TOO_WIDE}"
        assert not figure["overflowing"], (
            f"{where}: labels outside their boxes, make them shorter: {figure['overflowing']}"
        )
        assert figure["lowestContrast"] >= MIN_CONTRAST, f"{where}: contrast {figure['lowestContrast']:.1f}:1"


def test_the_builds_measure_of_every_figure_agrees_with_the_browsers(measured: Measured, built: Project) -> None:
    """The build-time legibility check (drawn_figures/legibility.py) sees what Chromium shows, within a pixel or two."""
    on_phone, on_desktop = measured(PHONE, "light"), measured(DESKTOP, "light")
    for where, phone in on_phone.items():
        path, figure_id = where.split("#")
        svg = built.page(f"{path}index.html").split(f'id="{figure_id}">', 1)[1].split("</svg>", 1)[0] + "</svg>"
        expected = measure(svg.replace(" data-search-exclude", "", 1))  # the page's marker for site search: HTML
        assert phone["smallestText"] == pytest.approx(expected.phone_text_px, abs=AGREEMENT_PX), where
        assert on_desktop[where]["height"] == pytest.approx(expected.desktop_height_px, abs=AGREEMENT_PX), where
        assert on_desktop[where]["width"] == pytest.approx(expected.desktop_width_px, abs=AGREEMENT_PX), where


LABELS_IN_MANY_SCRIPTS = """\
from diagrams import Diagram, Edge
from diagrams.generic.compute import Rack

from _style import band

CAPTION = "Labels in several scripts."
ALT = "Diagram: labels in several scripts."

with Diagram("", direction="TB", show=False):
    bands = [band(Rack, label) for label in {labels!r}]
    for upper, lower in zip(bands, bands[1:]):
        upper >> Edge(style="invis") >> lower
"""
LABELS = ["Café · naïve · façade", "Ελληνικά · Русский", "日本語のラベル · 中文标签", "Serverless 🚀 ☁️"]


@pytest.fixture(scope="module")
def additions(built: Project, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The project with a figure of labels in many scripts on one page and CONTRIBUTING.md's worked example added
    as the guide says: built once, and served."""
    project = warm_copy(tmp_path_factory.mktemp("additions"), built)
    (project.root / "diagrams" / "scripts.py").write_text(LABELS_IN_MANY_SCRIPTS.format(labels=LABELS))
    (project.root / "docs" / "how-it-is-built.md").write_text("# Scripts\n\n{diagram: scripts}\n")
    build_the_worked_example(project)  # which builds the whole copy
    with serve(project.site) as url:
        yield url


def test_labels_in_any_script_are_kept_and_stay_inside_their_bands_on_a_phone(browser: Browser, additions: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(additions + "how-it-is-built/")
    figure = page.locator("#diagram-scripts-figure")
    assert [text.strip() for text in figure.locator("g.node text").all_text_contents()] == LABELS
    measured = figure.evaluate(MEASURE)
    context.close()
    assert not measured["overflowing"], measured["overflowing"]
    assert measured["smallestText"] >= MIN_TEXT_PX


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_guides_worked_examples_are_readable_on_a_phone_and_a_desktop(
    browser: Browser, additions: str, scheme: str
) -> None:
    """CONTRIBUTING.md's stack and flow, built as the guide says, pass the checks the site's own figures pass."""
    for viewport in (PHONE, DESKTOP):
        context = browser.new_context(viewport=viewport, color_scheme=scheme)
        page = context.new_page()
        page.goto(additions + "a-request/")
        figures = page.locator("figure.diagram").all()
        assert len(figures) == 2
        for figure in figures:
            measured = figure.evaluate(MEASURE)
            where = f"{figure.get_attribute('id')} at {viewport['width']} px"
            assert measured["smallestText"] >= MIN_TEXT_PX, f"{where}: {measured['smallestText']:.1f} px"
            assert measured["height"] <= MAX_DESKTOP_HEIGHT_PX, where
            assert not measured["overflowing"], f"{where}: {measured['overflowing']}"
            assert measured["lowestContrast"] >= MIN_CONTRAST, where
        context.close()
