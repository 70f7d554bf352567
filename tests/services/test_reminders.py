"""Reminder emails to owners of returns not yet submitted."""

from datetime import date
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from scorecard.council.models import Directorate, Period
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def quarter():
    q3 = factories.period(2018, 3)
    Period.objects.filter(pk=q3.pk).update(state=Period.State.OPEN, deadline=date(2019, 1, 18))
    q3.refresh_from_db()
    resources = Directorate.objects.get_or_create(name="Corporate Resources")[0]
    officer = factories.person("officer", "measure_owner", "Corporate Resources")
    officer.email = "officer@council.example"
    officer.save()
    for code, state in (("CM PM15", None), ("CM PM24", "draft"), ("CP 08f", "submitted")):
        measure = factories.measure(code, title=f"Measure {code}")
        factories.entry(measure, q3.year, directorate=resources)
        if state:
            factories.return_for(measure, q3, 1, state=state)
    return q3


def send(today: str) -> str:
    out = StringIO()
    call_command("send_reminders", "--days-before", "5", "--days-after", "2", "--today", today, stdout=out)
    return out.getvalue()


def test_owners_are_reminded_five_days_before_the_deadline(quarter):
    assert "sent 1 reminder (before the deadline)" in send("2019-01-13")
    (email,) = mail.outbox
    assert email.to == ["officer@council.example"]
    assert email.subject == "Scorecard returns for 2018/19 Q3 are due on 18 January 2019"
    assert "CM PM15" in email.body and "(not started)" in email.body
    assert "CM PM24" in email.body and "(draft)" in email.body
    assert "CP 08f" not in email.body  # already submitted
    assert f"/returns/{quarter.pk}/" in email.body


def test_and_told_when_their_returns_are_overdue(quarter):
    send("2019-01-20")
    (email,) = mail.outbox
    assert "overdue" in email.subject


def test_no_email_on_other_days_or_for_closed_quarters(quarter):
    send("2019-01-14")
    Period.objects.filter(pk=quarter.pk).update(state=Period.State.CLOSED)
    send("2019-01-13")
    assert mail.outbox == []


def test_a_bad_date_gets_a_one_line_message():
    with pytest.raises(CommandError, match="is not a date"):
        send("13/01/2019")


def test_an_annual_measure_is_not_chased_before_the_quarter_its_figure_arrives_in(quarter):
    resources = Directorate.objects.get(name="Corporate Resources")
    for code, arrives in (("CM PM30", 4), ("CM PM31", 3)):
        annual = factories.measure(code, title=f"Annual {code}", frequency="annual", reported_in_quarter=arrives)
        factories.entry(annual, quarter.year, directorate=resources)
    send("2019-01-13")
    (email,) = mail.outbox
    assert "CM PM30" not in email.body  # reported in Q4: Q3 does not collect it
    assert "CM PM31" in email.body  # its figure arrives in Q3
