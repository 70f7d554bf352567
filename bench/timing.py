"""Timing and query counting: each figure is the median of several runs after one to warm up."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.test.utils import CaptureQueriesContext


@dataclass(frozen=True)
class Timed:
    seconds: float  # the median
    queries: int  # in one run (the same in every run)


def timed(work: Callable[[], object], *, repeats: int = 5, warm_up: bool = True) -> Timed:
    if warm_up:
        work()
    with CaptureQueriesContext(connection) as captured:
        work()
    queries = len(captured.captured_queries)  # now: the next request clears the log
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return Timed(statistics.median(times), queries)


def once(work: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def medians(works: dict[str, Callable[[], object]], *, repeats: int, warm_up: bool = True) -> dict[str, float]:
    """Each piece of work timed in turn, round after round, so that a busy machine slows them alike."""
    for work in works.values() if warm_up else ():
        work()
    times: dict[str, list[float]] = {name: [] for name in works}
    for _ in range(repeats):
        for name, work in works.items():
            started = time.perf_counter()
            work()
            times[name].append(time.perf_counter() - started)
    return {name: statistics.median(found) for name, found in times.items()}
