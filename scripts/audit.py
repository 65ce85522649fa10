"""Lighthouse CI over every page of the built site, mobile and desktop, against the project's bar.

    make audit      (or: .venv/bin/python -m scripts.audit [SITE_DIR] [REPORT_DIR])

Lighthouse CI (`lhci`, pinned in package.json with Lighthouse itself) does the work, as
lighthouserc.json says: it serves SITE_DIR on 127.0.0.1 with text compressed, as a host sends it;
runs Lighthouse on every page three times in this machine's Chromium; and asserts the bar on the
median of each page's runs, naming each page and category that misses it. This program runs it once
per form factor, keeps the reports in REPORT_DIR/mobile/ and REPORT_DIR/desktop/, and writes a
Markdown table: the median score of each category (performance also with the range of its runs),
Lighthouse's CPU benchmark index for the runs (a busy machine scores lower), and the audits that
errored with this Chromium (for example on "frame_sequence" traces), which are unscored. It prints
the table, and adds it to the job's summary when GitHub Actions runs it ($GITHUB_STEP_SUMMARY).
Exit status 1 when a page misses the bar.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

from scripts.shared.browser import CHROMIUM_FLAGS, pages, system_chromium
from scripts.shared.project import ROOT
from scripts.shared.summary import publish

LHCI = ROOT / "node_modules" / ".bin" / "lhci"
CONFIG = ROOT / "lighthouserc.json"
FORM_FACTORS = {"mobile": [], "desktop": ["--collect.settings.preset=desktop"]}
CATEGORIES = {
    "performance": "Performance",
    "accessibility": "Accessibility",
    "best-practices": "Best practices",
    "seo": "SEO",
}


def chromium() -> str:
    if found := os.environ.get("CHROME_PATH") or system_chromium():
        return found
    with sync_playwright() as playwright:  # Playwright's own Chromium, from `playwright install chromium`
        return playwright.chromium.executable_path


def lhci(command: str, *options: str, cwd: Path) -> int:
    """Run `lhci COMMAND` in `cwd`, where it keeps its runs (.lighthouseci/); its exit status."""
    return subprocess.run([str(LHCI), command, f"--config={CONFIG}", *options], cwd=cwd).returncode


def audit(site: Path, page_paths: list[str], form_factor: str, reports: Path) -> tuple[list[dict[str, Any]], bool]:
    """Lighthouse CI's runs of one form factor, kept in `reports`: their manifest, and whether all met the bar."""
    reports.mkdir(parents=True, exist_ok=True)
    collected = lhci(
        "collect",
        f"--collect.staticDistDir={site.resolve()}",
        f"--collect.chromePath={chromium()}",
        f"--collect.settings.chromeFlags={' '.join(CHROMIUM_FLAGS)}",
        *(f"--collect.url=http://localhost/{page}" for page in page_paths),  # lhci sets its server's port
        *FORM_FACTORS[form_factor],
        cwd=reports,
    )
    if collected != 0:
        sys.exit(f"error: lhci collect failed for {form_factor} (see above)")
    if lhci("upload", cwd=reports) != 0:
        sys.exit(f"error: lhci upload could not write the reports to {reports}")
    met = lhci("assert", cwd=reports) == 0
    manifest: list[dict[str, Any]] = json.loads((reports / "manifest.json").read_text(encoding="utf-8"))
    return manifest, met


def cell(scores: list[float], with_range: bool) -> str:
    if not scores:
        return "error"
    median, low, high = (round(value * 100) for value in (statistics.median(scores), min(scores), max(scores)))
    return f"{median} ({low}-{high})" if with_range and low != high else str(median)


def rows(manifest: list[dict[str, Any]], form_factor: str) -> list[str]:
    """One table row per page: the median score of each category over the page's runs."""
    by_page: dict[str, list[dict[str, float | None]]] = defaultdict(list)
    for run in manifest:
        by_page[urlsplit(run["url"]).path].append(run["summary"])
    table = []
    for page, runs in by_page.items():
        cells = [
            cell([s for run in runs if (s := run.get(category)) is not None], category == "performance")
            for category in CATEGORIES
        ]
        table.append(f"| {page} | {form_factor} | " + " | ".join(cells) + " |")
    return table


def report_notes(manifest: list[dict[str, Any]]) -> tuple[str, list[float], dict[str, set[str]]]:
    """From the runs' JSON reports: Lighthouse's version, its CPU benchmark indexes, and the errored audits."""
    version, benchmarks, unscored = "", [], defaultdict(set)
    for run in manifest:
        report = json.loads(Path(run["jsonPath"]).read_text(encoding="utf-8"))
        version = report["lighthouseVersion"]
        benchmarks.append(report["environment"]["benchmarkIndex"])
        for audit_id, result in report["audits"].items():
            if result["scoreDisplayMode"] == "error":
                message = (result.get("errorMessage") or "error").splitlines()[0]
                unscored[f"{audit_id}: {message}"].add(
                    f"{urlsplit(run['url']).path} {report['configSettings']['formFactor']}"
                )
    return version, benchmarks, unscored


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.audit", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("site", nargs="?", type=Path, default=Path("site"), help="the built site (default: site)")
    parser.add_argument(
        "reports", nargs="?", type=Path, default=Path("lighthouse-reports"), help="default: lighthouse-reports"
    )
    parser.add_argument("--page", action="append", help="only this page, e.g. trade-offs/ (default: every page)")
    arguments = parser.parse_args(argv)
    if not LHCI.is_file():
        sys.exit(f"error: {LHCI} is missing; run `make audit`, which installs it with `npm ci`")
    if not (arguments.site / "index.html").is_file():
        sys.exit(f"error: {arguments.site}/index.html is missing; build the site first (make build)")
    page_paths = arguments.page or pages(arguments.site)
    table = ["| Page | Form factor | " + " | ".join(CATEGORIES.values()) + " |", "| --- | --- |" + " ---: |" * 4]
    runs, all_met = [], True
    for form_factor in FORM_FACTORS:
        manifest, met = audit(arguments.site, page_paths, form_factor, arguments.reports.resolve() / form_factor)
        table += rows(manifest, form_factor)
        runs += manifest
        all_met = all_met and met
    version, benchmarks, unscored = report_notes(runs)
    report = [
        f"Lighthouse {version}, median of each page's runs, reports in {arguments.reports}/; "
        f"CPU benchmark index {min(benchmarks):.0f} to {max(benchmarks):.0f}",
        "",
        *table,
    ]
    if unscored:
        report += ["", "Unscored, the audit errored:", ""]
        report += [f"- {audit_id} ({', '.join(sorted(where))})" for audit_id, where in sorted(unscored.items())]
    print()
    publish("Lighthouse", "\n".join(report))
    if not all_met:
        print("\nBelow the bar: see lhci assert's lines above", file=sys.stderr)
    return 0 if all_met else 1


if __name__ == "__main__":
    sys.exit(main())
