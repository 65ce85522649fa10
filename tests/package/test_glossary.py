"""The glossary extension (drawn_figures/glossary.py) as data: Markdown beside the HTML it must give.

A site's own terms are checked by the site's tests (tests/site/test_glossary_terms.py).
"""

from __future__ import annotations

import markdown
import pytest

from drawn_figures.glossary import GlossaryExtension, definitions, display, forms, term_id

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


# A term -> the forms a sentence may write it in.
FORMS = {
    "a phrase": ("cold start", ["cold start", "cold starts", "Cold start", "Cold starts"]),
    "an acronym": ("API", ["API", "APIs"]),
    "a consonant and y": ("query", ["query", "queries", "Query", "Queries"]),
    "a vowel and y": ("key", ["key", "keys", "Key", "Keys"]),
    "an s": ("bus", ["bus", "buses", "Bus", "Buses"]),
}


@pytest.mark.parametrize(("term", "expected"), FORMS.values(), ids=FORMS.keys())
def test_a_term_has_its_capital_and_plural_forms(term: str, expected: list[str]) -> None:
    assert forms(term) == expected


def test_definitions_are_read_as_abbr_reads_them_and_a_later_line_wins() -> None:
    lines = ["*[cold start]: A slow first run.", "*[API] : An interface.", "text", "*[empty]:", "*[API]: Later."]
    assert definitions(lines) == {"cold start": "A slow first run.", "API": "Later."}
