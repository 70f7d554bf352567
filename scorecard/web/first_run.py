"""The first-run page of a fresh Scorecard: the council, its bands, its first year and the first team account."""

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from scorecard.council.first_run import is_set_up
from scorecard.council.services import FirstAccount, SetUpRefused, council_start
from scorecard.web.setup_forms import StartForm

# Derby's traffic lights and commentary (the organisation's defaults) to start from.
DERBY = {"bands": "four", "blue_margin": "2%", "amber_margin": "5%", "margins": "relative", "commentary": "three"}


@require_http_methods(["GET", "HEAD", "POST"])
def start(request):
    if is_set_up():
        raise Http404("This Scorecard is already set up.")
    form = StartForm(request.POST or None, initial=DERBY)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        account = FirstAccount(data["username"], data["email"], data["password"])
        try:
            user = council_start(
                organisation=form.organisation(),
                first_year=data["year"],
                account=account,
                collection=data["collection"],
            )
        except SetUpRefused as refusal:
            raise Http404(str(refusal)) from None
        except ValidationError as problem:
            for field, errors in problem.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, f"{user.username}, {data['name']} is set up with {data['year'].label}.")
            return redirect("web:setup")
    status = 400 if form.errors else 200
    return render(request, "setup/start.html", {"form": form}, status=status)
