"""The SPC page's forms: what the performance team and officers type, what is refused and why, and the
organisation's choice of SPC columns in the improvement report."""

import pytest

from scorecard.council.models import Directorate, OrganisationSettings
from scorecard.spc.models import Annotation, Rebase, SpcSettings
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def measure():
    q1, q2 = factories.period(2018, 1), factories.period(2018, 2)
    measure = factories.measure("PM1")
    factories.entry(measure, q1.year, directorate=Directorate.objects.get_or_create(name="People Services")[0])
    factories.return_for(measure, q1, 470)
    factories.return_for(measure, q2, 480)
    return measure


@pytest.fixture
def people():
    return factories.everyone("People Services")


def page(measure) -> str:
    return f"/measures/{measure.pk}/spc/"


def test_the_performance_team_is_told_why_11_points_are_too_few_and_nothing_is_saved(client, measure, people):
    client.force_login(people["performance"])
    sent = {"settings-charted": "yes", "settings-fix_after": "11", "settings-reason": "Baseline year"}
    response = client.post(f"{page(measure)}settings/", sent)
    assert response.status_code == 400
    assert "Fix the limits after 12 or more points: 11 are too few for firm limits" in response.content.decode()
    assert not SpcSettings.objects.exists()


def test_a_rebase_needs_one_of_the_measures_quarters(client, measure, people):
    client.force_login(people["performance"])
    q4 = factories.period(2018, 4)  # held, but the measure has no figure for it
    response = client.post(f"{page(measure)}rebases/", {"rebase-period": q4.pk, "rebase-reason": "New service"})
    assert response.status_code == 400
    assert "Choose one of the measure&#x27;s quarters" in response.content.decode()
    assert not Rebase.objects.exists()


def test_the_owner_adds_a_note_and_sees_it_listed(client, measure, people):
    client.force_login(people["owner"])
    response = client.post(f"{page(measure)}annotations/", {"annotation-on": "2018-07-02", "annotation-note": "New IT"})
    assert response.status_code == 302
    html = client.get(page(measure)).content.decode()
    assert "2 July 2018" in html and "New IT" in html
    assert "Save the settings" not in html  # the settings are the performance team's


def test_a_note_dated_outside_every_quarter_held_is_refused_with_its_reason(client, measure, people):
    client.force_login(people["owner"])
    sent = {"annotation-on": "2031-01-01", "annotation-note": "Too late"}
    response = client.post(f"{page(measure)}annotations/", sent)
    assert response.status_code == 400
    assert "1 January 2031 is outside every quarter held" in response.content.decode()
    assert not Annotation.objects.exists()


def test_the_profile_links_to_the_spc_page_only_for_those_who_may_change_it(client, measure, people):
    link = "Change the SPC chart's settings, new segments and notes"
    client.force_login(people["reader"])
    assert link not in client.get(f"/measures/{measure.pk}/").content.decode()
    client.force_login(people["approver"])
    assert link in client.get(f"/measures/{measure.pk}/").content.decode()


def test_the_organisation_leaves_spc_out_of_the_improvement_report(client, people):
    factories.organisation()
    client.force_login(people["performance"])
    form = {
        "name": "Northfield District Council",
        "team_name": "Performance",
        "data_source": "Scorecard",
        "directorate_word": "Service unit",
        "directorate_word_plural": "Service units",
        "bands": "four",
        "blue_margin": "2%",
        "amber_margin": "5%",
        "margins": "relative",
        "commentary": "one",
        "commentary_required": "red_or_amber",
        "default_comparison": "same_period_last_year",
        "stabilised_word": "no",
        "completed_status": "green",
        "allow_self_approval": "no",
        "annual_benchmark": "yes",
        "dashboard_columns": ["good_is", "spc_variation"],
    }
    assert client.post("/set-up/organisation/", form).status_code == 302
    organisation = OrganisationSettings.load()
    assert (organisation.improvement_report_spc, organisation.dashboard_columns) == (
        False,
        ["good_is", "spc_variation"],
    )
    assert client.post("/set-up/organisation/", {**form, "improvement_columns": ["spc"]}).status_code == 302
    assert OrganisationSettings.load().improvement_report_spc
