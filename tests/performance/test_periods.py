from datetime import date

import pytest

from scorecard.performance.periods import FinancialYear, Month, PeriodError, Quarter, parse_period


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
    assert q1.same_period_last_year == Quarter(FinancialYear(2017), 1)
    assert (q1.label, q1.long_label, q1.slug) == ("2018/19 Q1", "Quarter 1 2018/19", "2018-19-Q1")


@pytest.mark.parametrize(
    ("number", "starts", "ends", "label"),
    [
        (1, date(2017, 4, 1), date(2017, 4, 30), "April 2017"),
        (9, date(2017, 12, 1), date(2017, 12, 31), "December 2017"),
        (10, date(2018, 1, 1), date(2018, 1, 31), "January 2018"),
        (11, date(2018, 2, 1), date(2018, 2, 28), "February 2018"),
        (12, date(2018, 3, 1), date(2018, 3, 31), "March 2018"),
    ],
)
def test_months_run_april_to_march_and_are_labelled_as_councils_write_them(number, starts, ends, label):
    month = FinancialYear(2017).month(number)
    assert (month.starts, month.ends, month.label) == (starts, ends, label)
    assert Month.containing(starts) == month == Month.containing(ends)


@pytest.mark.parametrize(
    "text", ["April 2017", "Apr 2017", "apr. 2017", "2017/18 M1", "2017/18-M1", "2017-18 Month 1", "2017-04"]
)
def test_a_month_reads_as_councils_type_it(text):
    assert Month.parse(text) == Month(FinancialYear(2017), 1)


def test_march_is_the_last_month_of_the_year_before():
    assert Month.parse("Mar 2018") == Month.parse("2018-03") == Month(FinancialYear(2017), 12)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2017/18 M13", "month 13 does not exist: months are 1 \\(April\\) to 12 \\(March\\)"),
        ("2017-13", '"2017-13" is not a month'),
        ("Smarch 2017", '"Smarch" is no month\'s name'),
        ("2017/19 M1", "2017 is followed by 2018"),
        ("April", '"April" is not a month: write it like April 2017'),
    ],
)
def test_a_month_that_cannot_be_read_says_why(text, reason):
    with pytest.raises(PeriodError, match=reason):
        Month.parse(text)


def test_months_know_their_neighbours_quarter_and_same_month_last_year():
    april = Month(FinancialYear(2018), 1)
    assert april.previous == Month(FinancialYear(2017), 12)
    assert april.previous.next == april
    assert april.same_period_last_year == Month(FinancialYear(2017), 1)
    assert [month.quarter.number for month in FinancialYear(2018).months] == [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]
    assert (april.label, april.long_label, april.slug) == ("April 2018", "April 2018", "2018-19-M1")


@pytest.mark.parametrize(
    ("text", "period"),
    [("2017/18 Q2", Quarter(FinancialYear(2017), 2)), ("May 2017", Month(FinancialYear(2017), 2))],
)
def test_a_period_is_a_quarter_or_a_month_as_written(text, period):
    assert parse_period(text) == period


@pytest.mark.parametrize(
    ("text", "reason"),
    [("2017/18 Q5", "quarter 5 does not exist"), ("2017/18 M0", "month 0"), ("soon", "not a quarter or a month")],
)
def test_a_period_that_cannot_be_read_says_why(text, reason):
    with pytest.raises(PeriodError, match=reason):
        parse_period(text)
