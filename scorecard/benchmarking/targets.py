"""Writes: a measure's target set from its comparator councils' figures ("at least the comparator median", or the
top-quartile threshold), resolved to a number when it is set and kept, with where it came from, in the target's
history. The status then rates the actual against that number by the ordinary rule."""

from __future__ import annotations

from django.db import transaction

from scorecard.accounts import permissions
from scorecard.benchmarking.models import MeasureMapping
from scorecard.benchmarking.selectors import MeasureBenchmark, benchmark_for
from scorecard.council.models import FinancialYear, Period
from scorecard.measures.fields import plain
from scorecard.measures.models import Measure, Target
from scorecard.performance.benchmark_targets import Basis, at_least, resolved_target
from scorecard.returns.services import Refused


@transaction.atomic
def target_from_benchmark(*, measure: Measure, year: FinancialYear, quarter: int | None, basis: Basis, by) -> Target:
    """The measure's target for the quarter (or, with none, the year end) of `year`, from the latest comparison
    figures ended by that year. Refused, with nothing written, where there is nothing to set it from."""
    if not permissions.sets_targets(by):
        raise Refused("Only the performance team sets targets.")
    found = benchmark_to_use(measure, year)
    value = resolved_target(found.values, found.external.good_is, basis)
    if value is None:
        raise Refused(
            f"{found.external.code} has no better direction, so its figures give no top quartile: "
            "choose the comparator median"
        )
    period = Period.objects.get(year=year, quarter=quarter) if quarter else None
    target = Target.objects.filter(measure=measure, year=year, period=period).first()
    target = target or Target(measure=measure, year=year, period=period)
    target.value, target.progress = value, ""
    target.benchmark_basis, target.benchmark_source = basis.value, source_words(found, basis, value)
    # The history's reason is short (100 characters); where the number came from is in the record itself.
    target._history_user, target._change_reason = by, f"Set to {basis.label}"
    target.save()
    return target


def benchmark_to_use(measure: Measure, year: FinancialYear) -> MeasureBenchmark:
    name = measure.code or measure.title
    if measure.is_milestone:
        raise Refused(f"{name} is reported in progress words: its target cannot come from comparators' figures")
    if not MeasureMapping.objects.filter(measure=measure).exists():
        raise Refused(f"{name} is not mapped to a measure comparator councils publish: map it first")
    found = benchmark_for(measure, year.label)
    if found is None:
        raise Refused(f"No comparison figures for {name}'s comparator group ended by {year.label}: load them first")
    return found


def source_words(found: MeasureBenchmark, basis: Basis, value) -> str:
    """ "At least the comparator median: 78.05, from Derby's nearest neighbours, 16 councils with figures, for
    Oflog data explorer ASC5, 2018/19"."""
    external, counted = found.external, found.benchmark.ranked
    return (
        f"{at_least(external.good_is).capitalize()} {basis.label}: {plain(value)}, from {found.group.name}, "
        f"{counted} councils with figures, for {external.get_source_display()} {external.code}, {found.period}"
    )
