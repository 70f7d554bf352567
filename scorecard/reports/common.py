"""What every report carries besides its rows: who publishes it, from what, and when it was fetched."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.utils import timezone

from scorecard.council.models import OrganisationSettings
from scorecard.performance.status import Status
from scorecard.reports.figures import Figure
from scorecard.reports.rows import MeasureRow


@dataclass(frozen=True)
class Masthead:
    title: str
    subtitle: str
    organisation: str
    team: str
    data_source: str
    fetched_at: datetime

    @property
    def fetched_label(self) -> str:
        """As 002's footer: "Friday 24 August 2018 11:12:02"."""
        return timezone.localtime(self.fetched_at).strftime("%A %-d %B %Y %H:%M:%S")


def masthead(title: str, subtitle: str) -> Masthead:
    organisation = OrganisationSettings.load()
    return Masthead(
        title=title,
        subtitle=subtitle,
        organisation=organisation.name,
        team=organisation.team_name,
        data_source=organisation.data_source,
        fetched_at=timezone.now(),
    )


@dataclass(frozen=True)
class Group:
    """Rows under one heading: a directorate, a perspective, a pledge."""

    name: str
    rows: list[MeasureRow] = field(default_factory=list)


def grouped(rows: list[MeasureRow], key) -> list[Group]:
    """Rows grouped by key in the order the groups first appear; rows without a group go last, headed
    "Not assigned" only beside named groups: where no row has a group, there is one group with no name."""
    groups: dict[str, Group] = {}
    for row in rows:
        groups.setdefault(key(row) or "", Group(key(row) or "Not assigned")).rows.append(row)
    named = [group for name, group in groups.items() if name]
    if "" not in groups:
        return named
    return [*named, groups[""]] if named else [Group("", groups[""].rows)]


@dataclass(frozen=True)
class RowFilter:
    """What a reader narrowed a report to; empty keeps every row."""

    directorate: str = ""
    pledge: str = ""
    status: Status | None = None  # kept when either the quarterly or the forecast status is this

    def keeps(self, row: MeasureRow) -> bool:
        return (
            (not self.directorate or row.directorate == self.directorate)
            and (not self.pledge or row.pledge == self.pledge)
            and (self.status is None or self.status in (row.status, row.forecast_status))
        )


EVERY_ROW = RowFilter()


# -- the tabular form every spreadsheet-like renderer lays out -----------------------------------


@dataclass(frozen=True)
class Cell:
    text: str
    number: Figure | None = None  # a figure, stored as a number in Excel with its decimals
    status: Status | None = None  # a status, filled with its colour and worded


@dataclass(frozen=True)
class Table:
    title: str
    columns: list[str]
    rows: list[list[Cell]]


def text(value: str) -> Cell:
    return Cell(value)


def figure_cell(value: Figure) -> Cell:
    return Cell(value.text, number=value if value.is_number else None)


def count_cell(count: int) -> Cell:
    """A whole number, such as a row number or how many returns: a number in Excel too."""
    return figure_cell(Figure(Decimal(count), f"{count:,}"))


def status_cell(status: Status) -> Cell:
    return Cell(status.label, status=status)
