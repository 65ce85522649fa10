"""Benchmark builds, live reload and page weight, against a baseline measured in the same run.

Run it with `make bench`, or `.venv/bin/python scripts/bench.py [--runs N] [--sizes 1,10,50]
[--serve-runs N] [--json PATH]`. In a scratch folder it builds copies of the
project with a snapshot of the `drawn_figures` package (so that edits made meanwhile
do not change the code measured halfway), and prints one table (and writes the
same figures as JSON, by default to `.cache/bench/results.json`):

1. baseline: the pages built by MkDocs with the diagram step switched off (each
   placeholder replaced by the SVG a normal build drew, as a static image);
2. cold build (empty diagram cache) and warm build (everything cached), with
   their ratios to the baseline, taken round by round;
3. `mkdocs serve`: from saving a Markdown page, and from saving a diagram file,
   to the served page showing the change; how many diagrams each diagram save redrew;
4. page weight of each page on a first visit, as headless Chromium fetches it;
5. scaling: 1, 10 and 50 generated diagrams, cold and warm, time and peak
   memory, against drawing the same diagrams one after another.

Timed commands run in interleaved rounds (see `bench_timing`) because the
machine may be busy with other work; each figure is the median with the minimum
and maximum. Then each target of the project is checked and said met or missed.
The exit status is 0 whether or not targets are met: it is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from bench_projects import ROOT, copy_project, empty_cache, make_generated, make_static_baseline, snapshot_package
from bench_serve import ServeLatency, measure
from bench_timing import Command, Sample, Spread, cpu, interleave, memory, paired, run_once, seconds
from bench_weight import PageWeight, weigh

MKDOCS_BUILD = [str(Path(sys.executable).parent / "mkdocs"), "build", "--strict"]
DRAW_ONE_AFTER_ANOTHER = 'for f in stack-*.py; do "$0" -m drawn_figures.draw "$f" diagrams >/dev/null || exit 1; done'


@dataclass(frozen=True)
class Row:
    name: str
    seconds: Spread | None = None
    ratio: Spread | None = None
    cpu_seconds: Spread | None = None
    peak_rss_mib: Spread | None = None
    note: str = ""


def timed_row(name: str, samples: list[Sample], ratio: Spread | None = None, note: str = "") -> Row:
    return Row(name, seconds(samples), ratio, cpu(samples), memory(samples), note)


def ratio_to(samples: list[Sample], base: list[Sample], figure: str = "seconds") -> Spread:
    return paired(samples, base, lambda a, b: a / b, figure)


@dataclass(frozen=True)
class Target:
    goal: str
    measured: str
    met: bool


def diagram_count(project: Path) -> int:
    return sum(1 for path in project.joinpath("diagrams").glob("*.py") if not path.name.startswith("_"))


def build_rows(scratch: Path, runs: int, warmup: int) -> tuple[list[Row], dict[str, list[Sample]], int]:
    cold, warm = copy_project(scratch / "cold"), copy_project(scratch / "warm")
    run_once(Command(MKDOCS_BUILD, warm))  # fills the cache, and draws the SVGs the baseline shows
    baseline = make_static_baseline(warm, scratch / "baseline")
    samples = interleave(
        {
            "baseline": Command(MKDOCS_BUILD, baseline),
            "cold": Command(MKDOCS_BUILD, cold, prepare=lambda: empty_cache(cold)),
            "warm": Command(MKDOCS_BUILD, warm),
        },
        runs,
        warmup,
    )
    drawn = diagram_count(cold)
    base = samples["baseline"]
    cold_extra = paired(samples["cold"], base, lambda a, b: (a - b) / drawn)
    cold_extra_cpu = paired(samples["cold"], base, lambda a, b: (a - b) / drawn, "cpu_seconds")
    over_warm = paired(samples["cold"], samples["warm"], lambda a, b: (a - b) / drawn)
    rows = [
        timed_row("baseline build (static images, no figures step)", base),
        timed_row(
            f"cold build ({drawn} diagrams drawn) / baseline",
            samples["cold"],
            ratio_to(samples["cold"], base),
            f"extra s per diagram: {cold_extra}; extra CPU s per diagram: {cold_extra_cpu}; "
            f"extra s per diagram over the warm build: {over_warm}",
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
                "cold": Command(MKDOCS_BUILD, cold, prepare=lambda cold=cold: empty_cache(cold)),
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
                note="extra s per diagram over warm: "
                + str(paired(cold_s, warm_s, lambda a, b, size=size: (a - b) / size))
                + "; cores busy (CPU s / wall s): "
                + str(Spread.of([c.cpu_seconds / c.seconds for c in cold_s])),
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


def serve_rows(latency: ServeLatency) -> list[Row]:
    pairs = list(zip(latency.diagram_seconds, latency.markdown_seconds, strict=True))
    ratio = Spread.of([d / m for d, m in pairs])
    gap = Spread.of([(d - m) * 1000 for d, m in pairs])
    rows = [
        Row("mkdocs serve: save a Markdown page -> page served", Spread.of(latency.markdown_seconds)),
        Row(
            "mkdocs serve: save a diagram file -> new picture served",
            Spread.of(latency.diagram_seconds),
            ratio,
            note=f"diagrams redrawn per save: {latency.drawn_per_diagram_save}; ratio to the Markdown save; "
            f"gap to it, ms: {gap.median:.0f} ({gap.min:.0f} to {gap.max:.0f})",
        ),
    ]
    return rows


def weight_rows(weights: list[PageWeight]) -> list[Row]:
    return [
        Row(
            f"page weight {weight.page}",
            note=(
                f"HTML {weight.html_bytes / 1000:.1f} KB; diagrams "
                + ", ".join(f"{name} {size / 1000:.1f} KB" for name, size in weight.diagram_bytes.items())
                + f"; first visit: {weight.requests} requests, {weight.total_bytes / 1000:.1f} KB "
                f"({weight.total_gzip_bytes / 1000:.1f} KB gzip)"
            ),
        )
        for weight in weights
    ]


def check_targets(
    builds: dict[str, list[Sample]],
    drawn: int,
    serve: ServeLatency,
    home: PageWeight,
    parallel: dict[int, Spread],
) -> list[Target]:
    warm_ratio = ratio_to(builds["warm"], builds["baseline"])
    warm_cpu_ratio = ratio_to(builds["warm"], builds["baseline"], "cpu_seconds")
    extra = paired(builds["cold"], builds["baseline"], lambda a, b: (a - b) / drawn)
    extra_cpu = paired(builds["cold"], builds["baseline"], lambda a, b: (a - b) / drawn, "cpu_seconds")
    over_warm = paired(builds["cold"], builds["warm"], lambda a, b: (a - b) / drawn)
    pairs = list(zip(serve.diagram_seconds, serve.markdown_seconds, strict=True))
    serve_ratio = Spread.of([d / m for d, m in pairs]).median
    serve_gap_ms = Spread.of([(d - m) * 1000 for d, m in pairs]).median
    largest = max(home.diagram_bytes.values(), default=0)
    targets = [
        Target(
            "warm build <= 1.05 x baseline",
            f"{warm_ratio.median:.3f} x (CPU time {warm_cpu_ratio.median:.3f} x)",
            warm_ratio.median <= 1.05,
        ),
        Target(
            "cold build <= baseline + 0.5 s per diagram",
            f"+{extra.median:.3f} s per diagram (CPU time +{extra_cpu.median:.3f} s)",
            extra.median <= 0.5,
        ),
        Target(
            "cold build <= warm build + 0.05 s per diagram",
            f"+{over_warm.median:.3f} s per diagram",
            over_warm.median <= 0.05,
        ),
        Target(
            "diagram save <= 1.2 x Markdown save",
            f"{serve_ratio:.2f} x ({serve_gap_ms:+.0f} ms)",
            serve_ratio <= 1.2,
        ),
        Target("home page first visit <= 400 KB", f"{home.total_bytes / 1000:.1f} KB", home.total_bytes <= 400_000),
        Target("each diagram <= 40 KB", f"largest {largest / 1000:.1f} KB", largest <= 40_000),
    ]
    if 50 in parallel:
        ratio = parallel[50].median
        targets.append(Target("50 diagrams cold <= 50% of one after another", f"{ratio:.0%}", ratio <= 0.5))
    return targets


def spread_or_blank(spread: Spread | None) -> str:
    return str(spread) if spread is not None else ""


def table(rows: list[Row], targets: list[Target]) -> str:
    header = ("row", "wall s: median (min-max)", "ratio: median (min-max)", "CPU s", "peak RSS MiB", "note")
    lines = [
        (
            r.name,
            *(spread_or_blank(spread) for spread in (r.seconds, r.ratio, r.cpu_seconds, r.peak_rss_mib)),
            r.note,
        )
        for r in rows
    ]
    widths = [max(len(line[i]) for line in [header, *lines]) for i in range(len(header))]
    text = [
        " | ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in [header, *lines]
    ]
    text.insert(1, "-" * max(len(line) for line in text))
    text += ["", "targets:"]
    text += [f"  {'met   ' if t.met else 'MISSED'} {t.goal}: {t.measured}" for t in targets]
    return "\n".join(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="counted rounds of each timed build (default 5)")
    parser.add_argument("--warmup", type=int, default=1, help="uncounted rounds first (default 1)")
    parser.add_argument("--sizes", default="1,10,50", help="generated diagram counts (default 1,10,50)")
    parser.add_argument(
        "--serve-runs",
        type=int,
        default=9,
        help="saves of each kind under mkdocs serve (default 9: MkDocs looks for changes every 0.5 s, "
        "so each save waits 0-0.5 s before the rebuild starts, and more saves steady the median)",
    )
    parser.add_argument("--json", type=Path, default=ROOT / ".cache/bench/results.json", help="where to write JSON")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size]
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        scratch = Path(folder)
        package = snapshot_package(scratch / "package")
        os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(package), os.environ.get("PYTHONPATH")]))
        rows, builds, drawn = build_rows(scratch, args.runs, args.warmup)
        latency = measure(copy_project(scratch / "serve"), args.serve_runs)
        more_rows = serve_rows(latency)
        weights = weigh(scratch / "warm" / "site")
        grown, parallel = scale_rows(scratch, sizes, args.runs, args.warmup)
    load = f"load average (1 min) {load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end"
    rows += [
        *more_rows,
        *weight_rows(weights),
        *grown,
        Row(f"machine: {len(os.sched_getaffinity(0))} cores", note=load),
    ]
    home = next(weight for weight in weights if weight.page == "/")
    targets = check_targets(builds, drawn, latency, home, parallel)
    print(table(rows, targets))
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
