"""The year's scorecard page: download the template the year holds, check a filled one, import it all or nothing."""

import csv
import io

import openpyxl
import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from scorecard.council.models import Directorate, Pledge, Priority
from scorecard.imports.scorecard_sheet import COLUMNS
from scorecard.measures.models import Measure, MeasureAlias, ScorecardEntry, Unit
from tests import factories
from tests.imports.conftest import csv_upload

pytestmark = pytest.mark.django_db

PAGE = "/set-up/scorecard/"


@pytest.fixture
def year():
    return factories.year(2014)


@pytest.fixture
def team(client, performance):
    client.force_login(performance)
    return performance


@pytest.fixture
def held(year):
    """A year already holding one measure with its place, targets, owner and alias."""
    housing = Directorate.objects.create(name="Housing")
    priority = Priority.objects.create(pledge=Pledge.objects.create(name="Good Homes"), name="More homes")
    owner = factories.person("akowalski", "measure_owner", "Housing")
    factories.person("mbrennan", "directorate_approver", "Housing")
    measure = factories.measure("HSG 02", title="Affordable homes delivered", unit=Unit.COUNT, owner=owner)
    MeasureAlias.objects.create(measure=measure, code="NI 155")
    factories.entry(measure, year, directorate=housing, priority=priority, order=1)
    factories.target(measure, factories.period(2014, 1), 20)
    factories.target(measure, None, 100, year_of=year)
    action = factories.action("Adopt a housing strategy")
    Measure.objects.filter(pk=action.pk).update(code="HSG A1")
    factories.entry(action, year, directorate=housing, order=2)
    factories.target(action, None, year_of=year, progress="completed")
    sickness = factories.measure("FR 02", unit=Unit.DAYS, decimals=1, minimum=0, maximum=365, polarity="low")
    factories.entry(sickness, year, order=3)
    return measure


def upload(*rows, headings=("code", "title", "directorate", "owner")):
    name, content = csv_upload("scorecard", headings, rows)
    return SimpleUploadedFile(name, content, content_type="text/csv")


def check(client, year, *rows, **kwargs):
    return client.post(PAGE, {"year": year.pk, "file": upload(*rows, **kwargs), "action": "check"})


def test_the_page_offers_each_years_template(client, year, team):
    html = client.get(PAGE).content.decode()
    assert '<h1 class="govuk-heading-xl">The year&#x27;s scorecard</h1>' in html
    assert f"/set-up/scorecard/{year.pk}/template.xlsx" in html and f"/set-up/scorecard/{year.pk}/template.csv" in html
    assert "What each column means" in html and "year_end_target" in html


def test_the_csv_template_holds_what_the_year_holds(client, year, team, held):
    response = client.get(f"/set-up/scorecard/{year.pk}/template.csv")
    assert response["Content-Disposition"] == 'attachment; filename="scorecard-2014-15.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert list(rows[0]) == list(COLUMNS)
    assert {name: rows[0][name] for name in ("code", "directorate", "owner", "approver", "good_is", "unit")} == {
        "code": "HSG 02",
        "directorate": "Housing",
        "owner": "akowalski",
        "approver": "mbrennan",
        "good_is": "High",
        "unit": "Count",
    }
    assert (rows[0]["q1_target"], rows[0]["q2_target"], rows[0]["year_end_target"]) == ("20", "", "100")
    assert (rows[0]["pledge"], rows[0]["priority"], rows[0]["aliases"]) == ("Good Homes", "More homes", "NI 155")


@pytest.mark.parametrize("format", ["xlsx", "csv"])
def test_the_template_comes_back_unchanged(client, year, team, held, format):
    template = client.get(f"/set-up/scorecard/{year.pk}/template.{format}").content
    sent = SimpleUploadedFile(f"scorecard-2014-15.{format}", template)
    response = client.post(PAGE, {"year": year.pk, "file": sent, "action": "check"})
    assert "0 new, 0 changed, 3 unchanged, 0 in error" in response.content.decode()


def test_the_excel_template_offers_each_columns_words(client, year, team, held):
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(f"/set-up/scorecard/{year.pk}/template.xlsx").content)).active
    assert [cell.value for cell in sheet[1]] == list(COLUMNS)
    offered = {validation.formula1 for validation in sheet.data_validations.dataValidation}
    assert '"High,Low,None"' in offered and '"measure,action"' in offered


def test_checking_lists_what_is_created_first_and_writes_nothing(client, year, team):
    response = check(client, year, ["A 1", "One", "Waste", "r.okafor@fernmoor.gov.uk"])
    html = response.content.decode()
    assert response.status_code == 200
    assert "Created first" in html and "New directorate: Waste" in html
    assert "New person to invite: r.okafor@fernmoor.gov.uk" in html
    assert html.index("New directorate: Waste") < html.index("<table")  # seen before the rows
    assert "1 new, 0 changed, 0 unchanged, 0 in error" in html and "Import 1 row" in html
    assert not Measure.objects.exists() and not Directorate.objects.exists()


def test_importing_the_checked_file_writes_it_all(client, year, team, django_capture_on_commit_callbacks):
    check(client, year, ["A 1", "One", "Waste", "r.okafor@fernmoor.gov.uk"], ["A 2", "Two", "Waste", ""])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(PAGE, {"action": "import"})
    assert response.status_code == 302 and response["Location"] == PAGE
    assert list(ScorecardEntry.objects.filter(year=year).values_list("measure__code", "order")) == [
        ("A 1", 1),
        ("A 2", 2),
    ]
    assert [message.to for message in mail.outbox] == [["r.okafor@fernmoor.gov.uk"]]
    page = client.get(PAGE).content.decode()
    assert "Imported 2 measures and actions for 2014/15 from scorecard.csv." in page


def test_a_file_with_a_bad_row_names_row_and_column_and_cannot_be_imported(client, year, team):
    response = check(client, year, ["A 1", "One", "Waste", ""], ["A 2", "Two", "", "Jo Bloggs"])
    html = response.content.decode()
    assert response.status_code == 400
    assert "owner: “Jo Bloggs” is neither a person held" in html
    assert client.post(PAGE, {"action": "import"}).status_code == 400
    assert not Measure.objects.exists() and not Directorate.objects.exists()


def test_an_unknown_column_is_named_on_the_page(client, year, team):
    response = check(client, year, ["A 1", "One", "x"], headings=("code", "title", "owners"))
    assert response.status_code == 400
    assert "a column headed “owners”, which the scorecard sheet does not have" in response.content.decode()


def test_someone_outside_the_performance_team_is_refused(client, year, officer):
    client.force_login(officer)
    assert client.get(PAGE).status_code == 403
    assert client.get(f"/set-up/scorecard/{year.pk}/template.csv").status_code == 403


def test_without_a_year_the_page_says_to_add_one_first(client, team):
    html = client.get(PAGE).content.decode()
    assert "No year is set up yet: add one first" in html and "Check the file" not in html


def test_a_changed_owner_and_directorate_are_shown_as_changes(client, year, team, held):
    factories.person("mbrennan2", "reader")
    response = check(client, year, ["HSG 02", "Affordable homes delivered", "Planning", "mbrennan2"])
    html = response.content.decode()
    assert "0 new, 1 changed, 0 unchanged, 0 in error" in html
    assert "directorate: Planning" in html and "owner: mbrennan2" in html
    assert "measure owner in Planning: mbrennan2" in html
