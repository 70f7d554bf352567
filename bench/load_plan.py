"""The load test's reads and writes on the Derby demo, and the check that every write is accounted for."""

from __future__ import annotations

from decimal import Decimal

from scorecard.accounts.models import User
from scorecard.api import tokens
from scorecard.council.models import Period
from scorecard.measures.models import ScorecardEntry
from scorecard.returns.models import Return


def load_plan(*, returns: int) -> dict:
    """Published report pages, profiles and API reads for the readers; open-quarter measures for the writers."""
    published = (
        Period.objects.select_related("year")
        .filter(published_at__isnull=False)
        .order_by("-year__start_year", "-quarter")
    )
    latest = published.first()
    open_quarter = Period.objects.get(state=Period.State.OPEN)
    query = f"?year={latest.year.label}&quarter={latest.quarter}"
    profiles = [f"/measures/{entry.measure_id}/" for entry in ScorecardEntry.objects.filter(year=latest.year)[:10]]
    pages = [
        "/",
        f"/reports/dashboard/{query}&group_by=perspective",
        f"/reports/improvement/{query}",
        f"/api/periods/{latest.pk}/returns",
        "/open-data/",
        *profiles,
    ]
    measures = list(
        ScorecardEntry.objects.filter(year=open_quarter.year, measure__kind="measure")
        .exclude(measure__unit="milestone")
        .exclude(measure__returns__period=open_quarter)
        .order_by("order")
        .values_list("measure_id", flat=True)[:returns]
    )
    if len(measures) < returns:
        raise SystemExit(
            f"The demo's open quarter has {len(measures)} measures to write to; the load test needs {returns}"
        )
    _, key = tokens.token_create(user=User.objects.get(username="performance"), name="Load test")
    return {"pages": pages, "quarter": open_quarter.pk, "measures": measures, "token": key}


def unaccounted_writes(sent: dict, accepted: dict) -> list[str]:
    """Each return holds the last change its writer sent, and its history one record per change accepted."""
    problems = []
    for (quarter, measure), change in sent.items():
        ret = Return.objects.get(period_id=quarter, measure_id=measure)
        if (ret.actual, ret.context) != (Decimal(change["actual"]), change["context"]):
            problems.append(f"{ret}: holds {ret.actual} “{ret.context}”, but the last change sent was {change}")
        recorded = ret.history.count() - 1  # the first record is the return begun empty
        if recorded != accepted[(quarter, measure)]:
            problems.append(f"{ret}: {recorded} changes in its history, {accepted[(quarter, measure)]} accepted")
    return problems
