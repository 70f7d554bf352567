from datetime import date

import pytest

from scorecard.performance.periods import FinancialYear, PeriodError, Quarter


@pytest.mark.parametrize("text", ["2017/18", "2017-18", "2017/2018", " 2017 / 18 "])
def test_a_financial_year_reads_as_councils_write_it(text):
    assert FinancialYear.parse(text) == FinancialYear(2017)


@pytest.mark.parametrize("text", ["2017/19", "2017", "17/18", "", "twenty"])
def test_a_year_that_is_not_a_financial_year_says_why(text):
    with pytest.raises(PeriodError, match="is not a financial year"):
        FinancialYear.parse(text)


def test_a_financial_year_runs_april_to_march():
    year = FinancialYear(2017)
    assert (year.label, year.starts, year.ends) == ("2017/18", date(2017, 4, 1), date(2018, 3, 31))
    assert FinancialYear(1999).label == "1999/00"
    assert FinancialYear.containing(date(2018, 3, 31)) == year
    assert FinancialYear.containing(date(2018, 4, 1)) == year.next


@pytest.mark.parametrize(
    ("number", "starts", "ends"),
    [
        (1, date(2017, 4, 1), date(2017, 6, 30)),
        (2, date(2017, 7, 1), date(2017, 9, 30)),
        (3, date(2017, 10, 1), date(2017, 12, 31)),
        (4, date(2018, 1, 1), date(2018, 3, 31)),
    ],
)
def test_quarters_run_april_to_june_through_january_to_march(number, starts, ends):
    quarter = FinancialYear(2017).quarter(number)
    assert (quarter.starts, quarter.ends) == (starts, ends)
    assert Quarter.containing(starts) == quarter == Quarter.containing(ends)


@pytest.mark.parametrize("text", ["2017/18 Q2", "2017/18-Q2", "2017/18 Quarter 2", "2017-18 q2"])
def test_a_quarter_reads_as_written(text):
    assert Quarter.parse(text) == Quarter(FinancialYear(2017), 2)


@pytest.mark.parametrize("text", ["2017/18 Q5", "2017/18", "Q2", "2017/19 Q1"])
def test_a_quarter_that_cannot_be_read_says_why(text):
    with pytest.raises(PeriodError):
        Quarter.parse(text)


def test_quarter_five_does_not_exist():
    with pytest.raises(PeriodError, match="quarters are 1 to 4"):
        Quarter(FinancialYear(2017), 5)


def test_quarters_know_their_neighbours_and_labels():
    q1 = Quarter(FinancialYear(2018), 1)
    assert q1.previous == Quarter(FinancialYear(2017), 4)
    assert q1.previous.next == q1
    assert q1.same_quarter_last_year == Quarter(FinancialYear(2017), 1)
    assert (q1.label, q1.long_label, q1.slug) == ("2018/19 Q1", "Quarter 1 2018/19", "2018-19-Q1")
