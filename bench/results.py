"""The figures of one run: printed as they come, then written to bench/RESULTS.md with the goals' verdicts."""

from __future__ import annotations

import os
import platform
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


def kept_sections(text: str) -> str:
    """The load test's section of RESULTS.md, which a benchmark run leaves as it is."""
    return "\n" + text[text.index(LOAD_HEADING) :] if LOAD_HEADING in text else ""


def record_section(title: str, lines: list[str]) -> None:
    """Write the load test's section of RESULTS.md, leaving the benchmarks' figures as they are."""
    text = RESULTS_FILE.read_text(encoding="utf-8") if RESULTS_FILE.exists() else "# Benchmarks\n"
    before = text[: text.index(LOAD_HEADING)].rstrip() if LOAD_HEADING in text else text.rstrip()
    section = [LOAD_HEADING, "", f"{title}, on {date.today().isoformat()} ({machine()}).", "", *lines, ""]
    RESULTS_FILE.write_text(before + "\n\n" + "\n".join(section), encoding="utf-8")


def machine() -> str:
    load = ", ".join(f"{figure:.1f}" for figure in os.getloadavg())
    python = f"{platform.python_implementation()} {platform.python_version()}"
    return f"{os.cpu_count()} cores, load average {load} at the end, {python}"


def milliseconds(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def measures(count: int) -> str:
    return f"{count:,} measures"
