"""Issue 16 §2: proposed target amendments, and the targets of a year with no published quarter, are not public."""

from datetime import date
from decimal import Decimal

import pytest

from scorecard.measures.models import TargetAmendment
from tests import factories


@pytest.fixture
def next_year(council):
    """2019/20 set up (scorecard and targets) but nothing of it published; a proposal and an approved amendment."""
    year = factories.year(2019)
    factories.entry(council.measure, year)
    target = factories.target(council.measure, None, 4321, year_of=year)
    this_year = council.measure.targets.get(year=council.open.year, period=None)
    TargetAmendment.objects.create(target=this_year, old_value=480, new_value=470, reason="Approved at mid-year")
    TargetAmendment.objects.filter(reason="Approved at mid-year").update(
        approved_by="Cabinet", approved_on=date(2018, 11, 1)
    )
    TargetAmendment.objects.create(target=this_year, old_value=470, new_value=460, reason="Proposed at the review")
    TargetAmendment.objects.create(target=target, old_value=Decimal(4321), new_value=4000, reason="Next year's change")
    return year


@pytest.mark.parametrize("role", ["anonymous", "reader"])
def test_a_years_targets_and_scorecard_are_not_public_before_a_quarter_is(public, as_role, next_year, role):
    api = public if role == "anonymous" else as_role(role)
    for path in ("/targets", "/measures"):
        refused = api.get(path, year="2019/20")
        assert refused.status_code == 404
        assert (
            refused.json()["detail"]
            == "2019/20 has no published quarter yet: its scorecard and targets are not public."
        )
    assert api.get("/targets", year="2018/19").status_code == 200


@pytest.mark.parametrize("role", ["owner", "other_owner", "approver", "performance"])
def test_those_who_work_on_returns_read_next_years_targets(as_role, next_year, role):
    targets = as_role(role).get("/targets", year="2019/20")
    assert targets.status_code == 200
    assert [target["value"] for target in targets.json()] == ["4321"]


@pytest.mark.parametrize("role", ["anonymous", "reader"])
def test_the_public_profile_lists_only_approved_amendments_of_published_years(
    client, public, as_role, council, next_year, role
):
    api = public if role == "anonymous" else as_role(role)
    tables = api.get(f"/reports/profile/{council.measure.pk}").json()["tables"]
    reasons = [row[3]["text"] for row in tables[1]["rows"]]
    assert reasons == ["Approved at mid-year"]
    page = client.get(f"/measures/{council.measure.pk}/").content.decode()
    assert "Approved at mid-year" in page
    assert "Proposed at the review" not in page and "Next year&#x27;s change" not in page and "4321" not in page
    download = client.get(f"/measures/{council.measure.pk}/?format=csv").content.decode()
    assert "Proposed at the review" not in download


@pytest.mark.parametrize("role", ["owner", "performance"])
def test_the_team_and_owners_see_proposals_on_the_profile(as_role, council, next_year, role):
    tables = as_role(role).get(f"/reports/profile/{council.measure.pk}").json()["tables"]
    reasons = {row[3]["text"] for row in tables[1]["rows"]}
    assert reasons == {"Approved at mid-year", "Proposed at the review", "Next year's change"}
