"""Importing many returns at once (services.returns_import): every rule of saving one, all rows or none."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from scorecard.accounts import permissions
from scorecard.council.models import Directorate, Period
from scorecard.returns import services
from scorecard.returns.models import Return, WorkflowState
from scorecard.returns.services import ImportedReturn
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def quarter():
    return factories.open_period(2018, 2)


@pytest.fixture
def measures(quarter, officer):
    corporate = Directorate.objects.get(name="Corporate Resources")
    people = Directorate.objects.create(name="People Services")
    found = {
        "online": factories.measure("CM PM15", title="Number of online transactions"),
        "variance": factories.measure("CR PM09", title="Budget variance (£m)"),
        "satisfied": factories.measure("PS PM01", title="Adults satisfied with care"),
    }
    for name, measure in found.items():
        factories.entry(measure, quarter.year, directorate=people if name == "satisfied" else corporate)
    return found


def imported(measure, actual, seen=0) -> ImportedReturn:
    return ImportedReturn(measure, seen, {"actual": Decimal(actual)})


def nothing_written() -> bool:
    return not Return.objects.exists() and not Return.history.exists()


# -- what is written -----------------------------------------------------------------------------


def test_an_officer_imports_their_directorates_returns_as_drafts(measures, quarter, officer):
    rows = [imported(measures["online"], 44745), imported(measures["variance"], "-0.5")]
    services.returns_import(period=quarter, imported=rows, by=officer)
    returns = Return.objects.filter(period=quarter).order_by("measure__code")
    assert [(ret.actual, ret.state, ret.version) for ret in returns] == [
        (Decimal(44745), WorkflowState.DRAFT, 1),
        (Decimal("-0.5"), WorkflowState.DRAFT, 1),
    ]


def test_a_new_return_gets_one_history_record_with_the_importer_and_the_reason(measures, quarter, officer):
    services.returns_import(period=quarter, imported=[imported(measures["online"], 44745)], by=officer)
    (record,) = Return.objects.get(measure=measures["online"]).history.all()
    assert (record.history_type, record.history_user, record.history_change_reason) == ("+", officer, "Imported")
    assert record.actual == Decimal(44745)


def test_a_stored_return_is_changed_its_version_raised_by_one_and_the_change_recorded(measures, quarter, officer):
    ret = factories.return_for(measures["online"], quarter, 44000, state=WorkflowState.DRAFT, version=3, context="Kept")
    services.returns_import(period=quarter, imported=[imported(measures["online"], 44745, seen=3)], by=officer)
    ret.refresh_from_db()
    assert (ret.actual, ret.context, ret.version) == (Decimal(44745), "Kept", 4)
    latest = ret.history.first()
    assert (latest.history_type, latest.history_user, latest.history_change_reason) == ("~", officer, "Imported")
    assert (latest.actual, latest.version) == (Decimal(44745), 4)


def test_a_sent_back_return_is_changed_and_stays_with_its_owner(measures, quarter, officer):
    factories.return_for(measures["online"], quarter, 44000, state=WorkflowState.RETURNED)
    services.returns_import(period=quarter, imported=[imported(measures["online"], 44745, seen=1)], by=officer)
    ret = Return.objects.get(measure=measures["online"])
    assert (ret.actual, ret.state) == (Decimal(44745), WorkflowState.RETURNED)


def test_progress_is_reported_after_each_batch(measures, quarter, performance):
    rows = [imported(measure, 1) for measure in measures.values()]
    reported = []
    services.returns_import(
        period=quarter, imported=rows, by=performance, batch_size=2, progress=lambda *done: reported.append(done)
    )
    assert reported == [(2, 3), (3, 3)]
    assert Return.objects.filter(period=quarter, actual=1).count() == 3


def test_the_queries_do_not_grow_with_the_rows(quarter, performance):
    many = [factories.measure(f"BULK {number:03}", title=f"Measure {number}") for number in range(30)]
    for measure in many:
        factories.entry(measure, quarter.year)
    permissions.roles(performance)  # read once per person, on first asking
    counted = []
    for measures in (many[:3], many[3:]):
        with CaptureQueriesContext(connection) as queries:
            services.returns_import(period=quarter, imported=[imported(m, 5) for m in measures], by=performance)
        counted.append(len(queries.captured_queries))
    assert counted[0] == counted[1]


# -- the same permissions as saving one return ---------------------------------------------------


def test_another_directorates_return_is_refused_naming_its_measure_and_nothing_is_written(measures, quarter, officer):
    rows = [imported(measures["online"], 1), imported(measures["satisfied"], 93)]
    with pytest.raises(services.Refused) as refused:
        services.returns_import(period=quarter, imported=rows, by=officer)
    assert (str(refused.value), refused.value.measure) == ("You cannot edit this return.", measures["satisfied"])
    assert nothing_written()


def test_a_measure_the_officer_owns_is_theirs_whatever_its_directorate(measures, quarter, officer):
    measures["satisfied"].owner = officer
    measures["satisfied"].save()
    services.returns_import(period=quarter, imported=[imported(measures["satisfied"], 93)], by=officer)
    assert Return.objects.get(measure=measures["satisfied"]).actual == 93


def test_the_performance_team_imports_any_directorates_returns(measures, quarter, performance):
    rows = [imported(measure, 7) for measure in measures.values()]
    services.returns_import(period=quarter, imported=rows, by=performance)
    assert Return.objects.filter(period=quarter, actual=7).count() == 3


@pytest.mark.parametrize("state", [WorkflowState.SUBMITTED, WorkflowState.APPROVED])
def test_a_submitted_or_approved_return_is_not_overwritten(measures, quarter, performance, state):
    factories.return_for(measures["variance"], quarter, 2, state=state)
    rows = [imported(measures["online"], 1), imported(measures["variance"], 3, seen=1)]
    with pytest.raises(services.Refused, match=f"This return is {state.label.lower()}: "):
        services.returns_import(period=quarter, imported=rows, by=performance)
    assert list(Return.objects.values_list("actual", "version")) == [(2, 1)]
    assert Return.history.count() == 1  # made by the factory


@pytest.mark.parametrize(
    ("state", "message"),
    [
        (Period.State.CLOSED, "2018/19 Q2 is closed: its figures and commentary can no longer be changed."),
        (Period.State.NOT_OPEN, "2018/19 Q2 is not open for returns yet."),
    ],
)
def test_a_quarter_that_is_not_open_takes_no_import(measures, quarter, performance, state, message):
    Period.objects.filter(pk=quarter.pk).update(state=state)
    with pytest.raises(services.Refused) as refused:
        services.returns_import(period=quarter, imported=[imported(measures["online"], 1)], by=performance)
    assert str(refused.value) == message
    assert nothing_written()


# -- no lost updates -----------------------------------------------------------------------------


def test_a_return_saved_by_someone_else_since_the_file_was_checked_is_refused(measures, quarter, officer):
    ret = factories.return_for(measures["variance"], quarter, 44000, state=WorkflowState.DRAFT)
    checked = ret.version
    services.return_save(ret=ret, by=officer, version=checked, actual=Decimal(45000))  # someone else, meanwhile
    rows = [imported(measures["online"], 1), imported(measures["variance"], 46000, seen=checked)]
    with pytest.raises(services.StaleReturn, match="Someone else saved this return") as stale:
        services.returns_import(period=quarter, imported=rows, by=officer)
    assert stale.value.measure == measures["variance"]
    assert list(Return.objects.values_list("actual", flat=True)) == [45000]


def test_a_return_started_by_someone_else_since_the_file_was_checked_is_refused(measures, quarter, officer):
    ret = services.return_start(measure=measures["online"], period=quarter, by=officer)
    services.return_save(ret=ret, by=officer, version=ret.version, actual=Decimal(45000))
    with pytest.raises(services.StaleReturn):
        services.returns_import(period=quarter, imported=[imported(measures["online"], 1, seen=0)], by=officer)
    assert list(Return.objects.values_list("actual", flat=True)) == [45000]


def test_a_field_a_return_does_not_have_is_a_mistake_in_the_code(measures, quarter, performance):
    rows = [ImportedReturn(measures["online"], 0, {"version": 9})]
    with pytest.raises(ValueError, match="version is not a figure or commentary of a return"):
        services.returns_import(period=quarter, imported=rows, by=performance)
