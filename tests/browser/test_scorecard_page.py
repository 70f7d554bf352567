"""The year's scorecard page in a real browser: the district council's sample sheet checked and imported, every
state of the page checked with axe-core for WCAG 2.2 AA."""

from pathlib import Path

import pytest
from django.conf import settings

from scorecard.measures.models import ScorecardEntry
from tests import factories
from tests.browser.conftest import accessibility_problems, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

SAMPLE = Path(settings.BASE_DIR) / "docs" / "examples" / "district-scorecard.csv"


def checked(page) -> None:
    assert accessibility_problems(page) == []


def test_the_performance_team_sets_up_a_years_scorecard_from_one_sheet(visitor):
    factories.year(2014)
    factories.person("performance", "performance_team")
    team = visitor()
    sign_in(team, "performance")
    team.goto("/set-up/scorecard/")
    checked(team)
    team.locator("summary", has_text="What each column means").click()
    checked(team)
    team.get_by_label("Year").select_option("2014/15")
    team.get_by_label("File (CSV or Excel .xlsx)").set_input_files(str(SAMPLE))
    team.get_by_role("button", name="Check the file").click()
    words = team.content()
    assert "40 new, 0 changed, 0 unchanged, 0 in error" in words
    assert "New directorate: Waste and Street Scene" in words
    checked(team)
    team.get_by_role("button", name="Import 40 rows").click()
    assert "Imported 40 measures and actions for 2014/15 from district-scorecard.csv." in team.content()
    checked(team)
    assert ScorecardEntry.objects.count() == 40


def test_a_sheet_in_error_is_shown_accessibly(visitor, tmp_path):
    factories.year(2014)
    factories.person("performance", "performance_team")
    team = visitor()
    sign_in(team, "performance")
    team.goto("/set-up/scorecard/")
    bad = tmp_path / "scorecard.csv"
    bad.write_text("code,title,owner,good_is\nA 1,One,Jo Bloggs,Up\n", encoding="utf-8")
    team.get_by_label("File (CSV or Excel .xlsx)").set_input_files(str(bad))
    team.get_by_role("button", name="Check the file").click()
    assert "0 new, 0 changed, 0 unchanged, 1 in error" in team.content()
    checked(team)
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("code,title,forecast\nA 1,One,3\n", encoding="utf-8")
    team.get_by_label("File (CSV or Excel .xlsx)").set_input_files(str(unknown))
    team.get_by_role("button", name="Check the file").click()
    assert "There is a problem" in team.content()
    checked(team)
