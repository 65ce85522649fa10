"""The author's words survive: every sentence of the source article is on the built page.

The source is kept verbatim in tests/data/. The only changes allowed are the
corrections listed here; any other edit to docs/index.md that drops or alters a
sentence fails this test.
"""

from __future__ import annotations

import re
from itertools import pairwise

from helpers import Project
from site_checks import sentences, visible_text


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
