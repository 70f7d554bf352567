"""What every report carries besides its rows: who publishes it, from what, and when it was fetched."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone

from scorecard.council.models import OrganisationSettings, Period
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
    published_on: date | None = None  # when the council published the quarter (for a past quarter, as recorded)
    about_a_quarter: bool = False

    @property
    def published_label(self) -> str:
        """“Published 12 August 2014”, or “Not yet published” for a quarter's report seen before publication."""
        if self.published_on:
            return f"Published {self.published_on:%-d %B %Y}"
        return "Not yet published" if self.about_a_quarter else ""

    @property
    def document_title(self) -> str:
        """What a PDF or Word document is called in its reader's title bar and by a screen reader."""
        named = ", ".join(words for words in (self.title, self.subtitle) if words)
        return f"{named} – {self.organisation}" if self.organisation else named

    @property
    def fetched_label(self) -> str:
        """As 002's footer: "Friday 24 August 2018 11:12:02"."""
        return timezone.localtime(self.fetched_at).strftime("%A %-d %B %Y %H:%M:%S")


def period_words(words: str, *, monthly: bool) -> str:
    """Derby's quarterly words, in a year collected monthly in months: "Quarterly target" reads "Monthly target",
    "against the quarter's target" "against the month's target"."""
    if not monthly:
        return words
    return words.replace("Quarterly", "Monthly").replace("quarterly", "monthly").replace("quarter", "month")


def masthead(title: str, subtitle: str, *, period: Period | None = None) -> Masthead:
    organisation = OrganisationSettings.load()
    return Masthead(
        published_on=period.published_date if period else None,
        about_a_quarter=period is not None,
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


def grouped(rows: list[MeasureRow], key, *, order: list[str] | None = None) -> list[Group]:
    """Rows grouped by key, the groups in the council's order (names as listed) or else as they first appear;
    rows without a group go last, headed "Not assigned" only beside named groups: where no row has a group,
    there is one group with no name."""
    groups: dict[str, Group] = {}
    for row in rows:
        groups.setdefault(key(row) or "", Group(key(row) or "Not assigned")).rows.append(row)
    named = [group for name, group in groups.items() if name]
    if order is not None:
        position = {name: index for index, name in enumerate(order)}
        named.sort(key=lambda group: position.get(group.name, len(position)))  # stable: unlisted as they came
    if "" not in groups:
        return named
    return [*named, groups[""]] if named else [Group("", groups[""].rows)]


def listed(model) -> list[str]:
    """The names of a council's directorates, pledges or perspectives in its own order (Listed.order)."""
    return list(model.objects.order_by("order", "name").values_list("name", flat=True))


@dataclass(frozen=True)
class RowFilter:
    """What a reader narrowed a report to; empty keeps every row."""

    directorate: str = ""
    pledge: str = ""
    status: Status | None = None  # kept when either the quarterly or the forecast status is this
    variation: str = ""  # "concern" or "improvement": special cause of that kind at the latest point (SPC)

    def keeps(self, row: MeasureRow) -> bool:
        return (
            (not self.directorate or row.directorate == self.directorate)
            and (not self.pledge or row.pledge == self.pledge)
            and (self.status is None or self.status in (row.status, row.forecast_status))
            and (not self.variation or (row.spc is not None and row.spc.variation.startswith(self.variation)))
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


BENCHMARK_HEADING = "Benchmark (1 = best)"


def benchmark_cell(row: MeasureRow) -> Cell:
    """ "Second quartile, 7th of 16", with the benchmark's own year where it is not the report's; empty without."""
    return text(row.benchmark.cell if row.benchmark else "")
