from scorecard.council.models import OrganisationSettings


def organisation(request):
    """The council's name and team for every page's header and footer."""
    return {"organisation": OrganisationSettings.load()}
