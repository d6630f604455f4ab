"""Timing the benchmarks share. Each figure they report is a ratio of two timings made in one process."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def run_times(func: Callable[[], object], runs: int) -> list[float]:
    """Seconds taken by each of `runs` calls of `func`."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return times


def median_time(func: Callable[[], object], runs: int) -> float:
    return statistics.median(run_times(func, runs))


def best_time(func: Callable[[], object], runs: int) -> float:
    return min(run_times(func, runs))
