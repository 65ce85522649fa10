"""The author's words survive: every sentence of the source article is on the built page.

The source is kept verbatim in tests/data/. The only changes allowed are the
corrections listed here; any other edit to docs/index.md that drops or alters a
sentence fails this test.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

from conftest import Project

SOURCE = Path(__file__).parent / "data" / "what-is-serverless.txt"
CORRECTIONS = [
    ("resepct", "respect"),
    ("serverleress", "serverless"),
    ("infrastuture", "infrastructure"),
    ("There always room", "There is always room"),
    ("  ", " "),
]


class TextOf(HTMLParser):
    """The text a reader sees in the page's article, without scripts, styles or figures."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "svg") or self.skipping:
            self.skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def sentences() -> list[str]:
    text = SOURCE.read_text(encoding="utf-8")
    for wrong, right in CORRECTIONS:
        text = text.replace(wrong, right)
    lines = [line.lstrip("#").strip() for line in text.splitlines()]
    return [
        sentence
        for line in lines
        if line and line != "{diagram}"
        for sentence in re.split(r"(?<=[.?!])\s+(?=[A-Z])", line)
    ]


def visible_text(page: str) -> str:
    parser = TextOf()
    parser.feed(page)
    return re.sub(r"\s+", " ", html.unescape(" ".join(parser.parts)))


def test_every_sentence_of_the_article_is_on_the_page(built: Project) -> None:
    text = visible_text(built.page())
    missing = [sentence for sentence in sentences() if sentence not in text]
    assert not missing, f"sentences of the article missing from the built page: {missing}"


def test_the_article_is_split_into_enough_sentences() -> None:
    assert len(sentences()) >= 20  # so the test above cannot pass by comparing one blob


def test_headings_have_one_h1_and_skip_no_level(built: Project) -> None:
    levels = [int(level) for level in re.findall(r"<h([1-6])\b", built.page().split("<article", 1)[1])]
    assert levels.count(1) == 1
    assert all(b - a <= 1 for a, b in pairwise(levels)), levels
