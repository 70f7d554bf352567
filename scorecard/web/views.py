from django.shortcuts import redirect, render

from scorecard.council.first_run import is_set_up
from scorecard.council.selectors import years_held
from scorecard.web import downloads, tables


def home(request):
    years = years_held()
    if not years and not is_set_up():
        return redirect("web:start")  # a fresh Scorecard: its first visitor with the set-up code sets it up
    if downloads.asked(request):
        return downloads.respond(request, tables.years_held(years))
    return render(request, "web/home.html", {"years": years})
