"""A small council for the API's tests: one directorate, a published quarter and an open one, people with tokens."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from scorecard.api import tokens
from scorecard.council.models import Directorate, Period
from scorecard.measures.models import Measure
from scorecard.returns.models import Return, WorkflowState
from tests import factories


@dataclass(frozen=True)
class Council:
    published: Period
    open: Period
    measure: Measure
    other: Measure
    draft: Return
    submitted: Return
    keys: dict[str, str]  # role → that person's API key


class Api:
    """Calls to /api/ as someone (their key) or as the public (no key)."""

    def __init__(self, client, key: str | None = None):
        self.client, self.key = client, key

    def headers(self) -> dict:
        return {"Authorization": f"Bearer {self.key}"} if self.key else {}

    def get(self, path: str, **query):
        return self.client.get(f"/api{path}", query, headers=self.headers())

    def send(self, method: str, path: str, body: dict | None = None):
        call = getattr(self.client, method.lower())
        return call(f"/api{path}", body or {}, content_type="application/json", headers=self.headers())


@pytest.fixture
def council(db) -> Council:
    people_services = Directorate.objects.create(name="People Services")
    published, open_quarter = factories.period(2018, 2), factories.open_period(2018, 3)
    factories.published(published)
    measure = factories.measure("CM PM15", title="Children in need", polarity="low")
    other = factories.measure("CM PM16", title="Children looked after")
    for each in (measure, other):
        factories.entry(each, open_quarter.year, directorate=people_services)
    factories.target(measure, published, 500)
    factories.target(measure, open_quarter, 500)
    factories.target(measure, None, 480, year_of=open_quarter.year)
    factories.return_for(measure, published, 470, context="Fewer referrals", challenge="Is it realistic?")
    people = factories.everyone("People Services")
    keys = {role: tokens.token_create(user=person, name="Tests")[1] for role, person in people.items()}
    return Council(
        Period.objects.get(pk=published.pk),
        Period.objects.get(pk=open_quarter.pk),
        measure,
        other,
        factories.return_for(measure, open_quarter, 480, state=WorkflowState.DRAFT),
        factories.return_for(other, open_quarter, 480, state=WorkflowState.SUBMITTED, context="Words"),
        keys,
    )


@pytest.fixture
def public(client) -> Api:
    return Api(client)


@pytest.fixture
def as_role(client, council):
    return lambda role: Api(client, council.keys[role])
