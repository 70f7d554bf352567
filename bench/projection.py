"""`make bench-projection`: the year-end projection backtested on the NHS A&E monthly series (issue 15 §4).

Every trust's attendances (all its departments, and type 1 major departments on their own) as a count that adds up
over the financial year, 2016/17-2018/19, and four-hour performance from its numerator (attendances seen within
four hours) and denominator (attendances). Each year end is projected from months 3, 6 and 9 with only the years
before it, as an officer would have had them. Printed, and written to bench/RESULTS.md's own section.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from statistics import mean

from bench.results import PROJECTION_HEADING, record_section
from scorecard.performance.patterns import share_of_year, straight_line
from scorecard.performance.projection import Projection, project_percentage, project_year_end

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "nhs-ae" / "ae_attendances.csv"
YEARS = ("2016/17", "2017/18", "2018/19")
ELAPSED = (3, 6, 9)


@dataclass
class Series:
    attendances: list[float]
    seen_in_time: list[float]

    def year(self, index: int, values: list[float]) -> list[float]:
        return values[12 * index : 12 * index + 12]


def read_series(data: Path = DATA) -> dict[str, dict[str, Series]]:
    """{"every trust": {trust: Series}, "type 1": {...}}: only series with all 36 months and attendances each month."""
    months: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    with data.open(newline="", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            for key in ((row["org_code"], "every trust"), (row["org_code"], "type 1")):
                if key[1] == "type 1" and row["type"] != "1":
                    continue
                cell = months[key][row["period"]]
                cell[0] += int(row["attendances"])
                cell[1] += int(row["attendances"]) - int(row["breaches"])
    found: dict[str, dict[str, Series]] = {"every trust": {}, "type 1": {}}
    for (trust, group), by_month in months.items():
        ordered = [by_month[m] for m in sorted(by_month)]
        if len(ordered) == 36 and all(a > 0 for a, _ in ordered):
            found[group][trust] = Series([float(a) for a, _ in ordered], [float(s) for _, s in ordered])
    return found


@dataclass
class Tally:
    chosen: list[float] = field(default_factory=list)
    line: list[float] = field(default_factory=list)
    share: list[float] = field(default_factory=list)  # the share of year, had it been used: why it was not
    inside: list[bool] = field(default_factory=list)
    stated: list[float] = field(default_factory=list)
    methods: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, projection: Projection, line: float, actual: float, error, share: float | None = None) -> None:
        self.chosen.append(error(projection.value, actual))
        self.line.append(error(line, actual))
        if share is not None:
            self.share.append(error(share, actual))
        self.methods[projection.method.value] += 1
        if projection.low is not None:
            self.inside.append(projection.low <= actual <= projection.high)
            self.stated.append(projection.coverage)


def relative(guess: float, actual: float) -> float:
    return abs(guess / actual - 1) * 100


def points(guess: float, actual: float) -> float:
    return abs(guess - actual)


def backtest(series: dict[str, Series]) -> dict[tuple[str, int, int], Tally]:
    tallies: dict[tuple[str, int, int], Tally] = defaultdict(Tally)
    for found in series.values():
        for index in range(len(YEARS)):
            past_a = [found.year(i, found.attendances) for i in range(index)]
            past_s = [found.year(i, found.seen_in_time) for i in range(index)]
            year_a, year_s = found.year(index, found.attendances), found.year(index, found.seen_in_time)
            for elapsed in ELAPSED:
                now_a, now_s = year_a[:elapsed], year_s[:elapsed]
                count = project_year_end(past_a, now_a, "high", periods=12)
                share = mean(share_of_year(now_a, year) for year in past_a) if past_a else None
                tallies["attendances", elapsed, index].add(
                    count, straight_line(now_a, 12), sum(year_a), relative, share
                )
                percentage = project_percentage(past_s, past_a, now_s, now_a, "high", periods=12)
                line = 100 * sum(now_s) / sum(now_a)
                shares = [
                    100 * share_of_year(now_s, s) / share_of_year(now_a, a) for s, a in zip(past_s, past_a, strict=True)
                ]
                share = mean(shares) if shares else None
                tallies["four-hour", elapsed, index].add(
                    percentage, line, 100 * sum(year_s) / sum(year_a), points, share
                )
    return tallies


def lines_for(group: str, tallies: dict[tuple[str, int, int], Tally]) -> list[str]:
    lines = [
        f"**{group}**",
        "",
        "| measure | from month | year end | projected by | error, chosen | error, straight line "
        "| error, share of year | ranges | outcomes inside | stated coverage |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for (measure, elapsed, index), tally in sorted(tallies.items()):
        unit = "%" if measure == "attendances" else " points"
        methods = ", ".join(f"{name} {n}" for name, n in sorted(tally.methods.items()))
        inside = f"{mean(tally.inside):.0%}" if tally.inside else "-"
        stated = f"{mean(tally.stated):.0%}" if tally.stated else "-"
        share = f"{mean(tally.share):.2f}{unit}" if tally.share else "-"
        lines.append(
            f"| {measure} | {elapsed} | {YEARS[index]} | {methods} | {mean(tally.chosen):.2f}{unit} "
            f"| {mean(tally.line):.2f}{unit} | {share} | {len(tally.inside)} | {inside} | {stated} |"
        )
    return lines


def verdicts(tallies_by_group: dict[str, dict[tuple[str, int, int], Tally]]) -> list[str]:
    worse, off = [], []
    for group, tallies in tallies_by_group.items():
        for (measure, elapsed, index), tally in tallies.items():
            where = f"{group}, {measure}, {YEARS[index]} from month {elapsed}"
            if mean(tally.chosen) > mean(tally.line) + 1e-9:
                worse.append(f"{where}: {mean(tally.chosen):.2f} against {mean(tally.line):.2f}")
            if tally.inside and abs(mean(tally.inside) - mean(tally.stated)) > 0.10:
                off.append(f"{where}: {mean(tally.inside):.0%} inside against {mean(tally.stated):.0%} stated")
    return [
        "Goal: the chosen method's error never worse than the straight line's: "
        + ("met." if not worse else "NOT met for " + "; ".join(worse) + "."),
        "",
        "Goal: outcomes inside the stated ranges within 10 percentage points of the stated coverage: "
        + ("met." if not off else "NOT met for " + "; ".join(off) + "."),
    ]


def main() -> None:
    found = read_series()
    tallies = {group: backtest(series) for group, series in found.items()}
    lines = [
        f"Errors are the mean absolute percentage error of the projected year total (attendances) and the mean "
        f"absolute error in percentage points (four-hour performance); {len(found['every trust'])} trusts, "
        f"{len(found['type 1'])} with a type 1 department, each with all 36 months.",
        "",
    ]
    for group, tally in tallies.items():
        lines += [*lines_for(group, tally), ""]
    lines += verdicts(tallies)
    lines += [
        "",
        "With at most two earlier years (2018/19), a pattern can be tested on one year only, so the straight line is "
        "kept (docs/projection.md); the share-of-year column shows what the pattern alone would have done. The goal "
        '"lower where the series is seasonal" cannot be shown on three years of this data: it needs a fourth.',
    ]
    print("\n".join(lines), flush=True)
    record_section("NHS A&E monthly series, 2016/17-2018/19, by `make bench-projection`", lines, PROJECTION_HEADING)


if __name__ == "__main__":
    main()
