"""A report in Markdown, printed, and added to the job's summary page when GitHub Actions runs the program."""

from __future__ import annotations

import os
from pathlib import Path


def publish(title: str, markdown: str) -> None:
    """Print `markdown`; under GitHub Actions, also append it under `## title` to the job's summary."""
    print(markdown)
    if summary := os.environ.get("GITHUB_STEP_SUMMARY"):
        with Path(summary).open("a", encoding="utf-8") as page:
            page.write(f"## {title}\n\n{markdown}\n\n")
