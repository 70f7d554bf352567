"""Acceptance: the real Oflog extract with its nearest neighbours, and the real LGBF files, load as published."""

from decimal import Decimal

import pytest

from scorecard.benchmarking.checks import check_comparisons
from scorecard.benchmarking.models import Area, ComparatorGroup, ComparisonValue, ExternalMeasure, Load
from scorecard.benchmarking.services import comparisons_load
from scorecard.benchmarking.sources import read_comparator_file
from tests.benchmarking.files import shared_file

pytestmark = pytest.mark.django_db
DERBY = "E06000015"


def oflog():
    return read_comparator_file(
        source="oflog",
        values=shared_file("oflog", "adult_social_care.csv"),
        groups=shared_file("oflog", "nearest_neighbours.json"),
    )


def lgbf():
    return read_comparator_file(
        source="lgbf", values=shared_file("lgbf", "lgbf_values.csv"), groups=shared_file("lgbf", "lgbf_indicators.csv")
    )


def test_the_oflog_extract_loads_every_row_with_its_councils_and_neighbours(performance):
    check = check_comparisons(oflog())
    assert (check.rows, check.new, check.in_error) == (6376, 6376, 0)
    load = comparisons_load(check=check, by=performance)
    assert (load.values_new, load.areas_created, load.groups_loaded) == (6376, 157, 152)
    assert load.sha256 == check.file.sha256 and load.by == performance
    derby = Area.objects.get(code=DERBY)
    assert (derby.name, derby.kind, derby.region) == ("Derby", "unitary", "East Midlands")
    neighbours = ComparatorGroup.objects.get(neighbours_of=derby)
    assert neighbours.name == "Derby's nearest neighbours (Oflog)" and neighbours.publishable
    assert neighbours.members.count() == 16 and neighbours.members.filter(code=DERBY).exists()
    short_term = ExternalMeasure.objects.get(source="oflog", code="ASC5")
    assert (short_term.title, short_term.polarity) == ("Outcome of short-term services: sequel to service", "high")
    assert ExternalMeasure.objects.get(code="ASC6").polarity == "none"
    assert ComparisonValue.objects.get(measure=short_term, area=derby, period="2021/22").value == 64


def test_loading_the_same_extract_again_changes_nothing(performance):
    comparisons_load(check=check_comparisons(oflog()), by=performance)
    again = check_comparisons(oflog())
    assert (again.new, again.changed, again.unchanged) == (0, 0, 6376)
    assert again.changes_nothing


def test_a_corrected_value_is_shown_as_changed_and_loaded(performance):
    comparisons_load(check=check_comparisons(oflog()), by=performance)
    ComparisonValue.objects.filter(area__code=DERBY, measure__code="ASC5", period="2021/22").update(value=1)
    check = check_comparisons(oflog())
    assert (check.changed, check.unchanged) == (1, 6375)
    assert [(shown.area, shown.was, shown.now) for shown in check.shown if shown.outcome == "changed"] == [
        (DERBY, "1", "64")
    ]
    load = comparisons_load(check=check, by=performance)
    assert (load.values_new, load.values_changed, load.values_unchanged) == (0, 1, 6375)
    value = ComparisonValue.objects.get(area__code=DERBY, measure__code="ASC5", period="2021/22")
    assert value.value == 64 and value.load == load
    assert Load.objects.count() == 2


def test_the_lgbf_values_load_with_eight_councils_in_each_family(performance):
    check = check_comparisons(lgbf())
    assert (check.rows, check.in_error) == (35466, 0)
    assert dict(check.file.set_aside) == {"the row is empty: no council, indicator or year": 1}
    comparisons_load(check=check, by=performance)
    families = ComparatorGroup.objects.filter(kind="family_group", source="LGBF")
    assert families.count() == 8
    assert {family.members.count() for family in families} == {8}
    urban = families.get(name="LGBF rurality family 1 (Urban)")
    assert urban.members.filter(name="Aberdeen City", code="S12000033").exists()


def test_lgbf_percentages_are_loaded_as_the_lgbf_shows_them(performance):
    comparisons_load(check=check_comparisons(lgbf()), by=performance)
    recycling = ExternalMeasure.objects.get(source="lgbf", code="ENV06")
    assert (recycling.unit, recycling.polarity) == ("percent", "high")
    aberdeen = ComparisonValue.objects.get(measure=recycling, area__code="S12000033", period="2019/20")
    assert aberdeen.value == Decimal("50")  # 0.5 in the file
