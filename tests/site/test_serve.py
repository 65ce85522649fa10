"""`mkdocs serve` as a contributor uses it: save a file, and the open page shows the change.

And `properdocs serve`, MkDocs' fork, which runs the same figures plugin (How this site is built: Decisions).

The page is open in a real Chromium, so the test fails if live reload does not
fire (as it did not with some click versions), not only if the rebuild does not
happen.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from helpers import WAIT_SECONDS, Project, serving


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A page of its own for each test, in a context of its own: nothing carries over from the test before."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


def test_saving_a_diagram_file_redraws_the_open_page(warm_project: Project, page: Page) -> None:
    with serving(warm_project) as (url, _):
        page.goto(url)
        assert page.locator("#diagram-infrastructure-stack-figure text", has_text="Middleware").count() == 1
        warm_project.edit("diagrams/_stack.py", '"Middleware"', '"Message brokers"')
        # Live reload replaces the whole document, so the figure is absent for a moment while a slow machine
        # reloads: wait with a locator, which looks the figure up afresh on every try, not with a script
        # that reads it once.
        redrawn = page.locator("#diagram-infrastructure-stack-figure text", has_text="Message brokers")
        expect(redrawn).to_have_count(1, timeout=WAIT_SECONDS * 1000)
        expect(page.locator("#diagram-value-stack-figure text", has_text="Message brokers")).to_have_count(1)
        expect(page.locator("#diagram-infrastructure-stack-figure text", has_text="Middleware")).to_have_count(0)


def test_saving_a_page_reloads_it(warm_project: Project, page: Page) -> None:
    with serving(warm_project) as (url, _):
        page.goto(url)
        warm_project.edit("docs/index.md", "# What is Serverless?", "# What is Serverless, really?")
        expect(page.locator("h1")).to_contain_text("really", timeout=WAIT_SECONDS * 1000)


def wait_for_text(page: Page, selector: str, text: str) -> None:
    """Wait until the first element `selector` finds holds `text`, through any number of live reloads."""
    expect(page.locator(selector).first).to_contain_text(text, timeout=WAIT_SECONDS * 1000)


def still_serving(page: Page, url: str) -> bool:
    response = page.goto(url)
    return response is not None and response.ok


def break_and_mend(
    project: Project,
    page: Page,
    url: str,
    diagram_file: str,
    *,
    good: str,
    broken: str,
    mended: str,
    figure: str,
    shown: str,
) -> None:
    """Break `diagram_file` (`good` becomes `broken`): the page shows why and the server keeps serving; then
    mend it (`broken` becomes `mended`): `figure` (a selector) shows `shown`, and the error box is gone."""
    project.edit(diagram_file, good, broken)
    wait_for_text(page, ".diagram-error", f"{diagram_file}:")
    expect(page.locator(".diagram-error").first).to_contain_text("SyntaxError")
    assert still_serving(page, url)
    project.edit(diagram_file, broken, mended)
    wait_for_text(page, figure, shown)
    assert page.locator(".diagram-error").count() == 0


def test_a_broken_diagram_is_shown_in_the_page_and_fixing_it_recovers(warm_project: Project, page: Page) -> None:
    with serving(warm_project) as (url, _):
        page.goto(url)
        break_and_mend(
            warm_project,
            page,
            url,
            "diagrams/_stack.py",
            good='"Middleware"',
            broken='"Middleware" +',
            mended='"Message brokers"',
            figure="#diagram-value-stack-figure",
            shown="Message brokers",
        )


def test_a_broken_placeholder_is_shown_in_the_page_and_fixing_it_recovers(warm_project: Project, page: Page) -> None:
    with serving(warm_project) as (url, _):
        page.goto(url)
        warm_project.edit("docs/index.md", "{diagram: value-stack}", "{diagram: value-stak}")
        wait_for_text(page, ".diagram-error", "unknown diagram 'value-stak'. Did you mean 'value-stack'?")
        assert still_serving(page, url)
        warm_project.edit("docs/index.md", "{diagram: value-stak}", "{diagram: value-stack}")
        wait_for_text(page, "article", "Only your applications and your data add value")
        assert page.locator(".diagram-error").count() == 0


def test_properdocs_serve_shows_a_broken_diagram_and_redraws_it_alone_when_fixed(
    small_site: Project, page: Page
) -> None:
    """`properdocs serve`, as `mkdocs serve` above; the small site, whose three figures draw from cold quickly."""
    with serving(small_site, generator="properdocs") as (url, log):
        page.goto(url)
        assert page.locator("#diagram-plain-figure text", has_text="plain").count() == 1
        break_and_mend(
            small_site,
            page,
            url,
            "diagrams/plain.py",
            good='Node("plain")',
            broken='Node("plain" +)',
            mended='Node("mended")',
            figure="#diagram-plain-figure",
            shown="mended",
        )
        # The server keeps the other two figures in memory, so a rebuild counts only what it draws.
        drawn = re.findall(r"drawn_figures: .*", log.read_text())[-1]
        assert drawn == "drawn_figures: 1 diagram(s) drawn, 0 from the cache"
