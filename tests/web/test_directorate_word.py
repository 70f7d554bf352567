"""Measures in no directorate are headed in the council's own word ("No service unit") on My returns, the
Quarters page's progress and Approvals."""

import pytest

from scorecard.accounts.models import Role
from scorecard.council.models import OrganisationSettings
from scorecard.returns.models import WorkflowState
from scorecard.returns.worklists import returns_due
from scorecard.web.approvals import queue
from scorecard.web.quarters import progress
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted_nowhere():
    """A service-unit council's submitted return for a measure in no service unit."""
    OrganisationSettings.objects.filter(pk=factories.organisation().pk).update(
        directorate_word="Service unit", directorate_word_plural="Service units"
    )
    quarter = factories.open_period()
    measure = factories.measure("WS PM01", title="Missed bins")
    factories.entry(measure, quarter.year)
    factories.return_for(measure, quarter, 12, state=WorkflowState.SUBMITTED)
    return quarter


def test_my_returns_heads_measures_in_no_directorate_in_the_councils_word(submitted_nowhere):
    (round,) = returns_due(factories.person("performance", Role.PERFORMANCE_TEAM))
    assert [name for name, _ in round.directorates] == ["No service unit"]


def test_the_quarters_progress_heads_them_in_the_councils_word(submitted_nowhere):
    (round,) = progress([submitted_nowhere])
    assert [tally.name for tally in round.directorates] == ["No service unit"]


def test_approvals_heads_them_in_the_councils_word(submitted_nowhere):
    (submitted,) = queue(factories.person("performance", Role.PERFORMANCE_TEAM))
    assert submitted.directorate == "No service unit"


def test_a_council_of_directorates_keeps_no_directorate(submitted_nowhere):
    OrganisationSettings.objects.update(directorate_word="Directorate")
    assert factories.organisation().no_directorate == "No directorate"


def test_the_people_page_heads_roles_in_the_councils_word(client, submitted_nowhere):
    team = factories.person("performance", Role.PERFORMANCE_TEAM)
    client.force_login(team)
    assert "No service units are set up yet" in client.get(f"/people/{team.pk}/").content.decode()
    factories.person("owner", Role.MEASURE_OWNER, "Waste and Recycling")
    assert (
        '<th scope="col" class="govuk-table__header">Service unit</th>'
        in client.get(f"/people/{team.pk}/").content.decode()
    )
