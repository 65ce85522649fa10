"""The explainer around the article: sources on every new page, the learning order, the home page's additions."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from mkdocs.config import load_config

from scripts.shared.project import ROOT, page_path

from helpers import Project

DOCS = ROOT / "docs"
NOT_NEW = {"index.md", "how-it-is-built.md"}
NEW_PAGES = sorted(path.name for path in DOCS.glob("*.md") if path.name not in NOT_NEW)
LEARNING_ORDER = [
    "index.md",
    "who-manages-what.md",
    "one-model-at-a-time.md",
    "serverless-in-practice.md",
    "is-it-cheaper.md",
    "designing-for-events.md",
    "trade-offs.md",
    "beyond-functions.md",
    "glossary.md",
]


def site_path(markdown: str) -> str:
    """Where a page of docs/ is in the site, by the one map from Markdown to pages (scripts/shared/project.py)."""
    return page_path(DOCS / markdown, DOCS)


def built_page(built: Project, markdown: str) -> str:
    return built.page(f"{site_path(markdown)}index.html")


def article(page: str) -> str:
    return page.split("<article", 1)[1].split("</article>", 1)[0]


def section(text: str, heading_id: str) -> str | None:
    """What follows the `<h2>` with this id, up to the next `<h2>`; None when there is no such heading.
    Its attributes may come in any order (`data-search-exclude` keeps a section out of the search index)."""
    found = re.search(rf'<h2 [^>]*\bid="{heading_id}"[^>]*>(.*?)(?=<h2|$)', text, flags=re.DOTALL)
    return found.group(1) if found else None


def test_the_new_pages_are_the_ones_expected() -> None:
    assert set(NEW_PAGES) == set(LEARNING_ORDER) - {"index.md"}


@pytest.mark.parametrize("markdown", NEW_PAGES)
def test_every_new_page_ends_with_its_sources(built: Project, markdown: str) -> None:
    text = article(built_page(built, markdown))
    sources = section(text, "sources-and-further-reading")
    assert sources is not None, f"{markdown} has no 'Sources and further reading'"
    last_heading = text.rsplit("<h2", 1)[1].split(">", 1)[0]
    assert 'id="sources-and-further-reading"' in last_heading, "the sources are the page's last section"
    links = set(re.findall(r'<a href="(https://[^"]+)"', sources))
    assert len(links) >= 2, f"{markdown} links {len(links)} sources"


@pytest.mark.parametrize("markdown", NEW_PAGES)
def test_every_new_page_has_a_description_and_one_title(markdown: str) -> None:
    text = (DOCS / markdown).read_text(encoding="utf-8")
    front_matter = r"---\ndescription: .+\n(?:.+\n)*---\n\n# "
    assert re.match(front_matter, text), f"{markdown} starts with its description, then its H1"
    assert len(re.findall(r"^# ", text, flags=re.MULTILINE)) == 1


def nav_files(nav: list[object]) -> list[tuple[str, str]]:
    """(section, file) for every page of the nav, in order."""
    found = []
    for section in nav:
        assert isinstance(section, dict)
        [(title, entries)] = section.items()
        for entry in entries:
            [(_, path)] = entry.items()
            found.append((title, path))
    return found


def test_the_nav_is_learn_in_learning_order_then_about() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert nav_files(config["nav"]) == [
        *[("Learn", page) for page in LEARNING_ORDER],
        ("About", "how-it-is-built.md"),
    ]


def footer_links(page: str) -> dict[str, str]:
    """The previous/next links of Material's footer: direction → href."""
    link = r'<a href="([^"]*)" class="md-footer__link md-footer__link--(prev|next)"'
    return {direction: href for href, direction in re.findall(link, page)}


def test_previous_and_next_follow_the_learning_order(built: Project) -> None:
    order = [*LEARNING_ORDER, "how-it-is-built.md"]
    for before, page, after in zip(order, order[1:], order[2:], strict=False):
        links = footer_links(built_page(built, page))
        here = f"/{site_path(page)}"
        assert urljoin(here, links["prev"]) == f"/{site_path(before)}", (page, links)
        assert urljoin(here, links["next"]) == f"/{site_path(after)}", (page, links)


def test_the_home_page_says_what_you_will_learn_at_the_top(built: Project) -> None:
    text = article(built.page())
    box = text.find('<div class="admonition abstract">')
    assert 0 < box < text.find("<h2"), "the box comes after the H1 and before the article's first section"
    assert '<p class="admonition-title">What you will learn</p>' in text


def test_the_home_page_ends_with_where_next_links_to_each_new_page(built: Project) -> None:
    text = article(built.page())
    assert '<h2 id="where-next">' in text
    where_next = text.split('<h2 id="where-next">', 1)[1]
    for markdown in NEW_PAGES:
        assert f'href="{site_path(markdown)}"' in where_next, f"'Where next' does not link {markdown}"


def test_the_diagrams_of_the_home_page_stay_where_they_were() -> None:
    lines = Path(DOCS / "index.md").read_text(encoding="utf-8").splitlines()
    placed = [line for line in lines if line.startswith("{diagram:")]
    assert placed == ["{diagram: infrastructure-stack}", "{diagram: value-stack}"]


EXPLAINERS = [page for page in NEW_PAGES if page != "glossary.md"]


@pytest.mark.parametrize("markdown", EXPLAINERS)
def test_every_explainer_page_ends_with_check_yourself_questions_whose_answers_open_on_request(
    built: Project, markdown: str
) -> None:
    text = article(built_page(built, markdown))
    check = section(text, "check-yourself")
    assert check is not None, f"docs/{markdown} has no '## Check yourself' section"
    assert text.index('id="check-yourself"') < text.index('id="sources-and-further-reading"')
    questions = re.findall(r'<details class="question">\s*<summary>(.*?)</summary>(.*?)</details>', check, re.DOTALL)
    assert 3 <= len(questions) <= 4, f"docs/{markdown}: {len(questions)} questions; write 3 or 4 (`??? question`)"
    for question, answer in questions:
        assert question.rstrip().endswith("?"), f"docs/{markdown}: {question!r} is not a question"
        assert len(re.sub(r"<[^>]+>", "", answer).split()) >= 8, f"docs/{markdown}: {question!r} has no answer"


def test_the_search_index_leaves_out_what_nobody_searches_for(built: Project) -> None:
    """Material fetches the whole index on a first visit, so every page pays for it (README: the readers' bar)."""
    index = json.loads((built.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [document["location"] for document in index["docs"]]
    assert any(location.startswith(site_path("trade-offs.md")) for location in locations), "the index is empty"
    for location in locations:
        assert not location.endswith(("#check-yourself", "#sources-and-further-reading")), location
        assert not location.startswith(site_path("glossary.md")), location
