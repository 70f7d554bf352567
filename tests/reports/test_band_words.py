"""Every report's legend, summary and filter words come from the council's own bands."""

from decimal import Decimal

import pytest

from scorecard.council.models import OrganisationSettings, Pledge, Priority
from scorecard.reports.annual import build_annual_results
from scorecard.reports.cabinet import build_cabinet_paper
from scorecard.reports.forms import DashboardForm, ImprovementForm
from scorecard.reports.outputs import annual_output
from scorecard.returns.forms import OverrideForm
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def district():
    """A council with three bands: no Blue, Amber within 10%."""
    organisation = OrganisationSettings.load()
    organisation.blue_margin, organisation.amber_margin = None, Decimal("0.10")
    organisation.save()
    q4 = factories.period(2018, 4)
    priority = Priority.objects.create(pledge=Pledge.objects.create(name="A clean district"), name="Less waste")
    measure = factories.measure("ENV 1", title="Household waste recycled")
    factories.entry(measure, q4.year, priority=priority)
    factories.target(measure, q4, 100)
    factories.return_for(measure, q4, 95)
    factories.published(q4)
    return q4


def test_the_annual_results_say_the_councils_bands(district):
    table = build_annual_results(district.year).traffic_light_table()
    assert [row[0].text for row in table.rows] == [
        "Green – met or exceeded target",
        "Amber – missed target by up to 10%",
        "Red – missed target by more than 10%",
    ]


def test_the_annual_chart_legend_has_no_blue_without_a_blue_band(district):
    chart = annual_output(district.year).extra["chart"]
    assert "Met or exceeded target (Green)" in chart.svg
    assert "Blue" not in chart.svg


def test_the_cabinet_papers_key_and_summary_have_no_blue(district):
    paper = build_cabinet_paper(district)
    assert [status.label for status, _ in paper.key] == ["Green", "Amber", "Red"]
    assert "performance within 10% of target" in dict(paper.sections())["Traffic-light key"]
    assert "Blue" not in paper.narrative.summary
    assert "0 Green, 1 Amber and 0 Red" in paper.narrative.summary


@pytest.mark.parametrize("form", [ImprovementForm, DashboardForm])
def test_the_status_filter_has_no_blue_without_a_blue_band(district, form):
    assert "blue" not in dict(form().fields["status"].choices)
    assert "amber" in dict(form().fields["status"].choices)


def test_the_status_filter_offers_blue_to_a_council_with_blue(db):
    assert "blue" in dict(ImprovementForm().fields["status"].choices)


def test_an_override_cannot_be_set_to_blue_without_a_blue_band(district):
    form = OverrideForm({"override-field": "status", "override-value": "blue", "override-reason": "As published"})
    assert not form.is_valid()
    choices = dict(form.fields["value"].choices)
    assert "blue" not in dict(choices["Statuses"])


def test_the_status_filter_on_the_page_has_no_blue(client, district):
    factories.published(district)
    html = client.get("/reports/improvement/?year=2018/19&quarter=4").content.decode()
    assert '<option value="amber">Amber</option>' in html
    assert 'value="blue"' not in html
