"""The link check of the built site (`python -m scripts.linkcheck`): the real site passes, seeded mistakes fail.

Every internal link, anchor and image of the site built from the current sources
must resolve; this is how `make test` runs the link check. Links to other hosts
are only counted here (`make linkcheck-external` fetches them).
"""

from __future__ import annotations

import subprocess

from helpers import Project, run_script

BROKEN_PAGE = """# Broken links

A link to [a heading that does not exist](index.md#is-it-free).

<img src="../pictures/missing.png" alt="A picture that is not there">

A link [outside the site](/elsewhere/).
"""


def linkcheck(project: Project, *options: str) -> subprocess.CompletedProcess[str]:
    return run_script("linkcheck", "site", "--docs", "docs", *options, cwd=project.root)


def test_every_internal_link_anchor_and_image_of_the_site_resolves(built: Project) -> None:
    result = linkcheck(built)
    assert result.returncode == 0, result.stderr
    assert ", 0 broken;" in result.stdout


def test_the_check_follows_links_anchors_and_images(built: Project) -> None:
    """A check that finds nothing to follow would pass everything."""
    result = linkcheck(built)
    counts = result.stdout.split()
    assert int(counts[1]) > 50, result.stdout  # every page links its stylesheets, scripts, headings and menu


def test_broken_links_are_reported_at_their_markdown_line(project: Project) -> None:
    (project.root / "docs" / "broken.md").write_text(BROKEN_PAGE, encoding="utf-8")
    project.build()  # MkDocs itself lets all three through
    result = linkcheck(project)
    assert result.returncode == 1
    errors = result.stderr.splitlines()
    assert len(errors) == 3, result.stderr
    assert errors[0].startswith("docs/broken.md:3: broken link '../#is-it-free'"), errors[0]
    assert "has no heading or element with the id 'is-it-free'" in errors[0]
    assert errors[1].startswith("docs/broken.md:5: broken link '../pictures/missing.png'"), errors[1]
    assert "there is no pictures/missing.png in the site" in errors[1]
    assert errors[2] == "docs/broken.md:7: broken link '/elsewhere/': there is no elsewhere/ in the site"


def test_a_broken_link_without_markdown_source_is_reported_at_its_html_line(project: Project) -> None:
    project.build()
    page = project.site / "404.html"
    text = page.read_text(encoding="utf-8").replace("</body>", '<a href="nowhere/">x</a>\n</body>')
    page.write_text(text, encoding="utf-8")
    line = text[: text.index('href="nowhere/"')].count("\n") + 1
    result = linkcheck(project)
    assert result.returncode == 1
    assert f"site/404.html:{line}: broken link 'nowhere/'" in result.stderr, result.stderr


def test_external_links_are_counted_but_not_fetched(built: Project) -> None:
    result = linkcheck(built)
    assert "external links not followed (make linkcheck-external)" in result.stdout
