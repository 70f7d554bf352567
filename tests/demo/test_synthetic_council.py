"""The synthetic council (`manage.py make_council`): the size asked for, realistic, and refused where it would clash."""

import statistics
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from scorecard.council.models import Period
from scorecard.demo.synthetic import CouncilExists, Scale, make_council
from scorecard.measures.models import Measure, ScorecardEntry, Target
from scorecard.performance.status import Status
from scorecard.reports.dashboard import build_dashboard
from scorecard.reports.improvement import build_improvement_report
from scorecard.returns.models import Return

pytestmark = pytest.mark.django_db


def latest_published() -> Period:
    return Period.objects.filter(published_at__isnull=False).select_related("year").order_by("-year", "-quarter")[0]


def test_it_makes_the_measures_years_and_quarters_asked_for():
    make_council(Scale(measures=60, years=2, open_quarters=1))

    assert Measure.objects.count() == 60
    assert ScorecardEntry.objects.count() == 120
    assert Period.objects.filter(state=Period.State.CLOSED, published_at__isnull=False).count() == 7
    (still_open,) = Period.objects.filter(state=Period.State.OPEN)
    assert not still_open.returns.exists()
    assert Target.objects.filter(period=None).exists()


def test_every_measure_due_has_a_return_in_each_published_quarter():
    make_council(Scale(measures=40, years=1, open_quarters=0))

    for period in Period.objects.all():
        quarterly = Measure.objects.exclude(frequency="annual")
        assert set(quarterly.values_list("pk", flat=True)) <= set(period.returns.values_list("measure", flat=True))


def test_its_reports_show_every_status_and_the_improvement_report_has_commentary():
    make_council(Scale(measures=120, years=2, open_quarters=0))
    period = latest_published()

    statuses = {row.status for row in build_dashboard(period).rows}
    improvement = build_improvement_report(period).rows

    assert {Status.BLUE, Status.GREEN, Status.AMBER, Status.RED} <= statuses
    assert improvement
    assert all(row.context and row.improvement_actions and row.intervention for row in improvement)


def test_commentary_runs_to_a_few_sentences_as_in_the_seeds():
    make_council(Scale(measures=50, years=1, open_quarters=0))

    lengths = [len(text) for text in Return.objects.values_list("context", flat=True)]

    assert 80 <= statistics.median(lengths) <= 500


def test_a_monthly_measures_return_is_revised_each_month_of_the_quarter():
    make_council(Scale(measures=30, years=1, open_quarters=0, monthly=True))
    ret = Return.objects.filter(measure__frequency="monthly").first()

    assert ret.history.count() == 3
    assert ret.version == 3


def test_it_refuses_a_database_that_already_holds_measures():
    make_council(Scale(measures=5, years=1))

    with pytest.raises(CouncilExists):
        make_council(Scale(measures=5, years=1))


def test_the_command_says_what_it_made():
    output = StringIO()

    call_command("make_council", "--measures", "20", "--years", "1", stdout=output)

    assert "Made 20 measures" in output.getvalue()


def test_the_command_refuses_a_council_without_measures():
    with pytest.raises(CommandError, match="at least one measure"):
        call_command("make_council", "--measures", "0")


def test_the_command_refuses_more_open_quarters_than_the_years_hold():
    with pytest.raises(CommandError, match="between 0 and 4"):
        call_command("make_council", "--measures", "5", "--years", "1", "--open-quarters", "5")
