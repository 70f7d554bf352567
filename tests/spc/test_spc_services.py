"""A measure's SPC settings, rebases and annotations: who may change them, what is refused, and what is kept."""

from datetime import date

import pytest

from scorecard.council.models import Directorate
from scorecard.returns.services import Refused
from scorecard.spc import services
from scorecard.spc.models import Annotation, Rebase, SpcSettings
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return factories.everyone("People Services")


@pytest.fixture
def measure():
    q2 = factories.period(2018, 2)
    measure = factories.measure("PM1")
    factories.entry(measure, q2.year, directorate=Directorate.objects.get_or_create(name="People Services")[0])
    factories.return_for(measure, q2, 480)
    return measure


def test_the_performance_team_fixes_the_limits_after_12_points_and_the_history_says_who(measure, people):
    services.spc_settings_set(
        measure=measure, charted=True, fix_after=12, reason="Baseline year", by=people["performance"]
    )
    kept = SpcSettings.objects.get(measure=measure).history.get()
    assert (kept.fix_after, kept.reason, kept.history_user) == (12, "Baseline year", people["performance"])


def test_limits_fixed_after_fewer_than_12_points_are_refused_and_nothing_is_written(measure, people):
    with pytest.raises(Refused, match="Fix the limits after 12 or more points: 11 are too few"):
        services.spc_settings_set(measure=measure, charted=True, fix_after=11, reason="Why", by=people["performance"])
    assert not SpcSettings.objects.exists()
    assert not SpcSettings.history.exists()


def test_an_owner_cannot_change_the_spc_settings(measure, people):
    with pytest.raises(Refused, match="Only the performance team"):
        services.spc_settings_set(measure=measure, charted=False, fix_after=None, reason="Why", by=people["owner"])


def test_a_milestone_cannot_be_charted(people):
    with pytest.raises(Refused, match="cannot be charted"):
        services.spc_settings_set(
            measure=factories.action(), charted=True, fix_after=None, reason="Why", by=people["performance"]
        )


def test_a_rebase_needs_a_reason(measure, people):
    with pytest.raises(Refused, match="Give the reason for the rebase"):
        services.rebase_add(measure=measure, period=factories.period(2018, 2), reason=" ", by=people["performance"])
    assert not Rebase.objects.exists()


def test_a_rebase_at_a_quarter_outside_the_series_is_refused_and_nothing_is_written(measure, people):
    with pytest.raises(Refused, match="2018/19 Q3 is not in the measure's series"):
        services.rebase_add(
            measure=measure, period=factories.period(2018, 3), reason="New service", by=people["performance"]
        )
    assert not Rebase.objects.exists()


def test_a_rebase_is_kept_with_who_added_it(measure, people):
    rebase = services.rebase_add(
        measure=measure, period=factories.period(2018, 2), reason="New definition", by=people["performance"]
    )
    assert rebase.history.get().history_user == people["performance"]
    services.rebase_remove(rebase=rebase, by=people["performance"])
    assert [record.history_type for record in Rebase.history.order_by("history_id")] == ["+", "-"]


def test_the_measures_owner_annotates_its_chart(measure, people):
    note = services.annotation_add(measure=measure, on=date(2018, 8, 1), note="New IT system live", by=people["owner"])
    assert (note.recorded_by, note.history.get().history_user) == (people["owner"], people["owner"])


@pytest.mark.parametrize("who", ["other_owner", "reader"])
def test_an_owner_elsewhere_or_a_reader_cannot_annotate(measure, people, who):
    with pytest.raises(Refused, match="Only the measure's owners"):
        services.annotation_add(measure=measure, on=date(2018, 8, 1), note="New IT system live", by=people[who])
    assert not Annotation.objects.exists()


def test_an_annotation_dated_outside_every_quarter_held_is_refused_and_nothing_is_written(measure, people):
    with pytest.raises(Refused, match="1 January 2030 is outside every quarter held"):
        services.annotation_add(measure=measure, on=date(2030, 1, 1), note="Too late", by=people["performance"])
    assert not Annotation.objects.exists()
