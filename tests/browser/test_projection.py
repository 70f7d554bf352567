"""The year-end projection in a real browser: worked out as the officer types, with a plain warning for a forecast
outside every earlier year's pattern; the performance team's list to challenge; the profile's chart. Each page is
checked with axe-core for WCAG 2.2 AA."""

import os
from datetime import date

import pytest

from scorecard.council.models import Directorate, Period
from tests import factories
from tests.browser.conftest import accessibility_problems, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
SCREENSHOTS = os.environ.get("SCORECARD_SCREENSHOTS")  # a folder to keep screenshots in, to look at the pages


@pytest.fixture
def open_quarter():
    q2 = factories.period(2018, 2)
    Period.objects.filter(pk=q2.pk).update(state=Period.State.OPEN, deadline=date(2018, 10, 19))
    online = factories.measure("CM PM15", title="Number of online transactions")
    factories.entry(online, q2.year, directorate=Directorate.objects.create(name="Corporate Resources"))
    factories.target(online, q2, 45000)
    factories.target(online, None, 96770, year_of=q2.year)
    earlier = {
        2015: [18000, 20500, 21000, 22500],
        2016: [19500, 21000, 23500, 24000],
        2017: [20000, 22500, 22000, 25500],
    }
    for start_year, quarters in earlier.items():
        for quarter in range(1, 5):
            factories.return_for(online, factories.period(start_year, quarter), sum(quarters[:quarter]))
    factories.return_for(online, factories.period(2018, 1), 21500)
    factories.published(*Period.objects.exclude(pk=q2.pk))
    factories.person("officer", "measure_owner", "Corporate Resources")
    factories.person("performance", "performance_team")
    return q2


def looked_at(page, name: str) -> None:
    assert accessibility_problems(page) == []
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, f"{name}.png"), full_page=True)


def test_the_projection_is_worked_out_as_the_officer_types_and_warns_of_an_unlikely_forecast(visitor, open_quarter):
    officer = visitor()
    sign_in(officer, "officer")
    officer.goto("/returns/")
    officer.get_by_role("link", name="CM PM15").first.click()
    officer.wait_for_load_state("load")  # htmx listens for typing once its script has run
    officer.get_by_label("Actual", exact=True).fill("44745")
    officer.get_by_label("Year-end forecast").fill("125000")
    projection = officer.locator("#assessment")
    projection.get_by_text("Projected year end").wait_for(timeout=60_000)  # the machine may be busy
    officer.get_by_text("lies outside every earlier year's pattern").wait_for()
    assert "Share of year" in projection.inner_text() or "Straight line" in projection.inner_text()
    assert "Each remaining quarter must deliver" in projection.inner_text()
    looked_at(officer, "entry-form-projection")
    officer.get_by_role("button", name="Save as draft").click()

    team = visitor()
    sign_in(team, "performance")
    team.goto("/quarters/")
    row = team.get_by_role("row", name="CM PM15 Number of online transactions")
    assert "125,000" in row.inner_text()
    looked_at(team, "quarters-to-challenge")
    row.get_by_role("link", name="Challenge the forecast of CM PM15").click()
    team.get_by_label("Challenge", exact=True).fill("Is 125,000 realistic? Every earlier year's pattern says less.")
    team.get_by_role("button", name="Record the challenge").click()
    assert "The challenge is recorded" in team.content()

    team.goto(f"/measures/{open_quarter.year.entries.get().measure_id}/")
    team.get_by_role("heading", name="Year-end projection").wait_for()
    looked_at(team, "profile-projection")
