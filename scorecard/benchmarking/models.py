"""Comparator data: areas, comparator groups, external measures, their comparison values, and each load of them.

Comparison values are reference data, not returns: written in bulk by a load (which records the file, its hash,
who and when), never one by one, and so kept without a per-value history; the groups, measures, mappings and
settings a performance team edits keep theirs.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from scorecard.council.models import choices
from scorecard.measures.fields import FigureField
from scorecard.measures.models import Measure, Unit
from scorecard.performance.status import Polarity


class Source(models.TextChoices):
    OFLOG = "oflog", "Oflog data explorer"
    LGBF = "lgbf", "Local Government Benchmarking Framework (Scotland)"
    GENERIC = "generic", "Generic file (e.g. an LG Inform download)"
    SCORECARD = "scorecard", "Made in Scorecard"


class Area(models.Model):
    """A council (or a country, for a national figure), by its ONS/GSS code."""

    class Kind(models.TextChoices):
        UNITARY = "unitary", "Unitary authority"
        COUNTY = "county", "County council"
        DISTRICT = "district", "District council"
        METROPOLITAN = "metropolitan", "Metropolitan borough"
        LONDON_BOROUGH = "london_borough", "London borough"
        SCOTTISH = "scottish_council", "Scottish council"
        WELSH = "welsh_council", "Welsh council"
        NORTHERN_IRISH = "northern_irish_council", "Northern Irish council"
        COUNTRY = "country", "Country"
        OTHER = "other", "Other area"

    code = models.CharField(max_length=12, unique=True, help_text="The ONS (GSS) code, e.g. E06000015.")
    name = models.CharField(max_length=200)
    kind = models.CharField("kind of council", max_length=30, choices=Kind.choices, default=Kind.OTHER)
    region = models.CharField(max_length=60, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Load(models.Model):
    """One import of comparator data: what file (and its SHA-256), how many rows and values, who and when."""

    source = models.CharField(max_length=20, choices=Source.choices)
    file_name = models.CharField(max_length=255)
    sha256 = models.CharField("file SHA-256", max_length=64)
    groups_file_name = models.CharField(max_length=255, blank=True)
    groups_sha256 = models.CharField("groups file SHA-256", max_length=64, blank=True)
    rows = models.PositiveIntegerField(help_text="Rows read from the file.")
    values_new = models.PositiveIntegerField(default=0)
    values_changed = models.PositiveIntegerField(default=0)
    values_unchanged = models.PositiveIntegerField(default=0)
    areas_created = models.PositiveIntegerField(default=0)
    groups_loaded = models.PositiveIntegerField(default=0)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="comparator_loads")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_source_display()}: {self.file_name} ({self.at:%d %b %Y %H:%M})"


class ComparatorGroup(models.Model):
    """The councils a council compares itself with: all of a kind, a region, nearest neighbours, a family group,
    or a group the council makes itself. Some memberships are licensed (CIPFA's): those are never published."""

    class Kind(models.TextChoices):
        SAME_KIND = "same_kind", "All councils of the same kind"
        REGION = "region", "A region"
        NEAREST_NEIGHBOURS = "nearest_neighbours", "Nearest neighbours"
        FAMILY_GROUP = "family_group", "LGBF family group"
        OWN = "own", "The council's own group"

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    source = models.CharField(max_length=100, blank=True, help_text="Who drew the group up, e.g. Oflog or CIPFA.")
    vintage = models.CharField(max_length=40, blank=True, help_text="Which edition, e.g. 2022/23 or CIPFA 2019.")
    publishable = models.BooleanField(
        "membership may be published",
        default=True,
        help_text="Untick for a licensed list (CIPFA nearest neighbours): reports then name the group, not members.",
    )
    neighbours_of = models.ForeignKey(
        Area, on_delete=models.PROTECT, null=True, blank=True, related_name="neighbour_groups"
    )
    members = models.ManyToManyField(Area, related_name="comparator_groups")
    load = models.ForeignKey(Load, on_delete=models.SET_NULL, null=True, blank=True, related_name="groups")
    history = HistoricalRecords(m2m_fields=[members])

    class Meta:
        ordering = ["kind", "name"]
        constraints = [models.UniqueConstraint(fields=["name"], name="comparator_group_name_unique")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.kind == self.Kind.NEAREST_NEIGHBOURS and self.neighbours_of_id is None:
            raise ValidationError({"neighbours_of": "Say whose nearest neighbours these are."})


class ExternalMeasure(models.Model):
    """A measure published by someone else (Oflog, the LGBF, LG Inform), by the source's own code."""

    source = models.CharField(max_length=20, choices=Source.choices)
    code = models.CharField("external code", max_length=60)
    title = models.CharField(max_length=500)
    unit = models.CharField(max_length=20, choices=Unit.choices, default=Unit.SCORE)
    polarity = models.CharField("good is", max_length=10, choices=choices(Polarity), default=Polarity.NONE.value)
    decimals = models.PositiveSmallIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["source", "code"]
        constraints = [models.UniqueConstraint(fields=["source", "code"], name="external_measure_code_unique")]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def good_is(self) -> Polarity:
        return Polarity(self.polarity)


class ComparisonValue(models.Model):
    """One external measure's value for one area and period (a financial year "2016/17" or a calendar year
    "2016", kept as published). A suppressed value is held as such and left out of every ranking."""

    # Millions of values are loaded at once: the database's per-row foreign-key checks, and an index per key, would
    # cost more than the load itself. The keys are kept by the load (its ids come from the tables) and Django's
    # on_delete; the unique index below, measure first, is the one the reads use.
    measure = models.ForeignKey(
        ExternalMeasure,
        on_delete=models.CASCADE,
        related_name="comparison_values",
        db_constraint=False,
        db_index=False,
    )
    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, related_name="comparison_values", db_constraint=False, db_index=False
    )
    period = models.CharField(max_length=7)
    value = FigureField()
    numerator = FigureField()
    denominator = FigureField()
    provisional = models.BooleanField(default=False)
    suppressed = models.BooleanField(default=False)
    load = models.ForeignKey(
        Load,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="values",
        db_constraint=False,
        db_index=False,
    )

    class Meta:
        constraints = [
            # measure and period first: the index that answers "every area's value for this measure and period"
            models.UniqueConstraint(fields=["measure", "period", "area"], name="comparison_value_unique")
        ]

    def __str__(self) -> str:
        return f"{self.measure.code} {self.area.code} {self.period}: {self.value}"


class MeasureMapping(models.Model):
    """Which external measure one of our measures is benchmarked against, how alike they are, and against which
    group (empty: the council's default group)."""

    class Match(models.TextChoices):
        IDENTICAL = "identical", "Identical (same definition)"
        EQUIVALENT = "equivalent", "Equivalent (same thing, defined a little differently)"
        PROXY = "proxy", "Proxy (a related measure standing in)"

    measure = models.OneToOneField(Measure, on_delete=models.CASCADE, related_name="benchmark_mapping")
    external = models.ForeignKey(ExternalMeasure, on_delete=models.PROTECT, related_name="mappings")
    match = models.CharField(max_length=20, choices=Match.choices, default=Match.IDENTICAL)
    caveat = models.TextField(blank=True, help_text="What a reader should know when comparing, e.g. a different base.")
    conversion = models.DecimalField(
        max_digits=18,
        decimal_places=6,
        null=True,
        blank=True,
        help_text="What an external value is multiplied by to be in our unit: 100 turns a fraction into a %.",
    )
    group = models.ForeignKey(ComparatorGroup, on_delete=models.PROTECT, null=True, blank=True, related_name="mappings")
    history = HistoricalRecords()

    class Meta:
        ordering = ["measure__code"]

    def __str__(self) -> str:
        return f"{self.measure} → {self.external}"

    def clean(self) -> None:
        problems = mapping_problems(self)
        if problems:
            raise ValidationError(problems)


def mapping_problems(mapping: MeasureMapping) -> dict[str, str]:
    """What is wrong with a mapping, by field: different units need a conversion, a proxy needs its caveat."""
    problems = {}
    measure, external = mapping.measure, mapping.external
    if measure.unit != external.unit and mapping.conversion is None:
        problems["conversion"] = (
            f"{measure.code or measure.title} is in {measure.get_unit_display()} and {external.code} in "
            f"{external.get_unit_display()}: give the conversion factor, or choose a measure in the same unit"
        )
    if mapping.conversion is not None and mapping.conversion <= 0:
        problems["conversion"] = "The conversion factor must be above zero"
    if mapping.match == MeasureMapping.Match.PROXY and not mapping.caveat.strip():
        problems["caveat"] = "Say how the proxy differs from the measure, for readers"
    return problems


class BenchmarkSettings(models.Model):
    """One row: which area is the council itself, and the group its measures are compared with unless a mapping
    names another."""

    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, null=True, blank=True, related_name="+", help_text="The council itself."
    )
    default_group = models.ForeignKey(
        ComparatorGroup, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "benchmark settings"

    def __str__(self) -> str:
        return f"Benchmarking as {self.area or 'no area yet'}"

    @classmethod
    def load(cls) -> "BenchmarkSettings":
        found, _ = cls.objects.get_or_create(pk=1)
        return found
