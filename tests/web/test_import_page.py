"""The import page: check a file first, see what each row would do, then import it all or nothing."""

import csv
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from scorecard.council.models import Directorate, OrganisationSettings
from scorecard.measures.models import Measure, Target
from scorecard.returns import services
from scorecard.returns.models import Return, WorkflowState
from tests import factories
from tests.imports.conftest import csv_upload

pytestmark = pytest.mark.django_db

HEADINGS = ("code", "actual", "forecast", "flag", "note", "context", "improvement_actions", "intervention")


@pytest.fixture
def quarter():
    q3 = factories.open_period(2018, 3)
    resources = Directorate.objects.create(name="Corporate Resources")
    for code in ("CM PM15", "CM PM24"):
        factories.entry(factories.measure(code, title=f"Measure {code}"), q3.year, directorate=resources)
    return q3


@pytest.fixture
def officer(client):
    person = factories.person("officer", "measure_owner", "Corporate Resources")
    client.force_login(person)
    return person


def upload(*rows):
    name, content = csv_upload("returns", HEADINGS, rows)
    return SimpleUploadedFile(name, content, content_type="text/csv")


def check(client, quarter, *rows):
    return client.post("/imports/returns/", {"period": quarter.pk, "file": upload(*rows), "action": "check"})


def test_checking_a_file_shows_each_row_and_writes_nothing(client, quarter, officer):
    response = check(client, quarter, ["CM PM15", "44745", "112816"], ["CM PM24", "29"])
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 new, 0 changed, 0 unchanged, 0 in error" in html
    assert "Import 2 rows" in html
    assert not Return.objects.exists()


def test_importing_the_checked_file_writes_every_row_as_a_draft(client, quarter, officer):
    check(client, quarter, ["CM PM15", "44745", "112816"], ["CM PM24", "29"])
    response = client.post("/imports/returns/", {"action": "import"})
    assert response.status_code == 302 and response["Location"] == "/returns/"
    assert sorted(Return.objects.values_list("measure__code", "state")) == [
        ("CM PM15", WorkflowState.DRAFT),
        ("CM PM24", WorkflowState.DRAFT),
    ]


def test_a_file_with_a_bad_row_names_it_and_cannot_be_imported(client, quarter, officer):
    response = check(client, quarter, ["CM PM15", "44745"], ["XX 99", "1"])
    html = response.content.decode()
    assert response.status_code == 400
    assert "1 in error" in html and "XX 99" in html
    assert "Import 1 row" not in html
    assert client.post("/imports/returns/", {"action": "import"}).status_code == 400
    assert not Return.objects.exists()


def test_a_file_of_the_wrong_type_is_refused_with_its_reason(client, quarter, officer):
    bad = SimpleUploadedFile("returns.pdf", b"%PDF-1.7", content_type="application/pdf")
    response = client.post("/imports/returns/", {"period": quarter.pk, "file": bad, "action": "check"})
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()


def test_importing_without_checking_first_is_refused(client, quarter, officer):
    response = client.post("/imports/returns/", {"action": "import"})
    assert response.status_code == 400
    assert "Check a file before importing it" in response.content.decode()


def test_the_template_lists_the_quarters_measures(client, quarter, officer):
    response = client.get(f"/imports/returns/{quarter.pk}/template.csv")
    assert response.status_code == 200
    assert "CM PM15" in response.content.decode("utf-8-sig")


# -- targets -------------------------------------------------------------------------------------


@pytest.fixture
def team(client):
    person = factories.person("performance", "performance_team")
    client.force_login(person)
    return person


def check_targets(client, year, *rows):
    name, content = csv_upload("targets", ("code", "quarter", "target"), rows)
    upload = SimpleUploadedFile(name, content, content_type="text/csv")
    return client.post("/imports/targets/", {"year": year.pk, "file": upload, "action": "check"})


def test_the_performance_team_checks_then_imports_a_years_targets(client, quarter, team):
    response = check_targets(client, quarter.year, ["CM PM15", "Q3", "60000"], ["CM PM15", "year end", "125000"])
    assert response.status_code == 200
    assert "2 new, 0 changed, 0 unchanged, 0 in error" in response.content.decode()
    assert not Target.objects.exists()
    response = client.post("/imports/targets/", {"action": "import"}, follow=True)
    assert "Imported 2 targets for 2018/19 from targets.csv." in response.content.decode()
    assert set(Target.objects.values_list("period__quarter", "value")) == {(None, 125000), (3, 60000)}


def test_a_target_already_set_is_an_error_and_nothing_is_imported(client, quarter, team):
    factories.target(Measure.objects.get(code="CM PM15"), quarter, 50000)
    response = check_targets(client, quarter.year, ["CM PM15", "Q3", "60000"], ["CM PM24", "Q3", "10"])
    assert response.status_code == 400
    assert "the Q3 target for CM PM15 is already set" in response.content.decode()
    assert client.post("/imports/targets/", {"action": "import"}).status_code == 400
    assert Target.objects.count() == 1


def test_an_officer_cannot_import_targets(client, quarter, officer):
    assert client.get("/imports/targets/").status_code == 403
    assert check_targets(client, quarter.year, ["CM PM15", "Q3", "60000"]).status_code == 403
    assert client.get(f"/imports/targets/{quarter.year.pk}/template.csv").status_code == 403


def test_the_targets_template_is_pre_filled_with_the_targets_set(client, quarter, team):
    factories.target(Measure.objects.get(code="CM PM15"), quarter, 50000)
    response = client.get(f"/imports/targets/{quarter.year.pk}/template.csv")
    assert response["Content-Disposition"] == 'attachment; filename="targets-2018-19.csv"'
    assert "CM PM15,Measure CM PM15,Q3,50000" in response.content.decode("utf-8-sig").splitlines()


def test_the_quarters_page_links_to_the_targets_import(client, quarter, team):
    assert 'href="/imports/targets/"' in client.get("/quarters/").content.decode()


# -- the check, downloaded -----------------------------------------------------------------------


def test_the_check_downloads_as_the_rows_the_page_shows(client, quarter, officer):
    check(client, quarter, ["CM PM15", "44745"], ["=cmd|' /C calc'!A0", "1"])
    download = client.get("/imports/returns/?download=csv")
    rows = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))
    assert rows[0] == ["Row", "Measure", "Outcome", "Why"]
    assert rows[1] == ["2", "CM PM15", "New", "new return\nactual: blank → 44745"]
    assert rows[2][:3] == ["3", "'=cmd|' /C calc'!A0", "Error"]  # neutralised: a spreadsheet shows it, never runs it
    assert download["Content-Disposition"] == 'attachment; filename="what-the-file-would-do-201819-q3.csv"'


def test_the_check_downloads_as_excel_with_row_numbers_as_numbers(client, quarter, officer):
    check(client, quarter, ["CM PM15", "44745"])
    workbook = openpyxl.load_workbook(io.BytesIO(client.get("/imports/returns/?download=xlsx").content))
    assert [cell.value for cell in workbook.active[4]][:3] == [2, "CM PM15", "New"]


def test_nothing_checked_has_nothing_to_download(client, quarter, officer):
    assert client.get("/imports/returns/?download=csv").status_code == 400


def test_the_performance_team_imports_a_quarter_approved(client, quarter):
    team = factories.person("performance", "performance_team")
    client.force_login(team)
    assert 'name="approved" type="checkbox" value="yes"' in client.get("/imports/returns/").content.decode()
    factories.return_for(Measure.objects.get(code="CM PM24"), quarter, 29, state=WorkflowState.DRAFT)
    rows = (["CM PM15", "44745", "112816"], ["CM PM24", "29"])  # the second as already recorded: approved too
    name, content = csv_upload("returns", HEADINGS, rows)
    file = SimpleUploadedFile(name, content, content_type="text/csv")
    checked = client.post(
        "/imports/returns/", {"period": quarter.pk, "file": file, "action": "check", "approved": "yes"}
    )
    html = checked.content.decode()
    assert "1 new, 1 changed, 0 unchanged" in html and "Import 2 rows as approved returns" in html
    response = client.post("/imports/returns/", {"action": "import"}, follow=True)
    assert "Imported 2 returns for 2018/19 Q3 from returns.csv, approved." in response.content.decode()
    for ret in Return.objects.all():
        record = ret.history.first()
        assert (ret.state, record.history_change_reason, record.history_user) == ("approved", "Imported approved", team)


def test_only_the_performance_team_may_import_returns_approved(client, quarter, officer):
    assert 'name="approved"' not in client.get("/imports/returns/").content.decode()
    name, content = csv_upload("returns", HEADINGS, [["CM PM15", "44745"]])
    file = SimpleUploadedFile(name, content, content_type="text/csv")
    response = client.post(
        "/imports/returns/", {"period": quarter.pk, "file": file, "action": "check", "approved": "yes"}
    )
    assert response.status_code == 400
    assert "Only the performance team imports returns as approved." in response.content.decode()
    assert not Return.objects.exists()


def test_a_return_saved_on_its_page_after_the_check_refuses_the_import_and_nothing_is_written(client, quarter, officer):
    check(client, quarter, ["CM PM15", "44745"], ["CM PM24", "29"])
    measure = Measure.objects.get(code="CM PM24")
    services.return_record(ret=Return(measure=measure, period=quarter), by=officer, version=0, actual=31)
    response = client.post("/imports/returns/", {"action": "import"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Row 3: someone changed the return for CM PM24 after the file was checked" in html
    assert list(Return.objects.values_list("measure__code", "actual")) == [("CM PM24", 31)]


def test_a_file_of_many_bad_rows_lists_the_first_100_and_offers_every_problem_as_a_download(client, quarter, officer):
    rows = [[f"XX {number}", "1"] for number in range(250)]
    response = check(client, quarter, *rows)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Showing the first 100 of 250 rows in error." in html
    assert html.count('<th scope="row" class="govuk-table__header">') == 100
    assert "?download=csv&amp;table=problems" in html
    download = client.get("/imports/returns/?download=csv&table=problems")
    lines = download.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Row,Column,Problem" and len(lines) == 251


@pytest.mark.parametrize(
    ("commentary", "said"), [("three", "flag and three commentaries for"), ("one", "flag and commentary for")]
)
def test_the_import_page_says_which_commentary_the_template_carries(client, quarter, officer, commentary, said):
    OrganisationSettings.objects.filter(pk=factories.organisation().pk).update(commentary=commentary)
    assert said in " ".join(client.get("/imports/returns/").content.decode().split())
