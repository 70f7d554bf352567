"""Writes for benchmarking: loading a checked comparator file, comparator groups, mappings and the council's area.

Every write is the performance team's (permissions.manages_benchmarking), keyword-only and in one transaction:
a load writes everything it checked, or nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from simple_history.utils import bulk_create_with_history

from scorecard.accounts import permissions
from scorecard.benchmarking.bulk import write_values
from scorecard.benchmarking.checks import ComparisonCheck
from scorecard.benchmarking.files import GroupFacts
from scorecard.benchmarking.models import (
    Area,
    BenchmarkSettings,
    ComparatorGroup,
    ExternalMeasure,
    Load,
    MeasureMapping,
    mapping_problems,
)
from scorecard.imports import ImportProblem
from scorecard.returns.services import Refused

REFUSED = "Only the performance team loads comparator data, makes comparator groups and maps measures."


def refuse_unless_allowed(by) -> None:
    if not permissions.manages_benchmarking(by):
        raise Refused(REFUSED)


@transaction.atomic
def comparisons_load(*, check: ComparisonCheck, by, progress: Callable[[int], None] | None = None) -> Load:
    """Write what the check found: new areas and external measures, every new or changed value, the groups."""
    refuse_unless_allowed(by)
    if check.has_problems:
        raise ImportProblem(
            f"{check.problem_count:,} problems were found in the file, so nothing was loaded. "
            "Correct the file and load it again."
        )
    found = check.file
    load = Load.objects.create(
        source=found.source,
        file_name=found.name[:255],
        sha256=found.sha256,
        groups_file_name=found.groups_file[0][:255],
        groups_sha256=found.groups_file[1],
        rows=check.rows,
        by=by,
    )
    areas = areas_added(check, by)
    measures = measures_saved(check, by)
    try:
        with transaction.atomic():
            new, changed = write_values(check, load, measures, areas, progress)
    except IntegrityError as error:
        raise ImportProblem(
            "Someone loaded values for the same measures while this file was being checked, so nothing was loaded. "
            "Check the file again and load it."
        ) from error
    groups = [group_saved(facts, areas, load, by) for facts in check.groups]
    load.values_new, load.values_changed = new, changed
    load.values_unchanged = check.rows - check.in_error - new - changed
    load.areas_created, load.groups_loaded = len(check.areas_to_create), len(groups)
    load.save()
    return load


def areas_added(check: ComparisonCheck, by) -> dict[str, int]:
    """Every area code → id, adding the areas the file names that are not held yet."""
    new = [
        Area(code=code, name=facts.name[:200], kind=facts.kind, region=facts.region[:60])
        for code, facts in check.areas_to_create.items()
    ]
    if new:
        bulk_create_with_history(new, Area, default_user=by, default_change_reason=f"Named by {check.file.name}")
    return dict(Area.objects.values_list("code", "pk"))


def measures_saved(check: ComparisonCheck, by) -> dict[str, int]:
    """The file's external measures, added or brought up to date; code → id."""
    found = check.file
    held = {measure.code: measure for measure in ExternalMeasure.objects.filter(source=found.source)}
    for code in [*check.measures_to_create, *check.measures_to_update]:
        facts = found.measures[code]
        measure = held.get(code) or ExternalMeasure(source=found.source, code=code)
        measure.title, measure.unit, measure.polarity = facts.title[:500], facts.unit, facts.polarity
        measure.decimals = facts.decimals
        measure._history_user, measure._change_reason = by, f"Loaded from {found.name}"
        measure.save()
        held[code] = measure
    return {code: measure.pk for code, measure in held.items()}


def group_saved(facts: GroupFacts, areas: dict[str, int], load: Load, by) -> ComparatorGroup:
    """The group as the file gives it, made or brought up to date (its members replaced) by name."""
    group = ComparatorGroup.objects.filter(name=facts.name[:200]).first() or ComparatorGroup(name=facts.name[:200])
    group.kind, group.source, group.vintage = facts.kind, facts.source[:100], facts.vintage[:40]
    group.neighbours_of_id = areas.get(facts.neighbours_of)
    group.load = load
    group._history_user, group._change_reason = by, f"Loaded from {load.file_name}"
    group.save()
    members = {areas[code] for code in facts.members}
    if set(group.members.values_list("pk", flat=True)) != members:
        group.members.set(members)
    return group


# -- what the performance team makes on pages ---------------------------------------------------------


@transaction.atomic
def group_record(
    *,
    group: ComparatorGroup | None,
    by,
    name: str,
    members: Iterable[Area],
    kind: str = ComparatorGroup.Kind.OWN,
    source: str = "",
    vintage: str = "",
    publishable: bool = True,
    neighbours_of: Area | None = None,
) -> ComparatorGroup:
    """Make a comparator group from areas held (the council's own group), or change one."""
    refuse_unless_allowed(by)
    members = list(members)
    if not members:
        raise ValidationError({"members": "Choose at least one council for the group."})
    group = group or ComparatorGroup()
    group.name, group.kind, group.source, group.vintage = name.strip(), kind, source.strip(), vintage.strip()
    group.publishable, group.neighbours_of = publishable, neighbours_of
    group.full_clean()
    group._history_user, group._change_reason = by, "Set on the comparator groups page"
    group.save()
    group.members.set(members)
    return group


@transaction.atomic
def mapping_record(
    *,
    measure,
    by,
    external: ExternalMeasure,
    match: str = MeasureMapping.Match.IDENTICAL,
    caveat: str = "",
    conversion: Decimal | None = None,
    group: ComparatorGroup | None = None,
) -> MeasureMapping:
    """Map one of our measures to an external one; refused between different units without a conversion."""
    refuse_unless_allowed(by)
    mapping = MeasureMapping.objects.filter(measure=measure).first() or MeasureMapping(measure=measure)
    mapping.external, mapping.match, mapping.caveat = external, match, caveat.strip()
    mapping.conversion, mapping.group = conversion, group
    problems = mapping_problems(mapping)
    if problems:
        raise ValidationError(problems)
    mapping._history_user, mapping._change_reason = by, "Set on the mapping page"
    mapping.save()
    return mapping


@transaction.atomic
def mapping_remove(*, mapping: MeasureMapping, by) -> None:
    refuse_unless_allowed(by)
    mapping._history_user = by
    mapping.delete()


@transaction.atomic
def benchmark_settings_record(*, by, area: Area | None, default_group: ComparatorGroup | None) -> BenchmarkSettings:
    """Which area is the council itself, and the group its measures are compared with by default."""
    refuse_unless_allowed(by)
    settings = BenchmarkSettings.load()
    settings.area, settings.default_group = area, default_group
    settings._history_user, settings._change_reason = by, "Set on the benchmarking page"
    settings.save()
    return settings
