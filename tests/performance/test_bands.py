"""The bands in words, from the council's own margins: the Cabinet key, the annual results and the filters."""

from decimal import Decimal

from scorecard.performance.bands import bands, met_words, statuses_to_choose
from scorecard.performance.status import DERBY_TOLERANCES, Status, Tolerances

DISTRICT = Tolerances(blue_margin=None, amber_margin=Decimal("0.10"))  # three bands, Amber within 10%


def test_derbys_key_reads_as_004_printed_it():
    assert [band.key_line for band in bands(DERBY_TOLERANCES, completed=Status.BLUE)] == [
        "Blue – performance above 2% of target / Completed",
        "Green – performance meets target / On track",
        "Amber – performance within 5% of target / Some slippage",
        "Red – performance more than 5% adverse of target / Major slippage",
    ]


def test_derbys_annual_results_read_as_001_printed_them():
    found = bands(DERBY_TOLERANCES)
    assert met_words(found) == "Green / blue – met or exceeded target"
    assert [band.result for band in found if band.status in (Status.AMBER, Status.RED)] == [
        "missed target by up to 5%",
        "missed target by more than 5%",
    ]


def test_a_council_without_blue_has_no_blue_and_its_own_amber():
    found = bands(DISTRICT)
    assert [band.status for band in found] == [Status.GREEN, Status.AMBER, Status.RED]
    assert met_words(found) == "Green – met or exceeded target"
    assert found[1].result == "missed target by up to 10%"
    assert found[0].key_line == "Green – performance meets target / On track / Completed"


def test_completed_shown_blue_keeps_a_blue_line_without_a_blue_band():
    assert bands(DISTRICT, completed=Status.BLUE)[0].key_line == "Blue – Completed"


def test_absolute_margins_are_said_in_points():
    found = bands(Tolerances(blue_margin=Decimal(1), amber_margin=Decimal("2.5"), absolute=True))
    assert found[2].result == "missed target by up to 2.5 points"


def test_the_status_filter_offers_blue_only_where_there_is_blue():
    assert Status.BLUE not in statuses_to_choose(has_blue=False)
    assert Status.GREEN in statuses_to_choose(has_blue=False)
    assert statuses_to_choose(has_blue=True) == list(Status)
