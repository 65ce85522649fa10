"""Fenced code in a page's lines, which both extensions leave alone: a page may show their syntax there.

A fence is three or more backticks or tildes, indented or not; the block ends at a fence of the
same character that is at least as long, as in Python-Markdown's `fenced_code` and
`pymdownx.superfences`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

FENCE = re.compile(r"[ \t]*(`{3,}|~{3,})")


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
