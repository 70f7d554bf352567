"""The organisation's commentary rule: one note, the three commentaries or none, required for Red/Amber or all."""

from decimal import Decimal

import pytest

from scorecard.accounts.permissions import WHOLE_SIGHT
from scorecard.council.models import Directorate, OrganisationSettings, Period
from scorecard.performance.commentary import Commentary, CommentaryRequired, commentary_missing
from scorecard.performance.status import Status
from scorecard.reports.improvement import build_improvement_report
from scorecard.returns import services
from scorecard.returns.models import WorkflowState
from tests import factories

RED, GREEN = Status.RED, Status.GREEN


@pytest.mark.parametrize(
    ("commentary", "required", "status", "written", "missing"),
    [
        (
            Commentary.THREE,
            CommentaryRequired.RED_OR_AMBER,
            RED,
            {"context": "x"},
            ["improvement_actions", "intervention"],
        ),
        (Commentary.THREE, CommentaryRequired.RED_OR_AMBER, GREEN, {}, []),
        (Commentary.ONE, CommentaryRequired.RED_OR_AMBER, RED, {"context": "  "}, ["context"]),
        (Commentary.ONE, CommentaryRequired.RED_OR_AMBER, RED, {"context": "Why"}, []),
        (Commentary.ONE, CommentaryRequired.ALL, GREEN, {}, ["context"]),
        (Commentary.THREE, CommentaryRequired.NEVER, RED, {}, []),
        (Commentary.NONE, CommentaryRequired.ALL, RED, {}, []),
    ],
)
def test_the_rule(commentary, required, status, written, missing):
    assert commentary_missing(commentary, required, written, status=status, forecast_status=GREEN) == missing


def test_a_forecast_red_needs_commentary_too():
    missing = commentary_missing(
        Commentary.ONE, CommentaryRequired.RED_OR_AMBER, {}, status=GREEN, forecast_status=Status.AMBER
    )
    assert missing == ["context"]


@pytest.fixture
def red(db):
    """An officer's return that is Red this quarter: 44,745 against a target of 60,000."""
    quarter = factories.period(2018, 2)
    Period.objects.filter(pk=quarter.pk).update(state=Period.State.OPEN)
    quarter.refresh_from_db()
    officer = factories.person("officer", "measure_owner", "Waste")
    measure = factories.measure("NF 1", title="Missed bins")
    factories.entry(measure, quarter.year, directorate=Directorate.objects.get(name="Waste"))
    factories.target(measure, quarter, 60000)
    ret = services.return_start(measure=measure, period=quarter, by=officer)
    return ret, officer


def rule(commentary: str, required: str = "red_or_amber") -> None:
    OrganisationSettings.objects.update_or_create(
        pk=1, defaults={"commentary": commentary, "commentary_required": required}
    )


def test_one_note_is_required_for_a_red_return(red):
    rule("one")
    ret, officer = red
    with pytest.raises(services.Refused, match=r"A return rated Red or Amber needs its commentary .*add Commentary"):
        services.return_submit(ret=ret, by=officer, version=ret.version, actual=Decimal(44745))
    done = services.return_submit(ret=ret, by=officer, version=ret.version, actual=Decimal(44745), context="Why")
    assert done.state == WorkflowState.SUBMITTED


def test_with_no_commentary_a_red_return_is_submitted_as_it_is(red):
    rule("none")
    ret, officer = red
    done = services.return_submit(ret=ret, by=officer, version=ret.version, actual=Decimal(44745))
    assert done.state == WorkflowState.SUBMITTED


def test_commentary_for_every_return(red):
    rule("three", "all")
    ret, officer = red
    with pytest.raises(services.Refused, match="Every return needs all three commentaries"):
        services.return_submit(ret=ret, by=officer, version=ret.version, actual=Decimal(70000))


def test_derbys_rule_is_the_default(red):
    ret, officer = red
    with pytest.raises(services.Refused, match="needs all three commentaries"):
        services.return_submit(ret=ret, by=officer, version=ret.version, actual=Decimal(44745), context="x")


@pytest.mark.parametrize(
    ("commentary", "shown", "hidden"),
    [
        ("one", ["Commentary"], ["Context for current performance", "Improvement actions taken"]),
        ("three", ["Context for current performance", "Intervention / review"], []),
        ("none", [], ["Context for current performance", "Copy last quarter"]),
    ],
)
def test_the_return_page_shows_the_organisations_commentary(client, red, commentary, shown, hidden):
    rule(commentary)
    ret, officer = red
    client.force_login(officer)
    html = client.get(f"/returns/{ret.period_id}/{ret.measure_id}/").content.decode()
    for label in shown:
        assert f">{label}</label>" in html
    for label in hidden:
        assert label not in html


def test_a_hidden_commentary_is_kept_as_it_was(client, red):
    ret, officer = red
    ret.improvement_actions = "Kept from before"
    ret.save()
    rule("one")
    client.force_login(officer)
    sent = {"version": ret.version, "actual": "44745", "context": "One note", "action": "save"}
    client.post(f"/returns/{ret.period_id}/{ret.measure_id}/", sent)
    ret.refresh_from_db()
    assert (ret.context, ret.improvement_actions) == ("One note", "Kept from before")


@pytest.mark.parametrize(
    ("commentary", "columns"),
    [
        ("one", ["Commentary"]),
        ("three", ["Context for current performance", "Improvement actions taken", "Intervention / review"]),
        ("none", []),
    ],
)
def test_the_improvement_report_has_the_organisations_commentary_columns(red, commentary, columns):
    rule(commentary)
    ret, officer = red
    services.return_save(ret=ret, by=officer, version=ret.version, actual=Decimal(44745), context="Why")
    OrganisationSettings.objects.filter(pk=1).update(directorate_word="Service unit")
    table = build_improvement_report(ret.period, sight=WHOLE_SIGHT).tables()[0]
    assert table.columns[0] == "Service unit"
    # after the figures (less the forecast columns: nothing is forecast) and the SPC icons' words
    assert table.columns[7:] == ["Variation", "Assurance", *columns]
    assert len(table.rows[0]) == len(table.columns)


def test_the_improvement_page_heads_groups_with_the_councils_word(client, red):
    ret, officer = red
    services.return_save(ret=ret, by=officer, version=ret.version, actual=Decimal(44745))
    rule("one")
    OrganisationSettings.objects.filter(pk=1).update(directorate_word="Service unit")
    client.force_login(officer)
    html = client.get("/reports/improvement/?year=2018/19&quarter=2").content.decode()
    assert "Service unit: Waste" in html
    assert (
        '<label class="govuk-label" for="id_directorate">Service unit</label>' in html or "Service unit</label>" in html
    )
    assert ">Commentary</th>" in html and "Intervention / review" not in html
