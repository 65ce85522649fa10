"""Draw the link-preview picture (Open Graph and Twitter cards) from the built site's value-stack figure.

    make og-image            (or: .venv/bin/python -m scripts.open_graph_image [SITE_DIR] [OUT_FILE])

The picture is the site's title over the figure, 1200 x 630 px, light palette,
taken in headless Chromium with the site's own stylesheets, so it follows the
diagram whenever it is run again (`make og-image`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import ViewportSize, sync_playwright

from scripts.shared.browser import launch, serve

SIZE: ViewportSize = {"width": 1200, "height": 630}
FIGURE = "#diagram-value-stack-figure"
ALONE = """([figure, title]) => {
  const svg = document.querySelector(figure + " svg").cloneNode(true);
  svg.style.maxHeight = "460px";
  svg.style.width = "auto";
  document.body.innerHTML = "";
  document.body.style.cssText = "display:flex;flex-direction:column;align-items:center;justify-content:center;"
    + "height:630px;margin:0;background:#fff";
  const heading = document.createElement("h1");
  heading.textContent = title;
  heading.style.cssText = "font:700 48px 'DejaVu Sans',sans-serif;color:#212121;margin:0 0 24px";
  const wrapper = document.createElement("figure");
  wrapper.className = "diagram";
  wrapper.style.margin = "0";
  wrapper.append(svg);
  document.body.append(heading, wrapper);
}"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.open_graph_image",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("site", nargs="?", type=Path, default=Path("site"), help="the built site (default: site)")
    parser.add_argument(
        "out", nargs="?", type=Path, default=Path("docs/assets/og-image.png"), help="default: docs/assets/og-image.png"
    )
    arguments = parser.parse_args(argv)
    site, out = arguments.site, arguments.out
    with serve(site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport=SIZE, color_scheme="light")
        page.goto(base)
        page.evaluate(ALONE, [FIGURE, page.title()])
        page.screenshot(path=out)
        browser.close()
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
