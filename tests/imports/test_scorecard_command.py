"""`manage.py import scorecard FILE --year …`: the page's twin, with the same messages and exit codes."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command, load_command_class

from scorecard.council.models import Directorate
from scorecard.measures.models import Measure, ScorecardEntry
from tests import factories
from tests.imports.files import csv_on_disk
from tests.imports.test_scorecard_sheet import SAMPLE

pytestmark = pytest.mark.django_db


@pytest.fixture
def year():
    return factories.year(2014)


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_dry_run_lists_what_is_created_first_and_writes_nothing(year, performance):
    out, _ = run("scorecard", str(SAMPLE), "--year", "2014/15", "--user", "performance", "--dry-run")
    lines = out.splitlines()
    assert lines[0] == "Scorecard rows: 40 new, 0 changed, 0 unchanged, 0 in error."
    assert lines[1] == "Created first: New directorate: Waste and Street Scene"
    assert "Created first: New person to invite: r.okafor@fernmoor.gov.uk" in lines
    assert lines[-1] == "Dry run: nothing was written."
    assert not Measure.objects.exists() and not Directorate.objects.exists()


def test_it_imports_the_sample_as_the_user_named(year, performance):
    out, _ = run("scorecard", str(SAMPLE), "--year", "2014/15", "--user", "performance")
    assert out.splitlines()[-1] == "Imported 40 scorecard rows."
    assert ScorecardEntry.objects.filter(year=year).count() == 40
    assert Measure.objects.get(code="WSS 01").history.first().history_user == performance


def test_rows_in_error_are_listed_and_written_to_the_error_file(year, performance, tmp_path):
    rows = [["code", "title", "owner", "good_is"], ["A 1", "One", "Jo Bloggs", "High"], ["A 1", "Again", "", "Up"]]
    file, report = csv_on_disk(tmp_path, "scorecard.csv", *rows), tmp_path / "errors.csv"
    with pytest.raises(CommandError, match=r"^2 rows are in error: nothing was imported\.$"):
        run("scorecard", file, "--year", "2014/15", "--user", "performance", "--errors", str(report))
    problems = list(csv.reader(io.StringIO(report.read_text(encoding="utf-8-sig"))))
    assert [problem[:2] for problem in problems] == [["row", "column"], ["2", "owner"], ["3", "code"], ["3", "good_is"]]
    assert not Measure.objects.exists()


def test_an_unknown_column_stops_the_command_with_its_name(year, performance, tmp_path):
    file = csv_on_disk(tmp_path, "scorecard.csv", ["code", "title", "service"], ["A 1", "One", "Waste"])
    with pytest.raises(CommandError, match="a column headed “service”"):
        run("scorecard", file, "--year", "2014/15", "--user", "performance")


def test_a_year_not_held_is_told_before_the_file_is_read(year, performance, tmp_path):
    with pytest.raises(CommandError, match="2030/31 is not set up in Scorecard"):
        run("scorecard", str(tmp_path / "missing.csv"), "--year", "2030/31", "--user", "performance")


def test_an_officer_cannot_import_the_scorecard(year, officer, tmp_path):
    file = csv_on_disk(tmp_path, "scorecard.csv", ["code", "title"], ["A 1", "One"])
    with pytest.raises(CommandError, match="1 row is in error"):
        run("scorecard", file, "--year", "2014/15", "--user", "officer")


def test_it_exits_non_zero_from_the_command_line(year, performance, tmp_path, monkeypatch, capsys):
    # run_from_argv closes the database connections when it finishes; the test still needs its own.
    monkeypatch.setattr("django.db.connections.close_all", lambda: None)
    file = csv_on_disk(tmp_path, "scorecard.csv", ["code", "title", "q1_target"], ["A 1", "One", "ten"])
    command = load_command_class("scorecard.returns", "import")
    with pytest.raises(SystemExit) as exit_:
        command.run_from_argv(["manage.py", "import", "scorecard", file, "--year", "2014/15", "--user", "performance"])
    assert exit_.value.code == 1
    err = capsys.readouterr().err
    assert "Row 2, q1_target: “ten” is not a number" in err
    assert "CommandError: 1 row is in error: nothing was imported." in err
