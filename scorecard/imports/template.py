"""The returns import template for a quarter: the year's scorecard, one row per measure, ready to fill in.

Code, title and the quarter's and year-end targets are filled in; the title and target columns are for
reference and the import ignores them. Measures and actions without a code are left out: the import finds
rows by code.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from scorecard.council.models import Period
from scorecard.imports.returns import COLUMNS, READ_ONLY
from scorecard.measures.models import ScorecardEntry, Target
from scorecard.reports.render.delimited import not_a_formula
from scorecard.reports.render.spreadsheet import safe_text, sheet_title
from scorecard.returns.models import DataFlag

HEADINGS = ("code", *READ_ONLY, *(column for column in COLUMNS if column not in ("code", "period")))
WIDTHS = {"code": 16, "title": 50, "context": 50, "improvement_actions": 50, "intervention": 50}
GREY = PatternFill("solid", fgColor="FFE8E8E8")
FORMATS = ("csv", "xlsx")

TemplateCell = str | Decimal


def template_bytes(period: Period, format: str) -> bytes:
    """The template as CSV (UTF-8 with the mark Excel looks for) or as an Excel workbook."""
    if format not in FORMATS:
        raise ValueError(f"The template comes as {' or '.join(FORMATS)}, not {format}")
    rows = template_rows(period)
    return csv_template(rows) if format == "csv" else xlsx_template(rows, period)


def file_name(period: Period, format: str) -> str:
    return f"returns-{period.as_quarter.slug}.{format}"


def template_rows(period: Period) -> list[list[TemplateCell]]:
    """Code, title, quarter target, year-end target for each coded measure in the year's scorecard, in order."""
    entries = [
        entry
        for entry in ScorecardEntry.objects.filter(year=period.year_id).select_related("measure").order_by("order")
        if entry.display_code
    ]
    targets = {
        (target.measure_id, target.period_id): target
        for target in Target.objects.filter(year=period.year_id, measure__in=[entry.measure for entry in entries])
    }
    return [
        [
            entry.display_code,
            entry.display_title,
            target_cell(targets.get((entry.measure_id, period.pk))),
            target_cell(targets.get((entry.measure_id, None))),
        ]
        for entry in entries
    ]


def target_cell(target: Target | None) -> TemplateCell:
    if target is None:
        return ""
    return target.figure_label if target.progress else (target.value if target.value is not None else "")


def csv_template(rows: list[list[TemplateCell]]) -> bytes:
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow(HEADINGS)
    to_fill_in = [""] * (len(HEADINGS) - len(rows[0])) if rows else []
    writer.writerows([[csv_cell(cell) for cell in row] + to_fill_in for row in rows])
    return output.getvalue().encode("utf-8-sig")


def csv_cell(cell: TemplateCell) -> str:
    return format(cell.normalize(), "f") if isinstance(cell, Decimal) else not_a_formula(cell)


def xlsx_template(rows: list[list[TemplateCell]], period: Period) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title(f"Returns {period.label}", set())
    sheet.append(HEADINGS)
    for row in rows:
        sheet.append([cell if isinstance(cell, Decimal) else safe_text(cell) for cell in row])
    lay_out(sheet, len(rows))
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def lay_out(sheet, row_count: int) -> None:
    """Bold headings kept in view, reference columns greyed, and the data flag offered as a list."""
    for number, heading in enumerate(HEADINGS, start=1):
        letter = get_column_letter(number)
        sheet.column_dimensions[letter].width = WIDTHS.get(heading, 14)
        sheet.cell(1, number).font = Font(bold=True)
        if heading in READ_ONLY:
            for (cell,) in sheet.iter_rows(min_row=1, max_row=row_count + 1, min_col=number, max_col=number):
                cell.fill = GREY
    sheet.freeze_panes = "B2"
    if row_count:
        offer_flags(sheet, row_count)


def offer_flags(sheet, row_count: int) -> None:
    flags = DataValidation(
        type="list", formula1='"' + ",".join(flag.label for flag in DataFlag) + '"', allow_blank=True
    )
    column = get_column_letter(HEADINGS.index("flag") + 1)
    flags.add(f"{column}2:{column}{row_count + 1}")
    sheet.add_data_validation(flags)
