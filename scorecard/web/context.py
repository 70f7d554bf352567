from django.urls import reverse

from scorecard.accounts import permissions
from scorecard.council.models import OrganisationSettings


def organisation(request):
    """The council's name and team for every page's header and footer."""
    return {"organisation": OrganisationSettings.load()}


def work(request):
    """Links to the pages where returns are completed, signed off and collected, for the people who do that."""
    user = getattr(request, "user", None)
    wanted = [
        ("My returns", "web:my_returns", permissions.completes_returns(user)),
        ("Approvals", "web:approvals", permissions.signs_off_returns(user)),
        ("Quarters", "web:quarters", permissions.may_run_the_quarter(user)),
        ("Set up", "web:setup", permissions.sets_up_the_council(user)),
        ("People", "web:people", permissions.manages_people(user)),
    ]
    return {"work_links": [{"name": name, "url": reverse(url)} for name, url, shown in wanted if shown]}


def visitor(user) -> dict:
    """Who is looking, for pages that say what to do next: the performance team, or staff who see drafts."""
    return {"team": permissions.is_performance_team(user), "staff": permissions.may_see_unpublished(user)}
