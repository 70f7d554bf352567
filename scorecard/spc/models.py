"""What the performance team and officers decide about a measure's SPC chart (issue 12 §3): whether it is
charted, limits fixed after N points, rebases that start a new segment, and dated annotations. All kept in the
history with who and when; nothing here is ever set automatically (Making Data Count's guidance)."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from scorecard.council.models import Period
from scorecard.measures.models import Measure


class SpcSettings(models.Model):
    """A measure's SPC settings; a measure without a row is charted (unless it is a milestone) with limits
    from all its points."""

    measure = models.OneToOneField(Measure, on_delete=models.CASCADE, related_name="spc_settings")
    charted = models.BooleanField(default=True, help_text="No: the measure has no SPC chart or icons.")
    fix_after = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Limits from the first N points of each segment (12 or more). Empty: all."
    )
    reason = models.TextField(help_text="Why the settings are as they are: kept in the history.")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "SPC settings"
        verbose_name_plural = "SPC settings"

    def __str__(self) -> str:
        return f"SPC settings of {self.measure}"


class Rebase(models.Model):
    """A period that starts a new segment of the chart (a change of definition, a new service), with why."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="rebases")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["period__year__start_year", "period__quarter"]
        constraints = [models.UniqueConstraint(fields=["measure", "period"], name="one_rebase_per_period")]

    def __str__(self) -> str:
        return f"{self.measure}: new segment from {self.period}"


class Annotation(models.Model):
    """A dated note on a measure's chart: "new IT system live"."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="annotations")
    on = models.DateField("date")
    note = models.CharField(max_length=200)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["on", "pk"]

    def __str__(self) -> str:
        return f"{self.measure}, {self.on:%-d %B %Y}: {self.note}"
