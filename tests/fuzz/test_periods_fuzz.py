"""Any text read as a year or a quarter gives a period or a PeriodError that says why, nothing else (hypothesis)."""

from datetime import MAXYEAR, MINYEAR

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from scorecard.performance.periods import FinancialYear, Month, PeriodError, Quarter, parse_period

start_years = st.integers(min_value=MINYEAR, max_value=MAXYEAR - 1)
years = start_years.map(FinancialYear)
quarters = st.builds(Quarter, years, st.integers(min_value=1, max_value=4))
months = st.builds(Month, years, st.integers(min_value=1, max_value=12))
# Text that looks nearly like a period, so the fuzzing reaches past the first pattern as well as around it.
nearly_periods = st.from_regex(r"\A\s?\d{1,5}\s?[/\-\s]\s?\d{1,5}(\s?[-\s]?\s?(Q|Quarter|q)\s?\d{1,6})?\s?\Z")
nearly_months = st.from_regex(
    r"\A\s?(\d{1,5}\s?[/\-\s]\s?\d{1,5}\s?[-\s]?\s?(M|Month|m)\s?\d{1,6}|[A-Za-z]{1,10}\.?\s\d{1,5}|\d{4}-\d{2})\s?\Z"
)
any_text = st.one_of(st.text(), nearly_periods, nearly_months)


def read_or_refused(parse, text: str):
    """The period, or None when PeriodError refused it with a message quoting the text or naming the number."""
    try:
        return parse(text)
    except PeriodError as error:
        assert str(error)
        return None


@given(any_text)
@example("0000/01")  # year 0 was read, and its first day then failed with the date's own error
@example("9999/00")
@example("2017/18 Q" + "9" * 5000)
def test_any_text_is_a_financial_year_or_a_clear_refusal(text):
    year = read_or_refused(FinancialYear.parse, text)
    if year is not None:
        assert year.starts < year.ends


@given(any_text)
@example("2017/18 Q5")
@example("0000/01 Q1")
def test_any_text_is_a_quarter_or_a_clear_refusal(text):
    quarter = read_or_refused(Quarter.parse, text)
    if quarter is not None:
        assert quarter.year.starts <= quarter.starts < quarter.ends <= quarter.year.ends


@given(years)
@example(FinancialYear(5))  # labelled "5/06", which the parser could not read back
def test_a_years_label_and_slug_read_back_as_the_year(year):
    assert FinancialYear.parse(year.label) == year == FinancialYear.parse(year.slug)


@given(quarters)
def test_a_quarters_label_and_slug_read_back_as_the_quarter(quarter):
    assert Quarter.parse(quarter.label) == quarter == Quarter.parse(quarter.slug)


@given(any_text)
@example("2017/18 M13")
@example("Dec 9999")
@example("Jan 0001")
@example("Apr 0001")
def test_any_text_is_a_month_or_a_clear_refusal(text):
    month = read_or_refused(Month.parse, text)
    if month is not None:
        assert month.year.starts <= month.quarter.starts <= month.starts < month.ends <= month.quarter.ends


@given(any_text)
def test_any_text_is_a_quarter_a_month_or_a_clear_refusal(text):
    period = read_or_refused(parse_period, text)
    if period is not None:
        assert period.year.starts <= period.starts < period.ends <= period.year.ends


@given(months)
def test_a_months_label_number_in_its_year_and_slug_read_back_as_the_month(month):
    in_year = f"{month.year.label} M{month.number}"
    assert Month.parse(month.label) == Month.parse(in_year) == month == Month.parse(month.slug)


@given(
    st.builds(Month, st.integers(min_value=MINYEAR + 1, max_value=MAXYEAR - 2).map(FinancialYear), st.integers(1, 12))
)
def test_a_months_neighbours_are_next_to_it(month):
    assert month.previous.next == month == month.next.previous
    assert month.previous.ends.toordinal() + 1 == month.starts.toordinal()


@pytest.mark.parametrize("start_year", [MINYEAR - 1, MAXYEAR, -2017])
def test_a_year_the_calendar_cannot_hold_is_refused(start_year):
    with pytest.raises(PeriodError, match=f"no financial year starts in {start_year}"):
        FinancialYear(start_year)


def test_quarter_five_is_told_it_does_not_exist_rather_than_misread():
    with pytest.raises(PeriodError, match="quarter 5 does not exist"):
        Quarter.parse("2017/18 Q5")
