"""The benchmark's command line, `python -m scripts.bench` (`make bench`): its --help is the package's docstring.

The report is Markdown: printed, and added to the job's summary when GitHub Actions runs it ($GITHUB_STEP_SUMMARY).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

from scripts import bench
from scripts.bench.projects import empty_cache, make_generated, make_static_baseline, snapshot_package
from scripts.bench.report import (
    Row,
    check_targets,
    per_diagram,
    ratio_to,
    serve_rows,
    table,
    timed_row,
    weight_rows,
)
from scripts.bench.serve import measure
from scripts.bench.timing import Command, Sample, Spread, interleave, run_once
from scripts.bench.weight import weigh
from scripts.shared.project import ROOT, copy_project
from scripts.shared.summary import publish

MKDOCS_BUILD = [str(Path(sys.executable).parent / "mkdocs"), "build", "--strict"]
DRAW_ONE_AFTER_ANOTHER = 'for f in stack-*.py; do "$0" -m drawn_figures.draw "$f" diagrams >/dev/null || exit 1; done'


def diagram_count(project: Path) -> int:
    return sum(1 for path in project.joinpath("diagrams").glob("*.py") if not path.name.startswith("_"))


def build_rows(scratch: Path, runs: int, warmup: int) -> tuple[list[Row], dict[str, list[Sample]], int]:
    cold, warm = copy_project(scratch / "cold"), copy_project(scratch / "warm")
    run_once(Command(MKDOCS_BUILD, warm))  # fills the cache, and draws the SVGs the baseline shows
    baseline = make_static_baseline(warm, scratch / "baseline")
    samples = interleave(
        {
            "baseline": Command(MKDOCS_BUILD, baseline),
            "cold": Command(MKDOCS_BUILD, cold, prepare=functools.partial(empty_cache, cold)),
            "warm": Command(MKDOCS_BUILD, warm),
        },
        runs,
        warmup,
    )
    drawn = diagram_count(cold)
    base = samples["baseline"]
    rows = [
        timed_row("baseline build (static images, no figures step)", base),
        timed_row(
            f"cold build ({drawn} diagrams drawn) / baseline",
            samples["cold"],
            ratio_to(samples["cold"], base),
            f"extra s per diagram: {per_diagram(samples['cold'], base, drawn)}; "
            f"extra CPU s per diagram: {per_diagram(samples['cold'], base, drawn, 'cpu_seconds')}; "
            f"extra s per diagram over the warm build: {per_diagram(samples['cold'], samples['warm'], drawn)}",
        ),
        timed_row(
            "warm build / baseline",
            samples["warm"],
            ratio_to(samples["warm"], base),
            f"CPU time ratio: {ratio_to(samples['warm'], base, 'cpu_seconds')}",
        ),
    ]
    return rows, samples, drawn


def scale_rows(scratch: Path, sizes: list[int], runs: int, warmup: int) -> tuple[list[Row], dict[int, Spread]]:
    rows, parallel = [], {}
    for size in sizes:
        cold = make_generated(scratch / f"scale-{size}-cold", size)
        warm = make_generated(scratch / f"scale-{size}-warm", size)
        run_once(Command(MKDOCS_BUILD, warm))
        samples = interleave(
            {
                "cold": Command(MKDOCS_BUILD, cold, prepare=functools.partial(empty_cache, cold)),
                "warm": Command(MKDOCS_BUILD, warm),
                "serial": Command(["sh", "-c", DRAW_ONE_AFTER_ANOTHER, sys.executable], warm / "diagrams"),
            },
            runs,
            warmup,
        )
        cold_s, warm_s, serial_s = samples["cold"], samples["warm"], samples["serial"]
        parallel[size] = Spread.of(
            [c.seconds / (w.seconds + s.seconds) for c, w, s in zip(cold_s, warm_s, serial_s, strict=True)]
        )
        drawing_only = Spread.of(
            [(c.seconds - w.seconds) / s.seconds for c, w, s in zip(cold_s, warm_s, serial_s, strict=True)]
        )
        rows += [
            timed_row(
                f"{size} diagrams: cold build",
                cold_s,
                note=f"extra s per diagram over warm: {per_diagram(cold_s, warm_s, size)}; "
                f"cores busy (CPU s / wall s): {Spread.of([c.cpu_seconds / c.seconds for c in cold_s])}",
            ),
            timed_row(f"{size} diagrams: warm build", warm_s),
            timed_row(f"{size} diagrams: drawn one after another", serial_s),
            Row(
                f"{size} diagrams: cold / (warm + one after another)",
                ratio=parallel[size],
                note=f"drawing only, (cold - warm) / one after another: {drawing_only}",
            ),
        ]
    return rows, parallel


def sizes(text: str) -> list[int]:
    """`--sizes 1,10,50` as numbers."""
    try:
        return [int(size) for size in text.split(",") if size]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a list of whole numbers, e.g. 1,10,50") from None


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.bench", description=bench.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5, help="counted rounds of each timed build (default 5)")
    parser.add_argument("--warmup", type=int, default=1, help="uncounted rounds first (default 1)")
    parser.add_argument("--sizes", type=sizes, default=[1, 10, 50], help="generated diagram counts (default 1,10,50)")
    parser.add_argument(
        "--serve-runs",
        type=int,
        default=9,
        help="saves of each kind under mkdocs serve (default 9: MkDocs looks for changes every 0.5 s, "
        "so each save waits 0-0.5 s before the rebuild starts, and more saves steady the median)",
    )
    parser.add_argument("--json", type=Path, default=ROOT / ".cache/bench/results.json", help="where to write the JSON")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        scratch = Path(folder)
        package = snapshot_package(scratch / "package")
        # The snapshot alone: a PYTHONPATH this was started with (the tests' root, say) would put other
        # metadata, such as a stale egg-info of the package, beside the installed entry points.
        os.environ["PYTHONPATH"] = str(package)
        rows, builds, drawn = build_rows(scratch, args.runs, args.warmup)
        latency = measure(copy_project(scratch / "serve"), args.serve_runs)
        weights = weigh(scratch / "warm" / "site")
        grown, parallel = scale_rows(scratch, args.sizes, args.runs, args.warmup)
    load = f"load average (1 min) {load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end"
    rows += [
        *serve_rows(latency),
        *weight_rows(weights),
        *grown,
        Row(f"machine: {len(os.sched_getaffinity(0))} cores", note=load),
    ]
    targets = check_targets(builds, drawn, latency, weights, parallel)
    publish("Benchmark", table(rows, targets))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    results = {
        "cores": len(os.sched_getaffinity(0)),
        "runs": args.runs,
        "rows": [asdict(row) for row in rows],
        "builds": {name: [asdict(s) for s in samples] for name, samples in builds.items()},
        "serve": asdict(latency),
        "page_weight": [asdict(weight) for weight in weights],
        "targets": [asdict(target) for target in targets],
    }
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nJSON: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
