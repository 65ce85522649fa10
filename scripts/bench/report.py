"""What the benchmark reports: its rows, the project's targets met or missed, as one Markdown table."""

from __future__ import annotations

from dataclasses import dataclass

from scripts.bench.serve import ServeLatency
from scripts.bench.timing import Sample, Spread, cpu, memory, paired, seconds
from scripts.bench.weight import PageWeight

FIRST_VISIT_BUDGET = 400_000  # bytes as a host sends them, the way page weight is commonly counted
DIAGRAM_BUDGET = 40_000  # bytes of one figure's markup in the page


@dataclass(frozen=True)
class Row:
    name: str
    seconds: Spread | None = None
    ratio: Spread | None = None
    cpu_seconds: Spread | None = None
    peak_rss_mib: Spread | None = None
    note: str = ""


@dataclass(frozen=True)
class Target:
    goal: str
    measured: str
    met: bool


def timed_row(name: str, samples: list[Sample], ratio: Spread | None = None, note: str = "") -> Row:
    return Row(name, seconds(samples), ratio, cpu(samples), memory(samples), note)


def ratio_to(samples: list[Sample], base: list[Sample], figure: str = "seconds") -> Spread:
    return paired(samples, base, lambda a, b: a / b, figure)


def per_diagram(samples: list[Sample], base: list[Sample], drawn: int, figure: str = "seconds") -> Spread:
    """What each of `drawn` diagrams adds to `base`, round by round."""
    return paired(samples, base, lambda a, b: (a - b) / drawn, figure)


def serve_rows(latency: ServeLatency) -> list[Row]:
    gap = latency.gap_ms()
    return [
        Row("mkdocs serve: save a Markdown page -> page served", Spread.of(latency.markdown_seconds)),
        Row(
            "mkdocs serve: save a diagram file -> new picture served",
            Spread.of(latency.diagram_seconds),
            latency.ratio(),
            note=f"diagrams redrawn per save: {latency.drawn_per_diagram_save}; ratio to the Markdown save; "
            f"gap to it, ms: {gap.median:.0f} ({gap.min:.0f} to {gap.max:.0f})",
        ),
    ]


def kilobytes(size: int) -> str:
    return f"{size / 1000:.1f} KB"


def weight_rows(weights: list[PageWeight]) -> list[Row]:
    return [
        Row(
            f"page weight {weight.page}",
            note=f"HTML {kilobytes(weight.html_bytes)}; diagrams "
            + ", ".join(f"{name} {kilobytes(size)}" for name, size in weight.diagram_bytes.items())
            + f"; first visit: {weight.requests} requests, {kilobytes(weight.total_bytes)} as files, "
            f"{kilobytes(weight.total_gzip_bytes)} as sent (gzip)",
        )
        for weight in weights
    ]


def weight_targets(weights: list[PageWeight]) -> list[Target]:
    """The page-weight targets, over every page: the heaviest first visit, and the largest diagram."""
    heaviest = max(weights, key=lambda weight: weight.total_gzip_bytes)
    largest, name, page = max(
        ((size, name, weight.page) for weight in weights for name, size in weight.diagram_bytes.items()),
        default=(0, "none", ""),
    )
    return [
        Target(
            "a first visit to any page <= 400 KB, counted as a host sends it (gzip)",
            f"heaviest {heaviest.page}: {kilobytes(heaviest.total_gzip_bytes)} as sent "
            f"({kilobytes(heaviest.total_bytes)} as files)",
            heaviest.total_gzip_bytes <= FIRST_VISIT_BUDGET,
        ),
        Target(
            "each diagram <= 40 KB",
            f"largest {kilobytes(largest)} ({name} on {page})",
            largest <= DIAGRAM_BUDGET,
        ),
    ]


def build_targets(builds: dict[str, list[Sample]], drawn: int) -> list[Target]:
    warm_ratio = ratio_to(builds["warm"], builds["baseline"]).median
    warm_cpu_ratio = ratio_to(builds["warm"], builds["baseline"], "cpu_seconds").median
    extra = per_diagram(builds["cold"], builds["baseline"], drawn).median
    extra_cpu = per_diagram(builds["cold"], builds["baseline"], drawn, "cpu_seconds").median
    over_warm = per_diagram(builds["cold"], builds["warm"], drawn).median
    return [
        Target(
            "warm build <= 1.05 x baseline",
            f"{warm_ratio:.3f} x (CPU time {warm_cpu_ratio:.3f} x)",
            warm_ratio <= 1.05,
        ),
        Target(
            "cold build <= baseline + 0.5 s per diagram",
            f"+{extra:.3f} s per diagram (CPU time +{extra_cpu:.3f} s)",
            extra <= 0.5,
        ),
        Target("cold build <= warm build + 0.05 s per diagram", f"+{over_warm:.3f} s per diagram", over_warm <= 0.05),
    ]


def check_targets(
    builds: dict[str, list[Sample]],
    drawn: int,
    serve: ServeLatency,
    weights: list[PageWeight],
    parallel: dict[int, Spread],
) -> list[Target]:
    serve_ratio = serve.ratio().median
    targets = [
        *build_targets(builds, drawn),
        Target(
            "diagram save <= 1.2 x Markdown save",
            f"{serve_ratio:.2f} x ({serve.gap_ms().median:+.0f} ms)",
            serve_ratio <= 1.2,
        ),
        *weight_targets(weights),
    ]
    if 50 in parallel:
        ratio = parallel[50].median
        targets.append(Target("50 diagrams cold <= 50% of one after another", f"{ratio:.0%}", ratio <= 0.5))
    return targets


def spread_or_blank(spread: Spread | None) -> str:
    return str(spread) if spread is not None else ""


def table(rows: list[Row], targets: list[Target]) -> str:
    """The rows and the targets as Markdown: a table padded to read as well in a terminal, then a list."""
    header = ("row", "wall s: median (min-max)", "ratio: median (min-max)", "CPU s", "peak RSS MiB", "note")
    lines = [
        (
            r.name,
            *(spread_or_blank(spread) for spread in (r.seconds, r.ratio, r.cpu_seconds, r.peak_rss_mib)),
            r.note,
        )
        for r in rows
    ]
    cells = [[cell.replace("|", "\\|") for cell in line] for line in [header, *lines]]
    widths = [max(3, *(len(line[i]) for line in cells)) for i in range(len(header))]
    text = [
        "| " + " | ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)) + " |" for line in cells
    ]
    text.insert(1, "| " + " | ".join("-" * width for width in widths) + " |")
    text += ["", "Targets:", ""]
    text += [f"- {'met' if t.met else '**missed**'}: {t.goal}: {t.measured}" for t in targets]
    return "\n".join(text)
