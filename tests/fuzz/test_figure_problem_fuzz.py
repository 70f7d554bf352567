"""returns.validation.figure_problem, which forms, imports and the API all ask: any Decimal is fine or told why."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from scorecard.measures.models import Measure, Unit
from scorecard.returns.validation import decimal_places, figure_problem

measures = st.builds(Measure, unit=st.sampled_from(Unit), decimals=st.integers(min_value=0, max_value=6))
# Decimals of any size: digits and an exponent far past what Decimal's default context can hold.
any_decimals = st.one_of(
    st.decimals(),
    st.builds(
        lambda sign, digits, exponent: Decimal((sign, digits, exponent)),
        st.integers(0, 1),
        st.lists(st.integers(0, 9), min_size=1, max_size=40).map(tuple),
        st.integers(-(10**9), 10**9),
    ),
)


@given(measures, any_decimals)
@example(Measure(unit=Unit.COUNT, decimals=0), Decimal("1E+999999999"))  # normalize() overflowed
@example(Measure(unit=Unit.PERCENT, decimals=1), Decimal("sNaN"))
def test_any_decimal_is_fine_or_told_why(measure, value):
    problem = figure_problem(measure, value)
    assert problem is None or problem.strip()


@given(st.decimals(allow_nan=False, allow_infinity=False), st.integers(min_value=0, max_value=6))
def test_a_figure_is_accepted_only_when_it_has_no_more_places_than_the_measure_records(value, decimals):
    measure = Measure(unit=Unit.POUNDS, decimals=decimals)
    fits = (Fraction(value) * 10**decimals).denominator == 1  # exact, whatever the size
    assert (figure_problem(measure, value) is None) == fits


@pytest.mark.parametrize(
    ("value", "places"), [("93.50", 1), ("0.00", 0), ("100", 0), ("1E+2", 0), ("1E-999999999", 999999999)]
)
def test_decimal_places_are_counted_as_recorded_trailing_zeros_aside(value, places):
    assert decimal_places(Decimal(value)) == places


def test_a_tiny_fraction_is_not_taken_for_a_whole_number():
    assert figure_problem(Measure(unit=Unit.COUNT, decimals=0), Decimal("1E-999999999")) == (
        "This measure is recorded in whole numbers"
    )
