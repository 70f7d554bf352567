"""Invariants of the benchmarking ranks, for any values (hypothesis)."""

from hypothesis import given
from hypothesis import strategies as st

from scorecard.performance.benchmark import quartile, ranks
from scorecard.performance.status import Polarity

values = st.one_of(st.none(), st.decimals(min_value=-(10**6), max_value=10**6, places=2))
groups = st.dictionaries(st.text(min_size=1, max_size=4), values, min_size=1, max_size=40)
polarities = st.sampled_from([Polarity.HIGH, Polarity.LOW])
OTHER = {Polarity.HIGH: Polarity.LOW, Polarity.LOW: Polarity.HIGH}


@given(groups, polarities)
def test_reversing_polarity_reverses_the_ranks(group, polarity):
    ranked, reversed_ = ranks(group, polarity), ranks(group, OTHER[polarity])
    for a in ranked:
        for b in ranked:
            assert (ranked[a] < ranked[b]) == (reversed_[a] > reversed_[b])


@given(groups, polarities)
def test_the_best_is_ranked_first_and_no_rank_exceeds_the_count(group, polarity):
    ranked = ranks(group, polarity)
    if ranked:
        assert min(ranked.values()) == 1
        assert max(ranked.values()) <= len(ranked)


@given(groups, polarities, st.decimals(min_value=1, max_value=100, places=2))
def test_adding_a_worse_council_never_improves_anyones_rank(group, polarity, margin):
    ranked = ranks(group, polarity)
    counted = [value for value in group.values() if value is not None]
    if not counted:
        return
    newcomer = min(counted) - margin if polarity is Polarity.HIGH else max(counted) + margin
    after = ranks({**group, "\x00new": newcomer}, polarity)
    assert all(after[area] == ranked[area] for area in ranked)
    assert after["\x00new"] == len(after)


@given(groups, polarities, values)
def test_adding_any_council_never_improves_anyones_rank(group, polarity, value):
    ranked = ranks(group, polarity)
    after = ranks({**group, "\x00new": value}, polarity)
    assert all(after[area] >= ranked[area] for area in ranked)


@given(st.integers(min_value=8, max_value=500), st.data())
def test_quartiles_run_from_one_to_four_with_rank(ranked, data):
    first = data.draw(st.integers(min_value=1, max_value=ranked))
    second = data.draw(st.integers(min_value=first, max_value=ranked))
    assert 1 <= quartile(first, ranked) <= quartile(second, ranked) <= 4
    assert quartile(1, ranked) == 1 and quartile(ranked, ranked) == 4
