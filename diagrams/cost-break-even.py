"""The worked cost example of "Is it cheaper?": a function's bill and a server's, as traffic grows."""

from _costs import LEVELS, SERVER_PER_MONTH, caption, crossing, describe, function_cost, requests_for, table
from _style import Axis, Line, Point, chart, plot

CAPTION = caption()
ALT = "Chart: cost a month against requests a month, for a function and for an always-on server."
DESCRIPTION = describe()
TABLE = table()

LOWEST, HIGHEST = 10_000, 100_000_000
TOP = 10 * (int(max(function_cost(LEVELS[-1].requests), SERVER_PER_MONTH) * 1.2) // 10 + 1)
REQUESTS = [LOWEST * 10 ** (step / 8) for step in range(33)]  # eight points a power of ten
TICKS = {10**power: f"{10**power:,}".replace(",000,000", "M").replace(",000", "k") for power in range(4, 9)}
# The function's line, up to where it leaves the top of the chart.
function_line = [(requests, function_cost(requests)) for requests in REQUESTS if requests < requests_for(TOP)]
function_line.append((requests_for(TOP), TOP))

with chart():
    plot(
        x=Axis("Requests a month", LOWEST, HIGHEST, TICKS, log=True),
        y=Axis("Cost a month", 0, TOP, {value: f"${value}" for value in range(0, TOP + 1, 10)}),
        lines=[
            Line("Function", "provider", function_line),
            Line("Server", "yours", [(LOWEST, SERVER_PER_MONTH), (HIGHEST, SERVER_PER_MONTH)], label_at=0, side="ne"),
        ],
        points=[
            Point("Lines cross", crossing(), SERVER_PER_MONTH, side="nw"),
            *(
                Point(level.name.replace(" ", "\n"), level.requests, function_cost(level.requests))
                for level in LEVELS[:-1]
            ),
            Point(LEVELS[-1].name.replace(" ", "\n"), LEVELS[-1].requests, function_cost(LEVELS[-1].requests), "sw"),
        ],
    )
