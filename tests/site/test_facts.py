"""The footnoted facts (`python -m scripts.facts`, `make facts`): every footnote has a source and a date,
every changing number on an explainer page has a footnote, and stale facts are listed oldest first."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest

from scripts.facts import months_before, read_facts
from scripts.shared.project import ROOT

from helpers import run_script
from site_checks import prose

DOCS = ROOT / "docs"
ARTICLE = "index.md"  # the article's page, kept word for word: its numbers are the article's
# A number with a unit that can change: a limit, a price, a duration. Such a line must cite its source.
CHANGING_NUMBER = re.compile(
    r"\d[\d,.]*\s*(?:MB|GB|GiB|KB|ms|milliseconds?|seconds?|minutes?|hours?|days?|requests?)\b|[$€£]\s?\d"
)
PAGE = """\
# Facts

Lambda runs for at most 15 minutes.[^quotas] Workers get 128 MB.[^limits] Azure too.[^azure]

```markdown
[^example]: a footnote shown as code is not one
```

[^quotas]: [Lambda quotas](https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html), checked 2 May 2026.
[^limits]: [Workers limits](https://developers.cloudflare.com/workers/platform/limits/), checked 30 November 2026.
[^azure]: [Flex](https://learn.microsoft.com/azure/azure-functions/flex-consumption-plan), checked 1 March 2026.
"""


def facts_of(page: str, tmp_path: Path, *options: str) -> tuple[int, list[str], list[str]]:
    (tmp_path / "page.md").write_text(page, encoding="utf-8")
    result = run_script("facts", "--docs", str(tmp_path), *options)
    return result.returncode, result.stdout.splitlines(), result.stderr.splitlines()


def test_every_footnote_of_the_site_names_a_link_and_a_checked_date() -> None:
    facts, errors = read_facts(DOCS)
    assert errors == []
    assert len(facts) >= 20, "the explainer pages cite their changing facts in footnotes"


@pytest.mark.parametrize("page", sorted(path.name for path in DOCS.glob("*.md") if path.name != ARTICLE))
def test_every_changing_number_on_an_explainer_page_has_a_footnote(page: str) -> None:
    for number, line in prose(DOCS / page):  # not code, the footnotes themselves, or the list of sources
        if CHANGING_NUMBER.search(line):
            assert "[^" in line, f"docs/{page}:{number}: {line!r} needs a footnote with its source and a checked date"


def test_stale_facts_are_listed_oldest_first_with_page_and_line(tmp_path: Path) -> None:
    status, out, err = facts_of(PAGE, tmp_path, "--today", "2026-12-02")
    assert (status, err) == (0, [])
    assert out[:2] == [
        f"{tmp_path}/page.md:11: checked 1 March 2026, 276 days ago: Flex "
        "<https://learn.microsoft.com/azure/azure-functions/flex-consumption-plan>",
        f"{tmp_path}/page.md:9: checked 2 May 2026, 214 days ago: Lambda quotas "
        "<https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html>",
    ]
    assert out[2] == "facts: 3 footnotes, 0 malformed, 2 checked before 2 June 2026 (six months before 2026-12-02)"


def test_stale_facts_fail_the_run_only_when_strict(tmp_path: Path) -> None:
    assert facts_of(PAGE, tmp_path, "--today", "2026-12-02")[0] == 0
    assert facts_of(PAGE, tmp_path, "--today", "2026-12-02", "--strict")[0] == 1
    status, out, _ = facts_of(PAGE, tmp_path, "--today", "2026-09-01", "--strict")
    assert status == 0
    assert out == ["facts: 3 footnotes, 0 malformed, 0 checked before 1 March 2026 (six months before 2026-09-01)"]


def test_the_sites_facts_all_turn_stale_when_the_build_date_moves_on() -> None:
    facts, _ = read_facts(DOCS)
    newest = max(fact.checked for fact in facts)
    later = date(newest.year + 1, newest.month, 1)
    result = run_script("facts", "--today", later.isoformat(), "--strict")
    assert result.returncode == 1
    listed = [line for line in result.stdout.splitlines() if line.startswith("docs/")]
    assert len(listed) == len(facts)
    days = [line.split(": checked ", 1)[1].split(",", 1)[0] for line in listed]
    checked = [datetime.strptime(day, "%d %B %Y").date() for day in days]
    assert checked == sorted(checked), "oldest first"


@pytest.mark.parametrize(
    ("footnote", "message"),
    [
        ("[^a]: Lambda quotas, checked 2 May 2026.", "the footnote has no a link;"),
        ("[^a]: [Lambda quotas](https://docs.aws.amazon.com/lambda/).", "the footnote has no 'checked D Month YYYY';"),
        ("[^a]: Lambda quotas.", "the footnote has no a link and 'checked D Month YYYY';"),
        ("[^a]: [Quotas](https://docs.aws.amazon.com/lambda/), checked 31 April 2026.", "'checked 31 April 2026' is"),
    ],
)
def test_a_footnote_without_a_link_or_a_date_names_its_file_and_line(
    tmp_path: Path, footnote: str, message: str
) -> None:
    status, _, err = facts_of(f"# Page\n\nA claim.[^a]\n\n{footnote}\n", tmp_path)
    assert status == 1
    assert err[0].startswith(f"{tmp_path}/page.md:5: {message}"), err
    assert "[^name]: [Page title](https://...), Publisher, checked 2 December 2026." in err[0]


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        ("2026-12-02", "2026-06-02"),
        ("2026-08-31", "2026-02-28"),
        ("2028-08-31", "2028-02-29"),
        ("2027-03-15", "2026-09-15"),
    ],
)
def test_six_months_before_is_counted_in_calendar_months(today: str, expected: str) -> None:
    assert months_before(date.fromisoformat(today), 6) == date.fromisoformat(expected)
