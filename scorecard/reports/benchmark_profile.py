"""A measure's profile beside comparator councils: where the council stands in the latest comparison period, in
words, a chart of every council in the group and a table; and over the years, our figure against the group's
median and middle half. A group whose membership may not be published is named and counted, its members never.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from scorecard.accounts.permissions import WorkingSight, sees_group_members
from scorecard.benchmarking.models import Area
from scorecard.benchmarking.selectors import PeriodSpread, benchmark_for, spread_over_time
from scorecard.measures.models import Measure
from scorecard.performance import benchmark as arithmetic
from scorecard.reports.benchmark_charts import Comparator, GroupYear, comparators_table, over_time_table
from scorecard.reports.benchmarks import ReportBenchmark
from scorecard.reports.common import Table, figure_cell, text
from scorecard.reports.figures import NO_FIGURE, Figure, figure


@dataclass(frozen=True)
class Printing:
    """How the section prints a figure: our measure's unit, at the source's precision if finer than ours."""

    unit: str
    decimals: int
    label: str

    def of(self, value: Decimal | None) -> Figure:
        return NO_FIGURE if value is None else figure(value, self.unit, self.decimals, label=self.label)


@dataclass(frozen=True)
class BenchmarkSection:
    council: str
    latest: ReportBenchmark  # the latest comparison period held
    comparators: list[Comparator]  # best first; named only where the membership may be shown
    years: list[GroupYear]  # oldest first
    members_shown: bool
    printing: Printing

    @property
    def words(self) -> str:
        return self.latest.words

    @property
    def period(self) -> str:
        return self.latest.period

    @property
    def compared_on(self) -> str:
        external, mapping = self.latest.found.external, self.latest.found.mapping
        return f"{external.code} {external.title} ({external.get_source_display()}): {mapping.get_match_display()}"

    @property
    def caveat(self) -> str:
        return self.latest.found.mapping.caveat

    @property
    def group_words(self) -> str:
        """The group by name and size; the page lists the members only where they may be shown."""
        counted = f"{len(self.latest.found.values)} councils, {self.council} included"
        hidden = "" if self.members_shown else "; its membership is not published"
        return f"{self.latest.group}: {counted}{hidden}"

    @property
    def median(self) -> Figure:
        return self.printing.of(self.latest.median)

    @property
    def value(self) -> Figure:
        return self.printing.of(self.latest.found.benchmark.value)

    @property
    def comparators_title(self) -> str:
        return f"{self.council} among its comparators, {self.period}"

    @property
    def over_time_title(self) -> str:
        return f"{self.council} against its comparators over time"

    @property
    def comparators_description(self) -> str:
        """The chart's text alternative: where we stand, our figure, the median and the spread of the group."""
        figures = [comparator.value_text for comparator in self.comparators]
        spread = f"; the group's figures run from {figures[0]} to {figures[-1]}" if len(figures) > 1 else ""
        ours = f"{self.council} {self.value.text}" if self.value.text else f"No figure for {self.council}"
        return f"{self.council}: {self.words}. {ours}, group median {self.median.text or 'none'}{spread}."

    def tables(self) -> list[Table]:
        standing = [[text(self.words), figure_cell(self.value), figure_cell(self.median), text(self.group_words)]]
        columns = ["Where we stand", self.council, "Group median", "Comparator group"]
        return [Table("Benchmark", columns, standing), *self.chart_tables()]

    def chart_tables(self) -> list[Table]:
        """The numbers of the two charts, which the page shows below them (its summary list holds the rest)."""
        return [
            comparators_table(self.comparators_title, self.comparators),
            over_time_table(self.over_time_title, self.years, self.council),
        ]


def benchmark_section(measure: Measure, *, sight: WorkingSight) -> BenchmarkSection | None:
    """The measure's benchmark section, or None where it is not mapped or nothing is held for its group."""
    found = benchmark_for(measure)
    if found is None:
        return None
    latest = ReportBenchmark(found, found.period)
    shown = sees_group_members(sight, publishable=found.group.publishable)
    printing = Printing(measure.unit, max(measure.decimals, found.external.decimals), measure.unit_label)
    return BenchmarkSection(
        council=found.area.name,
        latest=latest,
        comparators=comparators_of(latest, printing, shown=shown),
        years=[group_year(spread, printing) for spread in spread_over_time(measure)],
        members_shown=shown,
        printing=printing,
    )


def comparators_of(latest: ReportBenchmark, printing: Printing, *, shown: bool) -> list[Comparator]:
    """Every council with a figure in the latest period, best first; unnamed where the membership is not shown."""
    found = latest.found
    ours = found.area.code
    names = dict(Area.objects.filter(code__in=found.values).values_list("code", "name")) if shown else {}
    ranks = arithmetic.ranks(found.values, found.external.good_is)
    comparators = [
        Comparator(
            name=found.area.name if code == ours else names.get(code, ""),
            value=value,
            value_text=printing.of(value).text,
            rank=ranks.get(code),
            ours=code == ours,
        )
        for code, value in found.values.items()
        if value is not None
    ]
    return sorted(comparators, key=lambda each: (each.rank or 0, -each.value if not ranks else 0, not each.ours))


def group_year(spread: PeriodSpread, printing: Printing) -> GroupYear:
    return GroupYear(
        period=spread.period,
        ours=printing.of(spread.value),
        median=printing.of(spread.median),
        lower_quartile=printing.of(spread.lower_quartile),
        upper_quartile=printing.of(spread.upper_quartile),
        counted=spread.ranked,
    )
