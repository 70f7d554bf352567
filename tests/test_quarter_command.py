"""`manage.py quarter open|close|reopen|publish`: the Quarters page's twin, with one-line refusals."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from scorecard.council.models import Period
from scorecard.returns.models import WorkflowState
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    factories.year(2014)
    factories.person("reader", "reader")
    return factories.person("performance", "performance_team")


def quarter(*args: str) -> str:
    out, err = StringIO(), StringIO()
    call_command("quarter", *args, stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


def q1() -> Period:
    return Period.objects.get(year__start_year=2014, quarter=1)


def test_a_past_quarter_is_back_loaded_closed_and_published_on_its_real_date(team):
    said = quarter("open", "2014/15-Q1", "--user", "performance", "--deadline", "2014-07-31", "--back-loading")
    assert "2014/15 Q1 is open to back-load its returns until 31 July 2014." in said
    assert q1().back_loading
    assert "is closed" in quarter("close", "2014/15-Q1", "--user", "performance")
    said = quarter("publish", "2014/15-Q1", "--user", "performance", "--published-on", "2014-09-12")
    assert "2014/15 Q1 is published (published on 12 September 2014)." in said
    assert q1().published_on == date(2014, 9, 12)


def test_reopening_needs_a_reason(team):
    Period.objects.filter(pk=q1().pk).update(state=Period.State.CLOSED)
    with pytest.raises(CommandError, match=r'Reopening needs a reason, which is kept: --reason "…"'):
        quarter("reopen", "2014/15-Q1", "--user", "performance")
    assert "open again" in quarter("reopen", "2014/15-Q1", "--user", "performance", "--reason", "Late figures")
    assert q1().history.first().history_change_reason == "Reopened: Late figures"


def test_publishing_returns_not_approved_lists_them_and_needs_a_confirmation(team):
    Period.objects.filter(pk=q1().pk).update(state=Period.State.CLOSED)
    measure = factories.measure("CM PM15", title="Children in need")
    factories.entry(measure, q1().year)
    factories.return_for(measure, q1(), 10, state=WorkflowState.DRAFT)
    with pytest.raises(CommandError, match=r"1 return is not approved.*--confirm-unapproved --reason"):
        quarter("publish", "2014/15-Q1", "--user", "performance")
    assert not q1().is_published
    said = quarter(
        "publish", "2014/15-Q1", "--user", "performance", "--confirm-unapproved", "--reason", "As published in 2014"
    )
    assert "is published" in said
    assert "CM PM15" in q1().publication_note


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["open", "2030/31-Q1", "--user", "performance", "--deadline", "2030-07-31"],
            "2030/31 Q1 is not set up in Scorecard",
        ),
        (["open", "2014/15-Q9", "--user", "performance", "--deadline", "2014-07-31"], "quarters are 1 to 4"),
        (["open", "2014/15-Q1", "--user", "nobody", "--deadline", "2014-07-31"], "No active user is called 'nobody'"),
        (["open", "2014/15-Q1", "--user", "performance"], "--deadline is needed"),
        (["open", "2014/15-Q1", "--user", "performance", "--deadline", "31/07/2014"], "must be a date as YYYY-MM-DD"),
        (["open", "2014/15-Q1", "--user", "performance", "--deadline", "2014-07-31"], "add --back-loading"),
        (
            ["open", "2014/15-Q1", "--user", "reader", "--deadline", "2014-07-31", "--back-loading"],
            "Only the performance team",
        ),
        (["close", "2014/15-Q1", "--user", "performance"], "2014/15 Q1 is not open."),
        (["publish", "2014/15-Q1", "--user", "performance", "--published-on", "2999-01-01"], "Close 2014/15 Q1"),
    ],
)
def test_a_bad_argument_is_one_line_and_a_non_zero_exit(team, args, message):
    with pytest.raises(CommandError, match=message) as refused:
        quarter(*args)
    assert "\n" not in str(refused.value)
    assert q1().state == Period.State.NOT_OPEN


def test_a_future_publication_date_is_refused(team):
    Period.objects.filter(pk=q1().pk).update(state=Period.State.CLOSED)
    with pytest.raises(CommandError, match="cannot be in the future"):
        quarter("publish", "2014/15-Q1", "--user", "performance", "--published-on", "2999-01-01")
