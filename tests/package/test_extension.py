"""The placeholder rules, as data: a page's Markdown beside what it must become.

Each case converts Markdown with the real extension and a real Graphviz,
against the small diagrams in tests/data/diagrams/ (`box`, and `described` and
`hostile` for descriptions).

The golden files in tests/data/extension/ keep whole pages as data: each
`NAME.md` beside the `NAME.html` it must become, exactly (`OPTIONS` lists the
cases that set an option of the extension). To add a case,
add its `.md` file and write its `.html` on purpose, then read the new file
before committing it:

    FIGURES_WRITE_GOLDEN=1 .venv/bin/pytest tests/test_extension.py -k golden

The same command writes every `.html` again after a change meant to alter the
pages (a new Graphviz, say); `git diff tests/data/extension` then shows what
changed.
"""

from __future__ import annotations

import difflib
import os
import re
import sys
from pathlib import Path

import markdown
import pytest

from drawn_figures import DiagramError
from drawn_figures.extension import DrawnFiguresExtension, description_html

DIAGRAMS = Path(__file__).parents[1] / "data" / "diagrams"
GOLDEN = Path(__file__).parents[1] / "data" / "extension"
WRITE_GOLDEN = "FIGURES_WRITE_GOLDEN"
KNOWN = "Known diagrams: box, described, hostile."
OPTIONS: dict[str, dict[str, object]] = {"preview-error-box-escaped": {"show_errors": True}}


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for the module: the rules are about pages, so each diagram is drawn once for them all."""
    return tmp_path_factory.mktemp("cache")


def convert(text: str, cache: Path, **options: object) -> str:
    extensions = [
        "admonition",
        "tables",
        "pymdownx.superfences",
        DrawnFiguresExtension(diagrams_dir=str(DIAGRAMS), cache_dir=str(cache), **options),
    ]
    return markdown.markdown(text, extensions=extensions)


# Markdown -> how many figures the page gets.
PLACED = {
    "alone on its line": ("{diagram: box}", 1),
    "between two lines of a paragraph": ("Before,\n{diagram: box}\nand after.", 1),
    "with spaces inside the braces": ("{diagram:   box }", 1),
    "in a list item": ("- An item:\n\n    {diagram: box}", 1),
    "in an admonition": ("!!! note\n\n    {diagram: box}", 1),
    "in a block quote": ("> {diagram: box}", 1),
    "twice on one page": ("{diagram: box}\n\nText.\n\n{diagram: box}", 2),
    "with CRLF line endings": ("Before.\r\n\r\n{diagram: box}\r\n\r\nAfter.\r\n", 1),
    "in fenced code": ("```text\n{diagram: box}\n```", 0),
    "in tilde-fenced code in a list": ("- Example:\n\n    ~~~\n    {diagram: box}\n    ~~~", 0),
    "in inline code": ("Write `{diagram: box}` on a line of its own.", 0),
    "in inline code with a bare placeholder": ("A bare `{diagram}` fails.", 0),
    "in an HTML comment": ("<!-- {diagram: box} -->", 0),
    "in an indented code block": ("Text.\n\n    {diagram: box}", 0),
}

# Markdown -> the error message it must stop the build with.
REFUSED = {
    "bare": (
        "Intro.\n\n{diagram}",
        rf"^line 3: `\{{diagram\}}` needs a name, e\.g\. `\{{diagram: box\}}`\. {re.escape(KNOWN)}$",
    ),
    "empty name": ("{diagram:}", rf"^line 1: '\{{diagram:\}}': a diagram name is lower-case .* {re.escape(KNOWN)}$"),
    "name with spaces and capitals": ("{diagram: Bad Name}", r"^line 1: '\{diagram: Bad Name\}': a diagram name is"),
    "unclosed brace": ("Text.\n\n{diagram: box", r"^line 3: '\{diagram: box' is not a placeholder; write"),
    "unknown name": (
        "{diagram: bx}",
        rf"^line 1: unknown diagram 'bx'\. Did you mean 'box'\? {re.escape(KNOWN)} .*bx\.py\.$",
    ),
    "inside a sentence": ("See {diagram: box} here.", r"^line 1: .*must stand alone on its own line"),
    "capitalised": ("{Diagram: box}", r"^line 1: .*not a placeholder"),
    "HTML in the name": ("{diagram: <script>alert(1)</script>}", r"^line 1: .*a diagram name is lower-case"),
    "in a heading": (
        "Text.\n\n## See {diagram: box}",
        r"^line 3: 'See \{diagram: box\}': .*not in a heading or a table",
    ),
    "in a table cell": (
        "| A | B |\n| --- | --- |\n| {diagram: box} | x |",
        r"^line 3: '\{diagram: box\}': .*not in a heading or a table",
    ),
    "after the same text in a fenced example": (
        "```markdown\n{diagram: nope}\n```\n\nText.\n\n{diagram: nope}",
        r"^line 7: unknown diagram 'nope'",
    ),
    "after a valid one, on its own line number": (
        "{diagram: box}\n\n{diagram: nope}",
        r"^line 3: unknown diagram 'nope'",
    ),
}


@pytest.mark.parametrize(("text", "figures"), PLACED.values(), ids=PLACED.keys())
def test_placeholders_are_placed_or_left_alone(text: str, figures: int, cache: Path) -> None:
    page = convert(text, cache)
    assert page.count('<figure class="diagram"') == figures
    if figures == 0:
        assert "{diagram" in page  # shown as written
    else:
        assert "{diagram" not in page
        assert page.count("<figcaption>A box.</figcaption>") == figures


@pytest.mark.parametrize(("text", "message"), REFUSED.values(), ids=REFUSED.keys())
def test_mistakes_stop_the_build_with_the_line_and_the_fix(text: str, message: str, cache: Path) -> None:
    with pytest.raises(DiagramError) as error:
        convert(text, cache)
    assert re.search(message, str(error.value)), str(error.value)


def test_each_placement_gets_ids_of_its_own(cache: Path) -> None:
    page = convert("{diagram: box}\n\n{diagram: box}", cache)
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert ids, "the figures have no ids at all"
    assert len(ids) == len(set(ids))
    # `--` cannot occur in a name, so no diagram called `box-2` can take the second `box`'s ids.
    assert 'id="diagram-box--2-figure"' in page


def test_raw_html_in_a_description_is_shown_as_text() -> None:
    assert "<script>" not in description_html("A list:\n\n- <script>alert(1)</script>\n\n<div>block</div>")


# Raw HTML in a description, as a block of its own or inline -> the text a reader must see instead.
HOSTILE_DESCRIPTIONS = {
    "a block-level script": ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
    "a block-level script after a paragraph": (
        "Text.\n\n<script>\nalert(1)\n</script>",
        "<p>Text.</p>\n<p>&lt;script&gt;\nalert(1)\n&lt;/script&gt;</p>",
    ),
    "a block of HTML with a handler": (
        '<div onmouseover="alert(1)">x</div>',
        '<p>&lt;div onmouseover="alert(1)"&gt;x&lt;/div&gt;</p>',
    ),
    "a style sheet": (
        "<style>body { display: none }</style>",
        "<p>&lt;style&gt;body { display: none }&lt;/style&gt;</p>",
    ),
    "an inline image with a handler": (
        "A <img src=x onerror=alert(1)> here.",
        "<p>A &lt;img src=x onerror=alert(1)&gt; here.</p>",
    ),
    "a script in a list item": (
        "- <script>alert(1)</script>",
        "<ul>\n<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>\n</ul>",
    ),
    "a comment hiding a script": (
        "<!-- --><script>alert(1)</script>",
        "<p>&lt;!-- --&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>",
    ),
}


@pytest.mark.parametrize(("text", "expected"), HOSTILE_DESCRIPTIONS.values(), ids=HOSTILE_DESCRIPTIONS.keys())
def test_hostile_html_in_a_description_is_shown_as_text(text: str, expected: str) -> None:
    assert description_html(text) == expected


def test_an_error_in_the_preview_is_shown_as_text(cache: Path) -> None:
    page = convert("{diagram: <img src=x onerror=alert(1)>}", cache, show_errors=True)
    assert "<img" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_the_figure_is_titled_captioned_and_labelled_for_screen_readers(cache: Path) -> None:
    page = convert("{diagram: box}", cache)
    assert re.search(r'<svg [^>]*role="img"[^>]*aria-labelledby="diagram-box-title"', page)
    assert '<title id="diagram-box-title">Diagram: a box.</title>' in page


def test_while_previewing_a_mistake_is_shown_where_its_figure_goes(cache: Path) -> None:
    page = convert("Before.\n\n{diagram: bx}\n\nAfter.", cache, show_errors=True)
    assert re.search(r'<div class="admonition failure diagram-error" role="alert">.*line 3: unknown diagram', page)
    assert "<p>After.</p>" in page


def test_graphviz_installed_while_serving_is_used_without_a_restart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(Path(sys.executable).parent))  # no Graphviz there
    with pytest.raises(DiagramError, match="Graphviz is not installed"):
        convert("{diagram: box}", tmp_path)
    monkeypatch.undo()  # as if Graphviz had been installed meanwhile
    assert '<figure class="diagram"' in convert("{diagram: box}", tmp_path)


def test_while_previewing_a_figure_hard_to_read_is_shown_with_a_warning_above_it(tmp_path: Path) -> None:
    diagrams = tmp_path / "diagrams"
    diagrams.mkdir()
    one_box = (DIAGRAMS / "box.py").read_text(encoding="utf-8")
    twelve_boxes = one_box.replace('Node("box")', '[Node(f"box {n}") for n in range(12)]')  # in a column
    assert twelve_boxes != one_box, "the one-box diagram changed: update this test"
    (diagrams / "box.py").write_text(twelve_boxes, encoding="utf-8")
    extension = DrawnFiguresExtension(diagrams_dir=str(diagrams), cache_dir=str(tmp_path / "cache"), show_errors=True)
    page = markdown.markdown("{diagram: box}", extensions=[extension])
    warning, figure = page.split('<figure class="diagram"')
    assert re.search(r'class="admonition warning diagram-error" role="alert">.*This diagram is hard to read', warning)
    assert re.search(r"diagrams/box\.py: hard to read: it is \d+ px tall on a desktop", warning), warning
    assert "<svg" in figure


def test_line_numbers_start_at_the_first_line_given(cache: Path) -> None:
    with pytest.raises(DiagramError, match=r"^line 7: unknown diagram 'bx'"):
        convert("Text.\n\n{diagram: bx}", cache, first_line=5)


# --- golden files: a page's Markdown beside the HTML it must become ------------------------


def golden_cases() -> list[str]:
    return sorted(path.stem for path in GOLDEN.glob("*.md"))


def tag_per_line(html: str) -> list[str]:
    """`html` cut into its lines, and each line after every tag: a diff of a one-line figure that a person can read."""
    return [piece for line in html.split("\n") for piece in re.split(r"(?<=>)(?=.)", line)]


def test_every_golden_page_has_its_html_and_every_case_is_there() -> None:
    assert len(golden_cases()) >= 9
    assert sorted(path.stem for path in GOLDEN.glob("*.html")) == golden_cases()
    assert set(OPTIONS) <= set(golden_cases())


@pytest.mark.parametrize("case", golden_cases())
def test_golden_page_becomes_the_html_beside_it(case: str, cache: Path) -> None:
    page = convert((GOLDEN / f"{case}.md").read_text(encoding="utf-8"), cache, **OPTIONS.get(case, {})) + "\n"
    expected_file = GOLDEN / f"{case}.html"
    if os.environ.get(WRITE_GOLDEN):
        expected_file.write_text(page, encoding="utf-8")
    expected = expected_file.read_text(encoding="utf-8")
    if page != expected:
        diff = difflib.unified_diff(tag_per_line(expected), tag_per_line(page), "expected", "converted", lineterm="")
        pytest.fail(f"tests/data/extension/{case}.html differs (see this module's docstring):\n" + "\n".join(diff))
