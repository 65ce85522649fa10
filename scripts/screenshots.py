"""Save screenshots of every page of the built site, desktop and phone, light and dark.

    python scripts/screenshots.py [SITE_DIR] [OUT_DIR]    # defaults: site/ and screenshots/

Look at them after every change to a page, a diagram or the stylesheet: a figure
that passes its tests can still look wrong.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from browse import launch, pages, serve

VIEWPORTS = {"desktop": (1280, 800), "phone": (390, 844)}
SCHEMES = ("light", "dark")


def main(site: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with serve(site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        for page_path in pages(site):
            for viewport, (width, height) in VIEWPORTS.items():
                for scheme in SCHEMES:
                    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
                    page = context.new_page()
                    page.goto(base + page_path)
                    name = (page_path.strip("/").replace("/", "-") or "home") + f"-{viewport}-{scheme}.png"
                    page.screenshot(path=out / name, full_page=True)
                    context.close()
                    print(out / name)
        browser.close()


if __name__ == "__main__":
    arguments = [Path(a) for a in sys.argv[1:3]]
    main(*arguments, *[Path("site"), Path("screenshots")][len(arguments) :])
