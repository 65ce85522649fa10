"""The two READMEs stay front pages: the site's is short, and neither sends a reader to a file that is gone.

The site's README says what the site is, the two commands, how a page places a figure and where to
read more; anything longer belongs in CONTRIBUTING.md, the package README or the site's own pages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drawn_figures.fences import outside_fences
from scripts.shared.project import ROOT

READMES = [ROOT / "README.md", ROOT / "src" / "drawn_figures" / "README.md"]
MOST_LINES = 150
# [text](target) and [text]: target, outside code; the target up to a space (a title may follow) or `)`.
LINK = re.compile(r"\]\((?P<inline>[^)\s]+)[^)]*\)|^\[[^\]]+\]:\s*(?P<reference>\S+)", re.MULTILINE)
NOT_A_FILE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|#|/)", re.IGNORECASE)  # a URL, an anchor, or a site path


def relative_links(readme: Path) -> list[tuple[int, str]]:
    """(line number, target without its #anchor) of every link to a file beside `readme`."""
    lines = readme.read_text(encoding="utf-8").splitlines()
    found = []
    for index in outside_fences(lines):
        for link in LINK.finditer(re.sub(r"`[^`]*`", "", lines[index])):
            target = link["inline"] or link["reference"]
            if not NOT_A_FILE.match(target):
                found.append((index + 1, target.split("#")[0]))
    return found


def test_the_sites_readme_is_a_front_page_of_at_most_150_lines() -> None:
    lines = len((ROOT / "README.md").read_text(encoding="utf-8").splitlines())
    assert lines <= MOST_LINES, (
        f"README.md has {lines} lines, more than {MOST_LINES}: move the detail to CONTRIBUTING.md, "
        "src/drawn_figures/README.md or docs/how-it-is-built.md, and link to it"
    )


@pytest.mark.parametrize("readme", READMES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_relative_link_of_a_readme_leads_to_a_file(readme: Path) -> None:
    for number, target in relative_links(readme):
        assert (readme.parent / target).exists(), f"{readme.relative_to(ROOT)}:{number}: no file {target!r}"


def test_relative_links_are_found_where_a_reader_sees_them(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(
        "See [the guide](GUIDE.md#two), [a site](https://example.org/x.md) and [top](#top).\n"
        "`[code](not-a-link.md)`\n\n```markdown\n[in a block](nor-this.md)\n```\n\n[ref]: docs/page.md\n",
        encoding="utf-8",
    )
    assert relative_links(readme) == [(1, "GUIDE.md"), (8, "docs/page.md")]
