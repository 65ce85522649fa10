"""Python-Markdown extension: a line `{diagram: NAME}` becomes the figure drawn by `NAME.py`.

The syntax and the options are in the package's README. What is decided here:
a placeholder must stand alone on its line, so any other `{diagram` outside code
and comments (a bare one, a malformed one, one inside text, a heading or a table
cell, an unknown name) is a `DiagramError` naming the line, never silent text;
and each figure placed is measured (`drawn_figures.legibility`), a figure too
small to read on a phone or too tall for a desktop being a warning, so that
`--strict` stops the build.
"""

from __future__ import annotations

import difflib
import html
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import markdown
from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from drawn_figures import ID_PREFIX, DiagramError, log
from drawn_figures.fences import outside_fences
from drawn_figures.keys import NAME
from drawn_figures.legibility import measure
from drawn_figures.library import DiagramLibrary, Figure
from drawn_figures.options import FOLDER, FONT, FONTS, LINE_NUMBER, SECONDS, SWITCH, CheckedExtension, Rule
from drawn_figures.stylesheet import DEFAULT_FALLBACK_FONTS, DEFAULT_FONT, stylesheet

MENTION = re.compile(r"\{\s*diagram\b", re.IGNORECASE)
PLACEHOLDER = re.compile(r"\{diagram:[ \t]*(?P<name>[^{}]*?)[ \t]*\}")
# What a page may contain that mentions a placeholder without being one.
LEFT_ALONE = re.compile(r"(?<!\\)(`+).+?(?<!`)\1(?!`)|<!--.*?-->", re.DOTALL)

# The picture's labels are words out of order: site search (Material's) indexes the caption and the
# description instead.
SEARCH_SKIPS_THE_PICTURE = "<svg data-search-exclude "
# Each step's name and priority, chosen to tie with none of Python-Markdown's or pymdown-extensions':
PRIORITIES = {
    # Before snippets (32) adds lines and fenced code (25) removes some: the line numbers are the page's own.
    "source lines": ("drawn_figures_source_lines", 100),
    # After lists and quotes open (40, 30, 20), so a placeholder arrives without its marker; after the
    # whole-block processors (indented code 80, tables 75, headings 70, 60), abbr (16) and footnotes (17),
    # which keep their own `{diagram`; before link references (15) and paragraphs (10).
    "placeholders": ("drawn_figures", 15.5),
    # After `inline` (20) made `<code>`; before `attr_list` (8) could read `{diagram: x}` as attributes.
    "leftovers": ("drawn_figures_leftovers", 14),
}
LIBRARIES: dict[tuple[Path, Path, float, str], DiagramLibrary] = {}


def library_for(diagrams_dir: str, cache_dir: str, timeout: float, font: str) -> DiagramLibrary:
    """One library per folder for the whole process, so `mkdocs serve` keeps what it drew."""
    key = (Path(diagrams_dir).resolve(), Path(cache_dir).resolve(), timeout, font)
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
    """A diagram's description or table in Markdown, as HTML; any raw HTML in it is shown as text, never run."""
    md = markdown.Markdown(extensions=["tables"])
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
    table = ""
    if figure.table:  # a region a keyboard can scroll when it is wider than the page, in the package's own look
        rows = description_html(figure.table).replace("<table>", '<table class="diagram-data">')
        label = html.escape(f"Table: {figure.caption}")
        table = f'<div class="diagram-table" tabindex="0" role="region" aria-label="{label}">{rows}</div>'
    return (
        f'<figure class="diagram" id="{prefix}figure">'
        f"{figure.svg.replace(ID_PREFIX, prefix).replace('<svg ', SEARCH_SKIPS_THE_PICTURE, 1)}"
        f"<figcaption>{html.escape(figure.caption)}</figcaption>{table}{description}</figure>"
    )


def outside_code(text: str) -> str:
    """`text` with inline code and HTML comments blanked out, line breaks kept."""
    return LEFT_ALONE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


class SourceLines(Preprocessor):
    """Note where each mention of `{diagram` is, before other steps move lines around or add some."""

    def __init__(self, md: markdown.Markdown, extension: DrawnFiguresExtension) -> None:
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
        return lines


class DiagramBlocks(BlockProcessor):
    """Replace a placeholder line with its figure; refuse any other mention of `{diagram`."""

    def __init__(self, parser: Any, extension: DrawnFiguresExtension) -> None:
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
            shown_file = (self.extension.library.folder.shown() / f"{name}.py").as_posix()
            if warning := legibility_warning(shown_file, figure.svg):
                log.warning("%s", warning)
                if self.extension.getConfig("show_errors"):
                    html_text = warning_html(warning) + html_text
        ET.SubElement(parent, "p").text = self.parser.md.htmlStash.store(html_text)


class LeftoverMentions(Treeprocessor):
    """Refuse a `{diagram` that Markdown put where no figure can go: a heading, a table cell."""

    def __init__(self, md: markdown.Markdown, extension: DrawnFiguresExtension) -> None:
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


class DrawnFiguresExtension(CheckedExtension):
    name = "drawn_figures"
    rules: ClassVar[dict[str, Rule]] = {
        "diagrams_dir": FOLDER,
        "cache_dir": FOLDER,
        "timeout": SECONDS,
        "show_errors": SWITCH,
        "first_line": LINE_NUMBER,
        "font": FONT,
        "fallback_fonts": FONTS,
    }

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "diagrams_dir": ["diagrams", "Folder of diagram files"],
            "cache_dir": [".cache/figures", "Folder where drawn figures are kept between builds"],
            "timeout": [60.0, "Seconds a diagram file may take to draw"],
            "show_errors": [False, "Show a mistake in the page, where its figure goes, instead of stopping"],
            "first_line": [1, "The number, in the page's file, of the first line given (after front matter)"],
            "font": [DEFAULT_FONT, "The font labels are laid out and shown in"],
            "fallback_fonts": [list(DEFAULT_FALLBACK_FONTS), "The fonts a browser shows labels in without `font`"],
        }
        super().__init__(**kwargs)
        self.reset()

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        """Only registers: nothing is drawn until a page asks (the paths may not be final yet)."""
        md.registerExtension(self)
        md.preprocessors.register(SourceLines(md, self), *PRIORITIES["source lines"])
        md.parser.blockprocessors.register(DiagramBlocks(md.parser, self), *PRIORITIES["placeholders"])
        md.treeprocessors.register(LeftoverMentions(md, self), *PRIORITIES["leftovers"])

    @property
    def library(self) -> DiagramLibrary:
        """The library of these options' folder, made when a page first needs it: the paths are final by then."""
        return library_for(
            self.getConfig("diagrams_dir"),
            self.getConfig("cache_dir"),
            float(self.getConfig("timeout")),
            self.getConfig("font"),
        )

    def start_drawing(self) -> None:
        """Draw what is out of date now, before a page asks: the MkDocs plugin calls it once paths are final."""
        self.library.start_drawing()

    def reset(self) -> None:
        """Forget the page: where its placeholders are, and how often each diagram was placed."""
        self.mentions: list[tuple[int, str]] = []
        self.placements: Counter[str] = Counter()

    def stylesheet(self) -> str:
        """The figures' stylesheet, with the fonts of these options."""
        return stylesheet(self.getConfig("font"), self.getConfig("fallback_fonts"))

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
        known = sorted(self.library.folder.sources())
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
                f"To make a new one, add {(self.library.folder.shown() / name).as_posix()}.py."
            )
        return name


def makeExtension(**kwargs: Any) -> DrawnFiguresExtension:  # noqa: N802 - Python-Markdown's name
    return DrawnFiguresExtension(**kwargs)
