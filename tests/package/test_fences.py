"""Fenced code (drawn_figures/fences.py), as data: a page's lines beside the ones outside every fence.

Both extensions leave what is fenced alone, so that a page can show their syntax: a block opens at
three or more backticks or tildes and ends at a fence of the same character at least as long.
"""

from __future__ import annotations

import pytest

from drawn_figures.fences import outside_fences

# A page's lines -> the lines outside every fenced block (the fences themselves are inside).
CASES = {
    "no fence": (["a", "b"], ["a", "b"]),
    "backticks": (["a", "```", "in", "```", "b"], ["a", "b"]),
    "tildes, with a language": (["a", "~~~python", "in", "~~~", "b"], ["a", "b"]),
    "indented, as in a list item": (["- a", "", "    ```", "    in", "    ```", "b"], ["- a", "", "b"]),
    "closed by a longer fence": (["````", "in", "`````", "b"], ["b"]),
    "not closed by a shorter fence": (["````", "in", "```", "still in", "````", "b"], ["b"]),
    "not closed by the other character": (["```", "in", "~~~", "still in", "```", "b"], ["b"]),
    "two backticks are no fence": (["``", "a", "``"], ["``", "a", "``"]),
    "never closed: fenced to the end": (["a", "```", "in", "in too"], ["a"]),
    "two blocks": (["```", "in", "```", "a", "~~~", "in", "~~~", "b"], ["a", "b"]),
}


@pytest.mark.parametrize(("lines", "outside"), CASES.values(), ids=CASES.keys())
def test_the_lines_outside_fenced_code(lines: list[str], outside: list[str]) -> None:
    assert [lines[index] for index in outside_fences(lines)] == outside
