"""Who may open every page and send every form: each URL in scorecard.web.urls, for each role, → the status expected.

A new URL fails test_every_url_has_a_row until someone decides, here, who may use it.
"""

from dataclasses import dataclass
from datetime import date

import pytest
from django.urls import reverse

from scorecard.api import tokens
from scorecard.council.models import Directorate, Period, Pledge
from scorecard.returns.models import Return, WorkflowState
from scorecard.spc.models import Annotation, Rebase
from scorecard.web import urls
from tests import factories

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "other_owner", "owner", "approver", "performance", "reader")
LOGIN = 302  # anonymous people are sent to sign in
DONE = 302  # a form that worked redirects to the page that shows the result
REFUSED, NOT_ALLOWED = 403, 405
SIGNED, SIGNED_NOTHING = 200, 400  # many at once: the page says what was done (200), or that nothing was (400)
NOT_YOURS = 404  # someone else's token is not even shown to exist
SET_UP = 404  # the first-run page, once the council is set up
GONE = 410  # an invitation link that is unknown, used or too old, whoever opens it
UNPUBLISHED = 404  # the reports ask for the open quarter: readers and the public see published quarters only

# name, method,          anonymous, owner elsewhere, owner, approver, performance team, reader
MATRIX = [
    ("home", "GET", 200, 200, 200, 200, 200, 200),
    ("years", "GET", 200, 200, 200, 200, 200, 200),
    ("improvement", "GET", UNPUBLISHED, 200, 200, 200, 200, UNPUBLISHED),
    ("dashboard", "GET", UNPUBLISHED, 200, 200, 200, 200, UNPUBLISHED),
    ("annual", "GET", UNPUBLISHED, 200, 200, 200, 200, UNPUBLISHED),
    ("cabinet", "GET", UNPUBLISHED, 200, 200, 200, 200, UNPUBLISHED),
    ("cabinet", "POST", UNPUBLISHED, 200, 200, 200, 200, UNPUBLISHED),
    ("profile", "GET", 200, 200, 200, 200, 200, 200),
    ("measure_targets", "GET", LOGIN, REFUSED, REFUSED, REFUSED, 200, REFUSED),
    ("measure_targets", "POST", LOGIN, REFUSED, REFUSED, REFUSED, 400, REFUSED),  # 400: the measure is not mapped
    ("spc_summary", "GET", UNPUBLISHED, 200, 200, 200, 200, UNPUBLISHED),
    ("spc_page", "GET", LOGIN, REFUSED, 200, 200, 200, REFUSED),
    ("spc_page", "POST", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("spc_settings", "GET", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("spc_settings", "POST", LOGIN, REFUSED, REFUSED, REFUSED, DONE, REFUSED),
    ("spc_rebase", "GET", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("spc_rebase", "POST", LOGIN, REFUSED, REFUSED, REFUSED, DONE, REFUSED),
    ("spc_rebase_remove", "GET", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("spc_rebase_remove", "POST", LOGIN, REFUSED, REFUSED, REFUSED, DONE, REFUSED),
    # a note on the chart: by the measure's owners and approvers, and the performance team
    ("spc_annotation", "GET", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("spc_annotation", "POST", LOGIN, REFUSED, DONE, DONE, DONE, REFUSED),
    ("spc_annotation_remove", "GET", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("spc_annotation_remove", "POST", LOGIN, REFUSED, DONE, DONE, DONE, REFUSED),
    ("my_returns", "GET", LOGIN, 200, 200, 200, 200, 200),
    ("my_returns", "POST", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("submit_many", "GET", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    # The owner elsewhere is told, on the page, that the return is not theirs to submit (nothing is submitted).
    ("submit_many", "POST", LOGIN, SIGNED_NOTHING, SIGNED, REFUSED, SIGNED, REFUSED),
    ("return", "GET", LOGIN, REFUSED, 200, 200, 200, REFUSED),
    ("return", "POST", LOGIN, REFUSED, DONE, REFUSED, DONE, REFUSED),
    ("return_preview", "GET", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("return_preview", "POST", LOGIN, REFUSED, 200, 200, 200, REFUSED),
    ("target_amend", "GET", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("target_amend", "POST", LOGIN, REFUSED, REFUSED, REFUSED, DONE, REFUSED),
    ("return_history", "GET", LOGIN, REFUSED, 200, 200, 200, REFUSED),
    ("return_history", "POST", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("return_challenge", "GET", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("return_challenge", "POST", LOGIN, REFUSED, REFUSED, REFUSED, DONE, REFUSED),
    ("return_override", "GET", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("return_override", "POST", LOGIN, REFUSED, REFUSED, REFUSED, DONE, REFUSED),
    ("return_reopen", "GET", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("return_reopen", "POST", LOGIN, REFUSED, REFUSED, DONE, DONE, REFUSED),
    ("approvals", "GET", LOGIN, REFUSED, REFUSED, 200, 200, REFUSED),
    ("approvals", "POST", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("approve_many", "GET", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("approve_many", "POST", LOGIN, REFUSED, REFUSED, SIGNED, SIGNED, REFUSED),
    ("approve", "GET", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("approve", "POST", LOGIN, REFUSED, REFUSED, DONE, DONE, REFUSED),
    ("send_back", "GET", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("send_back", "POST", LOGIN, REFUSED, REFUSED, DONE, DONE, REFUSED),
    ("quarters", "GET", LOGIN, REFUSED, REFUSED, REFUSED, 200, REFUSED),
    ("quarters", "POST", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("period_open", "GET", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("period_open", "POST", LOGIN, REFUSED, REFUSED, REFUSED, DONE, REFUSED),
    ("period_close", "GET", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("period_close", "POST", LOGIN, REFUSED, REFUSED, REFUSED, DONE, REFUSED),
    ("period_reopen", "GET", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("period_reopen", "POST", LOGIN, REFUSED, REFUSED, REFUSED, DONE, REFUSED),
    ("period_publish", "GET", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("period_publish", "POST", LOGIN, REFUSED, REFUSED, REFUSED, DONE, REFUSED),
    ("period_correction", "GET", LOGIN, REFUSED, REFUSED, REFUSED, 200, REFUSED),
    ("period_correction", "POST", LOGIN, REFUSED, REFUSED, REFUSED, 400, REFUSED),  # 400: no version to correct
    # The publications archive is public: every version, its files, its manifest and what changed since.
    ("publications", "GET", 200, 200, 200, 200, 200, 200),
    ("publications", "POST", NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("publication", "GET", 200, 200, 200, 200, 200, 200),
    ("publication", "POST", NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("publication_changes", "GET", 200, 200, 200, 200, 200, 200),
    ("publication_changes", "POST", NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("publication_file", "GET", 200, 200, 200, 200, 200, 200),
    ("publication_file", "POST", NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("import_returns", "GET", LOGIN, 200, 200, REFUSED, 200, REFUSED),
    ("import_returns", "POST", LOGIN, 400, 400, REFUSED, 400, REFUSED),  # 400: no file was sent
    ("import_template", "GET", LOGIN, 200, 200, REFUSED, 200, REFUSED),
    ("api_tokens", "GET", LOGIN, 200, 200, 200, 200, 200),
    ("api_tokens", "POST", LOGIN, DONE, DONE, DONE, DONE, DONE),  # then the page shows the new token's key, once
    ("api_token_revoke", "GET", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("api_token_revoke", "POST", LOGIN, NOT_YOURS, DONE, NOT_YOURS, NOT_YOURS, NOT_YOURS),  # the owner's token
    ("import_targets", "GET", LOGIN, REFUSED, REFUSED, REFUSED, 200, REFUSED),
    ("import_targets", "POST", LOGIN, REFUSED, REFUSED, REFUSED, 400, REFUSED),  # 400: no file was sent
    ("import_targets_template", "GET", LOGIN, REFUSED, REFUSED, REFUSED, 200, REFUSED),
    ("set_up_scorecard", "GET", LOGIN, REFUSED, REFUSED, REFUSED, 200, REFUSED),
    ("set_up_scorecard", "POST", LOGIN, REFUSED, REFUSED, REFUSED, 400, REFUSED),  # 400: no file was sent
    ("set_up_scorecard_template", "GET", LOGIN, REFUSED, REFUSED, REFUSED, 200, REFUSED),
    ("people", "GET", LOGIN, REFUSED, REFUSED, REFUSED, 200, REFUSED),
    ("people", "POST", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("person_invite", "GET", LOGIN, REFUSED, REFUSED, REFUSED, 200, REFUSED),
    ("person_invite", "POST", LOGIN, REFUSED, REFUSED, REFUSED, 400, REFUSED),  # 400: no address was sent
    ("person", "GET", LOGIN, REFUSED, REFUSED, REFUSED, 200, 200),  # the reader's own page
    ("person", "POST", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("person_roles", "GET", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("person_roles", "POST", LOGIN, REFUSED, REFUSED, REFUSED, DONE, REFUSED),
    ("person_switch_off", "GET", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("person_switch_off", "POST", LOGIN, REFUSED, REFUSED, REFUSED, DONE, REFUSED),
    ("person_switch_on", "GET", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("person_switch_on", "POST", LOGIN, REFUSED, REFUSED, REFUSED, DONE, REFUSED),
    ("invitation_resend", "GET", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("invitation_resend", "POST", LOGIN, REFUSED, REFUSED, REFUSED, DONE, REFUSED),
    ("invitation", "GET", GONE, GONE, GONE, GONE, GONE, GONE),
    ("invitation", "POST", GONE, GONE, GONE, GONE, GONE, GONE),
    ("open_data", "GET", 200, 200, 200, 200, 200, 200),
    ("open_data", "POST", NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("open_data_all", "GET", 200, 200, 200, 200, 200, 200),
    ("open_data_quarter", "GET", UNPUBLISHED, UNPUBLISHED, UNPUBLISHED, UNPUBLISHED, UNPUBLISHED, UNPUBLISHED),
    # the first-run page is gone once a council is set up (this one has people and years)
    ("start", "GET", SET_UP, SET_UP, SET_UP, SET_UP, SET_UP, SET_UP),
    ("start", "POST", SET_UP, SET_UP, SET_UP, SET_UP, SET_UP, SET_UP),
    ("setup", "GET", LOGIN, REFUSED, REFUSED, REFUSED, 200, REFUSED),
    ("setup", "POST", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("setup_organisation", "GET", LOGIN, REFUSED, REFUSED, REFUSED, 200, REFUSED),
    ("setup_organisation", "POST", LOGIN, REFUSED, REFUSED, REFUSED, DONE, REFUSED),
    ("setup_years", "GET", LOGIN, REFUSED, REFUSED, REFUSED, 200, REFUSED),
    ("setup_years", "POST", LOGIN, REFUSED, REFUSED, REFUSED, DONE, REFUSED),
    ("setup_year_copy", "GET", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("setup_year_copy", "POST", LOGIN, REFUSED, REFUSED, REFUSED, DONE, REFUSED),
    ("setup_directorates", "GET", LOGIN, REFUSED, REFUSED, REFUSED, 200, REFUSED),
    ("setup_directorates", "POST", LOGIN, REFUSED, REFUSED, REFUSED, DONE, REFUSED),
    ("setup_pledges", "GET", LOGIN, REFUSED, REFUSED, REFUSED, 200, REFUSED),
    ("setup_pledges", "POST", LOGIN, REFUSED, REFUSED, REFUSED, DONE, REFUSED),
    ("setup_priorities", "GET", LOGIN, REFUSED, REFUSED, REFUSED, 200, REFUSED),
    ("setup_priorities", "POST", LOGIN, REFUSED, REFUSED, REFUSED, DONE, REFUSED),
    ("setup_perspectives", "GET", LOGIN, REFUSED, REFUSED, REFUSED, 200, REFUSED),
    ("setup_perspectives", "POST", LOGIN, REFUSED, REFUSED, REFUSED, DONE, REFUSED),
    ("setup_portfolios", "GET", LOGIN, REFUSED, REFUSED, REFUSED, 200, REFUSED),
    ("setup_portfolios", "POST", LOGIN, REFUSED, REFUSED, REFUSED, DONE, REFUSED),
    ("benchmarking", "GET", LOGIN, REFUSED, REFUSED, REFUSED, 200, REFUSED),
    ("benchmarking", "POST", LOGIN, REFUSED, REFUSED, REFUSED, DONE, REFUSED),
    ("benchmarking_load", "GET", LOGIN, REFUSED, REFUSED, REFUSED, 200, REFUSED),
    ("benchmarking_load", "POST", LOGIN, REFUSED, REFUSED, REFUSED, 400, REFUSED),  # 400: no file was sent
    ("benchmarking_measures", "GET", LOGIN, REFUSED, REFUSED, REFUSED, 200, REFUSED),
    ("benchmarking_measures", "POST", LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED),
    ("benchmarking_groups", "GET", LOGIN, REFUSED, REFUSED, REFUSED, 200, REFUSED),
    ("benchmarking_groups", "POST", LOGIN, REFUSED, REFUSED, REFUSED, DONE, REFUSED),
    ("benchmarking_group", "GET", LOGIN, REFUSED, REFUSED, REFUSED, 200, REFUSED),
    ("benchmarking_group", "POST", LOGIN, REFUSED, REFUSED, REFUSED, DONE, REFUSED),
    ("benchmarking_mappings", "GET", LOGIN, REFUSED, REFUSED, REFUSED, 200, REFUSED),
    ("benchmarking_mappings", "POST", LOGIN, REFUSED, REFUSED, REFUSED, DONE, REFUSED),
]


COMMENTARY = {"context": "Fewer referrals.", "improvement_actions": "Outreach.", "intervention": "None needed."}


@dataclass(frozen=True)
class World:
    """People in two directorates, a quarter of each state, a draft return, a submitted one and an approved one."""

    people: dict
    pledge: Pledge
    closed: Period
    open: Period
    not_open: Period
    measure: object
    draft: Return
    submitted: Return
    approved: Return
    target: object
    token: object
    comparators: object
    external: object
    rebase: Rebase
    annotation: Annotation
    version: object


@pytest.fixture(autouse=True)
def _quick_passwords(settings):
    """Five people for each of 200-odd cases: a slow password hash would make this file take minutes."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world() -> World:
    people_services = Directorate.objects.create(name="People Services")
    q2, q3, q4 = (factories.period(2018, quarter) for quarter in (2, 3, 4))
    Period.objects.filter(pk=q2.pk).update(state=Period.State.CLOSED)
    Period.objects.filter(pk=q3.pk).update(state=Period.State.OPEN, deadline=date(2019, 1, 18))
    measure, other, third = factories.measure("PM1"), factories.measure("PM2"), factories.measure("PM3")
    for each in (measure, other, third):
        factories.entry(each, q3.year, directorate=people_services)
    factories.return_for(measure, q2, 470)
    people = factories.everyone("People Services")
    rebase = Rebase.objects.create(measure=measure, period=q3, reason="New definition")
    annotation = Annotation.objects.create(measure=measure, on=date(2018, 8, 1), note="New IT system live")
    return World(
        people,
        Pledge.objects.create(name="A Greener Council"),
        Period.objects.get(pk=q2.pk),
        Period.objects.get(pk=q3.pk),
        q4,
        measure,
        factories.return_for(measure, q3, 480, state=WorkflowState.DRAFT, **COMMENTARY),  # Amber: all three
        factories.return_for(other, q3, 480, state=WorkflowState.SUBMITTED, context="Words"),
        factories.return_for(third, q3, 490, state=WorkflowState.APPROVED, context="Words"),
        factories.target(measure, q3, 500),
        tokens.token_create(user=people["owner"], name="Spreadsheet")[0],
        *comparator_data(),
        rebase,
        annotation,
        kept_version(),
    )


def comparator_data():
    """A comparator group of one area, and an external measure in the unit of the world's measures."""
    external = factories.external_measure("PM1X", unit="count")
    return factories.comparators(external, "2018/19", {"E06000015": 12}), external


def kept_version():
    """2018/19 Q1, published and kept as version 1 of its dashboard."""
    q1 = factories.period(2018, 1)
    factories.published(q1)
    return factories.kept_version(q1)


def address(name: str, world: World) -> tuple[dict, str]:
    """The URL's arguments and any query string, for the world's things in the state each URL needs."""
    returns = {"return_id": world.draft.pk}
    return_form = {"period_id": world.open.pk, "measure_id": world.measure.pk}
    return {
        "improvement": ({}, "?year=2018/19&quarter=3"),
        "dashboard": ({}, "?year=2018/19&quarter=3&group_by=directorate"),
        "annual": ({}, "?year=2018/19"),
        "cabinet": ({}, "?year=2018/19&quarter=3"),
        "profile": ({"pk": world.measure.pk}, ""),
        "measure_targets": ({"pk": world.measure.pk}, ""),
        "spc_summary": ({}, "?year=2018/19&quarter=3"),
        **dict.fromkeys(["spc_page", "spc_settings", "spc_rebase", "spc_annotation"], ({"pk": world.measure.pk}, "")),
        "spc_rebase_remove": ({"pk": world.measure.pk, "rebase_id": world.rebase.pk}, ""),
        "spc_annotation_remove": ({"pk": world.measure.pk, "annotation_id": world.annotation.pk}, ""),
        "return": (return_form, ""),
        "return_preview": (return_form, ""),
        "target_amend": (return_form, ""),
        "return_history": (returns, ""),
        "return_challenge": (returns, ""),
        "return_override": (returns, ""),
        "approve": ({"return_id": world.submitted.pk}, ""),
        "send_back": ({"return_id": world.submitted.pk}, ""),
        "return_reopen": ({"return_id": world.approved.pk}, ""),
        "period_open": ({"period_id": world.not_open.pk}, ""),
        "period_close": ({"period_id": world.open.pk}, ""),
        "period_reopen": ({"period_id": world.closed.pk}, ""),
        "period_publish": ({"period_id": world.closed.pk}, ""),
        "period_correction": ({"period_id": world.closed.pk}, ""),
        **dict.fromkeys(
            ["publication", "publication_changes"], ({"report": "dashboard", "slug": "2018-19-q1", "number": 1}, "")
        ),
        "publication_file": (
            {"report": "dashboard", "slug": "2018-19-q1", "number": 1, "filename": "manifest.json"},
            "",
        ),
        "import_template": ({"period_id": world.open.pk, "format": "csv"}, ""),
        "api_token_revoke": ({"token_id": world.token.pk}, ""),
        "import_targets_template": ({"year_id": world.open.year_id, "format": "csv"}, ""),
        "set_up_scorecard_template": ({"year_id": world.open.year_id, "format": "xlsx"}, ""),
        **dict.fromkeys(
            ["person", "person_roles", "person_switch_off", "person_switch_on", "invitation_resend"],
            ({"pk": world.people["reader"].pk}, ""),
        ),
        "invitation": ({"token": "not-a-token-scorecard-sent"}, ""),
        "open_data_all": ({"extension": "csv"}, ""),
        "setup_priorities": ({"pledge_id": world.pledge.pk}, ""),
        "benchmarking_group": ({"group_id": world.comparators.pk}, ""),
        "open_data_quarter": ({"slug": world.closed.as_period.slug, "extension": "json"}, ""),  # not published
    }.get(name, ({}, ""))


def sent(name: str, world: World) -> dict:
    """What each form sends when filled in properly, so a refusal is about who, not what."""
    group = {"name": "Our group", "members": "E06000015", "publishable": "no"}
    return {
        "benchmarking_groups": group,
        "benchmarking_group": group,
        "benchmarking_mappings": {"measure": world.measure.pk, "external": world.external.pk, "match": "identical"},
        "cabinet": {"meeting": "Cabinet", "summary": "S", "recommendations": "R", "reason": "W", "format": "docx"},
        "return": {"version": world.draft.version, "actual": "480", "action": "save"},
        "return_preview": {"version": 0, "actual": "480"},
        "measure_targets": {"year": world.open.year_id, "when": "year_end", "basis": "median"},
        "target_amend": {
            "amend-target": world.target.pk,
            "amend-new_value": "450",
            "amend-reason": "Mid-year review",
            "amend-approved_by": "Cabinet",
            "amend-approved_on": "2018-11-14",
        },
        "return_challenge": {"challenge-comment": "Is the forecast realistic?"},
        "spc_settings": {"settings-charted": "yes", "settings-fix_after": "12", "settings-reason": "Baseline"},
        "spc_rebase": {"rebase-period": world.closed.pk, "rebase-reason": "New service"},
        "spc_annotation": {"annotation-on": "2018-09-01", "annotation-note": "New IT system live"},
        "return_override": {"override-field": "status", "override-value": "red", "override-reason": "Data error"},
        "send_back": {"comment": "Add the context.", "version": world.submitted.version},
        "approve": {"version": world.submitted.version},
        "approve_many": {"returns": f"{world.submitted.pk}:{world.submitted.version}"},
        "submit_many": {"returns": f"{world.draft.pk}:{world.draft.version}"},
        "return_reopen": {"reopen-version": world.approved.version, "reopen-reason": "The figure was restated"},
        "period_open": {"deadline": "2019-04-18", "back_loading": "yes"},
        "period_reopen": {"reason": "Late figures"},
        "period_publish": {"confirm_unapproved": "on", "reason": "Published as the returns stand"},
        "period_correction": {
            "category": "error",
            "what_changed": "A typing error",
            "effect": "None",
            "approved_by": "Director",
        },
        "api_tokens": {"name": "Power BI refresh"},
        "setup_organisation": {
            "name": "Northfield District Council",
            "team_name": "Performance",
            "data_source": "Scorecard",
            "directorate_word": "Service unit",
            "directorate_word_plural": "Service units",
            "bands": "four",
            "blue_margin": "2%",
            "amber_margin": "5%",
            "margins": "relative",
            "commentary": "one",
            "commentary_required": "red_or_amber",
            "default_comparison": "same_period_last_year",
            "stabilised_word": "no",
            "completed_status": "green",
            "allow_self_approval": "no",
            "dashboard_columns": ["good_is", "direction"],
            "annual_benchmark": "yes",
        },
        "setup_years": {"year": "2030/31"},
        "setup_year_copy": {"from_year": world.open.year_id, "to_year": "2031/32"},
        "setup_directorates": {"action": "add", "name": "Waste Services"},
        "setup_pledges": {"action": "add", "name": "A Safer Council"},
        "setup_priorities": {"action": "add", "name": "Cleaner air"},
        "setup_perspectives": {"action": "add", "name": "Value for Money"},
        "setup_portfolios": {"action": "add", "name": "Environment"},
        "person_roles": {"council": ["reader"]},
    }.get(name, {})


def expected_cases():
    for name, method, *statuses in MATRIX:
        for role, status in zip(ROLES, statuses, strict=True):
            yield pytest.param(name, method, role, status, id=f"{name}-{method}-{role}")


def test_every_url_has_a_row():
    named = {pattern.name for pattern in urls.urlpatterns}
    in_matrix = {name for name, *_ in MATRIX}
    assert named - in_matrix == set(), "add these URLs to MATRIX: who may use them?"
    assert in_matrix - named == set(), "these URLs are gone: remove them from MATRIX"
    assert {method for name, method, *_ in MATRIX if name in named} <= {"GET", "POST"}


@pytest.mark.parametrize(("name", "method", "role", "status"), list(expected_cases()))
def test_the_permission_matrix(client, world, name, method, role, status):
    if role != "anonymous":
        client.force_login(world.people[role])
    kwargs, query = address(name, world)
    url = reverse(f"web:{name}", kwargs=kwargs) + query
    response = client.post(url, sent(name, world)) if method == "POST" else client.get(url)
    assert response.status_code == status
    if status == LOGIN and role == "anonymous":
        assert response.url.startswith("/accounts/login/?next=")
    if status == REFUSED:
        assert "cannot" in response.content.decode()  # a plain message says why


def test_a_missing_thing_is_not_found(client, world):
    """Every URL that names a quarter, measure or return answers 404 when there is no such thing."""
    client.force_login(world.people["performance"])
    for name, method, *_ in MATRIX:
        kwargs, _ = address(name, world)
        ids = [key for key, value in kwargs.items() if isinstance(value, int)]
        if ids and method == usable_method(name):
            url = reverse(f"web:{name}", kwargs={**kwargs, **dict.fromkeys(ids, 999999)})
            response = client.post(url, sent(name, world)) if method == "POST" else client.get(url)
            assert response.status_code == 404, url


def usable_method(name: str) -> str:
    """GET where the performance team may open the page; POST for the forms that only take POST."""
    team = ROLES.index("performance")
    return "GET" if any(row[:2] == (name, "GET") and row[2 + team] == 200 for row in MATRIX) else "POST"


# Pages whose tables download with ?download=csv|xlsx; an import page's table is the last file checked.
DOWNLOADS = {"years", "my_returns", "return_history", "approvals", "quarters", "open_data"}
CHECKED_FILE_DOWNLOADS = {"import_returns", "import_targets", "set_up_scorecard"}


def download_cases():
    for name, method, *statuses in MATRIX:
        if method == "GET" and name in DOWNLOADS | CHECKED_FILE_DOWNLOADS:
            for role, status in zip(ROLES, statuses, strict=True):
                yield pytest.param(name, role, status, id=f"{name}-{role}")


@pytest.mark.parametrize(("name", "role", "status"), list(download_cases()))
def test_a_download_is_refused_wherever_its_page_is(client, world, name, role, status):
    if role != "anonymous":
        client.force_login(world.people[role])
    kwargs, _ = address(name, world)
    response = client.get(reverse(f"web:{name}", kwargs=kwargs) + "?download=csv")
    if status != 200:
        assert response.status_code == status
    elif name in CHECKED_FILE_DOWNLOADS:
        assert response.status_code == 400  # nothing has been checked yet
    else:
        assert (response.status_code, response["Content-Type"]) == (200, "text/csv; charset=utf-8")
