"""One small web API, billed two ways: the prices and assumptions of the worked cost example, in one place.

The figure `cost-break-even` draws its chart, caption, description and table from
what is here, so a changed price moves the crossing point everywhere at once.
Each price is the provider's, in US dollars, as docs/is-it-cheaper.md's
footnotes cite it with the day it was checked.
"""

from __future__ import annotations

from dataclasses import dataclass

from _style import markdown_table

# AWS Lambda, its usual kind of function (Event Functions), x86, on demand in US East (N. Virginia):
# "How AWS Pricing Works". The free allowance is per account, shared by all its functions.
PRICE_PER_MILLION_REQUESTS = 0.20
PRICE_PER_GB_SECOND = 0.00001667
FREE_REQUESTS = 1_000_000  # each month
FREE_GB_SECONDS = 400_000  # each month
# The always-on server: an Amazon Lightsail Linux plan with 2 GB of memory, 2 vCPUs and a public IPv4 address,
# a fixed price a month.
SERVER_PER_MONTH = 12.00
SERVER = "a Lightsail server with 2 GB of memory"

# The web API: memory given to the function, and how long it runs for each request.
MEMORY_GB = 0.5
SECONDS_PER_REQUEST = 0.1


TIMES = "\N{MULTIPLICATION SIGN}"  # in the table's sums, the sign readers know from arithmetic


@dataclass(frozen=True)
class Level:
    name: str
    requests: int  # a month


LEVELS = [
    Level("Hobby project", 50_000),
    Level("Small business", 2_000_000),
    Level("Busy service", 30_000_000),
]


def billed_requests(requests: float) -> float:
    return max(0.0, requests - FREE_REQUESTS)


def gb_seconds(requests: float) -> float:
    return requests * MEMORY_GB * SECONDS_PER_REQUEST


def billed_gb_seconds(requests: float) -> float:
    return max(0.0, gb_seconds(requests) - FREE_GB_SECONDS)


def function_cost(requests: float) -> float:
    """The function's bill for a month of `requests`, in dollars."""
    return (
        billed_requests(requests) / 1_000_000 * PRICE_PER_MILLION_REQUESTS
        + billed_gb_seconds(requests) * PRICE_PER_GB_SECOND
    )


def requests_for(cost: float) -> float:
    """The requests a month that make the function's bill `cost`: the bill only grows, so halve the gap."""
    low, high = 0.0, 1.0
    while function_cost(high) < cost:
        high *= 2
    for _ in range(100):
        middle = (low + high) / 2
        low, high = (middle, high) if function_cost(middle) < cost else (low, middle)
    return high


def crossing() -> float:
    """The requests a month at which the function's bill reaches the server's."""
    return requests_for(SERVER_PER_MONTH)


def dollars(amount: float) -> str:
    return f"${amount:,.2f}"


def count(number: float) -> str:
    return f"{round(number):,}"


def millions(number: float) -> str:
    """`18,256,410` → "18.3 million", `2,000,000` → "2 million"; below a million, the number itself."""
    return f"{number / 1_000_000:.1f}".removesuffix(".0") + " million" if number >= 1_000_000 else count(number)


def caption() -> str:
    return (
        f"The function costs less up to about {millions(crossing())} requests a month; "
        f"beyond that, {SERVER} at {dollars(SERVER_PER_MONTH)} a month costs less."
    )


def for_requests(requests: float) -> str:
    return dollars(billed_requests(requests) / 1_000_000 * PRICE_PER_MILLION_REQUESTS)


def for_memory(requests: float) -> str:
    return dollars(billed_gb_seconds(requests) * PRICE_PER_GB_SECOND)


def table() -> str:
    """The arithmetic at each level, row by row, so that a reader can redo it with their own numbers."""
    mb = round(MEMORY_GB * 1024)
    ms = round(SECONDS_PER_REQUEST * 1000)
    rows = {
        "Requests a month": [count(level.requests) for level in LEVELS],
        f"Requests billed, after {count(FREE_REQUESTS)} free": [
            count(billed_requests(level.requests)) for level in LEVELS
        ],
        f"{TIMES} {dollars(PRICE_PER_MILLION_REQUESTS)} per million": [
            for_requests(level.requests) for level in LEVELS
        ],
        f"GB-seconds: requests {TIMES} {MEMORY_GB:g} GB ({mb} MB) {TIMES} {SECONDS_PER_REQUEST:g} s ({ms} ms)": [
            count(gb_seconds(level.requests)) for level in LEVELS
        ],
        f"GB-seconds billed, after {count(FREE_GB_SECONDS)} free": [
            count(billed_gb_seconds(level.requests)) for level in LEVELS
        ],
        f"{TIMES} ${PRICE_PER_GB_SECOND:.10f}".rstrip("0") + " per GB-second": [
            for_memory(level.requests) for level in LEVELS
        ],
        "**Function, a month**: the two sums added": [
            f"{for_requests(requests)} + {for_memory(requests)} = **{dollars(function_cost(requests))}**"
            for requests in (level.requests for level in LEVELS)
        ],
        "**Server, a month**": [f"**{dollars(SERVER_PER_MONTH)}**" for _ in LEVELS],
    }
    return markdown_table("Step of the sum", [level.name for level in LEVELS], rows)


def describe() -> str:
    """The chart in words: what it assumes, the two lines, where the function's bends and where they cross."""
    memory_out = FREE_GB_SECONDS / (MEMORY_GB * SECONDS_PER_REQUEST)
    text = (
        f"The function is given {round(MEMORY_GB * 1024)} MB of memory and runs for "
        f"{round(SECONDS_PER_REQUEST * 1000)} ms for each request; the server is {SERVER}, always on. "
        "The chart shows the cost of a month against the requests of a month, on a scale where each step "
        "along the bottom is ten times the one before.\n\n"
        f"The server's line is flat at {dollars(SERVER_PER_MONTH)}, busy or idle. The function's line stays at "
        f"{dollars(0)} while the free allowances cover the month. It rises slowly beyond "
        f"{millions(FREE_REQUESTS)} requests, when requests start to be billed, and steeply beyond "
        f"{millions(memory_out)}, when the free GB-seconds run out too. The lines cross at about "
        f"{millions(crossing())} requests a month.\n\n"
    )
    for level in LEVELS:
        cheaper = "the function" if function_cost(level.requests) < SERVER_PER_MONTH else "the server"
        text += (
            f"- **{level.name}**, {millions(level.requests)} requests a month: the function costs "
            f"{dollars(function_cost(level.requests))} and the server {dollars(SERVER_PER_MONTH)}, "
            f"so {cheaper} is cheaper.\n"
        )
    return text
