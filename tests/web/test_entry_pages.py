"""My returns and the entry form: saving, submitting, the statuses while typing, validation, lost updates."""

import re
from datetime import date
from decimal import Decimal

import pytest

from scorecard.accounts.models import Role
from scorecard.council.models import Directorate, Period
from scorecard.measures.models import Unit
from scorecard.returns.models import COMMENTARY_LENGTH, Return, WorkflowState
from tests import factories

pytestmark = pytest.mark.django_db

COMMENTARY = {
    "context": "Uptake fell over the summer.",
    "improvement_actions": "Extra clinics in GP surgeries.",
    "intervention": "Reviewed monthly by the head of service.",
}


@pytest.fixture
def q3():
    return factories.open_period(2018, 3, deadline=date(2019, 1, 18))


@pytest.fixture
def officer():
    return factories.person("officer", Role.MEASURE_OWNER, "People Services")


@pytest.fixture
def approver():
    return factories.person("approver", Role.DIRECTORATE_APPROVER, "People Services")


def people_services():
    return Directorate.objects.get_or_create(name="People Services")[0]


def in_scorecard(measure, period, target=None, year_end=None):
    factories.entry(measure, period.year, directorate=people_services())
    if target is not None:
        factories.target(measure, period, target)
    if year_end is not None:
        factories.target(measure, None, year_end, year_of=period.year)
    return measure


@pytest.fixture
def health_checks(q3):
    """500 a quarter, 2,000 by the year end; 450 in the same quarter last year."""
    measure = in_scorecard(factories.measure("L&C PM28", title="Livewell: NHS Health Checks"), q3, 500, 2000)
    factories.return_for(measure, factories.period(2017, 3), 450)
    return measure


def form_url(period, measure, page=""):
    return f"/returns/{period.pk}/{measure.pk}/{page}"


def entry(version=0, **values):
    return {"version": version, "actual": "", "forecast": "", "data_flag": "", **values}


def text(response) -> str:
    return response.content.decode()


def title(response) -> str:
    return re.search(r"<title>(.*?)</title>", text(response), re.S)[1].strip()


def test_my_returns_lists_the_officers_measures_with_state_and_deadline(client, officer, q3, health_checks):
    in_scorecard(factories.measure("CM PM15", title="Online transactions"), q3)
    elsewhere = factories.measure("OG PM01", title="Sickness absence")
    factories.entry(elsewhere, q3.year, directorate=Directorate.objects.create(name="Organisation & Governance"))
    factories.return_for(health_checks, q3, 480, state=WorkflowState.SUBMITTED)
    client.force_login(officer)
    response = client.get("/returns/")
    html = text(response)
    assert title(response) == "My returns – Scorecard – Your council"
    assert "2018/19 Q3" in html and "Friday 18 January 2019" in html
    assert "People Services" in html
    assert re.search(r"L&amp;C PM28 Livewell: NHS Health Checks</a>.*?Submitted", html, re.S)
    assert re.search(r"CM PM15 Online transactions</a>.*?Not started.*?Overdue", html, re.S)
    assert f'href="{form_url(q3, health_checks)}"' in html
    assert "Sickness absence" not in html


def test_the_performance_team_sees_every_directorates_returns(client, q3, health_checks):
    elsewhere = factories.measure("OG PM01", title="Sickness absence")
    factories.entry(elsewhere, q3.year, directorate=Directorate.objects.create(name="Organisation & Governance"))
    client.force_login(factories.person("performance", Role.PERFORMANCE_TEAM))
    html = text(client.get("/returns/"))
    assert "Sickness absence" in html and "NHS Health Checks" in html


def test_my_returns_queries_do_not_grow_with_the_measures(client, officer, q3, django_assert_max_num_queries):
    def measures(start, count):
        for number in range(start, start + count):
            measure = in_scorecard(factories.measure(f"PM{number}", title=f"Measure {number}"), q3)
            if number % 2:
                factories.return_for(measure, q3, number, state=WorkflowState.DRAFT)

    measures(0, 3)
    client.force_login(officer)
    with django_assert_max_num_queries(20) as few:
        client.get("/returns/")
    measures(3, 17)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(re.findall(r"PM\d+ Measure \d+</a>", text(client.get("/returns/")))) == 20


def test_the_form_shows_the_targets_last_years_value_and_the_statuses(client, officer, q3, health_checks):
    factories.return_for(health_checks, q3, 480, forecast=1900, state=WorkflowState.DRAFT)
    client.force_login(officer)
    response = client.get(form_url(q3, health_checks))
    html = text(response)
    assert title(response) == "L&amp;C PM28 – 2018/19 Q3 return – Scorecard – Your council"
    assert "2018/19 Q3 target</dt>" in html and ">500<" in html
    assert "Year-end target</dt>" in html and ">2,000<" in html
    assert "Same quarter last year (2017/18 Q3)</dt>" in html and ">450<" in html
    assert 'scorecard-status--amber">Amber' in html
    assert f'hx-post="/returns/{q3.pk}/{health_checks.pk}/preview/"' in html
    assert 'hx-trigger="input changed delay:400ms"' in html
    assert '<label class="govuk-label govuk-label--s" for="id_actual">Actual</label>' in html
    assert 'name="version" value="1"' in html


def test_the_officer_saves_a_draft(client, officer, q3, health_checks):
    client.force_login(officer)
    response = client.post(form_url(q3, health_checks), entry(actual="480", forecast="1,900", action="save"))
    assert response.status_code == 302 and response.url == form_url(q3, health_checks)
    ret = Return.objects.get(measure=health_checks, period=q3)
    assert (ret.actual, ret.forecast, ret.state, ret.version) == (480, 1900, WorkflowState.DRAFT, 1)
    assert "Saved as a draft" in text(client.get(response.url))


def test_submitting_red_or_amber_without_the_three_commentaries_is_refused(client, officer, q3, health_checks):
    client.force_login(officer)
    typed = entry(actual="480", forecast="1900", context="Uptake fell.", action="submit")
    response = client.post(form_url(q3, health_checks), typed)
    assert response.status_code == 400
    html = text(response)
    assert "needs all three commentaries before it is submitted" in html
    assert "improvement actions taken and intervention / review" in html
    assert "Uptake fell." in html
    assert not Return.objects.filter(measure=health_checks, period=q3).exists()


def test_sent_back_then_resubmitted_then_approved(client, officer, approver, q3, health_checks):
    client.force_login(officer)
    typed = entry(actual="480", forecast="1900", action="submit", **COMMENTARY)
    assert client.post(form_url(q3, health_checks), typed).url == "/returns/"
    ret = Return.objects.get(measure=health_checks, period=q3)
    assert ret.state == WorkflowState.SUBMITTED

    client.force_login(approver)
    assert "NHS Health Checks" in text(client.get("/approvals/"))
    client.post(
        f"/approvals/{ret.pk}/send-back/",
        {"comment": "Say when the extra clinics start.", "version": Return.objects.get(pk=ret.pk).version},
    )

    client.force_login(officer)
    html = text(client.get(form_url(q3, health_checks)))
    assert "Sent back by the approver" in html and "Say when the extra clinics start." in html
    ret.refresh_from_db()
    resubmitted = {**typed, "version": ret.version, "improvement_actions": "Extra clinics from 1 February."}
    assert client.post(form_url(q3, health_checks), resubmitted).status_code == 302

    client.force_login(approver)
    client.post(f"/approvals/{ret.pk}/approve/", {"version": Return.objects.get(pk=ret.pk).version})
    ret.refresh_from_db()
    assert (ret.state, ret.improvement_actions) == (WorkflowState.APPROVED, "Extra clinics from 1 February.")


def test_the_preview_works_out_the_statuses_without_saving(client, officer, q3, health_checks):
    client.force_login(officer)
    response = client.post(form_url(q3, health_checks, "preview/"), entry(actual="520", forecast="1900"))
    html = text(response)
    assert response.status_code == 200
    assert html.strip().startswith('<h2 class="govuk-heading-m">Targets and statuses</h2>')
    assert "aria-live" not in html  # the page's live region stays: only what is inside it is replaced
    assert re.search(r'Quarterly status</dt>\s*<dd[^>]*><strong class="scorecard-status scorecard-status--blue', html)
    assert re.search(r"Forecast year-end status</dt>\s*<dd[^>]*><strong[^>]*--amber", html)
    assert "Improving" in html
    assert not Return.objects.filter(measure=health_checks, period=q3).exists()


def test_the_preview_asks_for_valid_figures_first(client, officer, q3, health_checks):
    client.force_login(officer)
    html = text(client.post(form_url(q3, health_checks, "preview/"), entry(actual="lots")))
    assert "Correct the figures to see the statuses" in html


def test_an_actions_progress_is_chosen_from_the_progress_words(client, officer, q3):
    policy = in_scorecard(factories.action("Deliver an Energy Management Policy"), q3)
    client.force_login(officer)
    html = text(client.get(form_url(q3, policy)))
    assert 'type="radio" value="some_slippage"' in html and 'name="actual"' not in html
    preview = client.post(form_url(q3, policy, "preview/"), {"actual_progress": "some_slippage", "version": 0})
    assert 'scorecard-status--amber">Amber' in text(preview)
    typed = {"version": 0, "actual_progress": "on_track", "forecast_progress": "completed", "action": "save"}
    client.post(form_url(q3, policy), typed)
    assert Return.objects.get(measure=policy).actual_progress == "on_track"


@pytest.mark.parametrize(
    ("unit", "decimals", "typed", "message"),
    [
        (Unit.PERCENT, 1, "120", "Actual: a percentage must be between 0 and 100"),
        (Unit.COUNT, 0, "-5", "Actual: a count cannot be below zero"),
        (Unit.PERCENT, 1, "93.55", "Actual: this measure is recorded in up to 1 decimal place"),
        (Unit.COUNT, 0, "12.5", "Actual: this measure is recorded in whole numbers"),
        (Unit.COUNT, 0, "twelve", "Enter the actual as a number, like 44745 or 93.5"),
    ],
)
def test_figures_are_checked_by_the_measures_unit(client, officer, q3, unit, decimals, typed, message):
    measure = in_scorecard(factories.measure("PM1", unit=unit, decimals=decimals), q3)
    client.force_login(officer)
    response = client.post(form_url(q3, measure), entry(actual=typed, context="Kept as typed", action="save"))
    html = text(response)
    assert response.status_code == 400
    assert title(response).startswith("Error: ")
    assert f'<li><a href="#id_actual">{message}</a></li>' in html
    assert (
        f'id="id_actual-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {message}'
        in html
    )
    assert "Kept as typed" in html and f'value="{typed}"' in html
    assert not Return.objects.exists()


def test_copy_last_quarters_commentary_fills_the_form_without_saving(client, officer, q3, health_checks):
    factories.return_for(health_checks, factories.period(2018, 2), 470, **COMMENTARY)
    client.force_login(officer)
    response = client.post(form_url(q3, health_checks), entry(actual="488", context="", action="copy"))
    html = text(response)
    assert response.status_code == 200
    assert "Copied the commentary from 2018/19 Q2" in html
    assert all(words in html for words in COMMENTARY.values())
    assert 'value="488"' in html
    assert not Return.objects.filter(period=q3).exists()


def test_copy_says_when_last_quarter_has_no_commentary(client, officer, q3, health_checks):
    client.force_login(officer)
    html = text(client.post(form_url(q3, health_checks), entry(action="copy")))
    assert "There is no commentary from 2018/19 Q2 to copy." in html


def test_a_stale_save_is_refused_and_keeps_what_was_typed(client, officer, q3, health_checks):
    ret = factories.return_for(health_checks, q3, 480, state=WorkflowState.DRAFT, version=3)
    client.force_login(officer)
    typed = entry(version=2, actual="490", context="My careful words about uptake.", action="save")
    response = client.post(form_url(q3, health_checks), typed)
    html = text(response)
    assert response.status_code == 409
    assert "Someone else saved this return while you were editing it" in html
    assert "My careful words about uptake." in html and 'value="490"' in html
    ret.refresh_from_db()
    assert (ret.actual, ret.context, ret.version) == (480, "", 3)


def test_a_closed_quarter_refuses_a_save_and_shows_why(client, officer, q3, health_checks):
    ret = factories.return_for(health_checks, q3, 480, state=WorkflowState.DRAFT)
    Period.objects.filter(pk=q3.pk).update(state=Period.State.CLOSED)
    client.force_login(officer)
    page = text(client.get(form_url(q3, health_checks)))
    assert "2018/19 Q3 is closed: its figures and commentary can no longer be changed." in page
    assert "Save as draft</button>" not in page
    response = client.post(form_url(q3, health_checks), entry(version=1, actual="999", context="Late words"))
    assert response.status_code == 403
    assert "is closed" in text(response) and "Late words" in text(response)
    ret.refresh_from_db()
    assert ret.actual == 480


def test_the_approver_sees_the_return_read_only(client, approver, q3, health_checks):
    factories.return_for(health_checks, q3, 480, state=WorkflowState.DRAFT, context="Uptake fell.")
    client.force_login(approver)
    html = text(client.get(form_url(q3, health_checks)))
    assert "You cannot edit this return." in html
    assert '<form method="post" novalidate>' not in html
    assert "Uptake fell." in html and ">480<" in html


def test_the_history_shows_who_changed_what_from_what_to_what(client, officer, q3, health_checks):
    client.force_login(officer)
    client.post(form_url(q3, health_checks), entry(actual="480", forecast="1900", action="save"))
    ret = Return.objects.get(measure=health_checks, period=q3)
    client.post(
        form_url(q3, health_checks), entry(version=1, actual="485", forecast="1900", action="submit", **COMMENTARY)
    )
    response = client.get(f"/returns/{ret.pk}/history/")
    html = text(response)
    assert title(response).startswith("Change history")
    rows = re.findall(r"<td[^>]*>(.*?)</td>", html, re.S)
    assert rows[rows.index("Actual") : rows.index("Actual") + 3] == ["Actual", "480", "485"]
    assert "Submitted" in html and "officer" in html
    assert rows[rows.index("State") : rows.index("State") + 3] == ["State", "Draft", "Submitted"]
    assert client.post(f"/returns/{ret.pk}/history/").status_code == 405


def test_a_figure_is_read_as_people_type_it(client, officer, q3):
    measure = in_scorecard(factories.measure("PM1", unit=Unit.PERCENT, decimals=1), q3)
    client.force_login(officer)
    client.post(form_url(q3, measure), entry(actual="93.5%", forecast=" 94 ", action="save"))
    assert Return.objects.get(measure=measure).actual == Decimal("93.5")


def test_commentary_longer_than_the_limit_is_refused_naming_the_field(client, officer, q3, health_checks):
    client.force_login(officer)
    typed = entry(actual="480", context="x" * (COMMENTARY_LENGTH + 1), intervention="Kept", action="save")
    response = client.post(form_url(q3, health_checks), typed)
    html = text(response)
    assert response.status_code == 400
    assert "Context for current performance must be 4,000 characters or fewer" in html
    assert 'aria-describedby="id_context-error"' in html
    assert not Return.objects.filter(measure=health_checks, period=q3).exists()
