"""Writes to a measure's SPC settings, rebases and annotations: checked first, each refusal with its own message,
nothing written when refused; every change kept in the history with who made it."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from scorecard.accounts import permissions
from scorecard.council.models import Period
from scorecard.measures.models import Measure
from scorecard.performance.spc import FEWEST_FIXED_POINTS
from scorecard.returns.models import Return
from scorecard.returns.services import Refused
from scorecard.spc.models import Annotation, Rebase, SpcSettings

TEAM_ONLY = "Only the performance team changes a measure's SPC settings and rebases."
NOTE_LENGTH = Annotation._meta.get_field("note").max_length


@transaction.atomic
def spc_settings_set(*, measure: Measure, charted: bool, fix_after: int | None, reason: str, by) -> SpcSettings:
    """Whether the measure is charted, and the number of points its limits are fixed after (None: all)."""
    if not permissions.sets_spc(by):
        raise Refused(TEAM_ONLY)
    if fix_after is not None and fix_after < FEWEST_FIXED_POINTS:
        raise Refused(
            f"Fix the limits after {FEWEST_FIXED_POINTS} or more points: {fix_after} are too few for firm limits"
        )
    if charted and measure.is_milestone:
        raise Refused("A milestone has progress words, not figures: it cannot be charted")
    reason = required_reason(reason, "the SPC settings")
    settings = SpcSettings.objects.filter(measure=measure).first() or SpcSettings(measure=measure)
    settings.charted, settings.fix_after, settings.reason = charted, fix_after, reason
    settings._history_user = by
    settings.save()
    return settings


@transaction.atomic
def rebase_add(*, measure: Measure, period: Period, reason: str, by) -> Rebase:
    """A new segment of the chart from the period, which must be one of the measure's points."""
    if not permissions.sets_spc(by):
        raise Refused(TEAM_ONLY)
    if not Return.objects.filter(measure=measure, period=period, actual__isnull=False).exists():
        raise Refused(f"{period.label} is not in the measure's series: it has no figure for that quarter")
    if Rebase.objects.filter(measure=measure, period=period).exists():
        raise Refused(f"A new segment already starts at {period.label}")
    rebase = Rebase(measure=measure, period=period, reason=required_reason(reason, "the rebase"), recorded_by=by)
    rebase._history_user = by
    rebase.save()
    return rebase


@transaction.atomic
def rebase_remove(*, rebase: Rebase, by) -> None:
    if not permissions.sets_spc(by):
        raise Refused(TEAM_ONLY)
    rebase._history_user = by
    rebase.delete()


@transaction.atomic
def annotation_add(*, measure: Measure, on: date, note: str, by) -> Annotation:
    """A dated note on the chart, on a day within a quarter the council holds."""
    if not permissions.may_annotate(by, measure):
        raise Refused("Only the measure's owners, its approvers and the performance team annotate its chart.")
    note = note.strip()
    if not note:
        raise Refused("Write the note: what happened on that date")
    if len(note) > NOTE_LENGTH:
        raise Refused(f"The note must be {NOTE_LENGTH} characters or fewer")
    if not any(held.as_period.starts <= on <= held.as_period.ends for held in Period.objects.select_related("year")):
        raise Refused(f"{on:%-d %B %Y} is outside every quarter held: date the note within one")
    annotation = Annotation(measure=measure, on=on, note=note, recorded_by=by)
    annotation._history_user = by
    annotation.save()
    return annotation


@transaction.atomic
def annotation_remove(*, annotation: Annotation, by) -> None:
    if not permissions.may_annotate(by, annotation.measure):
        raise Refused("Only the measure's owners, its approvers and the performance team annotate its chart.")
    annotation._history_user = by
    annotation.delete()


def required_reason(reason: str, what: str) -> str:
    if not reason.strip():
        raise Refused(f"Give the reason for {what}: it is kept")
    return reason.strip()
