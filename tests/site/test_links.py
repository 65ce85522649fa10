"""Links: MkDocs' strict build stops at a broken Markdown link, and `python -m scripts.linkcheck` at the rest.

mkdocs.yml's `validation:` turns MkDocs' own checks into warnings, which `--strict` makes fatal;
the link check follows what MkDocs cannot see (raw HTML, the figures, the theme's templates).
Links to other hosts are only counted here (`make linkcheck-external` fetches them).
"""

from __future__ import annotations

import subprocess

from helpers import Project, run_script

# Raw HTML, which MkDocs passes through unread; appended to a page of the nav.
RAW_HTML = """
A link to <a href="../#is-it-free">a heading that does not exist</a>.

<img src="../pictures/missing.png" alt="A picture that is not there">

A link <a href="/elsewhere/">outside the site</a>.
"""


def linkcheck(project: Project) -> subprocess.CompletedProcess[str]:
    return run_script("linkcheck", "site", "--docs", "docs", cwd=project.root)


def warnings_of_the_strict_build(project: Project) -> list[str]:
    result = project.build(check=False)
    assert result.returncode == 1, result.stderr
    assert "Aborted with 1 warnings in strict mode!" in result.stdout, result.stdout
    return [line for line in result.stderr.splitlines() if line.startswith("WARNING")]


def test_the_site_passes_the_link_check_and_links_to_other_hosts_are_only_counted(built: Project) -> None:
    result = linkcheck(built)
    assert result.returncode == 0, result.stderr
    counts = result.stdout.split()
    assert int(counts[1]) > 50, result.stdout  # a check that follows nothing would pass everything
    assert ", 0 broken;" in result.stdout
    assert "external links not followed (make linkcheck-external)" in result.stdout


def test_the_strict_build_stops_at_a_broken_anchor_and_names_the_page(warm_project: Project) -> None:
    warm_project.edit("docs/trade-offs.md", "[home page](index.md)", "[home page](index.md#is-it-free)")
    [warning] = warnings_of_the_strict_build(warm_project)
    assert "Doc file 'trade-offs.md' contains a link 'index.md#is-it-free'" in warning, warning
    assert "does not contain an anchor '#is-it-free'" in warning


def test_the_strict_build_stops_at_a_page_left_out_of_the_nav_and_names_it(warm_project: Project) -> None:
    (warm_project.root / "docs" / "orphan.md").write_text("# Orphan\n\nNo page links here.\n", encoding="utf-8")
    [warning] = warnings_of_the_strict_build(warm_project)
    assert 'are not included in the "nav" configuration' in warning
    assert "  - orphan.md" in warm_project.log


def test_links_mkdocs_cannot_see_are_reported_at_their_markdown_or_html_line(warm_project: Project) -> None:
    page = warm_project.root / "docs" / "how-it-is-built.md"
    first = len(page.read_text(encoding="utf-8").splitlines()) + 2  # the line of RAW_HTML's first link
    with page.open("a", encoding="utf-8") as markdown:
        markdown.write(RAW_HTML)
    warm_project.build()  # MkDocs lets all three through
    not_found = warm_project.site / "404.html"
    html = not_found.read_text(encoding="utf-8").replace("</body>", '<a href="nowhere/">x</a>\n</body>')
    not_found.write_text(html, encoding="utf-8")
    html_line = html[: html.index('href="nowhere/"')].count("\n") + 1

    result = linkcheck(warm_project)

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"site/404.html:{html_line}: broken link 'nowhere/': there is no nowhere/ in the site",
        f"docs/how-it-is-built.md:{first}: broken link '../#is-it-free': "
        "index.html has no heading or element with the id 'is-it-free'",
        f"docs/how-it-is-built.md:{first + 2}: broken link '../pictures/missing.png': "
        "there is no pictures/missing.png in the site",
        f"docs/how-it-is-built.md:{first + 4}: broken link '/elsewhere/': there is no elsewhere/ in the site",
    ]
