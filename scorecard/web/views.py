from django.shortcuts import render

from scorecard.council.selectors import years_held


def home(request):
    return render(request, "web/home.html", {"years": years_held()})
