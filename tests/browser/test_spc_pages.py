"""SPC in a real browser: the profile's chart and icons, the SPC summary, and the forms that fix the limits and
annotate the chart, with no WCAG 2.2 AA violations."""

import pytest

from scorecard.council.models import Directorate
from tests import factories
from tests.browser.conftest import accessibility_problems, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def charted_measure():
    """A measure with twelve published quarters 2016/17 to 2018/19, the last seven falling."""
    measure = factories.measure("ASC PM01", title="Adults supported to live at home", accumulation="snapshot")
    place = Directorate.objects.create(name="People Services")
    factories.entry(measure, factories.year(2018), directorate=place)
    quarters = [factories.period(year, quarter) for year in (2016, 2017, 2018) for quarter in (1, 2, 3, 4)]
    for quarter, value in zip(quarters, [50, 52, 49, 51, 50, 52, 48, 46, 44, 42, 40, 38], strict=True):
        factories.return_for(measure, quarter, value)
        factories.target(measure, quarter, 45)
    factories.published(*quarters)
    return measure


def test_the_profile_chart_and_the_spc_summary_have_no_accessibility_problems(visitor, charted_measure):
    page = visitor()
    page.goto(f"/measures/{charted_measure.pk}/")
    assert page.get_by_role("img", name="Special cause — concerning, low").first.is_visible()
    assert page.get_by_role("img", name="XmR chart of ASC PM01", exact=False).is_visible()
    assert accessibility_problems(page) == []
    page.goto("/reports/spc/?year=2018/19&quarter=4")
    row = page.get_by_role("row", name="ASC PM01 Adults supported to live at home", exact=False)
    assert "Special cause — concerning, low" in row.inner_text()
    assert accessibility_problems(page) == []
    page.goto("/reports/dashboard/?year=2018/19&quarter=4&group_by=directorate&variation=concern")
    assert page.get_by_role("link", name="ASC PM01").is_visible()
    assert accessibility_problems(page) == []


def test_the_performance_team_fixes_the_limits_and_an_owner_annotates_the_chart(visitor, charted_measure):
    factories.person("performance", "performance_team")
    page = visitor()
    sign_in(page, "performance")
    page.goto(f"/measures/{charted_measure.pk}/")
    page.get_by_role("link", name="Change the SPC chart's settings, new segments and notes").click()
    page.get_by_label("Fix the limits after this many points (optional)").fill("11")
    page.get_by_label("Reason for the change").fill("The first year is the baseline")
    page.get_by_role("button", name="Save the settings").click()
    assert page.get_by_text("11 are too few for firm limits").first.is_visible()
    assert accessibility_problems(page) == []
    page.get_by_label("Fix the limits after this many points (optional)").fill("12")
    page.get_by_role("button", name="Save the settings").click()
    assert page.get_by_text("Last changed for this reason: The first year is the baseline").is_visible()
    page.get_by_label("Date").fill("2018-07-02")
    page.get_by_label("Note", exact=True).fill("New reablement service live")
    page.get_by_role("button", name="Add the note").click()
    assert page.get_by_role("cell", name="New reablement service live").is_visible()
    assert accessibility_problems(page) == []
    page.goto(f"/measures/{charted_measure.pk}/")
    assert page.get_by_text("2 July 2018: New reablement service live").is_visible()
