"""This site's glossary: one source (docs/includes/abbreviations.md) for the tooltips and the glossary page.

Every term is defined once, shows as a tooltip somewhere, and has an entry with the same
definition on the glossary page; every acronym on a page is defined or spelt out.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path

import pytest

from drawn_figures.glossary import DEFINITION, display, forms, term_id
from scripts.shared.project import ROOT

from helpers import Project
from site_checks import prose

ABBREVIATIONS = ROOT / "docs" / "includes" / "abbreviations.md"


def abbreviations() -> list[tuple[str, str]]:
    lines = ABBREVIATIONS.read_text(encoding="utf-8").splitlines()
    assert all(DEFINITION.match(line) for line in lines if line.strip()), "every line defines one term"
    return [(match["term"].strip(), match["definition"].strip()) for line in lines if (match := DEFINITION.match(line))]


def test_each_term_is_defined_once_and_there_are_at_least_30() -> None:
    terms = [term for term, _ in abbreviations()]
    assert len(terms) >= 30
    twice = [term for term, count in Counter(term.casefold() for term in terms).items() if count > 1]
    assert not twice, f"defined more than once: {twice}"
    plurals = {form: term for term in terms for form in forms(term)[1:]}
    again = [f"{term!r} (a form of {plurals[term]!r})" for term in terms if term in plurals]
    assert not again, f"{ABBREVIATIONS}: one entry per term; the glossary matches plurals and capitals itself: {again}"


def tooltips(site: Path) -> dict[str, set[str]]:
    """Every `<abbr title>` of the built site: term → the titles it was shown with."""
    found: dict[str, set[str]] = {}
    for page in site.rglob("*.html"):
        for title, term in re.findall(r'<abbr [^>]*title="([^"]*)"[^>]*>([^<]*)</abbr>', page.read_text("utf-8")):
            found.setdefault(html.unescape(term).rstrip(".,;:!?"), set()).add(html.unescape(title))
    return found


def test_every_term_is_a_tooltip_somewhere_with_its_definition(built: Project) -> None:
    shown = tooltips(built.site)
    for term, definition in abbreviations():
        used = [form for form in forms(term) if form in shown]
        assert used, f"{term!r} is never used on the site, so its tooltip is never shown"
        assert {title for form in used for title in shown[form]} == {definition}, term


def test_a_term_gets_its_tooltip_in_the_plural_and_with_a_capital(built: Project) -> None:
    shown = tooltips(built.site)
    defined = {term for term, _ in abbreviations()}
    plurals = [form for term in defined for form in forms(term)[1:] if form.endswith("s") and form in shown]
    capitals = [form for term in defined for form in forms(term)[1:] if form[0].isupper() and form in shown]
    assert plurals, "no term is written in the plural anywhere, or no plural gets a tooltip"
    assert capitals, "no term starts a sentence anywhere, or no capitalised form gets a tooltip"


def test_every_tooltip_can_be_reached_by_keyboard(built: Project) -> None:
    tooltips = [
        (page, abbr)
        for page in built.site.rglob("*.html")
        for abbr in re.findall(r"<abbr [^>]*>", page.read_text("utf-8"))
    ]
    assert tooltips, "no tooltip on any page"
    for page, abbr in tooltips:
        assert 'tabindex="0"' in abbr, f"{page}: {abbr}"


def test_the_glossary_page_lists_every_term_with_the_same_definition(built: Project) -> None:
    page = built.page("glossary/index.html")
    entries = dict(re.findall(r'<dt id="[^"]+">([^<]*)</dt>\s*<dd>([^<]*)</dd>', page))
    expected = {display(term): definition for term, definition in abbreviations()}
    assert {html.unescape(term): html.unescape(text) for term, text in entries.items()} == expected
    for term, _ in abbreviations():
        assert f'id="{term_id(term)}"' in page


PAGES = sorted((ROOT / "docs").glob("*.md"))
# An acronym: two capitals or more (API, CDN, S3), or a cloud model (IaaS, BaaS); plural or not.
ACRONYM = re.compile(r"\b(?:[A-Z][A-Z0-9]+|[A-Z][a-z]?aaS)s?\b")
UNITS = {"MB", "GB", "KB", "ms", "HTTP"}  # units, and HTTP, which the glossary defines with its requests
# A product's name, not a term: the provider's or product's name comes first (Amazon S3, AWS SAM CLI).
PRODUCT = re.compile(r"\b(?:Amazon|AWS|Azure|Google|Cloud|Microsoft|Lambda|SAM)\s+(?:[A-Z]\w*\s+)*$")
# Words a newcomer met without a definition (issue 21): each must stay in the glossary while a page uses it.
JARGON = ["bindings", "handler", "concurrency", "duration", "CPU time", "GB-second", "platform", "instance"]


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_every_acronym_on_a_page_is_in_the_glossary_or_spelt_out_there(page: Path) -> None:
    defined = {form for term, _ in abbreviations() for form in forms(term)}
    text = page.read_text(encoding="utf-8")
    for number, line in prose(page):
        for match in ACRONYM.finditer(line):
            acronym = match.group()
            if acronym in defined or acronym in UNITS or f"({acronym.rstrip('s')})" in text:
                continue
            assert PRODUCT.search(line[: match.start()]), (
                f"docs/{page.name}:{number}: {acronym!r} is not in the glossary; spell it out on the page, "
                f"as 'Full name ({acronym})', or add '*[{acronym}]: ...' to {ABBREVIATIONS}"
            )


def test_the_words_newcomers_stumbled_on_stay_defined() -> None:
    defined = {term.casefold() for term, _ in abbreviations()}
    used = " ".join(page.read_text(encoding="utf-8") for page in PAGES)
    for word in JARGON:
        if re.search(rf"\b{re.escape(word)}", used, flags=re.IGNORECASE):
            assert word.casefold() in defined, f"{word!r} is used on a page but has no entry in {ABBREVIATIONS}"
