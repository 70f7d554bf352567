import pytest

from scorecard.performance.assessment import Frequency, assess, is_due, quarterly_status, year_end_figure
from scorecard.performance.milestones import Progress, milestone_status
from scorecard.performance.status import Polarity, Status, Tolerances
from scorecard.performance.summaries import percent_met


@pytest.mark.parametrize(
    ("progress", "expected"),
    [
        (Progress.ON_TRACK, Status.GREEN),
        (Progress.SOME_SLIPPAGE, Status.AMBER),
        (Progress.MAJOR_SLIPPAGE, Status.RED),
    ],
)
def test_progress_rates_as_the_council_states(progress, expected):
    assert milestone_status(progress) is expected


def test_completed_is_blue_or_green_by_the_years_setting():
    assert milestone_status(Progress.COMPLETED) is Status.GREEN  # 2016/17 (001)
    assert milestone_status(Progress.COMPLETED, completed=Status.BLUE) is Status.BLUE  # 2012/13 (004)
    with pytest.raises(ValueError, match="Blue or Green"):
        milestone_status(Progress.COMPLETED, completed=Status.RED)


def test_progress_words_read_as_printed():
    assert Progress.parse("Major Slippage") is Progress.MAJOR_SLIPPAGE
    assert Progress.parse("On Track") is Progress.ON_TRACK
    assert Progress.ON_TRACK.label == "On track"
    with pytest.raises(ValueError, match="not a progress status"):
        Progress.parse("Nearly there")


def test_a_milestone_measure_rates_its_actual_progress_not_its_target():
    # 002: target "On Track", actual "Some Slippage".
    assert assess(Progress.SOME_SLIPPAGE, Progress.ON_TRACK, Polarity.NONE) is Status.AMBER


def test_no_target_comes_before_awaiting_data():
    assert assess(61, None, Polarity.HIGH) is Status.NO_TARGET
    assert assess(None, None, Polarity.HIGH) is Status.NO_TARGET
    assert assess(None, 500, Polarity.HIGH) is Status.AWAITING_DATA


def test_a_context_measure_is_for_information_not_no_target():
    assert assess(291, None, Polarity.NONE) is Status.FOR_INFORMATION
    assert assess(291, 300, Polarity.NONE) is Status.FOR_INFORMATION  # a target cannot rate it either
    assert assess(None, None, Polarity.NONE) is Status.AWAITING_DATA  # its figure is still to be chased
    assert Status.FOR_INFORMATION.label == "For information"
    assert Status.parse("For information") is Status.FOR_INFORMATION
    assert not Status.FOR_INFORMATION.is_rating
    assert Status.FOR_INFORMATION.style.order > Status.NO_TARGET.style.order


def test_a_context_measure_is_left_out_of_the_met_target_percentage():
    assert percent_met([Status.GREEN, Status.RED, Status.FOR_INFORMATION]) == 50


def test_a_number_against_a_progress_word_cannot_be_rated():
    assert assess(2, Progress.COMPLETED, Polarity.HIGH) is Status.NOT_APPLICABLE


def test_a_measures_own_tolerances_are_used():
    tight = Tolerances(blue_margin=None, amber_margin=0.01)
    assert assess(490, 500, Polarity.HIGH, tolerances=tight) is Status.RED


def test_an_annual_measure_shows_annual_until_its_figure_arrives():
    ks2 = {"frequency": Frequency.ANNUAL, "reported_in_quarter": 2}
    assert quarterly_status(60, 61, Polarity.HIGH, quarter=1, **ks2) is Status.ANNUAL
    assert quarterly_status(60, 61, Polarity.HIGH, quarter=2, **ks2) is Status.AMBER
    assert quarterly_status(60, 61, Polarity.HIGH, quarter=4, **ks2) is Status.AMBER


def test_a_biennial_survey_not_due_says_so():
    status = quarterly_status(None, 65, Polarity.HIGH, frequency=Frequency.BIENNIAL, quarter=2)
    assert status.label == "Biennial survey"


@pytest.mark.parametrize("quarter", [1, 2, 3, 4])
def test_quarterly_and_monthly_measures_are_due_every_quarter(quarter):
    assert is_due(Frequency.QUARTERLY, quarter) and is_due(Frequency.MONTHLY, quarter)


def test_at_the_year_end_the_outturn_stands_for_a_forecast_nobody_recorded():
    assert year_end_figure(None, 44, at_year_end=True) == 44
    assert year_end_figure(None, 44, at_year_end=False) is None
    assert year_end_figure(40, 44, at_year_end=True) == 40
