"""The explainer around the article: what CONTRIBUTING.md's checklist asks of every page, and the home page's
additions.

The pages, their sections and their order come from mkdocs.yml's nav and docs/, so a correct new page passes
with no list here to update; the checks themselves live in tests/site_checks.py, where
tests/site/test_contributing.py runs them on a copy of the site with the guide's worked example added.
"""

from __future__ import annotations

import json
import re

import pytest

from scripts.shared.project import ROOT

from helpers import Project
from site_checks import ARTICLE, GLOSSARY, Nav, PageCheck, article, check_nav, page_checks, site_path

NAV = Nav.of(ROOT)
CHECKS = [(markdown, check) for markdown in NAV.order for check in page_checks(NAV, markdown)]


def test_the_nav_is_learn_from_the_article_to_the_glossary_then_about_and_holds_every_page() -> None:
    check_nav(ROOT)


def test_there_are_pages_of_our_own_to_check() -> None:
    assert len(NAV.explainers) >= 5, NAV.sections


@pytest.mark.parametrize(
    ("markdown", "check"), CHECKS, ids=[f"{markdown}-{check.__name__}" for markdown, check in CHECKS]
)
def test_every_page_has_what_the_guides_checklist_asks(built: Project, markdown: str, check: PageCheck) -> None:
    check(built, markdown)


def test_the_home_page_says_what_you_will_learn_at_the_top(built: Project) -> None:
    text = article(built.page())
    box = text.find('<div class="admonition abstract">')
    assert 0 < box < text.find("<h2"), "the box comes after the H1 and before the article's first section"
    assert '<p class="admonition-title">What you will learn</p>' in text


def test_the_diagrams_of_the_home_page_stay_where_they_were() -> None:
    """The home page is the article, word for word: its two figures stand where the article's pictures stood."""
    lines = (ROOT / "docs" / ARTICLE).read_text(encoding="utf-8").splitlines()
    placed = [line for line in lines if line.startswith("{diagram:")]
    assert placed == ["{diagram: infrastructure-stack}", "{diagram: value-stack}"], f"docs/{ARTICLE}: {placed}"


def test_the_search_index_leaves_out_the_glossary_and_keeps_the_rest(built: Project) -> None:
    """Material fetches the whole index on a first visit, so every page pays for it (How this site is built: Decisions).
    Each term's definition is its tooltip wherever it is used, so the glossary page is left out."""
    index = json.loads((built.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = {document["location"].split("#")[0] for document in index["docs"]}
    assert site_path(GLOSSARY) not in pages, "docs/glossary.md: keep `search: exclude: true` in its front matter"
    assert {site_path(markdown) for markdown in NAV.order if markdown != GLOSSARY} <= pages


def test_a_page_out_of_place_is_named_with_the_line_to_edit(project: Project) -> None:
    """The nav's messages say where a page's line goes; checked on a copy, since the real nav is correct."""
    (project.root / "docs" / "stray.md").write_text("---\ndescription: A stray.\n---\n\n# Stray\n", encoding="utf-8")
    glossary_line = 1 + next(
        number
        for number, line in enumerate((project.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines())
        if re.fullmatch(r"\s+- Glossary: glossary\.md", line)
    )
    with pytest.raises(AssertionError, match=rf"docs/stray\.md .* mkdocs\.yml above line {glossary_line} "):
        check_nav(project.root)
