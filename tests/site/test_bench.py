"""The benchmark (`python -m scripts.bench`): its report as data, and, on a schedule, a whole run on a tiny input.

The whole run (about 30 s of builds) is marked `scheduled`: .github/workflows/scheduled.yml runs it
weekly, with one round of each measurement and 2 generated diagrams. No time is asserted, only that
each figure was measured and makes sense.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from scripts.bench.projects import make_generated, make_static_baseline
from scripts.bench.report import Row, Target, table
from scripts.bench.timing import Spread
from scripts.shared.project import ROOT
from scripts.shared.summary import publish

from helpers import Project, run_script

Bench = tuple[str, dict[str, Any], str]  # the printed report, the JSON, and the job summary it wrote

# Rows and targets, and the Markdown the report makes of them: cells padded, a "|" in a note escaped.
ROWS = [
    Row("warm build / baseline", Spread(1.5, 1.25, 2.0), Spread(1.0, 0.9, 1.1), note="CPU 1.01"),
    Row("machine: 2 cores", note="a|b"),
]
TARGETS = [Target("warm build <= 1.05 x baseline", "1.000 x", True), Target("each diagram <= 40 KB", "41.0 KB", False)]
REPORT = r"""
| row                   | wall s: median (min-max) | ratio: median (min-max) | CPU s | peak RSS MiB | note     |
| --------------------- | ------------------------ | ----------------------- | ----- | ------------ | -------- |
| warm build / baseline | 1.500 (1.250-2.000)      | 1.000 (0.900-1.100)     |       |              | CPU 1.01 |
| machine: 2 cores      |                          |                         |       |              | a\|b     |

Targets:

- met: warm build <= 1.05 x baseline: 1.000 x
- **missed**: each diagram <= 40 KB: 41.0 KB
""".strip("\n")


def test_the_report_is_a_markdown_table_then_the_targets() -> None:
    assert table(ROWS, TARGETS) == REPORT


def test_the_report_is_printed_and_added_to_the_job_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("## An earlier step\n\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    publish("Benchmark", REPORT)
    assert capsys.readouterr().out == REPORT + "\n"
    assert summary.read_text(encoding="utf-8") == f"## An earlier step\n\n## Benchmark\n\n{REPORT}\n\n"


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> Bench:
    folder = tmp_path_factory.mktemp("bench")
    output, summary = folder / "results.json", folder / "summary.md"
    options = ["--runs", "1", "--warmup", "0", "--sizes", "2", "--serve-runs", "1", "--json", str(output)]
    with pytest.MonkeyPatch.context() as environment:
        environment.setenv("GITHUB_STEP_SUMMARY", str(summary))
        printed = run_script("bench", *options)
    assert printed.returncode == 0, printed.stderr
    return printed.stdout, json.loads(output.read_text(encoding="utf-8")), summary.read_text(encoding="utf-8")


@pytest.mark.scheduled
def test_the_report_has_every_row_and_is_the_job_summary(bench: Bench) -> None:
    report, _, summary = bench
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
        assert row in report
    assert "\nTargets:\n" in report
    assert summary.startswith("## Benchmark\n\n| row ")
    assert summary.strip().removeprefix("## Benchmark").strip() in report


@pytest.mark.scheduled
def test_every_build_was_timed_and_its_memory_measured(bench: Bench) -> None:
    _, results, _ = bench
    for name in ("baseline", "cold", "warm"):
        (sample,) = results["builds"][name]
        assert sample["seconds"] > 0
        assert sample["peak_rss_mib"] > 10  # MkDocs with Material cannot build in less


@pytest.mark.scheduled
def test_saving_a_diagram_redraws_only_that_diagram(bench: Bench) -> None:
    _, results, _ = bench
    assert results["serve"]["drawn_per_diagram_save"] == [1]
    assert len(results["serve"]["markdown_seconds"]) == 1


@pytest.mark.scheduled
def test_page_weight_counts_the_home_page_and_its_diagrams(bench: Bench) -> None:
    _, results, _ = bench
    home = next(page for page in results["page_weight"] if page["page"] == "/")
    placed = set(re.findall(r"^\{diagram: ([a-z0-9-]+)\}$", (ROOT / "docs/index.md").read_text(), re.MULTILINE))
    assert set(home["diagram_bytes"]) == placed
    assert home["requests"] > 1  # the page, and at least the stylesheet it links
    assert home["total_gzip_bytes"] < home["total_bytes"]
    assert home["total_bytes"] > home["html_bytes"] > sum(home["diagram_bytes"].values())


@pytest.mark.scheduled
def test_every_target_is_checked(bench: Bench) -> None:
    _, results, _ = bench
    goals = [target["goal"] for target in results["targets"]]
    assert len(goals) == 6  # all but the 50-diagram target, which needs 50 diagrams
    assert "cold build <= warm build + 0.05 s per diagram" in goals
    assert "diagram save <= 1.2 x Markdown save" in goals
    assert all(isinstance(target["met"], bool) for target in results["targets"])


@pytest.mark.scheduled
def test_the_page_weight_target_is_judged_on_the_heaviest_page_as_sent(bench: Bench) -> None:
    """The bar counts bytes as a host sends them (gzip), over every page, and names the heaviest."""
    _, results, _ = bench
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
