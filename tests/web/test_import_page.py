"""The import page: check a file first, see what each row would do, then import it all or nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from scorecard.council.models import Directorate
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
