from django.shortcuts import render

from scorecard.council.selectors import years_held
from scorecard.web import downloads, tables


def home(request):
    years = years_held()
    if downloads.asked(request):
        return downloads.respond(request, tables.years_held(years))
    return render(request, "web/home.html", {"years": years})
