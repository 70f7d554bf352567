"""Every report lists directorates, perspectives, pledges and priorities in the council's own order."""

import pytest

from scorecard.council.models import Directorate, Perspective, Pledge, Priority
from scorecard.reports.annual import build_annual_results
from scorecard.reports.cabinet import build_cabinet_paper
from scorecard.reports.dashboard import build_dashboard
from scorecard.reports.improvement import build_improvement_report
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def q4():
    """Three Red measures whose codes and scorecard places run against the council's order of directorates."""
    q4 = factories.period(2018, 4)
    places = [
        (Directorate.objects.create(name="Adults", order=3), Perspective.objects.create(name="Money", order=2)),
        (Directorate.objects.create(name="Place", order=1), Perspective.objects.create(name="People", order=3)),
        (Directorate.objects.create(name="Children", order=2), Perspective.objects.create(name="Service", order=1)),
    ]
    pledges = [Pledge.objects.create(name=name, order=order) for name, order in (("Safe", 2), ("Strong", 1))]
    for number, (directorate, perspective) in enumerate(places):
        priority = Priority.objects.create(pledge=pledges[number % 2], name=f"Priority {number}", order=number)
        measure = factories.measure(f"A{number}", title=f"Measure {number}")
        factories.entry(
            measure, q4.year, directorate=directorate, perspective=perspective, priority=priority, order=number
        )
        factories.target(measure, q4, 100)
        factories.return_for(measure, q4, 50)
    factories.published(q4)
    return q4


def test_the_improvement_report_lists_directorates_in_their_set_order(q4):
    assert [group.name for group in build_improvement_report(q4).groups] == ["Place", "Children", "Adults"]


@pytest.mark.parametrize(
    ("group_by", "names"),
    [("directorate", ["Place", "Children", "Adults"]), ("perspective", ["Service", "Money", "People"])],
)
def test_the_dashboard_lists_its_groups_in_their_set_order(q4, group_by, names):
    assert [group.name for group in build_dashboard(q4, group_by=group_by).groups] == names


def test_the_cabinet_papers_appendices_follow_the_set_order(q4):
    paper = build_cabinet_paper(q4)
    assert [group.name for group in paper.improvement.groups] == ["Place", "Children", "Adults"]
    assert [group.name for group in paper.dashboard.groups] == ["Service", "Money", "People"]


def test_the_annual_results_list_pledges_in_their_set_order(q4):
    report = build_annual_results(q4.year)
    assert [pledge.name for pledge in report.pledges] == ["Strong", "Safe"]
    assert [pledge.pledge for pledge in report.summary.pledges] == ["Strong", "Safe"]
    assert [priority.name for priority in report.pledges[1].priorities] == ["Priority 0", "Priority 2"]
