"""Writes to measures: the catalogue of measures, and setting up a new year's scorecard from the last one."""

from __future__ import annotations

from django.db import transaction

from scorecard.accounts import permissions
from scorecard.council.models import FinancialYear, OrganisationSettings, Period
from scorecard.council.services import periods_make
from scorecard.measures.models import Measure, ScorecardEntry, Target
from scorecard.returns.services import Refused

YEAR_SETTINGS = ("completed_status", "inclusion_criterion", "same_direction_label", "commentary_required_for_red_amber")


@transaction.atomic
def scorecard_copy(*, from_year: FinancialYear, to_start_year: int, by) -> FinancialYear:
    """Copy a year's scorecard (entries, portfolios, targets) into a later year that has none yet.

    Measures keep their tolerances, which belong to the measure; the targets come across unchanged, for the
    performance team to revise. A new year is collected as the year copied (quarterly or monthly); its periods
    are created, not opened. Targets of periods the later year does not have (it is collected the other way) are
    left for the team to set.
    """
    if not permissions.may_run_the_quarter(by):
        raise Refused("Only the performance team sets up a new year's scorecard.")
    if to_start_year <= from_year.start_year:
        raise Refused(f"Copy {from_year.label}'s scorecard into a later year.")
    to_year, _ = FinancialYear.objects.get_or_create(
        start_year=to_start_year, defaults={name: getattr(from_year, name) for name in (*YEAR_SETTINGS, "collection")}
    )
    if to_year.entries.exists():
        raise Refused(f"{to_year.label} already has a scorecard: edit it instead.")
    if not to_year.periods.exists():
        periods_make(to_year)
    periods = {(period.quarter, period.month): period for period in to_year.periods.all()}
    copy_entries(from_year, to_year)
    copy_targets(from_year, to_year, periods)
    return to_year


ENTRY_FIELDS = ("measure_id", "priority_id", "perspective_id", "directorate_id", "code", "title", "order")


def copy_entries(from_year: FinancialYear, to_year: FinancialYear) -> None:
    for entry in from_year.entries.prefetch_related("portfolios"):
        copied = ScorecardEntry.objects.create(year=to_year, **{name: getattr(entry, name) for name in ENTRY_FIELDS})
        copied.portfolios.set(entry.portfolios.all())


def copy_targets(from_year: FinancialYear, to_year: FinancialYear, periods: dict[tuple, Period]) -> None:
    for target in Target.objects.filter(year=from_year).select_related("period"):
        period = periods.get((target.period.quarter, target.period.month)) if target.period_id else None
        if target.period_id and period is None:
            continue
        Target.objects.create(
            measure_id=target.measure_id, year=to_year, period=period, value=target.value, progress=target.progress
        )


@transaction.atomic
def measure_record(*, measure: Measure | None, by, reason: str, **fields) -> Measure:
    """Add a measure to the catalogue, or change the one given: code, title, good is, unit, decimals, …"""
    if not permissions.may_run_the_quarter(by):
        raise Refused("Only the performance team changes the catalogue of measures.")
    # A new measure compares as the organisation chose, unless told otherwise.
    measure = measure or Measure(kind=Measure.Kind.MEASURE, comparison=OrganisationSettings.load().default_comparison)
    for name, value in fields.items():
        setattr(measure, name, value)
    measure.full_clean(validate_unique=False)
    measure._history_user, measure._change_reason = by, reason
    measure.save()
    return measure
