"""Save screenshots of the built site's pages, on a desktop and a phone, in the light and the dark palette.

    make screenshots                       # every page
    make screenshots PAGE=trade-offs       # one page (its path in the site; `/` or `index` is the home page)
    .venv/bin/python -m scripts.screenshots [SITE] [OUT] [--page PATH]    # defaults: site/ and screenshots/

Look at them after every change to a page, a diagram or the stylesheet: a figure
that passes its tests can still look wrong. The phone is as wide as the one the
tests and the build's legibility check use (drawn_figures/legibility.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Literal

from playwright.sync_api import sync_playwright

from drawn_figures.legibility import PHONE_WIDTH_PX
from scripts.shared.browser import launch, pages, serve

VIEWPORTS = {"desktop": (1280, 800), "phone": (PHONE_WIDTH_PX, 800)}
SCHEMES: tuple[Literal["light", "dark"], ...] = ("light", "dark")


def chosen_pages(site: Path, page: str | None) -> list[str]:
    """Every page's path, or only `page` (as written on the command line), which must exist."""
    every = pages(site)
    if page is None:
        return every
    wanted = page.strip("/").removesuffix("index.html").removesuffix("index").strip("/")
    wanted = wanted + "/" if wanted else ""
    if wanted not in every:
        sys.exit(f"error: no page {page!r} in {site}; the pages are: {', '.join(p or '/' for p in every)}")
    return [wanted]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.screenshots", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("site", nargs="?", type=Path, default=Path("site"), help="the built site (default: site)")
    parser.add_argument("out", nargs="?", type=Path, default=Path("screenshots"), help="default: screenshots")
    parser.add_argument("--page", help="only this page, e.g. trade-offs or / (default: every page)")
    arguments = parser.parse_args(argv)
    arguments.out.mkdir(parents=True, exist_ok=True)
    with serve(arguments.site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        for page_path in chosen_pages(arguments.site, arguments.page):
            for viewport, (width, height) in VIEWPORTS.items():
                for scheme in SCHEMES:
                    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
                    page = context.new_page()
                    page.goto(base + page_path)
                    name = (page_path.strip("/").replace("/", "-") or "home") + f"-{viewport}-{scheme}.png"
                    page.screenshot(path=arguments.out / name, full_page=True)
                    context.close()
                    print(arguments.out / name)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
