"""The readers' bar, in a real browser: every page of the built site in headless Chromium, light and dark.

    .venv/bin/pytest tests/site/test_browser.py

The site is served on 127.0.0.1 and every request to any other host is cut off
and recorded, so a page that needs the network, or tells a third party about its
reader, fails here. Each page is loaded once per palette, at desktop width, and
resized to a phone's for the phone checks; the tests share those visits.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from scripts.shared.browser import pages
from scripts.shared.project import FIGURE

from browsing import ARTICLE_PAGES, DESKTOP, EVERY_PAGE, PHONE, SCHEMES, Visits
from helpers import Project

SEARCHED_WORD = "provisioning"  # in the article, and nowhere in the theme's own text


# Axe on every page at a phone's width in both palettes, where a page's own content is at its narrowest (a
# table that scrolls sideways); at a desktop's, in the light palette, where the theme adds its sidebars; and
# those sidebars in the dark palette on the home page, since they are the same on every page.
every_view = pytest.mark.parametrize(
    ("path", "scheme", "width"),
    [
        *((path, scheme, PHONE) for path in EVERY_PAGE for scheme in SCHEMES),
        *((path, "light", DESKTOP) for path in EVERY_PAGE),
        ("", "dark", DESKTOP),
    ],
)


@every_view
def test_axe_finds_no_violation(visits: Visits, path: str, scheme: str, width: int) -> None:
    results = Axe().run(visits.open(path, scheme, width).page)
    assert results.violations_count == 0, results.generate_report()


def figure_ids(built: Project, path: str) -> list[str]:
    """The ids of the figures the build put on a page, in order: what the browser must draw there.

    Which figures each page must have, from its Markdown, is checked in tests/site/test_build.py.
    """
    return [f"diagram-{figure['name']}-figure" for figure in FIGURE.finditer(built.page(f"{path}index.html"))]


def test_the_tests_cover_every_page_of_the_site(built: Project) -> None:
    assert sorted(pages(built.site)) == ARTICLE_PAGES
    assert (built.site / "404.html").is_file()
    assert any(figure_ids(built, path) for path in ARTICLE_PAGES), "no page has a figure to look at"


def test_a_request_to_another_host_is_caught(visits: Visits) -> None:
    visit = visits.fresh("")
    visit.page.evaluate("fetch('https://fonts.example/css').catch(() => {})")
    visit.page.wait_for_load_state("networkidle")
    assert visit.other_hosts == ["https://fonts.example/css"]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", EVERY_PAGE)
def test_the_page_loads_cleanly_from_its_own_host_alone(visits: Visits, path: str, scheme: str) -> None:
    visit = visits.open(path, scheme)
    assert visit.other_hosts == []
    assert visit.failed_requests == []
    assert visit.console_errors == []


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", EVERY_PAGE)
def test_a_phone_never_scrolls_sideways(visits: Visits, path: str, scheme: str) -> None:
    page = visits.open(path, scheme, PHONE).page
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE


@pytest.mark.parametrize("path", EVERY_PAGE)
def test_the_language_is_british_english(visits: Visits, path: str) -> None:
    assert visits.open(path, "light").page.evaluate("document.documentElement.lang") == "en-GB"


DRAWN_FIGURES = """async () => Promise.all([...document.querySelectorAll("figure.diagram")].map(async figure => {
  const svg = figure.querySelector("svg");
  const box = svg.getBoundingClientRect();
  // A figure in a content tab that is not chosen is drawn when its tab is (tests/site/test_figures_in_browser.py).
  const inHiddenTab = !!figure.closest(".tabbed-block") && !figure.checkVisibility();
  const icons = await Promise.all([...svg.querySelectorAll("image")].map(async image => {
    const decoded = new Image();
    decoded.src = image.href.baseVal;
    try { await decoded.decode(); } catch { return 0; }
    // An icon used twice is stored once, in <defs>, which is never drawn itself.
    const drawn = image.closest("defs") || inHiddenTab ? 1 : image.getBoundingClientRect().width;
    return decoded.naturalWidth * drawn;
  }));
  return {id: figure.id, visible: svg.checkVisibility() || inHiddenTab, inHiddenTab,
          width: box.width, height: box.height, icons};
}))"""


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", ARTICLE_PAGES)
def test_every_diagram_is_drawn_with_every_icon_decoded(
    visits: Visits, built: Project, path: str, scheme: str, width: int
) -> None:
    figures = visits.open(path, scheme, width).page.evaluate(DRAWN_FIGURES)
    assert [figure["id"] for figure in figures] == figure_ids(built, path)
    for figure in figures:
        assert figure["visible"], figure["id"]
        assert figure["inHiddenTab"] or (figure["width"] > 0 and figure["height"] > 0), figure
        drawn = re.search(
            rf'<figure class="diagram" id="{figure["id"]}">.*?</svg>', built.page(f"{path}index.html"), re.S
        )
        assert drawn and len(figure["icons"]) == drawn.group().count("<image"), f"{figure['id']}: an icon is missing"
        assert all(icon > 0 for icon in figure["icons"]), figure


def test_search_finds_the_article_from_a_word_in_it(visits: Visits) -> None:
    visit = visits.fresh("")
    search = visit.page.locator(".md-search__input")
    search.click()
    search.press_sequentially(SEARCHED_WORD)
    results = visit.page.locator(".md-search-result__item a")
    results.first.wait_for()
    found = {
        urlsplit(urljoin(visit.page.url, href))._replace(query="", fragment="").geturl()
        for href in results.evaluate_all("links => links.map(link => link.getAttribute('href'))")
    }
    assert visits.base in found, found
    assert visit.console_errors == []


TOOLTIP = "() => getComputedStyle(document.activeElement, '::after').content"


def test_a_tooltip_shows_on_focus_and_escape_hides_it_until_focus_returns(visits: Visits) -> None:
    page = visits.fresh(ARTICLE_PAGES[0], width=PHONE).page
    term = page.locator("article abbr[title]").first
    term.focus()
    assert page.evaluate(TOOLTIP) == page.evaluate("JSON.stringify(document.activeElement.title)")
    page.keyboard.press("Escape")
    assert page.evaluate(TOOLTIP) == "none", "Escape leaves the tooltip open (WCAG 1.4.13)"
    assert page.evaluate("document.activeElement.matches('abbr[title]')"), "Escape moved the focus"
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(TOOLTIP) != "none", "the tooltip stays hidden when its term is focused again"


SHAPE_COLOURS = """() => [...document.querySelectorAll("figure.diagram svg :is(polygon, path, ellipse, rect, text)")]
  .map(shape => { const style = getComputedStyle(shape); return style.fill + " " + style.stroke; })"""


def test_the_palette_toggle_switches_the_diagrams_look(visits: Visits) -> None:
    page = visits.fresh(ARTICLE_PAGES[0], "light").page
    light = page.evaluate(SHAPE_COLOURS)
    for _ in SCHEMES:  # from "follow the system" to light, then to dark
        page.locator("label[for^='__palette_']:visible").click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    dark = page.evaluate(SHAPE_COLOURS)
    assert light and len(dark) == len(light)
    assert dark != light


def test_the_print_view_shows_the_diagrams(visits: Visits, built: Project) -> None:
    page = visits.fresh(ARTICLE_PAGES[0]).page
    page.emulate_media(media="print")
    figures = page.evaluate(DRAWN_FIGURES)
    assert figures and [figure["id"] for figure in figures] == figure_ids(built, ARTICLE_PAGES[0])
    assert all(figure["visible"] and figure["width"] > 0 and figure["height"] > 0 for figure in figures), figures


@pytest.mark.parametrize("path", ARTICLE_PAGES)
def test_link_previews_have_a_title_a_description_and_an_image(visits: Visits, built: Project, path: str) -> None:
    page = visits.open(path, "light").page
    meta = page.evaluate(
        "() => Object.fromEntries([...document.querySelectorAll('meta[property], meta[name]')]"
        ".map(tag => [tag.getAttribute('property') || tag.name, tag.content]))"
    )
    assert meta["description"] and meta["og:description"] == meta["description"]
    assert meta["og:title"] and meta["twitter:card"] == "summary_large_image"
    canonical = page.evaluate("document.querySelector('link[rel=canonical]').href")
    assert meta["og:url"] == canonical
    site_url = canonical.removesuffix(path)
    assert meta["og:image"].startswith(site_url)
    assert (built.site / meta["og:image"].removeprefix(site_url)).is_file(), meta["og:image"]
    assert meta["og:image:alt"]


def test_the_sitemap_lists_every_page_and_the_favicon_is_there(visits: Visits, built: Project) -> None:
    page = visits.open(ARTICLE_PAGES[0], "light").page
    site_url = page.evaluate("document.querySelector('link[rel=canonical]').href").removesuffix(ARTICLE_PAGES[0])
    sitemap = (built.site / "sitemap.xml").read_text(encoding="utf-8")
    assert sorted(url.removeprefix(site_url) for url in re.findall(r"<loc>([^<]*)</loc>", sitemap)) == ARTICLE_PAGES
    favicon = page.evaluate("document.querySelector('link[rel=icon]').href").removeprefix(visits.base)
    assert favicon.endswith(".svg") and (built.site / favicon).is_file(), favicon
