"""`manage.py report`: reports written to files for scheduled runs, and one-line errors."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from scorecard.reports.render import documents
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def quarter():
    q2 = factories.period(2017, 2)
    online = factories.measure("CM PM15", title="Number of online transactions")
    factories.entry(online, q2.year)
    factories.target(online, q2, 42005)
    factories.return_for(online, q2, 38551)
    return q2


def report(*args: str) -> str:
    out = StringIO()
    call_command("report", *args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("format", ["html", "pdf", "docx", "xlsx", "csv"])
def test_it_writes_the_dashboard_in_every_format(quarter, tmp_path, format):
    target = tmp_path / f"dashboard.{format}"
    said = report("dashboard", "--year", "2017/18", "--quarter", "2", "--format", format, "--output", str(target))
    assert target.stat().st_size > 0
    assert f"Wrote {target}" in said


def test_it_writes_a_measures_profile_found_by_code(quarter, tmp_path):
    target = tmp_path / "profile.xlsx"
    report("profile", "--measure", "cm pm15", "--format", "xlsx", "--output", str(target))
    cells = [cell for row in load_workbook(target).worksheets[0].iter_rows(values_only=True) for cell in row]
    assert 38551 in cells


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["dashboard", "--year", "2031/32", "--quarter", "2"], "2031/32 is not set up in Scorecard"),
        (["dashboard", "--year", "2017/18", "--quarter", "5"], "quarter 5 does not exist"),
        (["dashboard", "--year", "2017/18"], "--quarter is needed"),
        (["profile", "--measure", "XX 99"], 'no measure has the code "XX 99"'),
        (["annual", "--year", "17/18"], "is not a financial year"),
    ],
)
def test_a_bad_argument_gets_a_one_line_message(quarter, tmp_path, args, message):
    with pytest.raises(CommandError, match=message):
        report(*args, "--format", "pdf", "--output", str(tmp_path / "x.pdf"))
    assert not (tmp_path / "x.pdf").exists()


def test_a_pdf_that_would_not_be_accessible_is_not_written_and_the_problems_are_named(quarter, tmp_path, monkeypatch):
    monkeypatch.setattr(documents, "printable_html", lambda *args: "<h1>Council Scorecard Dashboard</h1>")
    target = tmp_path / "dashboard.pdf"
    with pytest.raises(CommandError, match=r"would not be accessible: the document has no language"):
        report("dashboard", "--year", "2017/18", "--quarter", "2", "--format", "pdf", "--output", str(target))
    assert not target.exists()
