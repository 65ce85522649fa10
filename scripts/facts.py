"""The footnoted facts of the pages: each must name its source and the day it was checked; list the stale ones.

    .venv/bin/python -m scripts.facts [--docs DOCS] [--today YYYY-MM-DD] [--strict]

A fact that can change (a limit, a price unit, a plan, a product name) carries a
footnote, written on one line:

    [^lambda-quotas]: [Lambda quotas](https://docs.aws.amazon.com/...), AWS documentation, checked 2 December 2026.

A footnote without a link or without "checked D Month YYYY" is an error, printed as
`FILE:LINE: message` (exit status 1). Footnotes checked more than six months before
today (or `--today`) are listed, oldest first, also as `FILE:LINE`; they fail the
run only with `--strict`, as the weekly workflow runs it, so that a build never
fails because time has passed (`make facts`, `make facts STRICT=1`).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from drawn_figures.fences import outside_fences

FOOTNOTE = re.compile(r"^\[\^[^\]]+\]:\s*(?P<text>.*)$")
LINK = re.compile(r"\[(?P<title>[^\]]+)\]\((?P<url>https?://[^)\s]+)\)")
CHECKED = re.compile(r"\bchecked (?P<day>\d{1,2} [A-Z][a-z]+ \d{4})\b")
EXAMPLE = "[^name]: [Page title](https://...), Publisher, checked 2 December 2026."
STALE_AFTER_MONTHS = 6


@dataclass(frozen=True)
class Fact:
    """One footnote: where it is, what it cites and when that was checked."""

    where: str  # FILE:LINE
    title: str
    url: str
    checked: date


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier, or the month's last day when it has fewer days."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, last)
        except ValueError:
            continue
    raise AssertionError("every month has 28 days")


def footnotes(page: Path) -> Iterator[tuple[int, str]]:
    """(line number, text) of each footnote defined in `page`, outside fenced code."""
    lines = page.read_text(encoding="utf-8").splitlines()
    for index in outside_fences(lines):
        if found := FOOTNOTE.match(lines[index]):
            yield index + 1, found["text"]


def read_facts(docs: Path) -> tuple[list[Fact], list[str]]:
    """Every well-formed footnote under `docs`, and an error for each one that is not."""
    facts, errors = [], []
    for page in sorted(docs.rglob("*.md")):
        for number, text in footnotes(page):
            where = f"{page}:{number}"
            link, checked = LINK.search(text), CHECKED.search(text)
            day = None
            if checked:
                try:
                    day = datetime.strptime(checked["day"], "%d %B %Y").date()
                except ValueError:
                    errors.append(f"{where}: 'checked {checked['day']}' is not a date; write it as in {EXAMPLE!r}")
                    continue
            if link is None or day is None:
                missing = " and ".join(
                    what for what, found in (("a link", link), ("'checked D Month YYYY'", checked)) if found is None
                )
                errors.append(f"{where}: the footnote has no {missing}; write it as {EXAMPLE!r}")
                continue
            facts.append(Fact(where, link["title"], link["url"], day))
    return facts, errors


def stale(facts: list[Fact], today: date) -> list[Fact]:
    """The facts checked more than six months before `today`, oldest first."""
    limit = months_before(today, STALE_AFTER_MONTHS)
    return sorted((fact for fact in facts if fact.checked < limit), key=lambda fact: (fact.checked, fact.where))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.facts", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", default="docs", type=Path, help="the Markdown sources (default: docs)")
    parser.add_argument("--today", type=date.fromisoformat, default=date.today(), help="the build date, YYYY-MM-DD")
    parser.add_argument("--strict", action="store_true", help="fail when a fact is stale, not only when malformed")
    arguments = parser.parse_args(argv)
    facts, errors = read_facts(arguments.docs)
    for error in errors:
        print(error, file=sys.stderr)
    old = stale(facts, arguments.today)
    for fact in old:
        age = (arguments.today - fact.checked).days
        print(f"{fact.where}: checked {fact.checked:%-d %B %Y}, {age} days ago: {fact.title} <{fact.url}>")
    print(
        f"facts: {len(facts)} footnotes, {len(errors)} malformed, {len(old)} checked before "
        f"{months_before(arguments.today, STALE_AFTER_MONTHS):%-d %B %Y} (six months before {arguments.today})"
    )
    return 1 if errors or (old and arguments.strict) else 0


if __name__ == "__main__":
    sys.exit(main())
