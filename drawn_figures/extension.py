"""Python-Markdown extension: put a drawn diagram wherever a page names one.

A line that holds only `{diagram: NAME}` becomes the figure drawn by
`diagrams/NAME.py`: an inline SVG titled with the diagram's alt text, its
caption, and, when the diagram has one, a long description that every reader
can open. It works wherever Markdown blocks go: at the top level, in list items,
in admonitions. Placeholders in fenced code, in inline code and in HTML comments
are left alone, so a page can show the syntax.

Any other use of `{diagram` stops the build with a `DiagramError` that names
the line, the problem and the known diagram names: a bare `{diagram}`, a
malformed placeholder, a placeholder inside a line of text, a heading or a
table cell, an unknown name.

Options (under `markdown_extensions:` in `mkdocs.yml`):

- `diagrams_dir`: the folder of diagram files (default `diagrams`);
- `cache_dir`: where drawn figures are kept between builds (default `.cache/figures`);
- `timeout`: seconds a diagram file may take to draw (default 60);
- `show_errors`: instead of stopping at a mistake, log it as a warning and show
  it in the page where the figure goes (default false; `mkdocs serve` turns it
  on, see `drawn_figures.mkdocs_plugin`);
- `first_line`: the number, in the page's file, of the first line the extension
  is given, so that messages count front matter too (default 1; the MkDocs
  plugin sets it for each page, since MkDocs strips the front matter first).

Paths are relative to the folder the build runs in; under MkDocs, the plugin
makes them relative to `mkdocs.yml`, as MkDocs does for `docs_dir`.

Every figure placed is also measured (`drawn_figures.legibility`): one whose text
would be under 11 px on a phone, or which would be taller than 600 px on a
desktop, is a warning (so `--strict` stops the build) that names the diagram
file, the figures in px and what to change.
"""

from __future__ import annotations

import difflib
import html
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import markdown
from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from drawn_figures import ID_PREFIX, DiagramError, log
from drawn_figures.legibility import measure
from drawn_figures.library import NAME, DiagramLibrary, Figure

MENTION = re.compile(r"\{\s*diagram\b", re.IGNORECASE)
PLACEHOLDER = re.compile(r"\{diagram:[ \t]*(?P<name>[^{}]*?)[ \t]*\}")
# What a page may contain that mentions a placeholder without being one.
LEFT_ALONE = re.compile(r"(?<!\\)(`+).+?(?<!`)\1(?!`)|<!--.*?-->", re.DOTALL)
FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})")

# The picture's labels are words out of order: site search (Material's) indexes the caption and the
# description instead.
SEARCH_SKIPS_THE_PICTURE = "<svg data-search-exclude "
LIBRARIES: dict[tuple[Path, Path, float], DiagramLibrary] = {}


def library_for(diagrams_dir: str, cache_dir: str, timeout: float) -> DiagramLibrary:
    """One library per folder for the whole process, so `mkdocs serve` keeps what it drew."""
    key = (Path(diagrams_dir).resolve(), Path(cache_dir).resolve(), timeout)
    if key not in LIBRARIES:
        LIBRARIES[key] = DiagramLibrary(*key)
    return LIBRARIES[key]


def error_html(error: DiagramError) -> str:
    """What a page shows instead of a figure while previewing, when a mistake keeps it from being drawn."""
    return (
        '<div class="admonition failure diagram-error" role="alert"><p class="admonition-title">'
        f"This diagram cannot be drawn</p><pre><code>{html.escape(str(error))}</code></pre></div>"
    )


def warning_html(message: str) -> str:
    """What a page shows above a figure while previewing, when the figure breaks the readers' bar."""
    return (
        '<div class="admonition warning diagram-error" role="alert"><p class="admonition-title">'
        f"This diagram is hard to read</p><pre><code>{html.escape(message)}</code></pre></div>"
    )


def legibility_warning(shown_file: str, svg: str) -> str | None:
    """The warning for a figure that would be too small to read on a phone, or too tall on a desktop."""
    shown = measure(svg)
    if problems := shown.problems():
        return f"{shown_file}: hard to read: {'; '.join(problems)}. To fix it: {shown.advice()}."
    return None


def description_html(text: str) -> str:
    """A diagram's description in Markdown, as HTML; any raw HTML in it is shown as text, never run."""
    md = markdown.Markdown()
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md.convert(text)


def figure_html(name: str, figure: Figure, placement: int) -> str:
    """The `<figure>` for one placement; the n-th placement of a name on a page gets ids of its own.

    Names never hold `--`, so `box--2` (the second `box`) cannot be taken for the first `box-2`.
    """
    prefix = f"diagram-{name}-" if placement == 1 else f"diagram-{name}--{placement}-"
    description = ""
    if figure.description:
        description = (  # the caption, hidden, tells apart a page's "Describe this diagram" controls
            '<details class="info diagram-description"><summary>Describe this diagram'
            f'<span class="diagram-hidden">: {html.escape(figure.caption)}</span></summary>'
            f"{description_html(figure.description)}</details>"
        )
    return (
        f'<figure class="diagram" id="{prefix}figure">'
        f"{figure.svg.replace(ID_PREFIX, prefix).replace('<svg ', SEARCH_SKIPS_THE_PICTURE, 1)}"
        f"<figcaption>{html.escape(figure.caption)}</figcaption>{description}</figure>"
    )


def outside_code(text: str) -> str:
    """`text` with inline code and HTML comments blanked out, line breaks kept."""
    return LEFT_ALONE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


def outside_fences(lines: list[str]) -> Iterator[int]:
    """The indexes of the lines that are neither in a fenced code block nor one of its fences."""
    fence = ""
    for index, line in enumerate(lines):
        marker = FENCE.match(line)
        if fence and marker and marker[1][0] == fence[0] and len(marker[1]) >= len(fence):
            fence = ""
        elif not fence and marker:
            fence = marker[1]
        elif not fence:
            yield index


class SourceLines(Preprocessor):
    """Note where each mention of `{diagram` is before other steps move lines around."""

    def __init__(self, md: markdown.Markdown, extension: DiagramExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        visible = outside_code("\n".join(lines)).split("\n")
        first_line = self.extension.getConfig("first_line")
        self.extension.mentions = [
            (first_line + index, lines[index].strip())
            for index in outside_fences(lines)
            if MENTION.search(visible[index])
        ]
        self.extension.placements = Counter()
        return lines


class DiagramBlocks(BlockProcessor):
    """Replace a placeholder line with its figure; refuse any other mention of `{diagram`."""

    def __init__(self, parser: Any, extension: DiagramExtension) -> None:
        super().__init__(parser)
        self.extension = extension

    @staticmethod
    def mention(block: str) -> int | None:
        """The index of the first line of `block` that mentions `{diagram` outside code and comments."""
        for index, line in enumerate(outside_code(block).split("\n")):
            if MENTION.search(line):
                return index
        return None

    def test(self, parent: ET.Element, block: str) -> bool:
        return self.mention(block) is not None

    def run(self, parent: ET.Element, blocks: list[str]) -> None:
        lines = blocks.pop(0).split("\n")
        index = self.mention("\n".join(lines))
        assert index is not None  # test() said so
        before, line, after = lines[:index], lines[index].strip(), lines[index + 1 :]
        if after:
            blocks.insert(0, "\n".join(after))
        if before:
            self.parser.parseBlocks(parent, ["\n".join(before)])
        try:
            name = self.extension.name_in(line)
            self.extension.placements[name] += 1
            figure = self.extension.library.figure(name)
            html_text = figure_html(name, figure, self.extension.placements[name])
        except DiagramError as error:
            self.extension.refuse(error)
            html_text = error_html(error)
        else:
            shown_file = (self.extension.library.shown_folder() / f"{name}.py").as_posix()
            if warning := legibility_warning(shown_file, figure.svg):
                log.warning("%s", warning)
                if self.extension.getConfig("show_errors"):
                    html_text = warning_html(warning) + html_text
        ET.SubElement(parent, "p").text = self.parser.md.htmlStash.store(html_text)


class LeftoverMentions(Treeprocessor):
    """Refuse a `{diagram` that Markdown put where no figure can go: a heading, a table cell."""

    def __init__(self, md: markdown.Markdown, extension: DiagramExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: ET.Element) -> None:
        for text in texts_outside_code(root):
            if MENTION.search(outside_code(text)):
                self.extension.refuse(
                    DiagramError(
                        f"{self.extension.line_containing(text.strip())}: {text.strip()!r}: a placeholder must stand "
                        "alone on its own line, not in a heading or a table (to show it as text, use backticks)"
                    )
                )


def texts_outside_code(element: ET.Element) -> Iterator[str]:
    if element.text and element.tag not in ("code", "pre"):
        yield element.text
    if element.tag not in ("code", "pre"):
        for child in element:
            yield from texts_outside_code(child)
    if element.tail:
        yield element.tail


class DiagramExtension(markdown.Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "diagrams_dir": ["diagrams", "Folder of diagram files"],
            "cache_dir": [".cache/figures", "Folder where drawn figures are kept between builds"],
            "timeout": [60.0, "Seconds a diagram file may take to draw"],
            "show_errors": [False, "Show a mistake in the page, where its figure goes, instead of stopping"],
            "first_line": [1, "The number, in the page's file, of the first line given (after front matter)"],
        }
        super().__init__(**kwargs)
        self.mentions: list[tuple[int, str]] = []
        self.placements: Counter[str] = Counter()

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        self.library = library_for(
            self.getConfig("diagrams_dir"), self.getConfig("cache_dir"), float(self.getConfig("timeout"))
        )
        md.preprocessors.register(SourceLines(md, self), "figures_source_lines", 100)
        md.parser.blockprocessors.register(DiagramBlocks(md.parser, self), "figures", 16)
        md.treeprocessors.register(LeftoverMentions(md, self), "figures_leftovers", 15)  # after inline code

    def refuse(self, error: DiagramError) -> None:
        """Stop at `error`, or, while previewing (`show_errors`), log it and go on."""
        if not self.getConfig("show_errors"):
            raise error
        log.warning("%s", error)

    def line_containing(self, text: str) -> str:
        """`line N` for the first mention that contains `text`."""
        return next((f"line {number}" for number, line in self.mentions if text in line), "a line")

    def line_number(self, line: str) -> str:
        """`line N` for the first mention not yet reported that ends with `line`.

        Lines in lists, quotes and admonitions reach block processors without
        their markers and indentation, hence "ends with".
        """
        for position, (number, text) in enumerate(self.mentions):
            if text.endswith(line):
                del self.mentions[: position + 1]
                return f"line {number}"
        return "a line"

    def name_in(self, line: str) -> str:
        """The diagram name a placeholder line asks for, or a `DiagramError` saying what is wrong."""
        where = self.line_number(line)
        known = sorted(self.library.sources())
        listing = f"Known diagrams: {', '.join(known) or 'none yet'}."
        match = PLACEHOLDER.fullmatch(line)
        if match is None:
            if "{diagram}" in line.replace(" ", "").lower():
                problem = "`{diagram}` needs a name, e.g. `{diagram: %s}`" % (known[0] if known else "my-diagram")
            elif PLACEHOLDER.search(line):
                problem = (
                    f"{line!r}: a placeholder must stand alone on its own line (to show it as text, use backticks)"
                )
            else:
                problem = f"{line!r} is not a placeholder; write `{{diagram: NAME}}` alone on a line"
            raise DiagramError(f"{where}: {problem}. {listing}")
        name = match["name"]
        if not NAME.fullmatch(name):
            raise DiagramError(
                f"{where}: {line!r}: a diagram name is lower-case letters, digits and hyphens, "
                f"e.g. my-diagram. {listing}"
            )
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            raise DiagramError(
                f"{where}: unknown diagram {name!r}.{hint} {listing} "
                f"To make a new one, add {(self.library.shown_folder() / name).as_posix()}.py."
            )
        return name


def makeExtension(**kwargs: Any) -> DiagramExtension:  # noqa: N802 - Python-Markdown's name
    return DiagramExtension(**kwargs)
