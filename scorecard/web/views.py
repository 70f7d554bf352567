from django.shortcuts import redirect, render

from scorecard.accounts import permissions
from scorecard.council.first_run import is_set_up
from scorecard.council.selectors import latest_period_seen_by, period_heading, years_seen_by
from scorecard.reports.outputs import glance_output
from scorecard.returns.worklists import work_for
from scorecard.web import downloads, tables
from scorecard.web.context import visitor


def home(request):
    """The latest quarter this visitor may see at a glance, and, for staff, the work waiting for them."""
    if not is_set_up():
        return redirect("web:start")  # a fresh Scorecard: its first visitor with the set-up code sets it up
    user = request.user
    period = latest_period_seen_by(user)
    glance = glance_output(period, sight=permissions.working_sight(user)) if period else None
    context = {"period": period, "glance": glance, "work": work_for(user)}
    return render(request, "web/home.html", {**context, **visitor(user)})


def years(request):
    """Every year and quarter held that this visitor may see, with links to their reports."""
    held = years_seen_by(request.user)
    if downloads.asked(request):
        return downloads.respond(request, tables.years_held(held))
    context = {"years": held, "period_heading": period_heading(one.year for one in held), **visitor(request.user)}
    return render(request, "web/years.html", context)
