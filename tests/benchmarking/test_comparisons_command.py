"""`manage.py import comparisons`: a summary, a dry run, an error report, exit 1 on error, a quiet re-run."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command

from scorecard.benchmarking.models import ComparatorGroup, ComparisonValue, Load
from tests.benchmarking.files import SHARED
from tests.imports.files import csv_on_disk

pytestmark = pytest.mark.django_db
HEADINGS = ["measure code", "area code", "area name", "period", "value"]


def run(*args: str, user: str = "performance") -> list[str]:
    out = io.StringIO()
    call_command("import", "comparisons", *args, "--user", user, stdout=out, stderr=io.StringIO())
    return out.getvalue().splitlines()


@pytest.fixture
def values(tmp_path):
    return csv_on_disk(tmp_path, "lg_inform.csv", HEADINGS, ["NI 155", "E06000015", "Derby", "2021/22", "45"])


def test_a_dry_run_says_what_it_would_do_and_writes_nothing(performance, values):
    assert run(values, "--source", "generic", "--dry-run") == [
        "1 rows: 1 new, 0 changed, 0 unchanged, 0 in error.",
        "Areas to add: 1.",
        "External measures to add: 1; to update: 0.",
        "Dry run: nothing was written.",
    ]
    assert not ComparisonValue.objects.exists()


def test_it_loads_and_a_second_run_says_nothing_changed(performance, values):
    assert run(values, "--source", "generic")[-1].startswith(
        "Loaded 1 new and 0 changed values (0 unchanged), 1 new areas and 0 comparator groups from "
    )
    assert run(values, "--source", "generic")[-1] == "Nothing changed: every value and group is as held already."
    assert Load.objects.get().rows == 1


def test_a_bad_row_exits_non_zero_writes_nothing_and_is_in_the_error_report(performance, tmp_path):
    bad = csv_on_disk(tmp_path, "bad.csv", HEADINGS, ["NI 155", "E06000015", "Derby", "2021/22", "lots"])
    errors = tmp_path / "errors.csv"
    with pytest.raises(CommandError, match="1 problems: nothing was loaded"):
        run(bad, "--source", "generic", "--errors", str(errors))
    assert not ComparisonValue.objects.exists()
    assert list(csv.reader(errors.open(encoding="utf-8-sig"))) == [
        ["row", "column", "message"],
        ["2", "value", "“lots” is not a number"],
    ]


def test_the_oflog_extract_with_its_neighbours(performance):
    oflog = SHARED / "oflog"
    lines = run(
        str(oflog / "adult_social_care.csv"), "--source", "oflog", "--groups", str(oflog / "nearest_neighbours.json")
    )
    assert lines[0] == "6,376 rows: 6,376 new, 0 changed, 0 unchanged, 0 in error."
    assert "  196 lists not loaded: for councils Scorecard does not hold." in lines
    assert ComparatorGroup.objects.filter(kind="nearest_neighbours").count() == 152


def test_lgbf_values_need_the_indicators_file(performance):
    with pytest.raises(CommandError, match="LGBF values need the LGBF indicators file"):
        run(str(SHARED / "lgbf" / "lgbf_values.csv"), "--source", "lgbf")


def test_someone_outside_the_performance_team_is_refused(officer, values):
    with pytest.raises(CommandError, match="Only the performance team loads comparator data"):
        run(values, "--source", "generic", user="officer")
