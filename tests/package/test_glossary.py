"""The glossary: one source (docs/includes/abbreviations.md) for the tooltips and the glossary page.

Unit tests of `drawn_figures.glossary` as data, Markdown beside the HTML it must give,
then checks of the built site: every term is defined once, shows as a tooltip
somewhere, and has an entry with the same definition on the glossary page.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path

import markdown
import pytest

from drawn_figures.glossary import DEFINITION, GlossaryExtension, display, forms, term_id
from scripts.shared.project import ROOT

from helpers import Project
from site_checks import prose

ABBREVIATIONS = ROOT / "docs" / "includes" / "abbreviations.md"
TERMS = """
*[cold start]: A slow first run.
*[API gateway]: A front door for requests.
"""

CASES = {
    "the list, sorted without regard to case, with ids": (
        "{glossary}\n" + TERMS,
        '<dl class="glossary">\n'
        '<dt id="glossary-api-gateway">API gateway</dt>\n<dd>A front door for requests.</dd>\n'
        '<dt id="glossary-cold-start">Cold start</dt>\n<dd>A slow first run.</dd>\n'
        "</dl>",
    ),
    "a page without the marker is left as it was": (
        "A cold start." + TERMS,
        '<p>A <abbr tabindex="0" title="A slow first run.">cold start.</abbr></p>',
    ),
    "only the first use of a term keeps its tooltip, with the punctuation right after it": (
        "A cold start, then another cold start." + TERMS,
        '<p>A <abbr tabindex="0" title="A slow first run.">cold start,</abbr> then another cold start.</p>',
    ),
    "no tooltip inside a link or a heading": (
        "## Why a cold start\n\nSee [cold start](x.md), then the cold start.\n" + TERMS,
        '<h2>Why a cold start</h2>\n<p>See <a href="x.md">cold start</a>, then the '
        '<abbr tabindex="0" title="A slow first run.">cold start.</abbr></p>',
    ),
    "definitions are escaped": (
        "{glossary}\n\n*[A&B]: Less <than> more.\n",
        '<dl class="glossary">\n<dt id="glossary-a-b">A&amp;B</dt>\n<dd>Less &lt;than&gt; more.</dd>\n</dl>',
    ),
    "the marker in fenced code is left alone": (
        "```text\n{glossary}\n```\n" + TERMS,
        '<pre><code class="language-text">{glossary}\n</code></pre>',
    ),
    "a term matches with a capital and in the plural, and only its first use keeps a tooltip": (
        "Cold starts are slow. A cold start." + TERMS,
        '<p><abbr tabindex="0" title="A slow first run.">Cold starts</abbr> are slow. A cold start.</p>',
    ),
    "a form defined in its own right keeps its own definition": (
        "Cold starts." + TERMS + "*[cold starts]: Slow first runs.\n",
        '<p><abbr tabindex="0" title="Slow first runs.">Cold starts.</abbr></p>',
    ),
    "plurals of words that end in s, x, ch or a consonant and y": (
        "Two boxes, three queries and four APIs.\n\n*[box]: B.\n*[query]: Q.\n*[API]: A.\n",
        '<p>Two <abbr tabindex="0" title="B.">boxes,</abbr> three <abbr tabindex="0" title="Q.">queries</abbr> '
        'and four <abbr tabindex="0" title="A.">APIs.</abbr></p>',
    ),
    "the marker inside a line of text is left alone": (
        "Write {glossary} alone on a line." + TERMS,
        "<p>Write {glossary} alone on a line.</p>",
    ),
}


def convert(text: str, **options: object) -> str:
    md = markdown.Markdown(extensions=["abbr", "fenced_code", GlossaryExtension(**options)])
    return md.convert(text)


@pytest.mark.parametrize(("source", "expected"), CASES.values(), ids=CASES.keys())
def test_the_extension_gives_the_expected_html(source: str, expected: str) -> None:
    assert convert(source) == expected


def test_every_use_keeps_its_tooltip_when_asked() -> None:
    assert convert("A cold start, another cold start." + TERMS, first_use_only=False).count("<abbr") == 2


def test_the_id_prefix_can_be_changed() -> None:
    assert '<dt id="term-cold-start">' in convert("{glossary}\n" + TERMS, id_prefix="term-")


def test_names_and_ids() -> None:
    assert display("over-provision") == "Over-provision"
    assert display("IaaS") == "IaaS"
    assert term_id("API gateway") == "glossary-api-gateway"


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
