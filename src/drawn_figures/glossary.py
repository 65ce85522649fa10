"""Python-Markdown extension: one glossary for a site's tooltips and its glossary page.

Python-Markdown's `abbr` already turns each use of a term into `<abbr title="...">` from
`*[Term]: Definition.` lines. This extension makes the very same lines the glossary page (a
`{glossary}` line), so the two cannot drift; lets a term match as a sentence writes it, with a
capital or in the regular plural, so that one entry serves every form; and makes the tooltips
reachable by keyboard.

A site provides the rest: the definitions on every page that uses them (for instance one file
that `pymdownx.snippets` appends to each page with `auto_append`), and its own CSS that shows an
`<abbr>`'s title while it has focus, since a browser shows it only under a mouse.

Why the tooltips are changed as they are:

- an `<abbr>` is not focusable, so each kept one gets `tabindex="0"`; to keep tab stops and
  dotted underlines few, only a term's first use on a page keeps its `<abbr>` (`first_use_only`);
- one inside a link, heading, label, `<summary>` or `<button>` is unwrapped: a focusable element
  inside a link is invalid nesting, and nobody looks for a tooltip in a heading;
- punctuation right after a kept term moves inside it, so that a tool that joins a page's text
  nodes with spaces still reads "AWS, who" rather than "AWS , who".

It ships beside the figures because an explainer that draws its figures also defines its terms,
and both read fenced code and check options alike (`drawn_figures.fences`, `drawn_figures.options`);
it shares nothing else with them, and a site can list either alone.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from typing import Any, ClassVar

import markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from drawn_figures.fences import outside_fences
from drawn_figures.options import SWITCH, CheckedExtension, Rule

MARKER = "{glossary}"
# The same pattern Python-Markdown's abbr extension reads a definition with, one line at a time.
DEFINITION = re.compile(r"^[*]\[(?P<term>[^\\]*?)\][ ]?:[ ]*(?P<definition>.*)$")
TRAILING_PUNCTUATION = re.compile(r"[.,;:!?]+")
NO_TOOLTIP_INSIDE = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "label", "summary", "button"}
ID_PREFIX = Rule(
    lambda value: isinstance(value, str) and re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", value) is not None,
    "letters, digits, hyphens and underscores, starting with a letter, e.g. `id_prefix: glossary-`",
)


def definitions(lines: list[str]) -> dict[str, str]:
    """Every `*[Term]: Definition` line of `lines`, as term → definition; a later line wins, as in `abbr`."""
    found: dict[str, str] = {}
    for line in lines:
        if match := DEFINITION.match(line):
            term, definition = match["term"].strip(), match["definition"].strip()
            if term and definition:
                found[term] = definition
    return found


def plural(term: str) -> str:
    """The regular English plural of a term's last word: `cold start` → `cold starts`, `query` → `queries`."""
    if re.search(r"(?:s|x|z|ch|sh)$", term):
        return term + "es"
    if re.search(r"[^aeiouAEIOU]y$", term):
        return term[:-1] + "ies"
    return term + "s"


def forms(term: str) -> list[str]:
    """The ways a reader's sentence may write `term`: as defined, with a capital first letter, in the plural."""
    written = [term, plural(term)]
    return list(dict.fromkeys(written + [display(form) for form in written]))


def with_every_form(terms: dict[str, str]) -> list[str]:
    """`*[Form]: Definition` lines for each form of each term that is not defined in its own right."""
    return [
        f"*[{form}]: {definition}"
        for term, definition in terms.items()
        for form in forms(term)[1:]
        if form not in terms
    ]


def term_id(term: str, prefix: str = "glossary-") -> str:
    """The id of a term's entry: `API gateway` → `glossary-api-gateway`."""
    return prefix + re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


def display(term: str) -> str:
    """A term as the glossary shows it: first letter capitalised (`over-provision` → `Over-provision`)."""
    return term[:1].upper() + term[1:]


def glossary_html(terms: dict[str, str], prefix: str = "glossary-") -> str:
    """The `<dl>` of `terms`, sorted alphabetically without regard to case."""
    entries = [
        f'<dt id="{html.escape(term_id(term, prefix))}">{html.escape(display(term))}</dt>\n'
        f"<dd>{html.escape(definition, quote=False)}</dd>"
        for term, definition in sorted(terms.items(), key=lambda item: (item[0].casefold(), item[0]))
    ]
    return '<dl class="glossary">\n' + "\n".join(entries) + "\n</dl>"


class GlossaryPreprocessor(Preprocessor):
    """Replaces a `{glossary}` line, outside fenced code, with the page's definitions as a `<dl>`."""

    def __init__(self, md: markdown.Markdown, prefix: str) -> None:
        super().__init__(md)
        self.prefix = prefix

    def run(self, lines: list[str]) -> list[str]:
        terms = definitions(lines)
        outside = set(outside_fences(lines))
        result: list[str] = []
        for index, line in enumerate(lines):
            if index in outside and line.strip() == MARKER:
                result.extend(["", self.md.htmlStash.store(glossary_html(terms, self.prefix)), ""])
            elif index in outside and DEFINITION.match(line):
                result.extend(["", line])  # a block of its own: `abbr` reads a block of many in quadratic time
            else:
                result.append(line)
        for variant in with_every_form(terms):
            result.extend(["", variant])
        return result


class FocusableTooltips(Treeprocessor):
    """Makes each kept `<abbr>` focusable; unwraps the ones that should not show a tooltip."""

    def __init__(self, md: markdown.Markdown, first_use_only: bool) -> None:
        super().__init__(md)
        self.first_use_only = first_use_only

    def run(self, root: ET.Element) -> None:
        seen: set[str] = set()
        self.visit(root, seen, inside_no_tooltip=False)

    def visit(self, element: ET.Element, seen: set[str], inside_no_tooltip: bool) -> None:
        inside = inside_no_tooltip or element.tag in NO_TOOLTIP_INSIDE
        for child in list(element):
            if child.tag == "abbr" and (title := child.get("title")) is not None:
                term = child.text or ""
                if inside or (self.first_use_only and title in seen):
                    unwrap(element, child)
                    continue
                seen.add(title)
                child.set("tabindex", "0")
                if child.tail and (punctuation := TRAILING_PUNCTUATION.match(child.tail)):
                    child.text = term + punctuation[0]
                    child.tail = child.tail[punctuation.end() :]
            else:
                self.visit(child, seen, inside)


def unwrap(parent: ET.Element, child: ET.Element) -> None:
    """Put `child`'s text and tail in its place in `parent`, and remove it (an `<abbr>` holds text only)."""
    text = (child.text or "") + (child.tail or "")
    index = list(parent).index(child)
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text
    parent.remove(child)


class GlossaryExtension(CheckedExtension):
    name = "drawn_figures_glossary"
    rules: ClassVar[dict[str, Rule]] = {"first_use_only": SWITCH, "id_prefix": ID_PREFIX}

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "first_use_only": [True, "Keep the tooltip of only the first use of each term on a page"],
            "id_prefix": ["glossary-", "Start of each glossary entry's id"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        """Register the two steps, at priorities chosen among Python-Markdown's and pymdown-extensions' own.

        - `glossary`, a preprocessor at 29: after `pymdownx.snippets` (32) has appended the
          definitions, after `pymdownx.superfences`' raw blocks (31.05) and Python-Markdown's whitespace
          normaliser (30); before `meta` (27), fenced code (25) and the HTML block preprocessor (20),
          and long before `abbr`'s block processor (16) consumes the definition lines (`abbr` keeps
          them, so tooltips still work);
        - `glossary_tooltips`, a tree processor at 6.5: after `abbr`'s tree processor (7) has made the
          `<abbr>` elements, and before `toc` (5) reads the headings; before `smarty` (6) and
          `pymdownx.smartsymbols` (6.1) too, so that it ties with neither.

        It keeps nothing between pages, so it has no `reset()` to register.
        """
        md.preprocessors.register(GlossaryPreprocessor(md, str(self.getConfig("id_prefix"))), "glossary", 29)
        md.treeprocessors.register(
            FocusableTooltips(md, bool(self.getConfig("first_use_only"))), "glossary_tooltips", 6.5
        )


def makeExtension(**kwargs: Any) -> GlossaryExtension:  # noqa: N802 - the name Python-Markdown looks for
    return GlossaryExtension(**kwargs)
