"""Lighthouse over every page of the built site, mobile and desktop, served as GitHub Pages serves it.

    make audit                                        # builds the site, installs Lighthouse, runs this
    python scripts/audit.py [SITE_DIR] [REPORT_DIR]   # defaults: site/ and lighthouse-reports/

The site is served on 127.0.0.1 with gzip-compressed text, GitHub Pages' ten-minute
cache header and its 404 page. Each page is audited RUNS times per form factor;
the table shows the median score of each category (performance also shows the
range of its runs) and the JSON reports are kept in REPORT_DIR. Audits that
errored with this Chromium (for example "frame_sequence" traces) are unscored,
and listed as such. Exits with status 1 when a page misses the bar.
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import subprocess
import sys
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

from browse import CHROMIUM_FLAGS, QuietHandler, pages, serve, system_chromium
from sources import ROOT

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
RUNS = 3
FORM_FACTORS = ("mobile", "desktop")
CATEGORIES = {
    "performance": "Performance",
    "accessibility": "Accessibility",
    "best-practices": "Best practices",
    "seo": "SEO",
}
BAR = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


class PagesLikeHandler(QuietHandler):
    """Static files as GitHub Pages sends them: gzip for text, `max-age=600`, and 404.html for what is missing."""

    protocol_version = "HTTP/1.1"  # persistent connections, as a real host keeps them; HTTP/1.0 opens one per file

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        target = Path(self.translate_path(self.path))
        if target.is_dir() and not urlsplit(self.path).path.endswith("/"):
            super().do_GET()  # the base class redirects to the trailing slash, as GitHub Pages does
            return
        if target.is_dir():
            target /= "index.html"
        status = HTTPStatus.OK
        if not target.is_file():
            status, target = HTTPStatus.NOT_FOUND, Path(self.directory) / "404.html"
        body = target.read_bytes()
        content_type = self.guess_type(target)
        compressible = content_type.startswith(COMPRESSED_TYPES)
        self.send_response(status)
        self.send_header("Content-Type", content_type + ("; charset=utf-8" if compressible else ""))
        self.send_header("Cache-Control", "max-age=600")
        if compressible and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, mtime=0)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def chromium() -> str:
    if found := os.environ.get("CHROME_PATH") or system_chromium():
        return found
    with sync_playwright() as playwright:  # Playwright's own Chromium, from `playwright install chromium`
        return playwright.chromium.executable_path


def lighthouse(url: str, form_factor: str, report: Path, chrome: str) -> dict:
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
    ]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": chrome})
    return json.loads(report.read_text(encoding="utf-8"))


def scores(report: dict) -> dict[str, float | None]:
    return {
        category: None if (score := report["categories"][category]["score"]) is None else round(score * 100)
        for category in CATEGORIES
    }


def errored_audits(report: dict) -> dict[str, str]:
    return {
        audit_id: (audit.get("errorMessage") or "").splitlines()[0] if audit.get("errorMessage") else "error"
        for audit_id, audit in report["audits"].items()
        if audit["scoreDisplayMode"] == "error"
    }


def cell(runs: list[float | None], with_range: bool) -> str:
    scored = [score for score in runs if score is not None]
    if not scored:
        return "error"
    median = round(statistics.median(scored))
    return f"{median} ({min(scored)}-{max(scored)})" if with_range and min(scored) != max(scored) else str(median)


def main(site: Path, report_dir: Path) -> int:
    report_dir.mkdir(parents=True, exist_ok=True)
    chrome = chromium()
    rows = ["| Page | Form factor | " + " | ".join(CATEGORIES.values()) + " |", "| --- | --- |" + " ---: |" * 4]
    misses: list[str] = []
    unscored: dict[str, set[str]] = {}
    version = ""
    benchmarks: list[float] = []  # Lighthouse's measure of this machine's CPU: a busy machine scores lower
    with serve(site, PagesLikeHandler) as base:
        for page in pages(site):
            name = page.strip("/").replace("/", "-") or "home"
            for form_factor in FORM_FACTORS:
                runs = []
                for run in range(1, RUNS + 1):
                    report = lighthouse(
                        base + page, form_factor, report_dir / f"{name}-{form_factor}-{run}.json", chrome
                    )
                    runs.append(scores(report))
                    benchmarks.append(report["environment"]["benchmarkIndex"])
                    version = report["lighthouseVersion"]
                    for audit_id, message in errored_audits(report).items():
                        unscored.setdefault(f"{audit_id}: {message}", set()).add(f"/{page} {form_factor}")
                by_category = {category: [run[category] for run in runs] for category in CATEGORIES}
                cells = [cell(by_category[category], category == "performance") for category in CATEGORIES]
                rows.append(f"| /{page} | {form_factor} | " + " | ".join(cells) + " |")
                for category, floor in BAR.items():
                    scored = [score for score in by_category[category] if score is not None]
                    if not scored or statistics.median(scored) < floor:
                        misses.append(f"/{page} {form_factor}: {CATEGORIES[category]} {cell(scored, False)} < {floor}")
                print(rows[-1], flush=True)
    print(f"\nLighthouse {version}, median of {RUNS} runs, reports in {report_dir}/", end="; ")
    print(f"CPU benchmark index {min(benchmarks):.0f} to {max(benchmarks):.0f}\n")
    print("\n".join(rows))
    for audit, where in sorted(unscored.items()):
        print(f"\nUnscored, the audit errored: {audit} ({', '.join(sorted(where))})")
    for miss in misses:
        print(f"\nBelow the bar: {miss}", file=sys.stderr)
    return 1 if misses else 0


if __name__ == "__main__":
    arguments = [Path(a) for a in sys.argv[1:3]]
    sys.exit(main(*arguments, *[Path("site"), Path("lighthouse-reports")][len(arguments) :]))
