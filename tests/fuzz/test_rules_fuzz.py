"""The rules take any figure an import or a form could hand them and give a result or a ValueError saying why.

Figures here are whatever a cell or a float can hold: zero, negative, huge, tiny, NaN, infinity, None.
"""

from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from scorecard.performance.assessment import Frequency, assess, quarterly_status, year_end_figure
from scorecard.performance.direction import Direction, direction_of_travel
from scorecard.performance.milestones import Progress
from scorecard.performance.numbers import round_half_up
from scorecard.performance.status import Polarity, Status, Tolerances, rag_status
from scorecard.performance.summaries import (
    direction_distribution,
    percent_improved,
    percent_met,
    traffic_light_distribution,
)

numbers = st.one_of(
    st.decimals(),  # NaN, signalling NaN and infinities included
    st.decimals(allow_nan=False, allow_infinity=False, places=6, min_value=-(10**13), max_value=10**13),
    st.floats(),
    st.integers(),
)
figures = st.one_of(st.none(), numbers, st.sampled_from(Progress))
margins = st.one_of(st.decimals(allow_nan=False, allow_infinity=False), st.decimals(min_value=0, max_value=1))
tolerances = st.builds(
    Tolerances, blue_margin=st.one_of(st.none(), margins), amber_margin=margins, absolute=st.booleans()
)
display_decimals = st.integers(min_value=0, max_value=6)  # Measure.decimals is 0 to 6


def status_or_refused(rule, *args, **kwargs) -> Status | None:
    """The rule's answer, or None when a ValueError refused the figures with a message."""
    try:
        return rule(*args, **kwargs)
    except ValueError as error:
        assert str(error)
        return None


@given(numbers, numbers, st.sampled_from(Polarity), tolerances)
@example(Decimal("9E+999999"), Decimal("-9E+999999"), Polarity.HIGH, Tolerances())  # overflowed in the subtraction
@example(Decimal("9E+999999999"), Decimal(1), Polarity.LOW, Tolerances())  # overflowed in abs()
@example(Decimal("sNaN"), Decimal(1), Polarity.HIGH, Tolerances())
def test_any_actual_against_any_target_is_rated_or_refused(actual, target, polarity, tolerance):
    kwargs = {"blue_margin": tolerance.blue_margin, "amber_margin": tolerance.amber_margin}
    status = status_or_refused(rag_status, actual, target, polarity, **kwargs, absolute=tolerance.absolute)
    assert status is None or status.is_rating or status is Status.NOT_APPLICABLE


@given(figures, figures, figures, st.sampled_from(Polarity), st.sampled_from(Frequency), st.integers(1, 4), tolerances)
def test_any_return_gets_a_status_or_a_clear_refusal(actual, forecast, target, polarity, frequency, quarter, tolerance):
    kwargs = {"tolerances": tolerance, "completed": Status.BLUE}
    now = status_or_refused(quarterly_status, actual, target, polarity, frequency=frequency, quarter=quarter, **kwargs)
    year_end = status_or_refused(
        assess, year_end_figure(forecast, actual, at_year_end=quarter == 4), target, polarity, **kwargs
    )
    assert {now, year_end} <= {None, *Status}


@given(numbers | st.none(), numbers | st.none(), st.sampled_from(Polarity), display_decimals)
@example(Decimal("1E+30"), Decimal(1), Polarity.HIGH, 0)  # rounding needed more than 28 digits
def test_any_two_figures_give_a_direction_or_a_clear_refusal(current, comparison, polarity, decimals):
    direction = status_or_refused(direction_of_travel, current, comparison, polarity, decimals=decimals)
    assert direction is None or direction in Direction


@given(st.lists(st.sampled_from(Status)), st.lists(st.sampled_from(Direction)))
def test_any_mix_of_statuses_and_directions_sums_up(statuses, directions):
    for share in (percent_met(statuses), percent_improved(directions)):
        assert share is None or 0 <= share <= 100
    lights = traffic_light_distribution(statuses)
    assert lights.met + lights.amber + lights.red in (0, 100)
    travel = direction_distribution(directions)
    assert travel.improved + travel.same_or_planned + travel.deteriorated in (0, 100)


@pytest.mark.parametrize("figure", [Decimal("1E+15"), 1e300, -(10**20)])
def test_a_figure_beyond_any_councils_is_refused_in_words(figure):
    with pytest.raises(ValueError, match="too large to be a figure"):
        round_half_up(figure)
