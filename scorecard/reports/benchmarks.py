"""Benchmarks as the reports print them: benchmarking.selectors finds each measure's place among its comparators;
this names it in the council's words ("Second quartile, 7th of 16"), with the comparison year where it is not the
report's. Rank 1 is the best; quartile 1 is the top quartile."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from scorecard.benchmarking.models import ComparatorGroup
from scorecard.benchmarking.selectors import MeasureBenchmark, benchmarks_for
from scorecard.performance.benchmark_words import cell_words, standing

# How a sentence names the group: "7th of 16 nearest neighbours (1 = best)".
GROUP_NOUNS = {
    ComparatorGroup.Kind.NEAREST_NEIGHBOURS: "nearest neighbours",
    ComparatorGroup.Kind.FAMILY_GROUP: "councils in its family group",
    ComparatorGroup.Kind.SAME_KIND: "councils of its kind",
    ComparatorGroup.Kind.REGION: "councils in its region",
}


@dataclass(frozen=True)
class ReportBenchmark:
    """A measure's benchmark as a report for `year` shows it."""

    found: MeasureBenchmark
    year: str  # the report's financial year

    @property
    def external_code(self) -> str:
        return self.found.external.code

    @property
    def group(self) -> str:
        return self.found.group.name

    @property
    def period(self) -> str:
        return self.found.period

    @property
    def rank(self) -> int | None:
        return self.found.benchmark.rank

    @property
    def ranked(self) -> int:
        return self.found.benchmark.ranked

    @property
    def quartile(self) -> int | None:
        return self.found.benchmark.quartile

    @property
    def median(self) -> Decimal | None:
        return self.found.benchmark.median

    @property
    def cell(self) -> str:
        """ "Second quartile, 7th of 16", with "(2017/18)" where the comparison year is not the report's."""
        differs = self.period != self.year
        return cell_words(self.rank, self.ranked, self.quartile, period=self.period if differs else "")

    @property
    def words(self) -> str:
        """ "7th of 16 nearest neighbours (1 = best), second quartile, 2021/22"."""
        return standing(self.rank, self.ranked, self.quartile, group_noun(self.found.group), self.period)


def group_noun(group: ComparatorGroup) -> str:
    return GROUP_NOUNS.get(group.kind, f"councils in {group.name}")


def report_benchmarks(measure_ids: Iterable[int], year: str) -> dict[int, ReportBenchmark]:
    """Each mapped measure's benchmark for the report's year, by measure id: a few queries for them all."""
    return {measure_id: ReportBenchmark(found, year) for measure_id, found in benchmarks_for(measure_ids, year).items()}
