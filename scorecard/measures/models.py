"""Measures and Council Plan actions, each year's scorecard, and targets with their amendments."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from scorecard.council.models import (
    Directorate,
    FinancialYear,
    OrganisationSettings,
    Period,
    Perspective,
    Portfolio,
    Priority,
    choices,
)
from scorecard.measures.fields import FigureField, plain
from scorecard.performance.assessment import Frequency
from scorecard.performance.benchmark_targets import Basis
from scorecard.performance.direction import Comparison
from scorecard.performance.milestones import Progress
from scorecard.performance.status import Polarity, Tolerances


class Unit(models.TextChoices):
    COUNT = "count", "Count"
    PERCENT = "percent", "%"
    RATE_PER_1000 = "rate_per_1000", "Rate per 1,000 population"
    RATE_PER_10000 = "rate_per_10000", "Rate per 10,000 population"
    RATE_PER_100000 = "rate_per_100000", "Rate per 100,000 population"
    DAYS = "days", "Days"
    POUNDS = "pounds", "£"
    SCORE = "score", "Score"
    MILESTONE = "milestone", "Milestone (progress words)"


class Accumulation(models.TextChoices):
    YEAR_TO_DATE = "year_to_date", "Year to date"
    SNAPSHOT = "snapshot", "Snapshot"
    DISCRETE = "discrete", "Discrete period"
    ROLLING_12_MONTHS = "rolling_12_months", "Rolling 12 months"


class Measure(models.Model):
    """A measure (KPI) or a Council Plan action: whatever a return is recorded for.

    An action has no number: its returns carry a progress word (Completed, On track, …), as do
    milestone-type measures (unit Milestone).
    """

    class Kind(models.TextChoices):
        MEASURE = "measure", "Measure"
        ACTION = "action", "Council Plan action"

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.MEASURE)
    code = models.CharField(
        max_length=60, blank=True, help_text="Reference code, e.g. CM PM15. Former codes go in aliases."
    )
    title = models.CharField(max_length=500)
    definition = models.TextField(blank=True)
    polarity = models.CharField("good is", max_length=10, choices=choices(Polarity), default=Polarity.HIGH.value)
    unit = models.CharField(max_length=20, choices=Unit.choices, default=Unit.COUNT)
    unit_label = models.CharField(
        max_length=60,
        blank=True,
        help_text="How the unit is printed on reports, e.g. “per 100,000 collections”. Empty: the unit's own name.",
    )
    minimum = FigureField(help_text="The lowest figure that can be recorded. Empty: the unit's natural floor.")
    maximum = FigureField(help_text="The highest figure that can be recorded. Empty: the unit's natural ceiling.")
    decimals = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(6)])
    frequency = models.CharField(max_length=20, choices=choices(Frequency), default=Frequency.QUARTERLY.value)
    reported_in_quarter = models.PositiveSmallIntegerField(
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text="Annual and biennial measures: the quarter their figure arrives; rated from then to the year end.",
    )
    accumulation = models.CharField(max_length=20, choices=Accumulation.choices, default=Accumulation.YEAR_TO_DATE)
    reporting_lag_months = models.PositiveSmallIntegerField(
        default=0,
        validators=[MaxValueValidator(24)],
        help_text="How far in arrears the figure is reported: 3 is “reported a quarter in arrears”.",
    )
    comparison = models.CharField(
        "direction of travel compares with",
        max_length=30,
        choices=choices(Comparison),
        default=Comparison.SAME_PERIOD_LAST_YEAR.value,
    )
    own_tolerances = models.BooleanField(
        default=False, help_text="Use this measure's margins below instead of the organisation's."
    )
    blue_margin = models.DecimalField(
        max_digits=12, decimal_places=4, null=True, blank=True, help_text="Empty: no Blue band."
    )
    amber_margin = models.DecimalField(max_digits=12, decimal_places=4, null=True, blank=True)
    margins_are_absolute = models.BooleanField(
        default=False, help_text="Margins in the measure's unit (percentage points) rather than fractions of target."
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="measures"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "code", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=~models.Q(code=""), name="measure_code_unique_when_given"
            ),
            models.CheckConstraint(
                condition=models.Q(own_tolerances=False) | models.Q(amber_margin__isnull=False),
                name="own_tolerances_need_an_amber_margin",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}".strip()

    @property
    def is_action(self) -> bool:
        return self.kind == self.Kind.ACTION

    @property
    def is_milestone(self) -> bool:
        return self.is_action or self.unit == Unit.MILESTONE

    @property
    def good_is(self) -> Polarity:
        return Polarity(self.polarity)

    def tolerances(self, organisation: OrganisationSettings) -> Tolerances:
        if not self.own_tolerances:
            return organisation.tolerances
        return Tolerances(
            blue_margin=self.blue_margin, amber_margin=self.amber_margin, absolute=self.margins_are_absolute
        )

    def clean(self) -> None:
        if self.is_action and self.unit != Unit.MILESTONE:
            raise ValidationError({"unit": "A Council Plan action is reported as a milestone."})
        if self.own_tolerances and self.amber_margin is None:
            raise ValidationError({"amber_margin": "Give an amber margin, or use the organisation's tolerances."})
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise ValidationError(
                {"minimum": f"The minimum, {plain(self.minimum)}, is above the maximum, {plain(self.maximum)}"}
            )


class MeasureAlias(models.Model):
    """Another code a measure has been known by: a former code or a national indicator number."""

    class Kind(models.TextChoices):
        FORMER_CODE = "former_code", "Former code"
        NATIONAL_INDICATOR = "national_indicator", "National indicator"

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="aliases")
    code = models.CharField(max_length=60)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.FORMER_CODE)

    class Meta:
        verbose_name_plural = "measure aliases"
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["measure", "code"], name="alias_once_per_measure")]

    def __str__(self) -> str:
        return self.code


class ScorecardEntry(models.Model):
    """A measure's or action's place in one year's scorecard: the scorecard is refreshed annually."""

    year = models.ForeignKey(FinancialYear, on_delete=models.CASCADE, related_name="entries")
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="entries")
    priority = models.ForeignKey(Priority, on_delete=models.PROTECT, null=True, blank=True)
    perspective = models.ForeignKey(Perspective, on_delete=models.PROTECT, null=True, blank=True)
    directorate = models.ForeignKey(Directorate, on_delete=models.PROTECT, null=True, blank=True)
    portfolios = models.ManyToManyField(Portfolio, blank=True, related_name="entries")
    code = models.CharField(max_length=60, blank=True, help_text="The code this year, if it differed.")
    title = models.CharField(max_length=500, blank=True, help_text="The title this year, if it differed.")
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords(m2m_fields=[portfolios])

    class Meta:
        verbose_name = "scorecard entry"
        verbose_name_plural = "scorecard entries"
        ordering = ["year__start_year", "order"]
        constraints = [models.UniqueConstraint(fields=["year", "measure"], name="once_per_year_scorecard")]

    def __str__(self) -> str:
        return f"{self.year}: {self.display_code} {self.display_title}".strip()

    @property
    def display_code(self) -> str:
        return self.code or self.measure.code

    @property
    def display_title(self) -> str:
        return self.title or self.measure.title


class Target(models.Model):
    """A measure's target for one quarter, or for the year end (no period)."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="targets")
    year = models.ForeignKey(FinancialYear, on_delete=models.CASCADE, related_name="targets")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, null=True, blank=True, related_name="targets")
    value = FigureField()
    progress = models.CharField(
        max_length=20, choices=choices(Progress), blank=True, help_text="For milestone-type measures."
    )
    benchmark_basis = models.CharField(
        max_length=20,
        choices=[(basis.value, basis.label) for basis in Basis],
        blank=True,
        help_text="Set from comparator councils' figures: the value is the number they gave when it was set.",
    )
    benchmark_source = models.CharField(
        max_length=500, blank=True, help_text="Which figures the value came from: the group, measure and period."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["year__start_year", "period__quarter"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "period"], condition=models.Q(period__isnull=False), name="one_target_per_quarter"
            ),
            models.UniqueConstraint(
                fields=["measure", "year"], condition=models.Q(period__isnull=True), name="one_year_end_target"
            ),
        ]

    def __str__(self) -> str:
        when = self.period.label if self.period_id else f"{self.year} year end"
        return f"{self.measure.code} {when}: {self.figure_label}"

    @property
    def figure(self):
        return Progress(self.progress) if self.progress else self.value

    @property
    def figure_label(self) -> str:
        return Progress(self.progress).label if self.progress else plain(self.value)

    def clean(self) -> None:
        if self.period_id and self.period.year_id != self.year_id:
            raise ValidationError({"period": "The quarter must be in the target's year."})
        if self.value is not None and self.progress:
            raise ValidationError("A target is a number or a progress word, not both.")


class TargetAmendment(models.Model):
    """A change to a target, with why and who approved it (003: proposed at the mid-year review)."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="amendments")
    old_value = FigureField()
    new_value = FigureField()
    reason = models.TextField()
    approved_by = models.CharField(max_length=200, blank=True, help_text="Empty while only proposed.")
    approved_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["recorded_at"]

    def __str__(self) -> str:
        return f"{self.target.measure.code}: {self.old_value} → {self.new_value}"

    @property
    def is_approved(self) -> bool:
        return bool(self.approved_by and self.approved_on)
