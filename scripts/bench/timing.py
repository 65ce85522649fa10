"""Time whole commands against each other in interleaved rounds, for the benchmark.

Each round runs every command once, in an order that rotates from round to
round, so a machine that speeds up or slows down during the benchmark (other
jobs on the same cores) weighs on every command alike, and ratios can be taken
pair by pair within a round. Wall time is measured around the process; CPU
time (user + system) and peak memory come from the kernel's accounting of the
finished process (`wait4`): CPU time summed over the command and the children
it waited for, peak memory (`ru_maxrss`) the largest single process among them.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from scripts.shared.project import mkdocs_environment


@dataclass(frozen=True)
class Command:
    """A command to time; `prepare` runs before every run, untimed (e.g. emptying a cache)."""

    argv: Sequence[str]
    cwd: Path
    prepare: Callable[[], None] | None = None
    env: dict[str, str] = field(default_factory=mkdocs_environment)


@dataclass(frozen=True)
class Sample:
    seconds: float
    cpu_seconds: float  # user + system, of the command and its children: less sensitive to a busy machine
    peak_rss_mib: float


@dataclass(frozen=True)
class Spread:
    """The median to quote, with the minimum and maximum to show how noisy the runs were."""

    median: float
    min: float
    max: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Spread:
        return cls(statistics.median(values), min(values), max(values))

    def __str__(self) -> str:
        return f"{self.median:.3f} ({self.min:.3f}-{self.max:.3f})"


class CommandFailedError(RuntimeError):
    pass


def run_once(command: Command) -> Sample:
    """Run `command` to the end and measure it; a failing command stops the benchmark with its output."""
    if command.prepare is not None:
        command.prepare()
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(command.argv, cwd=command.cwd, env=command.env, stdout=output, stderr=output)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4, so Popen must not wait again
        if process.returncode != 0:
            output.seek(0)
            printed = output.read().decode(errors="replace")
            raise CommandFailedError(f"{' '.join(command.argv)} in {command.cwd} failed:\n{printed}")
    return Sample(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)  # ru_maxrss is in KiB on Linux


def interleave(commands: dict[str, Command], runs: int, warmup: int = 1) -> dict[str, list[Sample]]:
    """`runs` counted rounds (after `warmup` uncounted ones) of every command, in rotating order."""
    names = list(commands)
    samples: dict[str, list[Sample]] = {name: [] for name in names}
    for round_number in range(warmup + runs):
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            sample = run_once(commands[name])
            if round_number >= warmup:
                samples[name].append(sample)
    return samples


def seconds(samples: Sequence[Sample]) -> Spread:
    return Spread.of([s.seconds for s in samples])


def cpu(samples: Sequence[Sample]) -> Spread:
    return Spread.of([s.cpu_seconds for s in samples])


def memory(samples: Sequence[Sample]) -> Spread:
    return Spread.of([s.peak_rss_mib for s in samples])


def paired(
    samples_a: Sequence[Sample],
    samples_b: Sequence[Sample],
    combine: Callable[[float, float], float],
    figure: str = "seconds",
) -> Spread:
    """`combine(a, b)` of one figure (wall `seconds`, or `cpu_seconds`) for each round's pair of runs."""
    pairs = zip(samples_a, samples_b, strict=True)
    return Spread.of([combine(getattr(a, figure), getattr(b, figure)) for a, b in pairs])
