"""Invariants of the traffic-light rule, for any values (hypothesis)."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from scorecard.performance.status import RATINGS, Polarity, Status, rag_status

values = st.decimals(min_value=-(10**9), max_value=10**9, allow_nan=False, allow_infinity=False, places=4)
margins = st.decimals(min_value=0, max_value=1, places=3)
polarities = st.sampled_from([Polarity.HIGH, Polarity.LOW])
WORST_FIRST = {status: rank for rank, status in enumerate((Status.RED, Status.AMBER, Status.GREEN, Status.BLUE))}


def better(actual: Decimal, step: Decimal, polarity: Polarity) -> Decimal:
    return actual + step if polarity is Polarity.HIGH else actual - step


@given(values, values, st.decimals(min_value=0, max_value=10**6, places=4), polarities, margins, margins, st.booleans())
def test_a_better_actual_never_gives_a_worse_status(actual, target, step, polarity, blue, amber, absolute):
    margins_ = {"blue_margin": blue, "amber_margin": amber, "absolute": absolute}
    before = rag_status(actual, target, polarity, **margins_)
    after = rag_status(better(actual, step, polarity), target, polarity, **margins_)
    assert WORST_FIRST[after] >= WORST_FIRST[before]


@given(values, values, margins, margins, st.booleans())
def test_swapping_polarity_and_mirroring_the_values_gives_the_same_status(actual, target, blue, amber, absolute):
    margins_ = {"blue_margin": blue, "amber_margin": amber, "absolute": absolute}
    assert rag_status(actual, target, Polarity.HIGH, **margins_) is rag_status(
        -actual, -target, Polarity.LOW, **margins_
    )


@given(values, values, polarities)
def test_every_number_against_a_target_gets_a_traffic_light(actual, target, polarity):
    assert rag_status(actual, target, polarity) in RATINGS


@given(values.filter(lambda v: v != 0), polarities)
def test_meeting_the_target_exactly_is_green(target, polarity):
    assert rag_status(target, target, polarity) is Status.GREEN
