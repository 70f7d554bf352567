"""A report's data as plain values, for its canonical JSON: what it says (masthead, narrative, tables) and, for
comparing later, each measure's figures, statuses, direction and commentary.

Figures are kept as written (their text, and the number as recorded as a string), never as floats, so the same
report always gives the same bytes.
"""

from __future__ import annotations

from scorecard.reports.common import Cell, Masthead, Table
from scorecard.reports.outputs import Output
from scorecard.reports.rows import MeasureRow

DATA_FORMAT = "scorecard-report-data/1"
FIGURES = {
    "Quarterly target": lambda row: row.target.text,
    "Quarterly actual": lambda row: row.actual.text,
    "Year-end forecast": lambda row: row.forecast.text,
    "Year-end target": lambda row: row.year_end_target.text,
    "Compared with": lambda row: row.previous_actual.text,
}
COMMENTARY = {
    "Context for current performance": lambda row: row.context,
    "Improvement actions taken": lambda row: row.improvement_actions,
    "Intervention / review": lambda row: row.intervention,
}


def report_data(kind: str, period_label: str, output: Output) -> dict:
    report = output.report
    return {
        "format": DATA_FORMAT,
        "report": kind,
        "quarter": period_label,
        "masthead": masthead_data(report.masthead),
        "sections": [[heading, words] for heading, words in output.sections],
        "tables": [table_data(table) for table in report.tables()],
        "measures": [measure_data(row) for row in measures_of(report)],
    }


def masthead_data(masthead: Masthead) -> dict:
    return {
        "title": masthead.title,
        "subtitle": masthead.subtitle,
        "organisation": masthead.organisation,
        "team": masthead.team,
        "data_source": masthead.data_source,
        "fetched_at": masthead.fetched_at.isoformat(),
        "published_on": masthead.published_on.isoformat() if masthead.published_on else None,
    }


def table_data(table: Table) -> dict:
    rows = [[cell_data(cell) for cell in row] for row in table.rows]
    return {"title": table.title, "columns": list(table.columns), "rows": rows}


def cell_data(cell: Cell) -> dict:
    number = str(cell.number.value) if cell.number is not None else None
    return {"text": cell.text, "number": number, "status": cell.status.value if cell.status else None}


def measures_of(report) -> list[MeasureRow]:
    """The measures and actions a report shows, each once: a Cabinet paper's from both its appendices, the annual
    results' from every pledge and priority."""
    if hasattr(report, "pledges"):
        rows = [row for p in report.pledges for priority in p.priorities for _, rs in priority.sections for row in rs]
    elif hasattr(report, "dashboard"):
        rows = [*report.dashboard.rows, *report.improvement.rows]
    else:
        rows = report.rows
    return list({row.measure_id: row for row in rows}.values())


def measure_data(row: MeasureRow) -> dict:
    return {
        "key": str(row.measure_id),
        "reference": f"{row.code} {row.title}".strip(),
        "figures": {label: value(row) for label, value in FIGURES.items()},
        "status": row.status.label,
        "forecast_status": row.forecast_status.label,
        "direction": row.direction_label,
        "commentary": {label: value(row) for label, value in COMMENTARY.items()},
    }
