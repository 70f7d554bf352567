"""Every change to figures, targets, commentary and statuses is kept; bad states cannot be stored."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from simple_history.utils import update_change_reason

from scorecard.accounts.models import RoleAssignment
from scorecard.measures.models import Measure
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_change_to_a_return_keeps_who_when_old_and_new():
    officer = factories.person("officer", "measure_owner", "Corporate Resources")
    ret = factories.return_for(factories.measure("CM PM15"), factories.period(2018, 2), 44745)
    ret.actual = Decimal(44800)
    ret.context = "Online forms for bulky waste went live in August."
    ret._history_user = officer
    ret.save()
    update_change_reason(ret, "Corrected after the September count")
    latest, earlier = ret.history.all()[:2]
    changes = {change.field: (change.old, change.new) for change in latest.diff_against(earlier).changes}
    assert changes["actual"] == (Decimal(44745), Decimal(44800))
    assert changes["context"] == ("", "Online forms for bulky waste went live in August.")
    assert latest.history_user == officer
    assert latest.history_date is not None


def test_a_target_change_is_kept_in_the_targets_history():
    target = factories.target(factories.measure("CM PM15"), factories.period(2018, 2), 60000)
    target.value = Decimal(58000)
    target.save()
    assert [row.value for row in target.history.all()] == [Decimal(58000), Decimal(60000)]


def test_an_override_without_a_reason_cannot_be_stored():
    with pytest.raises(IntegrityError):
        factories.return_for(factories.measure("IC PM20"), factories.period(2016, 4), 100, status_override="amber")


def test_a_measure_has_one_return_a_quarter():
    measure, q2 = factories.measure("CM PM15"), factories.period(2018, 2)
    factories.return_for(measure, q2, 1)
    with pytest.raises(IntegrityError):
        factories.return_for(measure, q2, 2)


def test_a_measure_has_one_year_end_target_a_year():
    measure, year = factories.measure("CM PM15"), factories.year(2018)
    factories.target(measure, None, 125000, year_of=year)
    with pytest.raises(IntegrityError):
        factories.target(measure, None, 120000, year_of=year)


def test_owners_and_approvers_hold_their_role_in_a_directorate():
    officer = factories.person("officer", "reader")
    with pytest.raises(IntegrityError):
        RoleAssignment.objects.create(user=officer, role="measure_owner", directorate=None)


def test_the_performance_team_role_covers_the_whole_council():
    officer = factories.person("officer", "measure_owner", "People Services")
    scope = officer.roles.get().directorate
    with pytest.raises(IntegrityError):
        RoleAssignment.objects.create(user=officer, role="performance_team", directorate=scope)


def test_a_measures_highest_figure_cannot_be_below_its_lowest():
    with pytest.raises(ValidationError, match="The minimum, 10, is above the maximum, -10"):
        Measure(code="X1", title="Days ahead", unit="days", minimum=Decimal(10), maximum=Decimal(-10)).clean()
