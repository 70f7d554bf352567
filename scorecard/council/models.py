"""The council's structure and its years: organisation settings, years and quarters, the Council Plan."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from scorecard.performance import periods
from scorecard.performance.commentary import Commentary, CommentaryRequired
from scorecard.performance.direction import Comparison
from scorecard.performance.inclusion import InclusionCriterion
from scorecard.performance.status import Status, Tolerances


def choices(enum) -> list[tuple[str, str]]:
    """Django choices from one of the rules' enums, so each word is defined once."""
    return [(member.value, member.label) for member in enum]


class DashboardColumn(models.TextChoices):
    """The dashboard's optional columns; the measure and its quarterly status always show. Without the
    quarter's figures and the comparison, the columns are 004 Appendix 2's."""

    GOOD_IS = "good_is", "Good is"
    QUARTER_TARGET = "quarter_target", "Quarterly target"
    QUARTER_ACTUAL = "quarter_actual", "Quarterly actual"
    FORECAST = "forecast", "Year-end forecast and forecast year-end status"
    YEAR_END_TARGET = "year_end_target", "Year-end target"
    COMPARISON = "comparison", "The actual compared with (same quarter last year or previous quarter)"
    DIRECTION = "direction", "Direction of travel"
    BENCHMARK = "benchmark", "Benchmark: quartile and rank among comparator councils, where a measure has one"
    SPC_VARIATION = "spc_variation", "Variation (SPC): special cause or common cause, with its icon"
    SPC_ASSURANCE = "spc_assurance", "Assurance (SPC): whether the target is consistently met, with its icon"


# The colours a Completed action may show (a per-year setting, and the organisation's default for new years).
COMPLETED_COLOURS = [(Status.BLUE.value, "Blue"), (Status.GREEN.value, "Green")]


def every_dashboard_column() -> list[str]:
    return list(DashboardColumn.values)


def known_dashboard_columns(value) -> None:
    if not isinstance(value, list) or any(column not in DashboardColumn.values for column in value):
        known = ", ".join(DashboardColumn.values)
        raise ValidationError(f"Dashboard columns must be a list of some of: {known}")


class OrganisationSettings(models.Model):
    """One row: the council running Scorecard and its default tolerances (Derby's are the defaults)."""

    name = models.CharField(max_length=200, default="Your council")
    team_name = models.CharField(max_length=200, default="Performance team")
    data_source = models.CharField(
        max_length=100, default="Scorecard", help_text="Printed in report footers as “Data Source: …”."
    )
    blue_margin = models.DecimalField(
        max_digits=6,
        decimal_places=4,
        null=True,
        blank=True,
        default=Decimal("0.02"),
        help_text="Above target by more than this fraction is Blue (0.02 is 2%). Empty: no Blue band.",
    )
    amber_margin = models.DecimalField(
        max_digits=6,
        decimal_places=4,
        default=Decimal("0.05"),
        help_text="Below target by up to this fraction is Amber (0.05 is 5%); further below is Red.",
    )
    margins_are_absolute = models.BooleanField(
        default=False, help_text="Margins in the measure's own unit (percentage points), not fractions of target."
    )
    open_data_licence = models.CharField(max_length=200, default="Open Government Licence v3.0")
    allow_self_approval = models.BooleanField(
        default=False,
        help_text="Whoever submitted a return may also approve it; each such approval is marked self-approved.",
    )
    open_data_licence_url = models.URLField(
        default="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
    )
    commentary = models.CharField(
        max_length=10,
        choices=choices(Commentary),
        default=Commentary.THREE.value,
        help_text="The commentary a return carries.",
    )
    commentary_required = models.CharField(
        max_length=20,
        choices=choices(CommentaryRequired),
        default=CommentaryRequired.RED_OR_AMBER.value,
        help_text="Which returns need their commentary before they are submitted.",
    )
    default_comparison = models.CharField(
        max_length=30,
        choices=choices(Comparison),
        default=Comparison.SAME_PERIOD_LAST_YEAR.value,
        help_text="What a new measure's direction of travel compares with.",
    )
    stabilised_word = models.BooleanField(
        default=False, help_text="New years print a direction of Same as “Stabilised” in quarterly reports."
    )
    completed_status = models.CharField(
        max_length=20,
        choices=COMPLETED_COLOURS,
        default=Status.GREEN.value,
        help_text="The colour of a Completed action in new years.",
    )
    directorate_word = models.CharField(
        max_length=60, default="Directorate", help_text="What the council calls a directorate, e.g. “Service unit”."
    )
    directorate_word_plural = models.CharField(max_length=60, default="Directorates")
    set_up_at = models.DateTimeField(
        null=True, blank=True, help_text="When the council was set up: after that the first-run page is gone."
    )
    # A random salt, with SECRET_KEY, makes the one-time set-up code every server process accepts alike.
    setup_salt = models.CharField(max_length=64, blank=True, editable=False)
    dashboard_columns = models.JSONField(
        default=every_dashboard_column,
        blank=True,
        validators=[known_dashboard_columns],
        help_text='The dashboard\'s optional columns, e.g. ["good_is", "forecast", "year_end_target", '
        '"direction"] for 004\'s layout. The forecast columns also stay hidden in a quarter with no forecasts.',
    )
    annual_benchmark = models.BooleanField(
        default=True,
        help_text="The annual results show each measure's benchmark (quartile and rank among comparator councils), "
        "where any measure has one.",
    )
    improvement_report_spc = models.BooleanField(
        default=True, help_text="The improvement report shows each measure's SPC variation and assurance."
    )
    history = HistoricalRecords(excluded_fields=["setup_salt"])

    class Meta:
        verbose_name = verbose_name_plural = "organisation settings"

    def __str__(self) -> str:
        return self.name

    @classmethod
    def load(cls) -> "OrganisationSettings":
        settings, _ = cls.objects.get_or_create(pk=1)
        return settings

    @property
    def tolerances(self) -> Tolerances:
        return Tolerances(
            blue_margin=self.blue_margin, amber_margin=self.amber_margin, absolute=self.margins_are_absolute
        )

    @property
    def no_directorate(self) -> str:
        """The heading of measures in no directorate, in the council's word: "No service unit"."""
        return f"No {self.directorate_word.lower()}"

    @property
    def commentary_rule(self) -> tuple[Commentary, CommentaryRequired]:
        return Commentary(self.commentary), CommentaryRequired(self.commentary_required)


class FinancialYear(models.Model):
    """A financial year and the settings that changed between years."""

    class SameDirection(models.TextChoices):
        SAME = "Same"
        STABILISED = "Stabilised"

    start_year = models.PositiveSmallIntegerField(
        unique=True, validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    completed_status = models.CharField(
        max_length=20,
        choices=COMPLETED_COLOURS,
        default=Status.GREEN.value,
        help_text="Colour of a Completed action: 2012/13 showed Blue, 2016/17 Green.",
    )
    inclusion_criterion = models.CharField(
        max_length=40,
        choices=choices(InclusionCriterion),
        default=InclusionCriterion.AMBER_OR_RED.value,
        help_text="Which measures the quarterly improvement report lists.",
    )
    commentary_required_for_red_amber = models.BooleanField(
        default=True, help_text="A return rated Red or Amber cannot be submitted without all three commentaries."
    )
    same_direction_label = models.CharField(
        max_length=20,
        choices=SameDirection.choices,
        default=SameDirection.SAME,
        help_text="How a direction of travel of Same is printed in this year's quarterly reports.",
    )
    collection = models.CharField(
        max_length=10,
        choices=choices(periods.Collection),
        default=periods.Collection.QUARTERLY.value,
        editable=False,  # its periods are made with it: four quarters or twelve months
        help_text="Whether the year's figures are collected by quarter or by month.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["start_year"]

    def __str__(self) -> str:
        return self.label

    @property
    def financial_year(self) -> periods.FinancialYear:
        return periods.FinancialYear(self.start_year)

    @property
    def label(self) -> str:
        return self.financial_year.label

    @property
    def collected(self) -> periods.Collection:
        return periods.Collection(self.collection)

    @property
    def is_monthly(self) -> bool:
        return self.collected is periods.Collection.MONTHLY

    @property
    def completed(self) -> Status:
        return Status(self.completed_status)

    @property
    def criterion(self) -> InclusionCriterion:
        return InclusionCriterion(self.inclusion_criterion)


class PeriodQuerySet(models.QuerySet):
    def year_ends(self) -> "PeriodQuerySet":
        """Each year's last period, whose figures are the year's outturn: quarter 4, or month 12 (March)."""
        return self.filter(models.Q(month__isnull=True, quarter=4) | models.Q(month=12))


class Period(models.Model):
    """A quarter (or, in a year collected monthly, a month) of a financial year: what returns are collected for,
    and its collection round. A month also holds the quarter it falls in, so what groups by quarter still can."""

    class State(models.TextChoices):
        NOT_OPEN = "not_open", "Not open"
        OPEN = "open", "Open for returns"
        CLOSED = "closed", "Closed"

    year = models.ForeignKey(FinancialYear, on_delete=models.CASCADE, related_name="periods")
    quarter = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(4)])
    month = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text="In a year collected monthly: 1 is April, 12 is March. Empty for a quarter.",
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.NOT_OPEN)
    deadline = models.DateField(null=True, blank=True, help_text="When returns are due.")
    published_at = models.DateTimeField(
        null=True, blank=True, help_text="When readers and the public could first see this quarter."
    )
    published_on = models.DateField(
        null=True, blank=True, help_text="The date the council published this quarter's figures (for a past quarter)."
    )
    back_loading = models.BooleanField(
        default=False,
        help_text="A past quarter entered after the event: no reminders, nothing overdue, past commentary rules.",
    )
    publication_note = models.TextField(
        blank=True, help_text="Returns not approved when it was published, and why it was published all the same."
    )
    record_held_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When a published quarter was reopened: readers see its published figures until it is republished.",
    )
    history = HistoricalRecords()
    objects = PeriodQuerySet.as_manager()

    class Meta:
        ordering = ["year__start_year", "quarter", "month"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "quarter"], condition=models.Q(month__isnull=True), name="one_period_per_quarter"
            ),
            models.UniqueConstraint(fields=["year", "month"], name="one_period_per_month"),
            models.CheckConstraint(
                condition=models.Q(month__isnull=True) | models.Q(quarter=(models.F("month") + 2) / 3),
                name="a_month_is_in_its_quarter",
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @classmethod
    def of(cls, period: periods.Quarter | periods.Month, **fields) -> "Period":
        """An unsaved row for a quarter or a month (a month keeps the quarter it falls in)."""
        if isinstance(period, periods.Month):
            return cls(quarter=period.quarter.number, month=period.number, **fields)
        return cls(quarter=period.number, **fields)

    @property
    def as_period(self) -> periods.Quarter | periods.Month:
        year = periods.FinancialYear(self.year.start_year)
        return periods.Month(year, self.month) if self.month else periods.Quarter(year, self.quarter)

    @property
    def label(self) -> str:
        return self.as_period.label

    @property
    def short_label(self) -> str:
        """Within its year: "Q2", or the month's name, "April"."""
        return periods.month_name(self.month) if self.month else f"Q{self.quarter}"

    @property
    def number(self) -> int:
        """Its number in the year: the quarter's 1 to 4, or the month's 1 to 12."""
        return self.month or self.quarter

    @property
    def number_name(self) -> str:
        """What its number is called in a link's filters and in spreadsheets: "quarter" or "month"."""
        return "month" if self.month else "quarter"

    @property
    def how_often(self) -> str:
        """How its status is called: "Quarterly status", or "Monthly status" for a month."""
        return "Monthly" if self.month else "Quarterly"

    @property
    def is_year_end(self) -> bool:
        """The year's last period: its actual is the year's outturn."""
        return self.month == 12 if self.month else self.quarter == 4

    @property
    def is_open(self) -> bool:
        return self.state == self.State.OPEN

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def published_date(self):
        """The date the council published the quarter: as recorded for a past quarter, else when Scorecard did."""
        if self.published_on:
            return self.published_on
        return timezone.localtime(self.published_at).date() if self.published_at else None

    @property
    def holds_published_record(self) -> bool:
        """Reopened since it was published: readers see the figures as published until it is republished."""
        return self.record_held_at is not None


class Listed(models.Model):
    """Something the council names and lists in its own order: a pledge, a directorate, …"""

    name = models.CharField(max_length=200, unique=True)
    order = models.PositiveSmallIntegerField(default=0, help_text="Position in reports; lower comes first.")

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Pledge(Listed):
    """A Council Plan pledge, e.g. Safe Derby."""


class Priority(models.Model):
    """A Council Plan priority under a pledge, e.g. Protecting Vulnerable Children and Adults."""

    pledge = models.ForeignKey(Pledge, on_delete=models.PROTECT, related_name="priorities")
    name = models.CharField(max_length=200)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["pledge__order", "order", "name"]
        verbose_name_plural = "priorities"
        constraints = [models.UniqueConstraint(fields=["pledge", "name"], name="priority_name_unique_in_pledge")]

    def __str__(self) -> str:
        return self.name


class Directorate(Listed):
    """A directorate, e.g. People Services: owners and approvers hold their roles in one."""


class Portfolio(Listed):
    """A Cabinet portfolio; the dashboard marks its measures."""


class Perspective(Listed):
    """A balanced-scorecard perspective, e.g. Value for Money (004 Appendix 2)."""
