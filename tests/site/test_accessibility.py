"""Axe finds nothing on any page: every page at a phone's width in both palettes, and at a desktop's.

    .venv/bin/pytest tests/site/test_accessibility.py

The pages are opened as tests/site/test_browser.py opens them (tests/browsing.py), from a
module of their own so that a second test worker can run them beside the other browser tests.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from browsing import DESKTOP, EVERY_PAGE, PHONE, SCHEMES, Visits

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
