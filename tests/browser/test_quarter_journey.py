"""The quarter, end to end, in a real browser: an officer records and submits, the approver sends it back,
the officer fixes it, the approver approves, the performance team closes and publishes, and a reader sees
the figure. Every page on the way is checked with axe-core for WCAG 2.2 AA."""

from datetime import date

import pytest

from scorecard.council.models import Directorate, Period, Perspective
from scorecard.measures.models import Measure
from tests import factories
from tests.browser.conftest import accessibility_problems, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def open_quarter():
    q2, last_year = factories.period(2018, 2), factories.period(2017, 2)
    Period.objects.filter(pk=q2.pk).update(state=Period.State.OPEN, deadline=date(2018, 10, 19))
    resources = Directorate.objects.create(name="Corporate Resources")
    perspective = Perspective.objects.create(name="Business Processes")
    online = factories.measure("CM PM15", title="Number of online transactions")
    factories.entry(online, q2.year, directorate=resources, perspective=perspective)
    factories.target(online, q2, 60000)
    factories.target(online, None, 125000, year_of=q2.year)
    factories.return_for(online, last_year, 38551)
    factories.published(last_year)
    factories.person("officer", "measure_owner", "Corporate Resources")
    factories.person("approver", "directorate_approver", "Corporate Resources")
    factories.person("performance", "performance_team")
    factories.person("reader", "reader")
    return q2


def checked(page) -> None:
    assert accessibility_problems(page) == []


def officer_records_and_submits(page, forecast: str) -> None:
    page.goto("/returns/")
    checked(page)
    page.get_by_role("link", name="CM PM15").first.click()
    page.get_by_label("Actual", exact=True).fill("44745")
    page.get_by_label("Year-end forecast").fill(forecast)
    page.get_by_label("Context for current performance").fill("Up 16.1% on the same quarter of 2017-18.")
    page.get_by_label("Improvement actions taken").fill("The Firmstep portal goes live in quarter 3.")
    page.get_by_label("Intervention / review").fill("Review at the end of quarter 3.")
    checked(page)
    page.get_by_role("button", name="Submit for approval").click()
    assert "submitted for approval" in page.content()
    checked(page)


def test_a_quarter_from_entry_to_publication(visitor, open_quarter):
    officer = visitor()
    sign_in(officer, "officer")
    officer_records_and_submits(officer, forecast="125000")

    approver = visitor()
    sign_in(approver, "approver")
    approver.goto("/approvals/")
    checked(approver)
    approver.locator("summary", has_text="Send it back").click()
    approver.get_by_label("What should the owner change?").fill("Is a forecast of 125,000 realistic?")
    approver.get_by_role("button", name="Send back to the owner").click()
    checked(approver)

    officer.goto("/returns/")
    officer.get_by_role("link", name="CM PM15").first.click()
    assert "Is a forecast of 125,000 realistic?" in officer.content()
    checked(officer)
    officer.get_by_label("Year-end forecast").fill("112816")
    officer.get_by_role("button", name="Submit for approval").click()
    assert "submitted for approval" in officer.content()

    approver.goto("/approvals/")
    approver.get_by_role("button", name="Approve CM PM15 2018/19 Q2").click()
    checked(approver)

    team = visitor()
    sign_in(team, "performance")
    team.goto("/quarters/")
    checked(team)
    team.locator("summary", has_text="Close for returns").click()
    team.get_by_role("button", name="Close 2018/19 Q2").click()
    team.get_by_role("button", name="Publish 2018/19 Q2").click()
    checked(team)

    reader = visitor()
    sign_in(reader, "reader")
    reader.goto("/reports/dashboard/?year=2018/19&quarter=2&group_by=perspective")
    row = reader.get_by_role("row", name="CM PM15 Number of online transactions")
    assert "112,816" in row.inner_text()
    assert "Red" in row.inner_text()  # 44,745 against a quarterly target of 60,000
    checked(reader)


def test_several_returns_submitted_and_approved_at_once(visitor, open_quarter):
    resources = Directorate.objects.get(name="Corporate Resources")
    for code, title in (("CM PM16", "Calls answered"), ("CM PM17", "Invoices paid on time")):
        measure = factories.measure(code, title=title)
        factories.entry(measure, open_quarter.year, directorate=resources)
        factories.return_for(measure, open_quarter, 90, state="draft", context="Steady.")
    officer = visitor()
    sign_in(officer, "officer")
    officer.goto("/returns/")
    officer.get_by_label("Select CM PM16 Calls answered 2018/19 Q2 to submit").check()
    officer.get_by_label("Select CM PM17 Invoices paid on time 2018/19 Q2 to submit").check()
    checked(officer)
    officer.get_by_role("button", name="Submit selected returns").click()
    assert "2 returns are submitted" in officer.content()
    checked(officer)

    approver = visitor()
    sign_in(approver, "approver")
    approver.goto("/approvals/")
    approver.get_by_label("Select CM PM16 2018/19 Q2 to approve").check()
    approver.get_by_label("Select CM PM17 2018/19 Q2 to approve").check()
    checked(approver)
    approver.get_by_role("button", name="Approve selected returns").first.click()
    assert "2 returns are approved" in approver.content()
    assert "There are no returns waiting for your approval." in approver.content()
    checked(approver)

    approver.goto(f"/returns/{open_quarter.pk}/{Measure.objects.get(code='CM PM16').pk}/")
    approver.get_by_label("Why is it being reopened?").fill("The call count missed the out-of-hours line.")
    checked(approver)
    approver.get_by_role("button", name="Reopen the return").click()
    officer.goto("/returns/")
    officer.get_by_role("link", name="CM PM16").click()
    assert "The call count missed the out-of-hours line." in officer.content()
    checked(officer)


def check_a_file(page, path, content: str) -> str:
    """Choose the filled-in file on an import page and check it; the page's words come back."""
    path.write_text(content, encoding="utf-8")
    page.get_by_label("File (CSV or Excel .xlsx)").set_input_files(str(path))
    page.get_by_role("button", name="Check the file").click()
    checked(page)
    return page.content()


def test_an_officer_checks_and_imports_a_spreadsheet(visitor, open_quarter, tmp_path):
    officer = visitor()
    sign_in(officer, "officer")
    officer.goto("/imports/returns/")
    checked(officer)
    words = check_a_file(officer, tmp_path / "returns.csv", "code,actual,forecast\nCM PM15,44745,112816\n")
    assert "1 new, 0 changed, 0 unchanged, 0 in error" in words
    officer.get_by_role("button", name="Import 1 row").click()
    assert "Imported 1 return for 2018/19 Q2" in officer.content()
    checked(officer)


def test_the_performance_team_checks_and_imports_a_years_targets(visitor, open_quarter, tmp_path):
    team = visitor()
    sign_in(team, "performance")
    team.goto("/quarters/")
    team.get_by_role("link", name="Import targets from a spreadsheet").click()
    checked(team)
    team.get_by_label("Year").select_option("2018/19")
    words = check_a_file(team, tmp_path / "targets.csv", "code,quarter,target\nCM PM15,Q3,90000\nCM PM15,Q4,\n")
    assert "1 new, 0 changed, 1 unchanged, 0 in error" in words
    with team.expect_download() as download:
        team.get_by_role("link", name="Excel of what the file would do").click()
    assert download.value.suggested_filename == "what-the-file-would-do-201819.xlsx"
    team.get_by_role("button", name="Import 1 row").click()
    assert "Imported 1 target for 2018/19 from targets.csv." in team.content()
