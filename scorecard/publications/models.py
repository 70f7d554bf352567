"""Publications: each published report kept as it was published, for good.

A version's rows (and its files' rows, and a restatement note) are written once and never changed: the database
refuses an UPDATE or DELETE of them (triggers, migration 0002), and here save() and delete() refuse too, so no
page, command or admin can try.
"""

from __future__ import annotations

from django.db import models

from scorecard.council.models import Period, choices
from scorecard.performance.publication import RestatementCategory

FOR_GOOD = "A published version is kept as it was published: it cannot be changed or deleted."


class Kept(models.Model):
    """A row written once: saving it again or deleting it is refused (the database refuses it too)."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError(FOR_GOOD)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError(FOR_GOOD)


class Report(models.TextChoices):
    DASHBOARD = "dashboard", "Council Scorecard dashboard"
    IMPROVEMENT = "improvement", "Quarterly improvement report"
    ANNUAL = "annual", "Annual performance results"
    CABINET = "cabinet", "Cabinet paper"


class Restatement(Kept):
    """The note published with a corrected version: what was corrected, why, what it means, who approved it."""

    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="restatements")
    category = models.CharField(max_length=20, choices=choices(RestatementCategory))
    what_changed = models.TextField(help_text="What was corrected, and why.")
    effect = models.TextField(help_text="The effect of the correction on the report's conclusions.")
    approved_by = models.CharField(max_length=200, help_text="Who approved publishing the correction.")
    made_at = models.DateTimeField()
    made_by = models.CharField(max_length=150)

    class Meta:
        ordering = ["made_at"]

    def __str__(self) -> str:
        return f"Restatement of {self.period}: {self.get_category_display()}"


class Version(Kept):
    report = models.CharField(max_length=20, choices=Report.choices)
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    published_at = models.DateTimeField()
    published_on = models.DateField(help_text="The date the council published it.")
    published_by = models.CharField(max_length=150, help_text="Who published it, by name, as it was then.")
    restatement = models.ForeignKey(Restatement, null=True, on_delete=models.PROTECT, related_name="versions")
    scorecard_version = models.CharField(max_length=40)

    class Meta:
        ordering = ["-published_at", "report"]
        constraints = [models.UniqueConstraint(fields=["report", "period", "number"], name="one_version_number")]

    def __str__(self) -> str:
        return f"{self.get_report_display()} {self.period} version {self.number}"

    @property
    def slug(self) -> str:
        """The quarter as its addresses name it: 2018-19-q2."""
        return self.period.as_period.slug.lower()


FORMAT_NAMES = {
    "html": "Web page",
    "pdf": "PDF",
    "docx": "Word",
    "xlsx": "Excel",
    "csv": "CSV",
    "json": "Data (JSON)",
    "manifest": "Manifest",
}


class VersionFile(Kept):
    """One of a version's files in the publications storage, with the SHA-256 it had when published."""

    version = models.ForeignKey(Version, on_delete=models.PROTECT, related_name="files")
    format = models.CharField(max_length=10)  # json (the data), html, pdf, docx, xlsx, csv, or manifest
    name = models.CharField(max_length=300, unique=True, help_text="Its name in the publications storage.")
    sha256 = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField()
    content_type = models.CharField(max_length=100)

    class Meta:
        ordering = ["version", "pk"]
        constraints = [models.UniqueConstraint(fields=["version", "format"], name="one_file_per_format")]

    def __str__(self) -> str:
        return self.name

    @property
    def filename(self) -> str:
        return self.name.rsplit("/", 1)[-1]

    @property
    def label(self) -> str:
        return FORMAT_NAMES[self.format]
