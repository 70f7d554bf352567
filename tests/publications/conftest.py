from dataclasses import dataclass

import pytest

from scorecard.council.models import Directorate, Period
from scorecard.measures.models import Measure
from scorecard.publications.services import RestatementNote
from tests import factories


@dataclass(frozen=True)
class Quarter:
    """2018/19 Q2, closed: CM PM15 at 470 against 500 (Red) and CM PM16 at 95 against 90 (Blue)."""

    period: Period
    measure: Measure
    other: Measure
    people: dict


@pytest.fixture
def quarter() -> Quarter:
    people = factories.everyone("People Services")
    period = factories.period(2018, 2)
    directorate = Directorate.objects.get(name="People Services")
    measure = factories.measure("CM PM15", title="Children in need")
    other = factories.measure("CM PM16", title="Adoptions")
    for each, target, actual in ((measure, 500, 470), (other, 90, 95)):
        factories.entry(each, period.year, directorate=directorate)
        factories.target(each, period, target)
        factories.return_for(each, period, actual, context="As recorded")
    Period.objects.filter(pk=period.pk).update(state=Period.State.CLOSED)
    period.refresh_from_db()
    return Quarter(period, measure, other, people)


@pytest.fixture
def performance_team(quarter):
    return quarter.people["performance"]


NOTE = RestatementNote(
    category="late_data",
    what_changed="CM PM15's actual arrived late from the NHS: 470 became 520.",
    effect="CM PM15 is now Blue, not Red: it leaves the improvement report.",
    approved_by="Director of Policy, 12 November 2018",
)
