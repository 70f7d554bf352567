"""What the API reads and writes, as OpenAPI schemas. Figures travel as exact decimal strings ("44745", "93.5")."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from ninja import Schema
from pydantic import AfterValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from scorecard.returns.models import COMMENTARY_LENGTH, too_long


def commentary(label: str, kind: type = str | None):
    """A commentary's text, refused with the web form's message when it is longer than a commentary may be."""

    def within_limit(value: str | None) -> str | None:
        if value is not None and len(value) > COMMENTARY_LENGTH:
            raise PydanticCustomError("too_long", too_long(label))
        return value

    return Annotated[kind, AfterValidator(within_limit), Field(json_schema_extra={"maxLength": COMMENTARY_LENGTH})]


Context = commentary("context for current performance")
ImprovementActions = commentary("improvement actions taken")
Intervention = commentary("intervention / review")
Comment = commentary("the comment", str)


class FieldProblem(Schema):
    field: str
    message: str


class Problem(Schema):
    """Why a request was not done: a sentence for a person, and each field at fault."""

    detail: str
    errors: list[FieldProblem] = []


# Every answer but success is a Problem: a read is refused for a wrong token, a thing not found or not yet
# published, or a mistaken query; a change also for breaking a rule, not being allowed, or an older copy.
READ_REFUSALS = dict.fromkeys((401, 404, 422), Problem)
REFUSALS = dict.fromkeys((400, 401, 403, 404, 409, 422), Problem)


class Word(Schema):
    """One word of Scorecard's vocabulary: its value in the API and how reports print it."""

    value: str
    label: str


class StatusWord(Word):
    colour: str = Field(description="Background colour of a status cell in PDF, Word and Excel.")
    text_colour: str


class PeriodOut(Schema):
    id: int
    year: str = Field(examples=["2017/18"])
    quarter: int = Field(description="The quarter; for a month, the quarter it falls in.")
    month: int | None = Field(description="In a year collected monthly, the month: 1 is April, 12 is March.")
    label: str = Field(examples=["2017/18 Q2", "April 2017"])
    state: str = Field(description="not_open, open or closed")
    deadline: date | None
    published_at: datetime | None
    published_on: date | None = Field(description="The date the council published the quarter (as recorded).")
    back_loading: bool = Field(description="A past quarter entered after the event: nothing overdue, no reminders.")


class YearOut(Schema):
    year: str = Field(examples=["2017/18"])
    starts: date
    ends: date
    completed_status: str = Field(description="The status a Completed action shows this year: blue or green.")
    inclusion_criterion: str
    commentary_required_for_red_amber: bool
    collection: str = Field(description="quarterly or monthly: its periods are four quarters or twelve months.")
    quarters: list[PeriodOut] = Field(description="Its periods: the quarters, or the months of a monthly year.")


class Place(Schema):
    """A measure's place in one year's scorecard."""

    year: str
    code: str
    title: str
    directorate: str
    pledge: str
    priority: str
    perspective: str
    portfolios: list[str]


class MeasureOut(Schema):
    id: int
    kind: str = Field(description="measure or action (a Council Plan action)")
    code: str
    title: str
    definition: str
    good_is: str = Field(description="high, low or none")
    unit: str
    unit_label: str = Field(description="How reports print the unit (“per 100,000 collections”); empty: its name.")
    minimum: str | None = Field(description="The lowest figure a return may record (the unit's or the measure's own).")
    maximum: str | None = Field(description="The highest figure a return may record; empty: no limit.")
    decimals: int
    frequency: str
    comparison: str = Field(description="What the direction of travel compares with.")
    aliases: list[str]
    place: Place | None = Field(None, description="Given when a year was asked for.")


class TargetOut(Schema):
    measure_id: int
    code: str
    year: str
    quarter: int | None = Field(description="Empty for the year-end target.")
    month: int | None = Field(description="A month's target in a year collected monthly (1 is April).")
    value: str | None
    progress: str | None


class Assessment(Schema):
    status: str
    forecast_status: str
    direction: str
    set_by_hand: list[str] = Field(description="Which of the three the performance team overrode.")
    set_by_hand_reasons: dict[str, str] = Field(
        description="Why each was set by hand, keyed by status, forecast_status or direction; empty if none was."
    )


class ProjectionOut(Schema):
    """The year end projected from the measure's own history (docs/projection.md), or why there is none."""

    value: str | None = Field(description="The projected year end; empty where none can be made (see reason).")
    low: str | None = Field(description="The range's lower end; empty without a range (fewer than two earlier years).")
    high: str | None
    method: str | None = Field(description="straight line, share of year, seasonal naive, exponential smoothing, …")
    coverage: float | None = Field(description="The stated share of year ends a range like this holds (0-1).")
    coverage_words: str
    basis: str = Field(description="Why this method: how it and the straight line did on the earlier years.")
    required_run_rate: str
    forecast_outside_range: bool
    reason: str = Field(description="Why there is no projection (no year-end target, no figures …); empty if there is.")


class Workflow(Schema):
    """Sign-off details, for the people who work on returns (not readers or the public)."""

    state: str = Field(description="draft, submitted, returned or approved")
    version: int = Field(description="Send it back with a change: a change made from an older copy is refused.")
    returned_comment: str
    challenge: str
    updated_at: datetime | None


class ReturnOut(Schema):
    id: int | None = Field(description="Empty while nobody has started the return.")
    period_id: int
    period: str
    measure_id: int
    code: str
    title: str
    actual: str | None
    actual_progress: str | None
    actual_text: str
    numerator: str | None = Field(description="A percentage's or rate's numerator, when recorded.")
    denominator: str | None = Field(description="A percentage's or rate's denominator, when recorded.")
    forecast: str | None
    forecast_progress: str | None
    data_flag: str
    data_note: str
    context: str
    improvement_actions: str
    intervention: str
    target: str | None
    year_end_target: str | None
    assessment: Assessment
    projection: ProjectionOut | None = Field(None, description="Empty for actions and progress words.")
    workflow: Workflow | None


class ReturnChange(Schema):
    """The fields to change (others stay as they are) and the version they were read at."""

    model_config = ConfigDict(extra="forbid")  # a misspelt field is refused, not silently ignored

    version: int = Field(ge=0, le=2_147_483_647)
    actual: Decimal | None = None
    forecast: Decimal | None = None
    numerator: Decimal | None = Field(None, description="Percentages and rates only; give the denominator too.")
    denominator: Decimal | None = Field(None, description="Percentages and rates only; give the numerator too.")
    actual_progress: str | None = None
    forecast_progress: str | None = None
    data_flag: str | None = None
    data_note: str | None = None
    context: Context = None
    improvement_actions: ImprovementActions = None
    intervention: Intervention = None


class SignOff(Schema):
    """The version the return was read at, as every change to a return carries: a sign-off of an older copy is
    refused (409)."""

    model_config = ConfigDict(extra="forbid")

    version: int = Field(ge=0, le=2_147_483_647)


class SendBack(SignOff):
    comment: Comment = Field(description="What the owner needs to change: they see it on the return.")


class Reopen(SignOff):
    reason: Comment = Field(description="Why an approved return is reopened: its owner sees it as a sent-back comment.")


class CellOut(Schema):
    text: str
    number: str | None
    status: str | None


class TableOut(Schema):
    title: str
    columns: list[str]
    rows: list[list[CellOut]]


class ReportOut(Schema):
    title: str
    subtitle: str
    organisation: str
    fetched_at: datetime
    published_on: date | None = Field(None, description="When the council published the report's quarter.")
    tables: list[TableOut]
