"""The rows each page shows, as the tables its CSV and Excel downloads hold (see downloads.py).

Each function takes what its view already read for the page, so a download holds the page's rows and no more.
A grouped page (by quarter, by directorate) becomes one flat table with the group in its own column.
"""

from __future__ import annotations

from datetime import date, datetime

from django.utils import dateformat, timezone

from scorecard.council.models import OrganisationSettings, Period
from scorecard.council.selectors import YearHeld, period_heading
from scorecard.imports.plans import Plan
from scorecard.performance.commentary import Commentary
from scorecard.reports.common import Cell, Table, count_cell, figure_cell, status_cell, text
from scorecard.reports.improvement import commentary_columns
from scorecard.returns.worklists import STATES, Round

DAY, MOMENT = "j M Y", "j M Y, H:i"


def shown_date(when: date | datetime | None, shape: str = DAY, *, empty: str = "") -> Cell:
    """A date as the page prints it (Django's date format letters); a moment in the council's time zone."""
    if when is None:
        return text(empty)
    return text(dateformat.format(timezone.localtime(when) if isinstance(when, datetime) else when, shape))


def my_returns(rounds: list[Round]) -> Table:
    rows = [
        [
            text(round.period.label),
            text(directorate),
            text(row.entry.display_code),
            text(row.entry.display_title),
            text(row.state_label),
            text("Overdue" if row.overdue else ""),
        ]
        for round in rounds
        for directorate, rows in round.directorates
        for row in rows
    ]
    columns = ["Quarter", directorate_word(), "Code", "Measure or action", "State", "Overdue"]
    return Table("My returns", columns, rows)


def directorate_word(plural: bool = False) -> str:
    """What the council calls a directorate (Service unit, …), for the tables' headings."""
    organisation = OrganisationSettings.load()
    return organisation.directorate_word_plural if plural else organisation.directorate_word


APPROVAL_COLUMNS = [
    "Directorate",
    "Quarter",
    "Measure or action",
    "Actual",
    "Quarterly target",
    "Quarterly status",
    "Year-end forecast",
    "Year-end target",
    "Forecast year-end status",
    "Direction of travel",
]


def approvals(queue: list) -> Table:
    """The approver's queue (web.approvals.Submitted): each return's figures, statuses and commentary."""
    commentary = commentary_columns(Commentary(OrganisationSettings.load().commentary))
    rows = [
        [
            text(row.directorate),
            text(row.ret.period.label),
            text(str(row.ret.measure)),
            figure_cell(row.worked.actual),
            figure_cell(row.worked.target),
            status_cell(row.worked.status),
            figure_cell(row.worked.forecast),
            figure_cell(row.worked.year_end_target),
            status_cell(row.worked.forecast_status),
            text(row.worked.direction),
            *(text(getattr(row.ret, name)) for name, _ in commentary),
            text(row.ret.challenge),
        ]
        for row in queue
    ]
    columns = [directorate_word(), *APPROVAL_COLUMNS[1:], *(heading for _, heading in commentary)]
    return Table("Approvals", [*columns, "Performance team's challenge"], rows)


def collection_progress(progress: list) -> Table:
    """Each quarter in progress (web.quarters.RoundProgress): returns by directorate and state, then all."""
    rows = []
    for round in progress:
        tallies = [(tally.name, tally) for tally in round.directorates]
        tallies += [(f"All {directorate_word(plural=True).lower()}", round.total)] if tallies else []
        rows += [
            [text(round.period.label), text(name), *map(count_cell, tally.counts), count_cell(tally.overdue)]
            for name, tally in tallies
        ]
    columns = ["Quarter", directorate_word(), *(label for _, label in STATES), "Overdue"]
    return Table("Collection progress", columns, rows)


def every_quarter(periods: list[Period]) -> Table:
    rows = [
        [
            text(period.label),
            text(period.get_state_display()),
            shown_date(period.deadline, empty="–"),
            shown_date(period.published_date, empty="Not published"),
        ]
        for period in periods
    ]
    return Table("Every quarter", ["Quarter", "State", "Deadline", "Published"], rows)


def change_history(changes: list) -> Table:
    """A return's changes (web.returns.Change), newest first, a row for each field changed."""
    rows = [
        [shown_date(change.when, MOMENT), text(change.who), text(change.event), *fields]
        for change in changes
        for fields in (
            [[text(field.field), text(field.old), text(field.new)] for field in change.fields]
            or [[text("Saved with nothing changed"), text(""), text("")]]
        )
    ]
    return Table("Change history", ["When", "Who", "What happened", "Field", "Old value", "New value"], rows)


def import_check(plan: Plan) -> Table:
    """Each row of an import's file and what it would do, as the import page lists it."""
    rows = [
        [
            count_cell(row.number),
            text(row.code),
            text(row.outcome.capitalize()),
            text("\n".join([f"{problem.column}: {problem.message}" for problem in row.problems] + row.reasons)),
        ]
        for row in plan.rows
    ]
    return Table("What the file would do", ["Row", "Measure", "Outcome", "Why"], rows)


def import_problems(plan: Plan) -> Table:
    """Every problem of an import's file, one a line, however many the page leaves out."""
    rows = [[count_cell(problem.row), text(problem.column), text(problem.message)] for problem in plan.problems]
    return Table("Problems in the file", ["Row", "Column", "Problem"], rows)


def years_held(years: list[YearHeld]) -> Table:
    rows = []
    for held in years:
        year = text(held.year.label)
        rows += [
            [year, text(one.period.short_label), count_cell(one.measures), count_cell(one.actions)]
            for one in held.quarters
        ] or [[year, text("No returns yet"), text(""), text("")]]
    columns = ["Financial year", period_heading(held.year for held in years), "Measures", "Council Plan actions"]
    return Table("Years and quarters held", columns, rows)


def published_quarters(periods: list[Period]) -> Table:
    rows = [[text(period.label), shown_date(period.published_date, "j F Y")] for period in periods]
    return Table("Published quarters", ["Quarter", "Published"], rows)


def api_tokens(tokens) -> Table:
    rows = [
        [
            text(token.name),
            text(f"{token.hint}…"),
            shown_date(token.created_at, MOMENT),
            shown_date(token.last_used_at, MOMENT, empty="Never"),
            text("Active" if token.is_active else "Revoked"),
            shown_date(token.revoked_at, MOMENT),
        ]
        for token in tokens
    ]
    return Table("API tokens", ["Name", "Starts with", "Created", "Last used", "State", "Revoked"], rows)


def people(everyone) -> Table:
    """The People page (accounts.selectors.Person): each person, their roles, state and invitation."""
    rows = [
        [
            text(person.user.get_full_name()),
            text(person.user.username),
            text(person.user.email),
            text("\n".join(person.roles)),
            text(person.state),
            text(person.invitation),
            shown_date(person.invited_at),
            shown_date(person.user.last_login, MOMENT, empty="Never"),
        ]
        for person in everyone
    ]
    columns = ["Name", "Username", "Email", "Roles", "State", "Invitation", "Invited", "Last signed in"]
    return Table("People", columns, rows)


def person_history(events) -> Table:
    rows = [
        [shown_date(event.at, MOMENT), text(event.get_kind_display()), text(event.detail), text(str(event.by or ""))]
        for event in events
    ]
    return Table("History", ["When", "What happened", "Detail", "Who"], rows)


def measures_owned(measures) -> Table:
    rows = [[text(measure.code), text(measure.title), text(measure.get_kind_display())] for measure in measures]
    return Table("Measures and actions owned", ["Code", "Title", "Kind"], rows)
