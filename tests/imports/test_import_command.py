"""`manage.py import`: the plan's summary, a progress bar, an error report, and a non-zero exit on error."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command, load_command_class

from scorecard.council.models import Directorate
from scorecard.imports import plans
from scorecard.measures.models import Target, Unit
from scorecard.returns.models import Return
from tests import factories
from tests.imports.files import csv_on_disk

pytestmark = pytest.mark.django_db


@pytest.fixture
def scorecard(quarter, officer):
    corporate = Directorate.objects.get(name="Corporate Resources")
    online = factories.measure("CM PM15", title="Number of online transactions")
    satisfied = factories.measure("PS PM01", title="Adults satisfied with care", unit=Unit.PERCENT, decimals=1)
    factories.entry(online, quarter.year, directorate=corporate)
    factories.entry(satisfied, quarter.year, directorate=Directorate.objects.create(name="People Services"))
    return {"online": online, "satisfied": satisfied}


@pytest.fixture
def good_file(tmp_path):
    return csv_on_disk(tmp_path, "returns.csv", ["code", "actual", "forecast"], ["CM PM15", "44745", "125000"])


@pytest.fixture
def bad_file(tmp_path):
    rows = [["code", "actual"], ["CM PM15", "44745"], ["PS PM01", "120"], ["XX 99", "=1+1"]]
    return csv_on_disk(tmp_path, "returns.csv", *rows)


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_dry_run_prints_the_plan_and_writes_nothing(scorecard, good_file):
    out, _ = run("returns", good_file, "--period", "2017/18-Q2", "--user", "officer", "--dry-run")
    assert out.splitlines() == ["Returns: 1 new, 0 changed, 0 unchanged, 0 in error.", "Dry run: nothing was written."]
    assert not Return.objects.exists()


def test_it_imports_returns_as_the_user_named(scorecard, good_file, officer):
    out, _ = run("returns", good_file, "--period", "2017/18 Q2", "--user", "officer")
    assert out.splitlines()[-1] == "Imported 1 return."
    ret = Return.objects.get(measure=scorecard["online"])
    assert (ret.actual, ret.forecast, ret.history.first().history_user) == (44745, 125000, officer)


def test_it_shows_a_progress_bar_on_stderr(scorecard, good_file):
    _, err = run("returns", good_file, "--period", "2017/18-Q2", "--user", "officer")
    assert err.splitlines() == [
        "Checking [##############################] 1 of 1 rows",
        "Importing [##############################] 1 of 1 rows",
    ]


def test_the_progress_bar_moves_every_thousand_rows(scorecard, tmp_path, monkeypatch, performance):
    monkeypatch.setattr(plans, "PROGRESS_EVERY", 2)  # as with 1,000, on a file small enough for a test
    rows = [["code", "actual"], ["CM PM15", "1"], [], ["PS PM01", "2"]]
    path = csv_on_disk(tmp_path, "r.csv", *rows)
    _, err = run("returns", path, "--period", "2017/18-Q2", "--user", "performance", "--dry-run")
    assert err.splitlines() == [
        "Checking [####################..........] 2 of 3 rows",
        "Checking [##############################] 3 of 3 rows",
    ]


def test_rows_in_error_stop_the_import_and_are_listed(scorecard, bad_file):
    err = io.StringIO()
    with pytest.raises(CommandError, match=r"^2 rows are in error: nothing was imported\.$"):
        call_command("import", "returns", bad_file, "--period", "2017/18-Q2", "--user", "officer", stderr=err)
    assert err.getvalue().splitlines() == [
        "Checking [##############################] 3 of 3 rows",
        "Row 3, actual: A percentage must be between 0 and 100; the file has “120”",
        "Row 3, code: You cannot edit this return.",
        "Row 4, actual: “=1+1” starts with “=”, so a spreadsheet reads it as a formula: enter the value itself, "
        "not a formula (for text, start with something else)",
        "Row 4, code: No measure has the code “XX 99”",
    ]
    assert not Return.objects.exists()


def test_the_error_report_lists_every_problem_by_row_and_column(scorecard, bad_file, tmp_path, performance):
    report = tmp_path / "errors.csv"
    with pytest.raises(CommandError):
        run("returns", bad_file, "--period", "2017/18-Q2", "--user", "performance", "--errors", str(report))
    rows = list(csv.reader(report.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["row", "column", "message"]
    assert [(row, column) for row, column, _ in rows[1:]] == [("3", "actual"), ("4", "actual"), ("4", "code")]
    assert rows[2][2].startswith("“=1+1” starts with “=”")


def test_it_exits_non_zero_from_the_command_line(scorecard, bad_file, monkeypatch, capsys):
    # run_from_argv closes the database connections when it finishes; the test still needs its own.
    monkeypatch.setattr("django.db.connections.close_all", lambda: None)
    command = load_command_class("scorecard.returns", "import")
    with pytest.raises(SystemExit) as exit_:
        command.run_from_argv(
            ["manage.py", "import", "returns", bad_file, "--period", "2017/18-Q2", "--user", "officer"]
        )
    assert exit_.value.code == 1
    assert "CommandError: 2 rows are in error: nothing was imported." in capsys.readouterr().err


def test_it_exits_zero_when_the_file_is_good(scorecard, good_file, monkeypatch):
    monkeypatch.setattr("django.db.connections.close_all", lambda: None)
    command = load_command_class("scorecard.returns", "import")
    command.run_from_argv(["manage.py", "import", "returns", good_file, "--period", "2017/18-Q2", "--user", "officer"])
    assert Return.objects.count() == 1


def test_it_imports_targets(scorecard, tmp_path, performance):
    rows = [["code", "quarter", "target"], ["CM PM15", "2", "60000"], ["CM PM15", "year end", "125000"]]
    out, _ = run("targets", csv_on_disk(tmp_path, "t.csv", *rows), "--year", "2017/18", "--user", "performance")
    assert out.splitlines() == ["Targets: 2 new, 0 changed, 0 unchanged, 0 in error.", "Imported 2 targets."]
    assert Target.objects.count() == 2


def test_an_officer_cannot_import_targets(scorecard, tmp_path):
    rows = [["code", "quarter", "target"], ["CM PM15", "2", "60000"]]
    with pytest.raises(CommandError, match="1 row is in error"):
        run("targets", csv_on_disk(tmp_path, "t.csv", *rows), "--year", "2017/18", "--user", "officer")
    assert not Target.objects.exists()


def test_a_file_the_import_cannot_read_is_refused_with_its_reason(scorecard, tmp_path):
    path = tmp_path / "returns.csv"
    path.write_bytes("code,note\nCM PM15,£5\n".encode("cp1252"))
    with pytest.raises(CommandError, match="is not UTF-8"):
        run("returns", str(path), "--period", "2017/18-Q2", "--user", "officer")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["returns", "FILE", "--period", "2017/18-Q2", "--user", "nobody"], "No active user is called 'nobody'"),
        (
            ["returns", "FILE", "--period", "2017/18-Q7", "--user", "officer"],
            "quarter 7 does not exist: quarters are 1 to 4",
        ),
        (["returns", "FILE", "--period", "2030/31-Q1", "--user", "officer"], "2030/31 Q1 is not set up in Scorecard"),
        (["targets", "FILE", "--year", "2030/31", "--user", "officer"], "2030/31 is not set up in Scorecard"),
        (["returns", "missing.csv", "--period", "2017/18-Q2", "--user", "officer"], "missing.csv cannot be read"),
        (["returns", "FILE", "--user", "officer"], "--period"),
    ],
)
def test_bad_arguments_get_a_one_line_message(scorecard, good_file, args, message):
    args = [good_file if arg == "FILE" else arg for arg in args]
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_the_performance_team_imports_returns_approved(scorecard, good_file, performance):
    out, _ = run("returns", good_file, "--period", "2017/18-Q2", "--user", "performance", "--approved")
    assert out.splitlines()[-1] == "Imported 1 return, approved."
    ret = Return.objects.get(measure=scorecard["online"])
    record = ret.history.first()
    assert (ret.state, record.history_change_reason, record.history_user) == (
        "approved",
        "Imported approved",
        performance,
    )


def test_an_officer_cannot_import_returns_approved(scorecard, good_file):
    with pytest.raises(CommandError, match="Only the performance team imports returns as approved"):
        run("returns", good_file, "--period", "2017/18-Q2", "--user", "officer", "--approved")
    assert not Return.objects.exists()
