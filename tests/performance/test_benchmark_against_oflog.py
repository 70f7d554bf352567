"""Acceptance: the median and the distance from it in median absolute deviations come out as Oflog published them.

Oflog's adult social care extract has, on every row, the national median (MEDIAN) and the council's distance from
it (MADs_from_median), both worked out over every council with a value for that measure and year.
"""

import csv
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings

from scorecard.performance.benchmark import mads_from_median, median

OFLOG = Path(settings.BASE_DIR).parent / "shared" / "data" / "oflog" / "adult_social_care.csv"
DERBY, LEEDS, CORNWALL, CAMDEN = "E06000015", "E08000035", "E06000052", "E09000007"
# The file prints some medians and distances to 9 decimal places, others in full: agree to within that.
CLOSE = Decimal("1e-6")


@pytest.fixture(scope="module")
def oflog():
    if not OFLOG.is_file():
        pytest.fail(f"the Oflog extract is not at {OFLOG}: the acceptance tests need shared/ beside the clone")
    with OFLOG.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    groups = defaultdict(dict)
    for row in rows:
        value = Decimal(row["Value"]) if row["Value"] else None
        groups[row["Code"], row["Financial year"]][row["Local authority code"]] = value
    return rows, groups


def close(ours: Decimal, theirs: str) -> bool:
    return abs(ours - Decimal(theirs)) <= CLOSE * max(1, abs(Decimal(theirs)))


@pytest.mark.parametrize("council", [DERBY, LEEDS, CORNWALL, CAMDEN])
def test_median_and_distance_reproduce_oflogs_for_every_measure_and_year(oflog, council):
    rows, groups = oflog
    theirs = [row for row in rows if row["Local authority code"] == council and row["Value"]]
    assert len(theirs) >= 30
    for row in theirs:
        values = groups[row["Code"], row["Financial year"]]
        assert close(median(values.values()), row["MEDIAN"]), row
        assert close(mads_from_median(values[council], values.values()), row["MADs_from_median"]), row


def test_derbys_short_term_support_in_2021_22_is_about_a_deviation_below_the_median(oflog):
    _, groups = oflog
    values = groups["ASC5", "2021-22"]
    assert values[DERBY] == Decimal("64")
    assert median(values.values()) == Decimal("76.4")
    assert round(mads_from_median(values[DERBY], values.values()), 6) == Decimal("-1.082969")


def test_every_median_in_the_file_is_reproduced(oflog):
    rows, groups = oflog
    for row in rows:
        assert close(median(groups[row["Code"], row["Financial year"]].values()), row["MEDIAN"]), row
