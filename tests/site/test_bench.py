"""The benchmark (`python -m scripts.bench`) runs end to end on a tiny input and reports every row.

It is run once, with one round of each measurement and 2 generated diagrams;
no time is asserted, only that each figure was measured and makes sense.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from scripts.bench.projects import make_generated, make_static_baseline
from scripts.shared.project import ROOT

from helpers import Project, run_script

Bench = tuple[str, dict[str, Any]]  # the printed table, and the JSON


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> Bench:
    output = tmp_path_factory.mktemp("bench") / "results.json"
    options = ["--runs", "1", "--warmup", "0", "--sizes", "2", "--serve-runs", "1", "--json", str(output)]
    printed = run_script("bench", *options)
    assert printed.returncode == 0, printed.stderr
    return printed.stdout, json.loads(output.read_text(encoding="utf-8"))


def test_the_table_has_every_row(bench: Bench) -> None:
    table, _ = bench
    for row in (
        "baseline build",
        "cold build",
        "warm build / baseline",
        "save a Markdown page",
        "save a diagram file",
        "page weight /",
        "2 diagrams: cold build",
        "2 diagrams: warm build",
        "2 diagrams: drawn one after another",
        "2 diagrams: cold / (warm + one after another)",
        "extra s per diagram over the warm build",
        "gap to it, ms",
    ):
        assert row in table
    assert "targets:" in table


def test_every_build_was_timed_and_its_memory_measured(bench: Bench) -> None:
    _, results = bench
    for name in ("baseline", "cold", "warm"):
        (sample,) = results["builds"][name]
        assert sample["seconds"] > 0
        assert sample["peak_rss_mib"] > 10  # MkDocs with Material cannot build in less


def test_saving_a_diagram_redraws_only_that_diagram(bench: Bench) -> None:
    _, results = bench
    assert results["serve"]["drawn_per_diagram_save"] == [1]
    assert len(results["serve"]["markdown_seconds"]) == 1


def test_page_weight_counts_the_home_page_and_its_diagrams(bench: Bench) -> None:
    _, results = bench
    home = next(page for page in results["page_weight"] if page["page"] == "/")
    placed = set(re.findall(r"^\{diagram: ([a-z0-9-]+)\}$", (ROOT / "docs/index.md").read_text(), re.MULTILINE))
    assert set(home["diagram_bytes"]) == placed
    assert home["requests"] > 1  # the page, and at least the stylesheet it links
    assert home["total_gzip_bytes"] < home["total_bytes"]
    assert home["total_bytes"] > home["html_bytes"] > sum(home["diagram_bytes"].values())


def test_every_target_is_checked(bench: Bench) -> None:
    _, results = bench
    goals = [target["goal"] for target in results["targets"]]
    assert len(goals) == 6  # all but the 50-diagram target, which needs 50 diagrams
    assert "cold build <= warm build + 0.05 s per diagram" in goals
    assert "diagram save <= 1.2 x Markdown save" in goals
    assert all(isinstance(target["met"], bool) for target in results["targets"])


def test_the_page_weight_target_is_judged_on_the_heaviest_page_as_sent(bench: Bench) -> None:
    """The bar counts bytes as a host sends them (gzip), over every page, and names the heaviest."""
    _, results = bench
    (target,) = [t for t in results["targets"] if t["goal"].startswith("a first visit to any page")]
    heaviest = max(results["page_weight"], key=lambda page: page["total_gzip_bytes"])
    assert len(results["page_weight"]) > 1
    assert target["measured"].startswith(f"heaviest {heaviest['page']}: {heaviest['total_gzip_bytes'] / 1000:.1f} KB")
    assert target["met"] == (heaviest["total_gzip_bytes"] <= 400_000)


def test_the_baseline_shows_the_drawn_svgs_without_the_figures_step(built: Project, tmp_path: Path) -> None:
    baseline = make_static_baseline(built.root, tmp_path / "baseline")
    assert "  - drawn_figures:" not in (baseline / "mkdocs.yml").read_text()
    assert "{diagram:" not in (baseline / "docs/index.md").read_text()
    images = sorted(baseline.joinpath("docs/static-diagrams").glob("*.svg"))
    assert {image.stem for image in images} >= {"infrastructure-stack", "value-stack"}
    assert all(image.read_text().startswith("<svg") for image in images)


def test_generated_diagrams_each_have_a_content_of_their_own(tmp_path: Path) -> None:
    generated = make_generated(tmp_path / "generated", 3)
    copies = sorted(generated.joinpath("diagrams").glob("stack-*.py"))
    assert len(copies) == 3
    assert len({copy.read_text() for copy in copies}) == 3
    assert (generated / "docs/index.md").read_text().count("{diagram: stack-") == 3
