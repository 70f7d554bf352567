"""Issue 14 §2, §3, §6: the publications archive, each version's page, files and manifest; readers' report pages
served from the kept version byte for byte; changes since publication; corrections; files no longer as published."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from scorecard.measures.models import Target
from scorecard.publications.selectors import content_of, file_of
from scorecard.publications.services import publications_storage, quarter_publish
from scorecard.returns.models import Return
from tests.publications.conftest import NOTE

pytestmark = pytest.mark.django_db

DASHBOARD = "/publications/dashboard/2018-19-q2/v1/"


@pytest.fixture
def published(quarter, performance_team):
    """2018/19 Q2 published: version 1 of its dashboard, improvement report and Cabinet paper."""
    return quarter_publish(period=quarter.period, by=performance_team)


def corrected(quarter, performance_team, actual=520):
    """CM PM15 corrected from 470 (Red) to the actual given, and the correction published as version 2."""
    Return.objects.filter(measure=quarter.measure).update(actual=actual)
    return quarter_publish(period=quarter.period, by=performance_team, note=NOTE)


def test_the_archive_lists_every_version_with_its_files_html_first(client, published):
    page = client.get(reverse("web:publications")).content.decode()

    assert "Council Scorecard dashboard, 2018/19 Q2, version 1" in page
    assert f'href="{DASHBOARD}"' in page
    assert page.index("dashboard-2018-19-q2.html") < page.index("dashboard-2018-19-q2.pdf")
    assert "an accessible alternative to the web page" in page
    assert f"{DASHBOARD}manifest.json" in page
    assert "by performance" in page


def test_a_versions_files_and_manifest_are_served_as_kept(client, published):
    (dashboard, *_) = published
    for format in ("pdf", "docx", "xlsx", "csv", "json"):
        file = file_of(dashboard, format)
        response = client.get(f"{DASHBOARD}{file.filename}")
        assert response.content == content_of(file)
    manifest = client.get(f"{DASHBOARD}manifest.json").json()
    assert manifest["files"][0]["sha256"] == file_of(dashboard, "json").sha256


def test_the_public_dashboard_of_a_published_quarter_is_the_kept_version(client, quarter, published):
    (dashboard, *_) = published
    Return.objects.filter(measure=quarter.measure).update(actual=987654)  # changed behind everyone's back

    page = client.get("/reports/dashboard/?year=2018/19&quarter=2").content.decode()
    pdf = client.get("/reports/dashboard/?year=2018/19&quarter=2&format=pdf")

    assert "as published on" in page and "987,654" not in page and "470" in page
    assert pdf.content == content_of(file_of(dashboard, "pdf"))


def test_the_performance_team_sees_the_dashboard_as_it_stands(client, quarter, published, performance_team):
    Return.objects.filter(measure=quarter.measure).update(actual=987654)
    client.force_login(performance_team)

    page = client.get("/reports/dashboard/?year=2018/19&quarter=2").content.decode()

    assert "987,654" in page and "as published on" not in page


def test_a_filtered_view_is_built_from_the_figures(client, published):
    page = client.get("/reports/dashboard/?year=2018/19&quarter=2&status=red").content.decode()

    assert "as published on" not in page and "CM PM15" in page


def test_a_changed_figure_is_marked_and_listed_old_and_new(client, quarter, published):
    Return.objects.filter(measure=quarter.measure).update(actual=520)  # a late figure: Red becomes Blue
    Return.objects.first().save()  # as a save through the app: kept in the history

    archive = client.get(reverse("web:publications")).content.decode()
    changes = client.get(f"{DASHBOARD}changes/").content.decode()

    assert "Changed since publication" in archive
    assert "470" in changes and "520" in changes
    assert "Red" in changes and "Blue" in changes
    assert "Material change" in changes
    assert "1 measure changed, 1 of it materially" in changes


def test_a_correction_supersedes_the_version_before_with_a_banner(client, quarter, published, performance_team):
    corrected(quarter, performance_team)

    first = client.get(DASHBOARD).content.decode()
    second = client.get("/publications/dashboard/2018-19-q2/v2/").content.decode()
    public = client.get("/reports/dashboard/?year=2018/19&quarter=2").content.decode()

    assert "Superseded by version 2 on" in first
    assert "/publications/dashboard/2018-19-q2/v2/#restatement" in first
    assert "Late data" in second and NOTE.effect in second and NOTE.approved_by in second
    assert "version 2" in public and "520" in public


def test_the_correction_page_refuses_a_correction_without_a_note(client, quarter, published, performance_team):
    client.force_login(performance_team)
    url = reverse("web:period_correction", args=[quarter.period.pk])

    response = client.post(url, {"category": "error", "what_changed": "A typing error"})

    assert response.status_code == 400
    assert "Say what the correction does to the report" in response.content.decode()
    assert not file_of(published[0], "json").version.period.versions.filter(number=2).exists()


def test_the_correction_page_publishes_version_2(client, quarter, published, performance_team):
    Return.objects.filter(measure=quarter.measure).update(actual=520)
    client.force_login(performance_team)
    url = reverse("web:period_correction", args=[quarter.period.pk])
    assert "520" in client.get(url).content.decode()  # what the correction will change, before it is made

    response = client.post(url, {**NOTE.__dict__})

    assert response.status_code == 302
    assert quarter.period.versions.filter(number=2).count() == 3


def test_a_file_no_longer_as_published_is_shown_and_fails_the_check(client, published):
    (dashboard, *_) = published
    pdf = file_of(dashboard, "pdf")
    with publications_storage().open(pdf.name, "wb") as stored:
        stored.write(b"%PDF-1.7 something else")

    archive = client.get(reverse("web:publications")).content.decode()
    version = client.get(DASHBOARD).content.decode()
    with pytest.raises(CommandError, match="1 file is not as published"):
        call_command("check_publications")

    assert "Files not as published" in archive
    assert "no longer matches the SHA-256" in version


def test_check_publications_passes_when_every_file_is_as_published(published, capsys):
    call_command("check_publications")

    assert "3 published versions checked: every file is as published." in capsys.readouterr().out


def test_publishing_from_the_quarters_page_keeps_the_reports(client, quarter, performance_team):
    client.force_login(performance_team)

    response = client.post(reverse("web:period_publish", args=[quarter.period.pk]), follow=True)

    assert "3 reports, in the publications archive" in response.content.decode()
    assert json.loads(content_of(file_of(quarter.period.versions.get(report="dashboard"), "manifest")))["version"] == 1


def test_a_target_amended_after_publication_marks_the_version_changed(client, quarter, published):
    target = Target.objects.get(measure=quarter.measure, period=quarter.period)
    target.value = 400  # 470 against 400: Red becomes Blue
    target.save()

    archive = client.get(reverse("web:publications")).content.decode()
    changes = client.get(f"{DASHBOARD}changes/").content.decode()

    assert "Changed since publication" in archive
    assert "Quarterly target" in changes and "Red" in changes and "Blue" in changes
