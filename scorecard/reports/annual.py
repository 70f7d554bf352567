"""Annual performance results (001): the summary tables, then pledge → priority → actions and measures."""

from __future__ import annotations

from dataclasses import dataclass

from scorecard.accounts.permissions import PUBLIC_SIGHT, WorkingSight
from scorecard.council.models import FinancialYear, OrganisationSettings, Period
from scorecard.council.models import Priority as PriorityModel
from scorecard.performance.bands import Band, bands, met_words
from scorecard.performance.status import Status
from scorecard.reports.common import (
    BENCHMARK_HEADING,
    Cell,
    Masthead,
    Table,
    benchmark_cell,
    figure_cell,
    masthead,
    status_cell,
    text,
)
from scorecard.reports.figures import Figure
from scorecard.reports.rows import MeasureRow, measure_rows, revised_note, with_benchmarks
from scorecard.reports.summary import YearSummary, year_summary

DETAIL_COLUMNS = [
    "Pledge",
    "Priority",
    "Measure or action",
    "Previous year actual",
    "Q4 outturn",
    "Q4 status",
    "Year-end target",
    "Direction of travel",
]


@dataclass(frozen=True)
class Priority:
    name: str
    actions: list[MeasureRow]
    measures: list[MeasureRow]

    @property
    def sections(self) -> list[tuple[str, list[MeasureRow]]]:
        """Actions first, then scorecard measures, as 001 lays them out."""
        named = [("Council Plan actions", self.actions), ("Council Scorecard measures", self.measures)]
        return [(name, rows) for name, rows in named if rows]


@dataclass(frozen=True)
class Pledge:
    name: str
    priorities: list[Priority]


@dataclass(frozen=True)
class AnnualResults:
    masthead: Masthead
    year: str
    previous_year: str
    summary: YearSummary
    earlier: list[YearSummary]  # the years before, newest first, where the data holds them
    pledges: list[Pledge]
    bands: list[Band]  # the council's bands, in words
    benchmarked: bool = False  # a Benchmark column: the organisation shows one and a measure has a benchmark
    last_period: str = "Q4"  # the year's last period, whose figures are its outturn: "March" in a monthly year

    benchmark_heading = BENCHMARK_HEADING

    @property
    def revised_note(self) -> str:
        sections = [rows for pledge in self.pledges for priority in pledge.priorities for _, rows in priority.sections]
        return revised_note([row for rows in sections for row in rows])

    @property
    def has_blue(self) -> bool:
        return any(band.status is Status.BLUE for band in self.bands)

    @property
    def summaries(self) -> list[YearSummary]:
        return [self.summary, *self.earlier]

    def tables(self) -> list[Table]:
        return [self.detail_table(), self.pledge_table(), self.traffic_light_table(), self.direction_table()]

    def detail_table(self) -> Table:
        rows = [
            detail_row(pledge.name, priority.name, row) + ([benchmark_cell(row)] if self.benchmarked else [])
            for pledge in self.pledges
            for priority in pledge.priorities
            for row in priority.actions + priority.measures
        ]
        columns = [*DETAIL_COLUMNS, *([BENCHMARK_HEADING] if self.benchmarked else [])]
        columns[3] = f"{self.previous_year} actual"
        columns[4:6] = [f"{self.last_period} outturn", f"{self.last_period} status"]
        return Table(f"Performance results {self.year}", columns, rows)

    def pledge_table(self) -> Table:
        columns = ["Council Plan pledge", "% met or exceeded target / on track or completed", "% improvement"]
        rows = [
            [text(row.pledge), text(percent_text(row.percent_met)), text(percent_text(row.percent_improved))]
            for row in [*self.summary.pledges, self.summary.overall]
        ]
        return Table("Performance summary by pledge", columns, rows)

    def traffic_light_table(self) -> Table:
        columns = ["Traffic light status", *(f"Performance against target {s.year}" for s in self.summaries)]
        results = {band.status: band.result for band in self.bands}
        lines = [
            (met_words(self.bands), "met"),
            (f"Amber – {results[Status.AMBER]}", "amber"),
            (f"Red – {results[Status.RED]}", "red"),
        ]
        rows = [
            [text(label), *(text(f"{getattr(s.traffic_lights, name)}%") for s in self.summaries)]
            for label, name in lines
        ]
        return Table("Traffic light status", columns, rows)

    def direction_table(self) -> Table:
        columns = ["Direction of travel", *(f"{s.year} compared with the year before" for s in self.summaries)]
        lines = [("Improved", "improved"), ("Same / planned", "same_or_planned"), ("Deteriorated", "deteriorated")]
        rows = [
            [text(label), *(text(f"{getattr(s.directions, name)}%") for s in self.summaries)] for label, name in lines
        ]
        return Table("Direction of travel", columns, rows)


def build_annual_results(year: FinancialYear, *, sight: WorkingSight = PUBLIC_SIGHT) -> AnnualResults:
    organisation = OrganisationSettings.load()
    rows = quarter_4_rows(year, sight)
    if organisation.annual_benchmark:
        rows = with_benchmarks(rows, year.label)
    year_end = Period.objects.year_ends().filter(year=year).first()
    earlier = [FinancialYear.objects.filter(start_year=year.start_year - back).first() for back in (1, 2)]
    return AnnualResults(
        masthead=masthead(f"Annual Performance Results {year.label}", outturn_title(year_end, year), period=year_end),
        year=year.label,
        previous_year=year.financial_year.previous.label,
        summary=year_summary(year.label, rows),
        earlier=[year_summary(e.label, r) for e in earlier if e and (r := quarter_4_rows(e, sight))],
        pledges=by_pledge(rows),
        bands=bands(organisation.tolerances, completed=year.completed),
        benchmarked=any(row.benchmark for row in rows),
        last_period=year_end.short_label if year_end else "Q4",
    )


def outturn_title(year_end: Period | None, year: FinancialYear) -> str:
    """Above the results: Derby's "Quarter 4 outturn 2016/17", or "March 2018 outturn" in a monthly year."""
    if year_end and year_end.month:
        return f"{year_end.label} outturn"
    return f"Quarter 4 outturn {year.label}"


def quarter_4_rows(year: FinancialYear, sight: WorkingSight) -> list[MeasureRow]:
    period = Period.objects.select_related("year").year_ends().filter(year=year).first()
    return in_plan_order([row for row in measure_rows(period, sight=sight) if row.pledge]) if period else []


def in_plan_order(rows: list[MeasureRow]) -> list[MeasureRow]:
    """Pledges and their priorities in the council's own order; the scorecard's order within each."""
    places = list(
        PriorityModel.objects.order_by("pledge__order", "pledge__name", "order", "name").values_list(
            "pledge__name", "name"
        )
    )
    pledges = list(dict.fromkeys(pledge for pledge, _ in places))
    position = {place: index for index, place in enumerate(places)}
    return sorted(
        rows,
        key=lambda row: (
            pledges.index(row.pledge) if row.pledge in pledges else len(pledges),
            position.get((row.pledge, row.priority), len(position)),
        ),
    )


def by_pledge(rows: list[MeasureRow]) -> list[Pledge]:
    pledges: dict[str, dict[str, Priority]] = {}
    for row in rows:
        priority = pledges.setdefault(row.pledge, {}).setdefault(row.priority, Priority(row.priority, [], []))
        (priority.actions if row.is_action else priority.measures).append(row)
    return [Pledge(name, list(priorities.values())) for name, priorities in pledges.items()]


def percent_text(value: int | None) -> str:
    return "N/A" if value is None else f"{value}%"


def or_not_applicable(value: Figure) -> Cell:
    return figure_cell(value) if value.text else text("N/A")


def detail_row(pledge: str, priority: str, row: MeasureRow) -> list[Cell]:
    return [
        text(pledge),
        text(priority),
        text(row.reference),
        or_not_applicable(row.previous_actual),
        or_not_applicable(row.actual),
        status_cell(row.status),
        text(row.year_end_target.text or ("N/A" if row.is_action else "No target")),
        text(row.direction_label),
    ]
