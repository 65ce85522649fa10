"""Pages of the served site opened in Chromium, each once per palette, for tests/site/test_browser.py."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Response, Route

from scripts.shared.project import markdown_pages

SCHEMES = ("light", "dark")
PHONE, DESKTOP = 360, 1280
OWN_HOST = re.compile(r"^(http://127\.0\.0\.1:\d+/|data:|blob:)")


SOURCES = markdown_pages()
ARTICLE_PAGES = sorted(SOURCES)
EVERY_PAGE = [*ARTICLE_PAGES, "404.html"]


# After a resize: the new layout is drawn and the theme's colour transitions (0.25 s) have ended.
SETTLED = """new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done))).then(() => Promise.all(
  document.getAnimations().filter(a => a.effect.getComputedTiming().endTime !== Infinity).map(a => a.finished)))"""


@dataclass
class Visit:
    """One page open in its own browser context, with everything that went wrong while it loaded."""

    page: Page
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    other_hosts: list[str] = field(default_factory=list)

    def record_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(f"{message.text} ({message.location.get('url')})")

    def record_response(self, response: Response) -> None:
        if response.status >= 400:
            self.failed_requests.append(f"{response.status} {response.url}")

    def cut_off(self, route: Route) -> None:
        self.other_hosts.append(route.request.url)
        route.abort("internetdisconnected")


class Visits:
    """Opens pages of the served site; each (path, scheme) is loaded once and shared by the tests."""

    def __init__(self, browser: Browser, base: str) -> None:
        self.browser = browser
        self.base = base
        self.contexts: list[BrowserContext] = []
        self.opened: dict[tuple[str, str], Visit] = {}

    def fresh(self, path: str, scheme: str = "light", width: int = DESKTOP) -> Visit:
        """A new visit of its own, for a test that changes the page."""
        visit = self.start(path, scheme, width)
        visit.page.wait_for_load_state("networkidle")
        return visit

    def open_all(self, paths: list[str]) -> None:
        """Start loading every page in both palettes, then wait for each: their waits for quiet overlap."""
        started = {(path, scheme): self.start(path, scheme) for path in paths for scheme in SCHEMES}
        for key, visit in started.items():
            visit.page.wait_for_load_state("networkidle")
            self.opened.setdefault(key, visit)

    def start(self, path: str, scheme: str, width: int = DESKTOP) -> Visit:
        """A visit whose page has begun to load, with everything that goes wrong recorded from the start."""
        context = self.browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
        self.contexts.append(context)
        visit = Visit(context.new_page())
        context.route(lambda url: not OWN_HOST.match(url), visit.cut_off)
        visit.page.on("console", visit.record_console)
        visit.page.on("pageerror", lambda error: visit.console_errors.append(f"uncaught {error}"))
        visit.page.on("response", visit.record_response)
        visit.page.on("requestfailed", lambda request: visit.failed_requests.append(f"{request.failure} {request.url}"))
        visit.page.goto(self.base + path, wait_until="commit")
        return visit

    def open(self, path: str, scheme: str, width: int = DESKTOP) -> Visit:
        """The page as loaded once in this palette, resized to `width` (as a phone turned, not reloaded)."""
        if (path, scheme) not in self.opened:
            self.opened[path, scheme] = self.fresh(path, scheme)
        page = self.opened[path, scheme].page
        if page.viewport_size and page.viewport_size["width"] != width:
            page.set_viewport_size({"width": width, "height": 800})
            page.evaluate(SETTLED)
        return self.opened[path, scheme]

    def close(self) -> None:
        for context in self.contexts:
            context.close()
