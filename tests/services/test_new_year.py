"""Setting up next year's scorecard from this year's."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from scorecard.council.models import Directorate, FinancialYear, Portfolio
from scorecard.measures.services import scorecard_copy
from scorecard.returns.services import Refused
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def this_year():
    q2 = factories.period(2018, 2)
    housing = Portfolio.objects.create(name="Housing and Advice")
    homes = factories.measure("YA&H PM08", title="Number of new affordable homes provided (gross)")
    entry = factories.entry(homes, q2.year, directorate=Directorate.objects.create(name="Communities & Place"))
    entry.portfolios.add(housing)
    factories.target(homes, q2, 60)
    factories.target(homes, None, 135, year_of=q2.year)
    factories.person("performance", "performance_team")
    return q2.year


def test_next_year_starts_with_this_years_measures_portfolios_and_targets(this_year):
    performance = factories.User.objects.get(username="performance")
    new = scorecard_copy(from_year=this_year, to_start_year=2019, by=performance)
    (entry,) = new.entries.all()
    assert (entry.measure.code, entry.directorate.name) == ("YA&H PM08", "Communities & Place")
    assert [p.name for p in entry.portfolios.all()] == ["Housing and Advice"]
    targets = {(t.period.quarter if t.period else "year end"): t.value for t in new.targets.all()}
    assert targets == {2: 60, "year end": 135}
    assert new.periods.count() == 4 and not new.periods.filter(state="open").exists()
    assert this_year.entries.count() == 1  # this year's scorecard is untouched


def test_a_year_that_has_a_scorecard_is_not_overwritten(this_year):
    performance = factories.User.objects.get(username="performance")
    scorecard_copy(from_year=this_year, to_start_year=2019, by=performance)
    with pytest.raises(Refused, match="2019/20 already has a scorecard"):
        scorecard_copy(from_year=this_year, to_start_year=2019, by=performance)


def test_only_the_performance_team_sets_up_a_year(this_year):
    officer = factories.person("officer", "measure_owner", "Communities & Place")
    with pytest.raises(Refused, match="Only the performance team"):
        scorecard_copy(from_year=this_year, to_start_year=2019, by=officer)
    assert not FinancialYear.objects.filter(start_year=2019).exists()


def test_the_command_says_what_it_did_and_refuses_bad_input(this_year):
    out = StringIO()
    call_command("copy_scorecard", "--from", "2018/19", "--to", "2019/20", "--user", "performance", stdout=out)
    assert "2019/20's scorecard is set up with 1 measures and actions" in out.getvalue()
    with pytest.raises(CommandError, match="2011/12 is not set up in Scorecard"):
        call_command("copy_scorecard", "--from", "2011/12", "--to", "2012/13", "--user", "performance")
    with pytest.raises(CommandError, match="into a later year"):
        call_command("copy_scorecard", "--from", "2018/19", "--to", "2017/18", "--user", "performance")
