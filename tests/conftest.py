"""The tests' fixtures; what they are made of is in helpers.py."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from scripts.shared.browser import launch, serve

from browsing import EVERY_PAGE, Visits
from helpers import SMALL_SITE, Project, copy_project, warm_copy


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A fresh copy of the project, not yet built."""
    return copy_project(tmp_path)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The project built once, from an empty cache; shared by the tests that only read it."""
    project = copy_project(tmp_path_factory.mktemp("built"))
    project.build()
    return project


@pytest.fixture
def warm_project(tmp_path: Path, built: Project) -> Project:
    """`warm_copy` in the test's own folder."""
    return warm_copy(tmp_path, built)


@pytest.fixture
def small_site(tmp_path: Path) -> Project:
    """A fresh copy of tests/data/small-site: one page, three diagrams (two import a helper); builds in a second."""
    return Project(shutil.copytree(SMALL_SITE, tmp_path / "small-site"))


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole session; each test opens contexts of its own, which share nothing."""
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def visits(built: Project, browser: Browser) -> Iterator[Visits]:
    """The built site served, and every page opened once in each palette (tests/browsing.py)."""
    with serve(built.site) as base:
        opened = Visits(browser, base)
        opened.open_all(EVERY_PAGE)
        yield opened
        opened.close()


# The longest modules first: `make test` hands whole modules to its workers, which then end closer together.
LONGEST_FIRST = [
    "tests/site/test_browser.py",
    "tests/site/test_serve.py",
    "tests/site/test_figures_in_browser.py",
    "tests/package/test_children.py",
    "tests/site/test_contributing.py",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        module = item.nodeid.partition("::")[0]
        return LONGEST_FIRST.index(module) if module in LONGEST_FIRST else len(LONGEST_FIRST)

    items.sort(key=rank)  # stable: the order within each module, and of the rest, is kept
