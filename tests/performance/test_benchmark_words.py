"""A benchmark in words, and a target from comparators' figures: the same everywhere they are shown."""

from decimal import Decimal

import pytest

from scorecard.performance.benchmark_targets import Basis, at_least, resolved_target
from scorecard.performance.benchmark_words import cell_words, ordinal, standing
from scorecard.performance.status import Polarity


@pytest.mark.parametrize(
    ("number", "words"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"), (21, "21st"),
     (22, "22nd"), (101, "101st"), (111, "111th"), (112, "112th")],
)  # fmt: skip
def test_ranks_read_as_ordinals(number, words):
    assert ordinal(number) == words


def test_the_sentence_names_rank_group_quartile_and_year():
    assert standing(7, 16, 2, "nearest neighbours", "2021/22") == (
        "7th of 16 nearest neighbours (1 = best), second quartile, 2021/22"
    )


def test_a_council_without_a_figure_is_not_ranked_and_says_how_many_are():
    assert standing(None, 15, None, "nearest neighbours", "2021/22") == (
        "not ranked: no figure of our own (15 of the nearest neighbours have one), 2021/22"
    )


@pytest.mark.parametrize(
    ("rank", "ranked", "quartile", "period", "words"),
    [
        (1, 16, 1, "", "Top quartile, 1st of 16"),
        (12, 16, 3, "2017/18", "Third quartile, 12th of 16 (2017/18)"),
        (3, 5, None, "", "3rd of 5"),  # fewer than 8: no quartile
        (None, 5, None, "", "Not ranked"),
    ],
)
def test_a_reports_cell_is_quartile_then_rank(rank, ranked, quartile, period, words):
    assert cell_words(rank, ranked, quartile, period=period) == words


FIGURES = {"a": 10, "b": 20, "c": 30, "d": 40, "e": None}  # e's figure is suppressed


def test_a_median_target_is_the_groups_median():
    assert resolved_target(FIGURES, Polarity.HIGH, Basis.MEDIAN) == Decimal(25)


def test_the_top_quartile_threshold_follows_the_better_direction():
    assert resolved_target(FIGURES, Polarity.HIGH, Basis.TOP_QUARTILE) == Decimal("32.5")
    assert resolved_target(FIGURES, Polarity.LOW, Basis.TOP_QUARTILE) == Decimal("17.5")
    assert resolved_target(FIGURES, Polarity.NONE, Basis.TOP_QUARTILE) is None
    assert (at_least(Polarity.HIGH), at_least(Polarity.LOW)) == ("at least", "at most")


def test_no_figures_give_no_target():
    assert resolved_target({"a": None}, Polarity.HIGH, Basis.MEDIAN) is None
