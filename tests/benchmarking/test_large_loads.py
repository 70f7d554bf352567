"""A load that fills the table: on PostgreSQL its keys are dropped and built again inside the load's transaction,
so they must come back, and a value that breaks them must still refuse the whole load."""

import pytest
from django.db import IntegrityError, transaction

from scorecard.benchmarking.checks import check_comparisons
from scorecard.benchmarking.models import ComparisonValue, Load
from scorecard.benchmarking.services import comparisons_load
from scorecard.benchmarking.sources import read_comparator_file
from scorecard.imports import ImportProblem
from tests.benchmarking.files import generic_csv

pytestmark = pytest.mark.django_db


def checked(*rows):
    check = check_comparisons(read_comparator_file(source="generic", values=generic_csv(*rows)))
    assert check.problems == []
    return check


def test_the_keys_are_back_after_a_load_into_an_empty_table(performance):
    comparisons_load(
        check=checked(
            ("NI 155", "E06000015", "Derby", "2021/22", "45", "", ""),
            ("NI 155", "E06000018", "Nottingham", "2021/22", "52", "", ""),
        ),
        by=performance,
    )
    held = ComparisonValue.objects.get(area__code="E06000015")
    with pytest.raises(IntegrityError), transaction.atomic():
        ComparisonValue.objects.create(measure=held.measure, area=held.area, period=held.period, value=1)
    assert ComparisonValue.objects.count() == 2


def test_a_value_loaded_while_the_file_was_checked_refuses_the_whole_load(performance):
    comparisons_load(check=checked(("NI 155", "E06000015", "Derby", "2020/21", "40", "", "")), by=performance)
    check = checked(
        ("NI 155", "E06000015", "Derby", "2021/22", "45", "", ""),
        ("NI 155", "E06000015", "Derby", "2022/23", "47", "", ""),
    )
    first = ComparisonValue.objects.get()
    ComparisonValue.objects.create(measure=first.measure, area=first.area, period="2022/23", value=1)

    with pytest.raises(ImportProblem, match="Someone loaded values for the same measures"):
        comparisons_load(check=check, by=performance)

    assert sorted(ComparisonValue.objects.values_list("period", "value")) == [("2020/21", 40), ("2022/23", 1)]
    assert Load.objects.count() == 1
