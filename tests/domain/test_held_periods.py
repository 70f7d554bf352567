"""The one lookup of a year or quarter written as text, shared by the report, import and copy_scorecard commands."""

import pytest

from scorecard.council.models import Period
from scorecard.council.selectors import held_period, held_year
from scorecard.performance.periods import PeriodError
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_held_year_and_quarter_are_found_however_they_are_written():
    year = factories.year(2017)
    assert held_year("2017-18") == year
    assert held_period("2017/2018 Quarter 2") == Period.objects.get(year=year, quarter=2)


@pytest.mark.parametrize(
    ("lookup", "text", "message"),
    [
        (held_year, "2030/31", "2030/31 is not set up in Scorecard"),
        (held_period, "2030-31 Q1", "2030/31 Q1 is not set up in Scorecard"),
        (held_period, "2017/18 Q4", "2017/18 Q4 is not set up in Scorecard"),
        (held_year, "17/18", '"17/18" is not a financial year'),
        (held_period, "2017/18 Q5", "quarter 5 does not exist"),
    ],
)
def test_a_year_or_quarter_not_held_or_not_written_as_one_says_so(lookup, text, message):
    factories.year(2017)
    Period.objects.filter(year__start_year=2017, quarter=4).delete()
    with pytest.raises(PeriodError, match=message):
        lookup(text)
