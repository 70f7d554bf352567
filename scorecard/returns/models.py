"""Returns: what is recorded for one measure or action for one quarter."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from simple_history.models import HistoricalRecords

from scorecard.council.models import Period, choices
from scorecard.measures.fields import FigureField
from scorecard.measures.models import Measure
from scorecard.performance.assessment import Frequency, is_due
from scorecard.performance.direction import Direction
from scorecard.performance.milestones import Progress
from scorecard.performance.status import Status


class DataFlag(models.TextChoices):
    FINAL = "", "Final"
    PROVISIONAL = "provisional", "Provisional"
    FORECAST = "forecast", "Forecast"
    ESTIMATED = "estimated", "Estimated"


class WorkflowState(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    RETURNED = "returned", "Returned"
    APPROVED = "approved", "Approved"


NOT_YET_SUBMITTED = (WorkflowState.DRAFT, WorkflowState.RETURNED)

# The most characters one commentary (or comment) may hold: more than twice the longest in the seeds (1,715), short
# enough that a return still prints on a page or two. The return form, the API and the imports all check it (the
# columns stay TextFields: nothing longer is stored).
COMMENTARY_LENGTH = 4_000


def too_long(label: str) -> str:
    """The message for a commentary over the limit, naming it: "Context for current performance must be …"."""
    return f"{label[:1].upper()}{label[1:]} must be {COMMENTARY_LENGTH:,} characters or fewer"


def is_due_in(period: Period, frequency: str, reported_in_quarter: int) -> bool:
    """Whether the quarter collects a measure's figure: an annual or biennial one only from the quarter it
    arrives in."""
    return is_due(Frequency(frequency), period.quarter, reported_in_quarter=reported_in_quarter)


def is_overdue(period: Period, state: str, today: date, *, due: bool = True) -> bool:
    """Past the quarter's deadline and not yet with the approver (or approved); not started counts too.
    A measure the quarter does not collect (due False: an annual one before its figure arrives) is never overdue."""
    done = state in (WorkflowState.SUBMITTED, WorkflowState.APPROVED)
    if period.back_loading or not due:  # a back-loaded quarter is entered after the event: its deadline went long ago
        return False
    return bool(period.deadline) and today > period.deadline and not done


class Return(models.Model):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="returns")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="returns")

    actual = FigureField()
    actual_progress = models.CharField(max_length=20, choices=choices(Progress), blank=True)
    actual_text = models.CharField(
        max_length=200, blank=True, help_text="Words printed in place of a figure, e.g. “Sign off not yet received”."
    )
    forecast = FigureField("year-end forecast")
    # A percentage's own figures, so its year end is projected from them and not from averaged percentages (issue 15).
    numerator = FigureField(help_text="For a percentage: the cases that met the standard, e.g. seen within 4 hours.")
    denominator = FigureField(help_text="For a percentage: all the cases, e.g. every attendance.")
    forecast_progress = models.CharField(max_length=20, choices=choices(Progress), blank=True)
    data_flag = models.CharField(max_length=20, choices=DataFlag.choices, blank=True)
    data_note = models.CharField(max_length=200, blank=True, help_text="A note printed with the figure: “2014 data”.")

    context = models.TextField("context for current performance", blank=True)
    improvement_actions = models.TextField("improvement actions taken", blank=True)
    intervention = models.TextField("intervention / review", blank=True)

    state = models.CharField(max_length=20, choices=WorkflowState.choices, default=WorkflowState.DRAFT)
    returned_comment = models.TextField(blank=True, help_text="Why the return was sent back to its owner.")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Who last submitted it: they may not approve it unless the organisation allows self-approval.",
    )
    challenge = models.TextField(blank=True, help_text="The performance team's challenge to the commentary.")
    version = models.PositiveIntegerField(default=1, help_text="Raised by every save: a stale save is refused.")
    updated_at = models.DateTimeField(auto_now=True)

    status_override = models.CharField(max_length=20, choices=choices(Status), blank=True)
    status_override_reason = models.TextField(blank=True)
    forecast_status_override = models.CharField(max_length=20, choices=choices(Status), blank=True)
    forecast_status_override_reason = models.TextField(blank=True)
    direction_override = models.CharField(max_length=20, choices=choices(Direction), blank=True)
    direction_override_reason = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["period__year__start_year", "period__quarter", "measure__code"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "period"], name="one_return_per_quarter"),
            *(
                models.CheckConstraint(
                    condition=models.Q(**{field: ""}) | ~models.Q(**{f"{field}_reason": ""}),
                    name=f"{field}_has_a_reason",
                )
                for field in ("status_override", "forecast_status_override", "direction_override")
            ),
        ]

    def __str__(self) -> str:
        return f"{self.measure.code or self.measure.title[:40]} {self.period}"

    @property
    def state_label(self) -> str:
        """Its workflow state in words; "Not started" while nobody has saved it."""
        return self.get_state_display() if self.pk else "Not started"

    @property
    def actual_figure(self):
        return Progress(self.actual_progress) if self.actual_progress else self.actual

    @property
    def forecast_figure(self):
        return Progress(self.forecast_progress) if self.forecast_progress else self.forecast

    def clean(self) -> None:
        errors = {}
        for field in ("status_override", "forecast_status_override", "direction_override"):
            if getattr(self, field) and not getattr(self, f"{field}_reason").strip():
                errors[f"{field}_reason"] = "Give the reason for the override."
        if self.actual is not None and self.actual_progress:
            errors["actual_progress"] = "An actual is a number or a progress word, not both."
        if errors:
            raise ValidationError(errors)


# What a return's owner records: its figures, flags and commentary.
RETURN_FIELDS = (
    "actual",
    "actual_progress",
    "actual_text",
    "numerator",
    "denominator",
    "forecast",
    "forecast_progress",
    "data_flag",
    "data_note",
    "context",
    "improvement_actions",
    "intervention",
)
# What a published return shows readers: what was recorded, its state and any status set by hand.
PUBLISHED_FIELDS = (
    *RETURN_FIELDS,
    "state",
    "status_override",
    "status_override_reason",
    "forecast_status_override",
    "forecast_status_override_reason",
    "direction_override",
    "direction_override_reason",
)


class PublishedReturn(models.Model):
    """A return as it was published, kept aside when its published quarter is reopened.

    Readers and the public go on seeing these values (see returns.selectors.shown_returns) until the
    quarter's changes are approved and it is republished; then the copies are dropped.
    """

    ret = models.OneToOneField(Return, on_delete=models.CASCADE, related_name="published_copy")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="published_returns")
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="+")
    values = models.JSONField(encoder=DjangoJSONEncoder, help_text="The published fields, by name.")
    restated = models.BooleanField(default=False, help_text="Already restated since first publication.")

    def __str__(self) -> str:
        return f"{self.ret} as published"

    @classmethod
    def of(cls, ret: Return, *, restated: bool) -> PublishedReturn:
        values = {name: getattr(ret, name) for name in PUBLISHED_FIELDS}
        return cls(ret=ret, period_id=ret.period_id, measure_id=ret.measure_id, values=values, restated=restated)

    def as_return(self) -> Return:
        """An unsaved Return holding the published values, to assess and lay out like any other."""
        fields = {name: Return._meta.get_field(name).to_python(value) for name, value in self.values.items()}
        return Return(pk=self.ret_id, measure_id=self.measure_id, period_id=self.period_id, **fields)
