"""Bad comparator data: each problem its own message naming the row and column, and nothing written."""

import json

import pytest
from django.core.exceptions import ValidationError

from scorecard.benchmarking.checks import check_comparisons
from scorecard.benchmarking.models import Area, ComparatorGroup, ComparisonValue, ExternalMeasure, Load
from scorecard.benchmarking.services import comparisons_load, mapping_record
from scorecard.benchmarking.sources import read_comparator_file
from scorecard.imports import ImportProblem
from tests import factories
from tests.benchmarking.files import generic_csv

pytestmark = pytest.mark.django_db

GOOD = ("NI 155", "E06000015", "Derby", "2021/22", "12.5", "", "")


def checked(*rows, groups=None):
    return check_comparisons(read_comparator_file(source="generic", values=generic_csv(GOOD, *rows), groups=groups))


def messages(check) -> list[str]:
    return [str(problem) for problem in check.problems]


def assert_nothing_written(check, performance):
    with pytest.raises(ImportProblem, match="nothing was loaded"):
        comparisons_load(check=check, by=performance)
    assert not (Load.objects.exists() or ComparisonValue.objects.exists() or ExternalMeasure.objects.exists())
    assert not Area.objects.exists()


def test_an_area_code_not_held_and_not_named_is_refused(performance):
    check = checked(("NI 155", "E06999999", "", "2021/22", "3", "", ""))
    assert messages(check) == [
        "Row 3, area code: “E06999999” is not an area Scorecard holds, and the row gives no area name to add it by"
    ]
    assert_nothing_written(check, performance)


def test_an_area_held_needs_no_name(performance):
    factories.area("E06000018", "Nottingham")
    check = checked(("NI 155", "E06000018", "", "2021/22", "3", "", ""))
    assert (check.problems, check.new) == ([], 2)


def test_a_period_that_cannot_be_read_is_refused(performance):
    check = checked(("NI 155", "E06000015", "Derby", "Q3 last year", "3", "", ""))
    assert messages(check) == [
        "Row 3, period: “Q3 last year” is not a period: write a financial year like 2016/17 (or 2016-17), "
        "or a calendar year like 2016"
    ]
    assert_nothing_written(check, performance)


def test_a_value_that_is_not_a_number_is_refused(performance):
    check = checked(("NI 155", "E06000020", "Telford", "2020/21", "twelve", "", ""))
    assert messages(check) == ["Row 3, value: “twelve” is not a number"]
    assert_nothing_written(check, performance)


def test_a_second_value_for_the_same_measure_area_and_period_is_refused(performance):
    check = checked(("NI 155", "E06000015", "Derby", "2021-22", "13", "", ""))
    assert messages(check) == ["Row 3, area code: a second value for NI 155, E06000015 in 2021/22: row 2 has the first"]
    assert_nothing_written(check, performance)


def test_a_second_value_written_between_spaces_is_refused(performance):
    check = checked((" NI 155", "e06000015 ", "Derby", " 2021/22", "13", "", ""))
    assert messages(check) == ["Row 3, area code: a second value for NI 155, E06000015 in 2021/22: row 2 has the first"]
    assert_nothing_written(check, performance)


def test_every_repeat_of_a_row_names_the_first(performance):
    check = checked(GOOD, ("NI 155", "E06000018", "Nottingham", "2021/22", "3", "", ""), GOOD)
    assert messages(check) == [
        "Row 3, area code: a second value for NI 155, E06000015 in 2021/22: row 2 has the first",
        "Row 5, area code: a second value for NI 155, E06000015 in 2021/22: row 2 has the first",
    ]
    assert_nothing_written(check, performance)


def test_a_group_naming_a_council_not_held_is_refused(performance):
    neighbours = ("neighbours.json", json.dumps({"E06000015": ["E06000015", "E06000999"]}).encode())
    check = checked(groups=neighbours)
    assert messages(check) == [
        "The groups file, E06000015's list: “E06000999” is not a council Scorecard holds or this file names"
    ]
    assert_nothing_written(check, performance)
    assert not ComparatorGroup.objects.exists()


def test_every_problem_of_a_row_is_named_with_its_column(performance):
    check = checked(("", "", "", "", "lots", "", ""))
    assert messages(check) == [
        "Row 3, measure code: no measure code",
        "Row 3, area code: no area code",
        "Row 3, period: no period",
        "Row 3, value: “lots” is not a number",
    ]
    assert check.in_error == 1 and check.new == 1


def test_a_mapping_between_different_units_needs_a_conversion(performance):
    measure = factories.measure("AHH 02D", unit="percent")
    external = factories.external_measure("ASC6", unit="rate_per_100000")
    with pytest.raises(ValidationError) as refused:
        mapping_record(measure=measure, external=external, by=performance)
    assert refused.value.message_dict == {
        "conversion": [
            "AHH 02D is in % and ASC6 in Rate per 100,000 population: give the conversion factor, "
            "or choose a measure in the same unit"
        ]
    }
    assert not measure.__class__.objects.filter(benchmark_mapping__isnull=False).exists()


def test_a_conversion_factor_lets_different_units_be_mapped(performance):
    measure = factories.measure("AHH 02D", unit="percent")
    external = factories.external_measure("ASC2", unit="score")
    mapping = mapping_record(measure=measure, external=external, by=performance, conversion=100, match="equivalent")
    assert mapping.conversion == 100


def test_a_proxy_needs_its_caveat(performance):
    measure = factories.measure("AHH 02D", unit="percent")
    with pytest.raises(ValidationError, match="Say how the proxy differs"):
        mapping_record(measure=measure, external=factories.external_measure(), by=performance, match="proxy")


def test_a_file_that_is_not_csv_is_refused():
    with pytest.raises(ImportProblem, match="wrong type of file"):
        read_comparator_file(source="generic", values=("values.xlsx", b"PK\x03\x04"))


def test_a_file_without_the_columns_is_refused():
    with pytest.raises(ImportProblem, match="The file has no “area_code” and “period” column"):
        read_comparator_file(source="generic", values=generic_csv(("NI 155", "12"), headings=["measure", "value"]))


def test_only_the_performance_team_loads(officer):
    check = checked()
    with pytest.raises(Exception, match="Only the performance team"):
        comparisons_load(check=check, by=officer)
    assert not ComparisonValue.objects.exists()
