"""A measure's targets page (the performance team): the targets held, and a target set from comparator councils'
figures — at least the comparator median, or the top-quartile threshold — for a quarter or the year end."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from scorecard.accounts import permissions
from scorecard.benchmarking.selectors import benchmark_for
from scorecard.benchmarking.targets import target_from_benchmark
from scorecard.council.models import FinancialYear
from scorecard.measures.models import Measure, Target
from scorecard.performance.benchmark_targets import Basis
from scorecard.reports.benchmarks import ReportBenchmark
from scorecard.returns.services import Refused
from scorecard.web.returns import refused
from scorecard.web.setup_forms import radios

WHEN = [("year_end", "The year end"), *((str(quarter), f"Quarter {quarter}") for quarter in range(1, 5))]
BASES = [
    (Basis.MEDIAN.value, "At least the comparator median (at most, where low is good)"),
    (Basis.TOP_QUARTILE.value, "The top-quartile threshold: as good as the best quarter of the group"),
]


class BenchmarkTargetForm(forms.Form):
    year = forms.ModelChoiceField(
        label="Year",
        queryset=FinancialYear.objects.order_by("-start_year"),
        empty_label=None,
        widget=forms.Select(attrs={"class": "govuk-select"}),
        error_messages={"required": "Choose the year", "invalid_choice": "Choose a year that is held"},
    )
    when = radios("Target for", WHEN)
    basis = radios("Set the target to", BASES)

    def quarter(self) -> int | None:
        when = self.cleaned_data["when"]
        return None if when == "year_end" else int(when)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def measure_targets(request, pk: int):
    if not permissions.sets_targets(request.user):
        return refused(request, "Only the performance team sets targets.")
    measure = get_object_or_404(Measure, pk=pk)
    form = BenchmarkTargetForm(request.POST if request.method == "POST" else None)
    refusal = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            target = target_from_benchmark(
                measure=measure, year=data["year"], quarter=form.quarter(), basis=Basis(data["basis"]), by=request.user
            )
        except Refused as reason:
            refusal = str(reason)
        else:
            messages.success(request, f"The target is set. {target.benchmark_source}.")
            return redirect("web:measure_targets", pk=measure.pk)
    context = {"measure": measure, "form": form, "refusal": refusal, **held(measure)}
    return render(request, "measures/targets.html", context, status=400 if form.errors or refusal else 200)


def held(measure: Measure) -> dict:
    """The measure's targets, newest year first, and where it stands among comparators now."""
    targets = Target.objects.filter(measure=measure).select_related("year", "period")
    found = benchmark_for(measure)
    return {
        "targets": targets.order_by("-year__start_year", F("period__quarter").asc(nulls_last=True)),
        "benchmark": ReportBenchmark(found, found.period) if found else None,
    }
