"""Import templates: the year's scorecard laid out ready to fill in, as CSV or Excel.

A quarter's returns template has one row per measure; a year's targets template one row per measure and
quarter (1 to 4, then year end); a year's scorecard sheet one row per measure or action with everything held
about it (scorecard_sheet.py). Code, title and the targets already set are filled in; the title and the
returns template's target columns are for reference and the import ignores them. Measures and actions
without a code are left out: the import finds rows by code.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from scorecard.accounts.models import Role, RoleAssignment
from scorecard.council.models import FinancialYear, OrganisationSettings, Period
from scorecard.imports import returns, scorecard_sheet, targets
from scorecard.measures.models import Accumulation, Measure, ScorecardEntry, Target
from scorecard.performance.assessment import Frequency
from scorecard.performance.direction import Comparison
from scorecard.performance.status import Polarity
from scorecard.reports.render.delimited import not_a_formula
from scorecard.reports.render.spreadsheet import sheet_title, write_text
from scorecard.returns.models import DataFlag

WIDTHS = {"code": 16, "title": 50, "commentary": 50, "context": 50, "improvement_actions": 50, "intervention": 50}
GREY = PatternFill("solid", fgColor="FFE8E8E8")
FORMATS = ("csv", "xlsx")

TemplateCell = str | Decimal


@dataclass(frozen=True)
class Template:
    file_name: str  # without its extension
    sheet: str
    headings: tuple[str, ...]
    rows: list[list[TemplateCell]]
    read_only: tuple[str, ...] = ()  # greyed: for reference, never imported
    choices: dict[str, list[str]] = field(default_factory=dict)  # a column's words, offered as a list in Excel


def returns_template(period: Period) -> Template:
    """Code, title, quarter target, year-end target for each coded measure, then the columns to fill in: the
    figures, and the commentary the organisation keeps (one `commentary` column, the three, or none)."""
    entries = coded_entries(period.year_id)
    stored = stored_targets(period.year_id, entries)
    rows = [
        [
            entry.display_code,
            entry.display_title,
            target_cell(stored.get((entry.measure_id, period.pk))),
            target_cell(stored.get((entry.measure_id, None))),
        ]
        for entry in entries
    ]
    commentary, _ = OrganisationSettings.load().commentary_rule
    to_fill_in = tuple(column for column in returns.columns(commentary) if column not in ("code", "period"))
    return Template(
        file_name=f"returns-{period.as_period.slug}",
        sheet=f"Returns {period.label}",
        headings=("code", *returns.READ_ONLY, *to_fill_in),
        rows=rows,
        read_only=returns.READ_ONLY,
        choices={"flag": [flag.label for flag in DataFlag]},
    )


def targets_template(year: FinancialYear) -> Template:
    """Each coded measure's four quarters (or twelve months) and year end, with the targets already set."""
    entries = coded_entries(year.pk)
    stored = stored_targets(year.pk, entries)
    periods = [(period.short_label, period.pk) for period in year.periods.order_by("quarter", "month")]
    rows = [
        [entry.display_code, entry.display_title, when, target_cell(stored.get((entry.measure_id, period_id)))]
        for entry in entries
        for when, period_id in [*periods, ("Year end", None)]
    ]
    return Template(
        file_name=f"targets-{year.financial_year.slug}",
        sheet=f"Targets {year.label}",
        headings=("code", *targets.READ_ONLY, "month" if year.is_monthly else "quarter", "target"),
        rows=rows,
        read_only=targets.READ_ONLY,
    )


def scorecard_template(year: FinancialYear) -> Template:
    """The year's scorecard as one sheet, a row per coded measure or action in its place, to fill in and import."""
    entries = [
        entry
        for entry in ScorecardEntry.objects.filter(year=year)
        .select_related("measure__owner", "directorate", "priority__pledge", "perspective")
        .prefetch_related("portfolios", "measure__aliases")
        .order_by("order", "pk")
        if entry.display_code
    ]
    stored = stored_targets(year.pk, entries)
    held = {period.number: period.pk for period in year.periods.all()}
    # Each target column's period (None where the year lacks it), in the columns' order.
    periods = [held.get(number) for number in scorecard_sheet.target_columns(year).values() if number]
    approvers = directorate_approvers()
    rows = [scorecard_row(entry, stored, periods, approvers) for entry in entries]
    return Template(
        file_name=f"scorecard-{year.financial_year.slug}",
        sheet=f"Scorecard {year.label}",
        headings=scorecard_sheet.columns_for(year),
        rows=rows,
        choices={
            "kind": [kind.value for kind in Measure.Kind],
            "good_is": [word.value.capitalize() for word in Polarity],
            "frequency": [word.label for word in Frequency],
            "accumulation": [word.label for word in Accumulation],
            "compare_with": [word.label for word in Comparison],
        },
    )


def scorecard_row(entry: ScorecardEntry, stored, periods: list[int | None], approvers: dict[int, str]) -> list:
    measure, priority = entry.measure, entry.priority
    targets = [target_cell(stored.get((measure.pk, period)) if period else None) for period in periods]
    return [
        entry.display_code,
        entry.display_title,
        measure.kind,
        entry.directorate.name if entry.directorate else "",
        measure.owner.username if measure.owner else "",
        approvers.get(entry.directorate_id, ""),
        measure.polarity.capitalize(),
        measure.get_unit_display(),
        measure.unit_label,
        Decimal(measure.decimals),
        "" if measure.minimum is None else measure.minimum,
        "" if measure.maximum is None else measure.maximum,
        Frequency(measure.frequency).label,
        measure.get_accumulation_display(),
        Comparison(measure.comparison).label,
        *targets,
        target_cell(stored.get((measure.pk, None))),
        priority.pledge.name if priority else "",
        priority.name if priority else "",
        entry.perspective.name if entry.perspective else "",
        "; ".join(portfolio.name for portfolio in entry.portfolios.all()),
        "; ".join(alias.code for alias in measure.aliases.all()),
    ]


def directorate_approvers() -> dict[int, str]:
    """Each directorate's first approver (by username), as the sheet's approver column names them."""
    found: dict[int, str] = {}
    held = RoleAssignment.objects.filter(role=Role.DIRECTORATE_APPROVER, user__is_active=True)
    for directorate, username in held.order_by("user__username").values_list("directorate_id", "user__username"):
        found.setdefault(directorate, username)
    return found


def coded_entries(year_id: int) -> list[ScorecardEntry]:
    entries = ScorecardEntry.objects.filter(year=year_id).select_related("measure").order_by("order")
    return [entry for entry in entries if entry.display_code]


def stored_targets(year_id: int, entries: list[ScorecardEntry]) -> dict[tuple[int, int | None], Target]:
    """The year's targets by (measure, quarter); the year-end target's quarter is None."""
    found = Target.objects.filter(year=year_id, measure__in=[entry.measure_id for entry in entries])
    return {(target.measure_id, target.period_id): target for target in found}


def target_cell(target: Target | None) -> TemplateCell:
    if target is None:
        return ""
    return target.figure_label if target.progress else (target.value if target.value is not None else "")


# -- the file ------------------------------------------------------------------------------------


def template_bytes(template: Template, format: str) -> bytes:
    """The template as CSV (UTF-8 with the mark Excel looks for) or as an Excel workbook."""
    if format not in FORMATS:
        raise ValueError(f"The template comes as {' or '.join(FORMATS)}, not {format}")
    return csv_template(template) if format == "csv" else xlsx_template(template)


def csv_template(template: Template) -> bytes:
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow(template.headings)
    for row in template.rows:
        writer.writerow([csv_cell(cell) for cell in row] + [""] * (len(template.headings) - len(row)))
    return output.getvalue().encode("utf-8-sig")


def csv_cell(cell: TemplateCell) -> str:
    return format(cell.normalize(), "f") if isinstance(cell, Decimal) else not_a_formula(cell)


def xlsx_template(template: Template) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title(template.sheet, set())
    sheet.append(template.headings)
    for number, row in enumerate(template.rows, start=2):
        for column, cell in enumerate(row, start=1):
            if isinstance(cell, Decimal):
                sheet.cell(number, column, cell)
            else:
                write_text(sheet.cell(number, column), cell)
    lay_out(sheet, template)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def lay_out(sheet, template: Template) -> None:
    """Bold headings kept in view, reference columns greyed, and each column's words offered as a list."""
    last_row = len(template.rows) + 1
    for number, heading in enumerate(template.headings, start=1):
        letter = get_column_letter(number)
        sheet.column_dimensions[letter].width = WIDTHS.get(heading, 14)
        sheet.cell(1, number).font = Font(bold=True)
        if heading in template.read_only:
            for (cell,) in sheet.iter_rows(min_row=1, max_row=last_row, min_col=number, max_col=number):
                cell.fill = GREY
        if heading in template.choices and template.rows:
            offer(sheet, f"{letter}2:{letter}{last_row}", template.choices[heading])
    sheet.freeze_panes = "B2"


def offer(sheet, cells: str, words: list[str]) -> None:
    choices = DataValidation(type="list", formula1='"' + ",".join(words) + '"', allow_blank=True)
    choices.add(cells)
    sheet.add_data_validation(choices)
