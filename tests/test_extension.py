"""The placeholder rules, as data: a page's Markdown beside what it must become.

Each case converts Markdown with the real extension and a real Graphviz,
against the one-box diagram in tests/data/diagrams/.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import markdown
import pytest

from drawn_figures import DiagramError
from drawn_figures.extension import DiagramExtension, description_html

DIAGRAMS = Path(__file__).parent / "data" / "diagrams"

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
        r"^line 3: `\{diagram\}` needs a name, e\.g\. `\{diagram: box\}`\. Known diagrams: box\.$",
    ),
    "empty name": ("{diagram:}", r"^line 1: '\{diagram:\}': a diagram name is lower-case .* Known diagrams: box\.$"),
    "name with spaces and capitals": ("{diagram: Bad Name}", r"^line 1: '\{diagram: Bad Name\}': a diagram name is"),
    "unclosed brace": ("Text.\n\n{diagram: box", r"^line 3: '\{diagram: box' is not a placeholder; write"),
    "unknown name": (
        "{diagram: bx}",
        r"^line 1: unknown diagram 'bx'\. Did you mean 'box'\? Known diagrams: box\. .*bx\.py\.$",
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


def convert(text: str, cache: Path) -> str:
    extensions = [
        "admonition",
        "tables",
        "pymdownx.superfences",
        DiagramExtension(diagrams_dir=str(DIAGRAMS), cache_dir=str(cache)),
    ]
    return markdown.markdown(text, extensions=extensions)


@pytest.mark.parametrize(("text", "figures"), PLACED.values(), ids=PLACED.keys())
def test_placeholders_are_placed_or_left_alone(text: str, figures: int, tmp_path: Path) -> None:
    page = convert(text, tmp_path)
    assert page.count('<figure class="diagram"') == figures
    if figures == 0:
        assert "{diagram" in page  # shown as written
    else:
        assert "{diagram" not in page
        assert page.count("<figcaption>A box.</figcaption>") == figures


@pytest.mark.parametrize(("text", "message"), REFUSED.values(), ids=REFUSED.keys())
def test_mistakes_stop_the_build_with_the_line_and_the_fix(text: str, message: str, tmp_path: Path) -> None:
    with pytest.raises(DiagramError) as error:
        convert(text, tmp_path)
    assert re.search(message, str(error.value)), str(error.value)


def test_each_placement_gets_ids_of_its_own(tmp_path: Path) -> None:
    page = convert("{diagram: box}\n\n{diagram: box}", tmp_path)
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert ids, "the figures have no ids at all"
    assert len(ids) == len(set(ids))
    # `--` cannot occur in a name, so no diagram called `box-2` can take the second `box`'s ids.
    assert 'id="diagram-box--2-figure"' in page


def test_raw_html_in_a_description_is_shown_as_text() -> None:
    assert "<script>" not in description_html("A list:\n\n- <script>alert(1)</script>\n\n<div>block</div>")


def test_the_figure_is_titled_captioned_and_labelled_for_screen_readers(tmp_path: Path) -> None:
    page = convert("{diagram: box}", tmp_path)
    assert re.search(r'<svg [^>]*role="img"[^>]*aria-labelledby="diagram-box-title"', page)
    assert '<title id="diagram-box-title">Diagram: a box.</title>' in page


def test_while_previewing_a_mistake_is_shown_where_its_figure_goes(tmp_path: Path) -> None:
    extension = DiagramExtension(diagrams_dir=str(DIAGRAMS), cache_dir=str(tmp_path), show_errors=True)
    page = markdown.markdown("Before.\n\n{diagram: bx}\n\nAfter.", extensions=[extension])
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
    extension = DiagramExtension(diagrams_dir=str(diagrams), cache_dir=str(tmp_path / "cache"), show_errors=True)
    page = markdown.markdown("{diagram: box}", extensions=[extension])
    warning, figure = page.split('<figure class="diagram"')
    assert re.search(r'class="admonition warning diagram-error" role="alert">.*This diagram is hard to read', warning)
    assert re.search(r"diagrams/box\.py: hard to read: it is \d+ px tall on a desktop", warning), warning
    assert "<svg" in figure


def test_line_numbers_start_at_the_first_line_given(tmp_path: Path) -> None:
    extension = DiagramExtension(diagrams_dir=str(DIAGRAMS), cache_dir=str(tmp_path), first_line=5)
    with pytest.raises(DiagramError, match=r"^line 7: unknown diagram 'bx'"):
        markdown.markdown("Text.\n\n{diagram: bx}", extensions=[extension])
