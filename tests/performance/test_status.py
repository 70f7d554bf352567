"""The traffic-light rule at every boundary (004 §4.3 and DESIGN.md "Status")."""

from decimal import Decimal

import pytest

from scorecard.performance.status import Polarity, Status, rag_status

HIGH, LOW = Polarity.HIGH, Polarity.LOW


@pytest.mark.parametrize(
    ("actual", "target", "expected"),
    [
        (475, 500, Status.AMBER),  # exactly 5% short is still Amber: the boundary is inclusive
        (474.99, 500, Status.RED),  # a hair beyond 5% short is Red
        (499.99, 500, Status.AMBER),
        (500, 500, Status.GREEN),  # meeting target is Green
        (510, 500, Status.GREEN),  # exactly 2% above is Green, not Blue
        (510.01, 500, Status.BLUE),  # anything beyond 2% above is Blue
        (38551, 42005, Status.RED),  # 000: CM PM15, 8.2% short
        (97.4, 97.5, Status.AMBER),  # 000: CM PM09a
        (86, 60, Status.BLUE),  # 000: GOV PM01
    ],
)
def test_good_is_high(actual, target, expected):
    assert rag_status(actual, target, HIGH) is expected


@pytest.mark.parametrize(
    ("actual", "target", "expected"),
    [
        (525, 500, Status.AMBER),  # 5% over a low-is-good target is Amber
        (525.01, 500, Status.RED),
        (500, 500, Status.GREEN),
        (490, 500, Status.GREEN),  # exactly 2% under is Green
        (489.99, 500, Status.BLUE),
        (6.2, 4.2, Status.RED),  # 000: CP 08f sickness days
    ],
)
def test_good_is_low(actual, target, expected):
    assert rag_status(actual, target, LOW) is expected


def test_values_are_compared_as_recorded_not_as_displayed():
    # 93.1 against 98 is exactly 5% short, so Amber, though shown as 93% it would look 5.1% short.
    assert rag_status(Decimal("93.1"), Decimal("98"), HIGH) is Status.AMBER
    assert rag_status(0.1 + 0.2, 0.3, HIGH) is Status.GREEN  # no float noise turns equal into worse


@pytest.mark.parametrize(
    ("actual", "expected"),
    [(0, Status.GREEN), (0.1, Status.BLUE), (-0.2, Status.RED)],
)
def test_a_zero_target_compares_absolutely(actual, expected):
    # 001: Progress 8, target 0, actual -0.2.
    assert rag_status(actual, 0, HIGH) is expected


def test_a_zero_target_with_absolute_margins_uses_them():
    assert rag_status(-0.2, 0, HIGH, blue_margin=0.1, amber_margin=0.25, absolute=True) is Status.AMBER
    assert rag_status(-0.3, 0, HIGH, blue_margin=0.1, amber_margin=0.25, absolute=True) is Status.RED
    assert rag_status(0.15, 0, HIGH, blue_margin=0.1, amber_margin=0.25, absolute=True) is Status.BLUE


def test_a_negative_target_measures_distance_by_its_size():
    # Target -10 (high is good): -10.5 is 5% short of it, so Amber; -9.7 is 3% better, so Blue.
    assert rag_status(-10.5, -10, HIGH) is Status.AMBER
    assert rag_status(-10.6, -10, HIGH) is Status.RED
    assert rag_status(-9.7, -10, HIGH) is Status.BLUE


def test_absolute_margins_are_percentage_points():
    # Within 5 points of a 90% target is Amber; 2 points above is still Green.
    assert rag_status(85, 90, HIGH, blue_margin=2, amber_margin=5, absolute=True) is Status.AMBER
    assert rag_status(84.9, 90, HIGH, blue_margin=2, amber_margin=5, absolute=True) is Status.RED
    assert rag_status(92, 90, HIGH, blue_margin=2, amber_margin=5, absolute=True) is Status.GREEN
    assert rag_status(92.1, 90, HIGH, blue_margin=2, amber_margin=5, absolute=True) is Status.BLUE


def test_a_council_without_blue_rates_above_target_green():
    assert rag_status(900, 500, HIGH, blue_margin=None) is Status.GREEN
    assert rag_status(1, 0, HIGH, blue_margin=None) is Status.GREEN


def test_a_council_whose_amber_is_within_ten_percent():
    assert rag_status(450, 500, HIGH, amber_margin=0.10) is Status.AMBER
    assert rag_status(449, 500, HIGH, amber_margin=0.10) is Status.RED


def test_a_context_only_measure_has_no_rating():
    assert rag_status(10, 5, Polarity.NONE) is Status.NOT_APPLICABLE


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), "475", None, True])
def test_a_value_that_is_not_a_finite_number_is_refused(bad):
    with pytest.raises((TypeError, ValueError)):
        rag_status(bad, 500, HIGH)


def test_each_status_is_defined_once_with_its_word_and_colours():
    assert [status.label for status in Status if status.is_rating] == ["Blue", "Green", "Amber", "Red"]
    assert Status.parse("No Target") is Status.NO_TARGET
    assert Status.parse("n/a") is Status.NOT_APPLICABLE
    assert {status.style.fill for status in (Status.BLUE, Status.GREEN, Status.AMBER, Status.RED)} == {
        "#1d70b8",
        "#00703c",
        "#ffdd00",
        "#d4351c",
    }
    with pytest.raises(ValueError, match="is not a status"):
        Status.parse("Purple")


def test_polarity_reads_the_good_is_column():
    assert Polarity.parse("High") is Polarity.HIGH
    assert Polarity.parse("N/A") is Polarity.NONE
    assert Polarity.parse(None) is Polarity.NONE
    with pytest.raises(ValueError, match="High, Low or N/A"):
        Polarity.parse("up")
