"""The figures of one run: printed as they come, then written to bench/RESULTS.md with the goals' verdicts."""

from __future__ import annotations

import os
import platform
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

RESULTS_FILE = Path(__file__).with_name("RESULTS.md")


@dataclass
class Results:
    rows: list[tuple[str, str, str]] = field(default_factory=list)  # what, scale, figure as shown
    values: dict[tuple, float] = field(default_factory=dict)  # for the goals: (what, measures) → value
    day: str = field(default_factory=lambda: date.today().isoformat())

    def add(self, what: str, scale: str, shown: str, *, key: tuple | None = None, value: float | None = None) -> None:
        self.rows.append((what, scale, shown))
        if key is not None:
            self.values[key] = value
        print(f"{what:<48} {scale:>22} {shown:>16}", flush=True)

    def value(self, *key) -> float | None:
        return self.values.get(key)

    def markdown(self, goals: list[str], scales: list[int]) -> str:
        lines = [
            "# Benchmarks",
            "",
            f"Written by `make bench` on {self.day} ({machine()}), measures at {', '.join(f'{n:,}' for n in scales)}.",
            "Server time is the median of 5 requests made in-process with Django's test client after one to warm up,",
            "as the performance team, against PostgreSQL on this machine; queries are those of one request.",
            "Figures are compared within one run: nothing here fails on a slow machine.",
            "",
            "| what | scale | figure | date |",
            "|---|---|---|---|",
            *(f"| {what} | {scale} | {shown} | {self.day} |" for what, scale, shown in self.rows),
            "",
            "## Goals",
            "",
            *(line for goal in goals for line in (goal, "")),
        ]
        return "\n".join(lines)

    def write(self, goals: list[str], scales: list[int]) -> None:
        kept = kept_sections(RESULTS_FILE.read_text(encoding="utf-8") if RESULTS_FILE.exists() else "")
        RESULTS_FILE.write_text(self.markdown(goals, scales) + kept, encoding="utf-8")
        print(f"Written to {RESULTS_FILE}", flush=True)


LOAD_HEADING = "## Load test"  # written by `make load-test`, kept when `make bench` writes the rest
BULK_HEADING = "## Bulk approval"  # written by `make bench` (or BENCH_ONLY=bulk) on its own
HOSTILE_HEADING = "## Hostile inputs"  # written by `make bench-hostile`
PUBLISHING_HEADING = "## Publishing"  # written by `make bench` (or BENCH_ONLY=publishing) on its own
PROJECTION_HEADING = "## Year-end projection backtest"  # written by `make bench-projection`
COMPARISONS_HEADING = "## Comparator data at national scale"  # written by `make bench-comparisons`
BENCHMARK_COLUMN_HEADING = "## The dashboard's Benchmark column"  # written by `make bench-benchmark-column`
SPC_HEADING = "## SPC columns on the dashboard"  # written by BENCH_ONLY=spc (`make bench-spc`)
KEPT = (
    BULK_HEADING,
    LOAD_HEADING,
    HOSTILE_HEADING,
    PROJECTION_HEADING,
    COMPARISONS_HEADING,
    BENCHMARK_COLUMN_HEADING,
    SPC_HEADING,
    PUBLISHING_HEADING,
)


def sections(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The text before the first second-level heading, and each section (heading, text) in order."""
    parts = re.split(r"(?m)^(?=## )", text)
    return parts[0], [(part.splitlines()[0], part) for part in parts[1:]]


def kept_sections(text: str) -> str:
    """The sections of RESULTS.md written by their own runs (load test, bulk approval, hostile inputs), which a
    benchmark run leaves as they are."""
    kept = [part.rstrip() + "\n" for heading, part in sections(text)[1] if heading in KEPT]
    return "".join("\n" + part for part in kept)


def record_section(title: str, lines: list[str], heading: str = LOAD_HEADING) -> None:
    """Write one section of RESULTS.md (the load test's by default), leaving the rest as it is."""
    replace_section(heading, [heading, "", f"{title}, on {date.today().isoformat()} ({machine()}).", "", *lines, ""])


def replace_section(heading: str, section: list[str]) -> None:
    """Put the section (its lines, the heading first) in place of the one under that heading, or at the end."""
    text = RESULTS_FILE.read_text(encoding="utf-8") if RESULTS_FILE.exists() else "# Benchmarks\n"
    top, found = sections(text)
    written = "\n".join(section)
    replaced = [(name, written if name == heading else part) for name, part in found]
    if heading not in dict(found):
        replaced.append((heading, written))
    parts = [top.rstrip() + "\n", *(part.rstrip() + "\n" for _, part in replaced)]
    RESULTS_FILE.write_text("\n".join(parts), encoding="utf-8")


def machine() -> str:
    load = ", ".join(f"{figure:.1f}" for figure in os.getloadavg())
    python = f"{platform.python_implementation()} {platform.python_version()}"
    return f"{os.cpu_count()} cores, load average {load} at the end, {python}"


def milliseconds(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def measures(count: int) -> str:
    return f"{count:,} measures"
