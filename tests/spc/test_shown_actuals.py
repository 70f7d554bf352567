"""A long series read as plain values shows each person exactly what shown_returns shows them."""

from decimal import Decimal

import pytest
from django.utils import timezone

from scorecard.accounts.permissions import PUBLIC_SIGHT, WHOLE_SIGHT, working_sight
from scorecard.council.models import Directorate, Period
from scorecard.returns.models import PublishedReturn, Return
from scorecard.returns.selectors import HeldActual, shown_actuals, shown_returns, year_directorates
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def quarters():
    """Q1 published; Q2 published, then reopened and its figure changed (the published copy kept); Q3 not
    published."""
    q1, q2, q3 = (factories.period(2018, quarter) for quarter in (1, 2, 3))
    measure = factories.measure("PM1")
    factories.entry(measure, q1.year, directorate=Directorate.objects.create(name="People Services"))
    for quarter, actual in ((q1, 10), (q2, 20), (q3, 30)):
        factories.return_for(measure, quarter, actual)
    factories.published(q1, q2)
    changed = Return.objects.get(period=q2)
    PublishedReturn.of(changed, restated=False).save()
    Return.objects.filter(pk=changed.pk).update(actual=Decimal(25))
    Period.objects.filter(pk=q2.pk).update(record_held_at=timezone.now())
    return [Period.objects.select_related("year").get(pk=q.pk) for q in (q1, q2, q3)]


@pytest.mark.parametrize("who", ["public", "owner", "other_owner", "performance"])
def test_plain_values_show_what_shown_returns_shows(quarters, who):
    people = factories.everyone("People Services")
    sight = {"public": PUBLIC_SIGHT, "performance": WHOLE_SIGHT}.get(who) or working_sight(people[who])
    returns = list(Return.objects.select_related("measure", "period__year"))
    directorates = year_directorates(quarters[0])
    by_returns = {
        (ret.measure_id, ret.period_id): ret.actual
        for ret in shown_returns(returns, sight=sight, directorates=directorates)
        if ret is not None
    }
    held = [HeldActual(ret.pk, ret.measure_id, ret.period_id, ret.actual) for ret in returns]
    periods = {period.pk: period for period in quarters}
    owners = {ret.measure_id: ret.measure.owner_id for ret in returns}
    by_values = shown_actuals(held, periods=periods, owners=owners, sight=sight, directorates=directorates)
    assert by_values == by_returns
    if who in ("public", "other_owner"):
        assert sorted(by_values.values()) == [10, 20]  # the published figures only
