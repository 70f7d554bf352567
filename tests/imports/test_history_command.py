"""`manage.py import catalogue|history`: a summary, a dry run, an error report, exit 1 on error, a quiet re-run."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from scorecard.measures.models import Measure
from scorecard.returns.models import Return
from tests.imports.files import csv_on_disk

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(tmp_path):
    return csv_on_disk(
        tmp_path, "catalogue.csv", ["code", "title", "good_is", "unit"], ["ENV06", "Recycled", "High", "%"]
    )


@pytest.fixture
def history(tmp_path):
    return csv_on_disk(tmp_path, "history.csv", ["code", "year", "value"], ["ENV06", "2016/17", "39.1"])


def run(*args: str) -> list[str]:
    out = io.StringIO()
    call_command("import", *args, "--user", "performance", stdout=out, stderr=io.StringIO())
    return out.getvalue().splitlines()


def test_a_dry_run_says_what_it_would_do_and_writes_nothing(performance, catalogue, history):
    assert run("history", history, "--catalogue", catalogue, "--dry-run") == [
        "Measures: 1 new, 0 changed, 0 unchanged, 0 in error.",
        "Values: 1 new, 0 changed, 0 unchanged, 0 in error.",
        "Dry run: nothing was written.",
    ]
    assert not Measure.objects.exists()


def test_it_imports_and_a_second_run_says_nothing_changed(performance, catalogue, history):
    assert run("history", history, "--catalogue", catalogue)[-1] == "Imported 1 measure and 1 value."
    assert run("history", history, "--catalogue", catalogue)[-1] == (
        "Nothing changed: every measure and value is as held already."
    )
    assert Return.objects.get().actual == Decimal("39.1")


def test_a_bad_row_exits_non_zero_writes_nothing_and_is_in_the_error_report(performance, catalogue, tmp_path):
    bad = csv_on_disk(tmp_path, "bad.csv", ["code", "year", "value"], ["ENV06", "2016/17", "lots"])
    errors = tmp_path / "errors.csv"
    with pytest.raises(CommandError, match="1 row is in error: nothing was imported"):
        run("history", bad, "--catalogue", catalogue, "--errors", str(errors))
    assert not Measure.objects.exists()
    report = list(csv.reader(errors.open(encoding="utf-8-sig")))
    assert report == [
        ["row", "column", "message"],
        ["2", "value", "“lots” is not a number: enter a number like 44745 or 93.5"],
    ]


def test_the_lgbf_values_need_the_indicators_file(performance, history):
    with pytest.raises(CommandError, match="The LGBF's values need its indicators file too"):
        run("history", history, "--source", "lgbf", "--council", "Aberdeen City")
