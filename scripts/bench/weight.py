"""Page weight of a built site on a reader's first visit, for the benchmark.

Each page is opened in headless Chromium with an empty cache, from a local
static server, and every response the browser receives until the network is
idle is counted: the number of requests, and their bytes twice, as files
(uncompressed) and as a host sends them (gzip, level 6, what web servers
commonly use). Page weight is counted as sent, as Lighthouse's
`total-byte-weight` audit and the HTTP Archive count it. Each diagram's bytes
are those of its `<figure>` in the page's HTML.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Response, sync_playwright

from scripts.shared.browser import launch, pages, serve
from scripts.shared.project import FIGURE

GZIP_LEVEL = 6


@dataclass(frozen=True)
class PageWeight:
    page: str
    html_bytes: int
    diagram_bytes: dict[str, int]
    requests: int
    total_bytes: int  # as files
    total_gzip_bytes: int  # as a host sends them


def gzipped_size(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0))


def first_visit(browser: Browser, url: str) -> tuple[int, list[bytes]]:
    """The number of requests, and the bodies received, when `url` is opened with an empty cache."""
    context = browser.new_context()
    try:
        tab = context.new_page()
        responses: list[Response] = []
        tab.on("response", lambda response: responses.append(response))  # noqa: PLW0108 - Playwright cannot wrap a builtin
        tab.goto(url, wait_until="networkidle")
        return len(responses), [response.body() for response in responses if response.status < 300]
    finally:
        context.close()


def weigh(site: Path) -> list[PageWeight]:
    weights = []
    with serve(site) as base_url, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for page_path in pages(site):
                requests, bodies = first_visit(browser, base_url + page_path)
                html = (site / page_path / "index.html").read_bytes()
                diagrams = {
                    found["name"]: len(found.group().encode()) for found in FIGURE.finditer(html.decode("utf-8"))
                }
                weights.append(
                    PageWeight(
                        page="/" + page_path,
                        html_bytes=len(html),
                        diagram_bytes=diagrams,
                        requests=requests,
                        total_bytes=sum(len(body) for body in bodies),
                        total_gzip_bytes=sum(gzipped_size(body) for body in bodies),
                    )
                )
        finally:
            browser.close()
    return weights
