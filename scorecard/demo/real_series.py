"""The demo's long real series, for SPC: imported as a council would, through the catalogue and history import.

- Derby's adult social care outcomes (Oflog data explorer, local authority E06000015): one figure a year, held as
  the year end, as local measures coded "ASCOF <Code>".
- The Royal Derby Hospital's A&E four-hour performance (trust RTG, type 1 departments): the demo's years are
  quarterly, so each quarter's own figure is computed from its months' attendances and breaches. Its 95% standard
  is set as the target of every quarter it holds and of those years' year ends, through the targets import, so its
  chart can say whether the target is met.

The files are read from shared/data when the demo loads; nothing of them is copied into the repository. The demo
stands in 2018/19 Q2 (its latest published quarter): figures for later quarters did not exist then, so only
quarters before the first one open for returns are loaded, and every page still opens on 2018/19 Q2.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.utils import timezone

from scorecard.accounts.models import Role, RoleAssignment
from scorecard.council.models import FinancialYear, Period
from scorecard.imports import ImportProblem
from scorecard.imports.history_files import HistoryImport, plan_history_import
from scorecard.imports.plans import Plan, commit_plan
from scorecard.imports.targets import plan_targets, read_targets_file
from scorecard.performance.periods import FinancialYear as Year
from scorecard.performance.periods import Quarter

CATALOGUE_COLUMNS = ("code", "title", "good_is", "unit", "decimals", "frequency", "accumulation", "definition")
HISTORY_COLUMNS = ("code", "year", "quarter", "value", "note")
TARGET_COLUMNS = ("code", "quarter", "target")
OFLOG = Path("oflog") / "adult_social_care.csv"
NHS_AE = Path("nhs-ae") / "ae_attendances.csv"
DERBY = "E06000015"
ROYAL_DERBY = "RTG"
GOOD_IS = {"desc": "High", "asc": "Low", "none": "None"}  # Oflog's rank_order: desc = high is good
# Oflog publishes each figure bare; how it reads is the measure's (ASCOF's own definitions).
ASCOF_UNITS = {
    "ASC1": ("score", 1),  # carer-reported quality of life, out of 12
    "ASC2": ("score", 3),  # adjusted social-care-related quality of life: impact of services
    "ASC3": ("%", 1),
    "ASC4": ("%", 1),
    "ASC5": ("%", 1),
    "ASC6": ("rate per 100,000", 1),
    "ASC7": ("%", 1),
}
AE_CODE = "RTG A&E 4HR"
AE_TITLE = "Royal Derby Hospital A&E: patients seen within four hours (type 1 departments)"
AE_DEFINITION = (
    "Context for the council's health priority: the NHS trust's figure, not the council's. The percentage of "
    "attendances at the trust's (RTG) major, type 1, A&E departments that were admitted, transferred or "
    "discharged within four hours. Each quarter's figure is computed from its three months' attendances and "
    "breaches: 100 × (1 − breaches ÷ attendances). The NHS standard is 95%; high is good. Source: NHS England, "
    "A&E attendances and emergency admissions, monthly."
)
AE_TARGET = Decimal("95")  # the NHS four-hour standard
PLACES = Decimal("0.000001")


@dataclass(frozen=True)
class Figure:
    code: str
    quarter: Quarter
    value: Decimal


def ascof_catalogue(rows: Iterable[dict]) -> list[tuple]:
    """One catalogue row per Oflog adult social care measure published for Derby."""
    measures = {}
    for row in rows:
        if row["Local authority code"] == DERBY and row["Code"] in ASCOF_UNITS:
            measures.setdefault(row["Code"], row)
    return [_ascof_measure(code, measures[code]) for code in sorted(measures)]


def _ascof_measure(code: str, row: dict) -> tuple:
    title = row["Measure"].removeprefix("Outcome, ").strip()
    unit, decimals = ASCOF_UNITS[code]
    definition = (
        f"Adult Social Care Outcomes: {title}. Derby's figure for the financial year, as published in the Office "
        "for Local Government's data explorer (Oflog); good is as Oflog ranks councils."
    )
    good_is = GOOD_IS[row["rank_order"].strip().lower()]
    return (f"ASCOF {code}", title, good_is, unit, decimals, "annual", "discrete period", definition)


def ascof_figures(rows: Iterable[dict]) -> list[Figure]:
    """Derby's figure for each measure and year, held as the year end (Q4)."""
    return [
        Figure(f"ASCOF {row['Code']}", Year.parse(row["Financial year"]).quarter(4), Decimal(row["Value"]))
        for row in rows
        if row["Local authority code"] == DERBY and row["Code"] in ASCOF_UNITS
    ]


def ae_catalogue() -> list[tuple]:
    return [(AE_CODE, AE_TITLE, "High", "%", 1, "quarterly", "discrete period", AE_DEFINITION)]


def ae_figures(rows: Iterable[dict]) -> list[Figure]:
    """Each quarter's four-hour percentage from the sums of its months' attendances and breaches; a quarter
    missing a month is left out rather than computed from part of it."""
    months: dict[Quarter, list[tuple[int, int]]] = {}
    for row in rows:
        if row["org_code"] == ROYAL_DERBY and row["type"] == "1":
            month = date.fromisoformat(row["period"])
            months.setdefault(Quarter.containing(month), []).append((int(row["attendances"]), int(row["breaches"])))
    return [
        Figure(AE_CODE, quarter, four_hour_percentage(counts))
        for quarter, counts in sorted(months.items())
        if len(counts) == 3
    ]


def four_hour_percentage(months: list[tuple[int, int]]) -> Decimal:
    attendances = sum(seen for seen, _ in months)
    breaches = sum(late for _, late in months)
    return (100 * (1 - Decimal(breaches) / Decimal(attendances))).quantize(PLACES)


def ae_targets(figures: Iterable[Figure]) -> dict[Year, list[tuple]]:
    """Each year's targets file for the four-hour measure: the standard for every quarter held and the year end."""
    quarters = sorted(f.quarter for f in figures if f.code == AE_CODE)
    years: dict[Year, list[tuple]] = {}
    for quarter in quarters:
        years.setdefault(quarter.year, []).append((AE_CODE, quarter.number, AE_TARGET))
    for rows in years.values():
        rows.append((AE_CODE, "year end", AE_TARGET))
    return years


def series_codes(data_dir: Path) -> set[str]:
    """The codes of the measures the real series add to the demo (none without their files): what the demo holds
    beyond the seeds, and so what a comparison with Derby's published reports leaves out."""
    files = series_files(data_dir)
    if files is None:
        return set()
    return {row[0] for row in ascof_catalogue(read_csv(files[0])) + ae_catalogue()}


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def as_csv(name: str, headings: tuple, rows: Iterable[tuple]) -> tuple[str, bytes]:
    output = io.StringIO()
    csv.writer(output, lineterminator="\n").writerows([headings, *rows])
    return name, output.getvalue().encode("utf-8")


def history_rows(figures: Iterable[Figure]) -> list[tuple]:
    return [(f.code, f.quarter.year.label, f.quarter.number, f.value, "") for f in figures]


@dataclass(frozen=True)
class RealSeries:
    """The catalogue and the figures to import, and the quarters they need."""

    catalogue: list[tuple]
    figures: list[Figure]

    @property
    def quarters(self) -> set[Quarter]:
        return {figure.quarter for figure in self.figures}

    def targets(self, by) -> list[Plan]:
        """The targets imports, one a year, checked as the targets import checks any council's file."""
        plans = []
        for year, rows in sorted(ae_targets(self.figures).items()):
            name, content = as_csv(f"demo-real-series-targets-{year.start_year}.csv", TARGET_COLUMNS, rows)
            stored = FinancialYear.objects.get(start_year=year.start_year)
            plans.append(plan_targets(read_targets_file(name, content), stored, by))
        return plans

    def planned(self, by) -> HistoryImport:
        """The import, checked as the history import checks any council's files."""
        return plan_history_import(
            by=by,
            catalogue=as_csv("demo-real-series-catalogue.csv", CATALOGUE_COLUMNS, self.catalogue),
            values=as_csv("demo-real-series-history.csv", HISTORY_COLUMNS, history_rows(self.figures)),
        )


def series_files(data_dir: Path) -> tuple[Path, Path] | None:
    """The Oflog and NHS A&E files, or None if either is absent."""
    oflog, nhs_ae = data_dir / OFLOG, data_dir / NHS_AE
    return (oflog, nhs_ae) if oflog.exists() and nhs_ae.exists() else None


def real_series(data_dir: Path, *, before: Quarter) -> RealSeries | None:
    """The demo's real series from the shared data, quarters before `before` only; None if the files are absent."""
    files = series_files(data_dir)
    if files is None:
        return None
    oflog_rows, ae_rows = (read_csv(path) for path in files)
    figures = [f for f in ascof_figures(oflog_rows) + ae_figures(ae_rows) if f.quarter < before]
    return RealSeries(ascof_catalogue(oflog_rows) + ae_catalogue(), figures)


def load_real_series(loader, *, before: Quarter) -> None:
    """Load the real series as the performance team would import them, into the demo `loader` (DemoLoader)."""
    series = real_series(loader.data_dir, before=before)
    if series is None:
        loader.report.left_out.append(f"the real series for SPC: {loader.data_dir} does not hold their files")
        return
    for quarter in sorted(series.quarters):
        close_past_quarter(loader, quarter)
    by = RoleAssignment.objects.filter(role=Role.PERFORMANCE_TEAM).select_related("user").first().user
    found = series.planned(by)
    if found.in_error:
        raise ImportProblem("; ".join(str(problem) for problem in found.problems))
    if not found.changes_nothing:
        for what, count in found.commit(by).items():
            loader.report.created[f"{what} by the history import"] = count
    set_targets(loader, series, by)


def set_targets(loader, series: RealSeries, by) -> None:
    """The targets go in after the history: the targets import finds a measure in the year's scorecard."""
    plans = series.targets(by)
    for plan in plans:
        if plan.in_error:
            raise ImportProblem("; ".join(str(problem) for problem in plan.problems))
    if set_now := sum(commit_plan(plan, by) for plan in plans):
        loader.report.created["targets by the targets import"] = set_now


def close_past_quarter(loader, quarter: Quarter) -> None:
    """A past quarter the demo never opened is closed and published, so its history can go in, as in a council
    that moves in with its history."""
    period = Period.objects.filter(year__start_year=quarter.year.start_year, quarter=quarter.number).first()
    if period is not None and period.state == Period.State.NOT_OPEN:
        values = {"state": Period.State.CLOSED, "published_at": period.published_at or timezone.now()}
        loader.upsert(Period, {"pk": period.pk}, values)
